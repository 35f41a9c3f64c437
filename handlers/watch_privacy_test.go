package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// Distinctive values that must never leave the application's pages and
// API: not in e-mails, exports, logs or the audit log.
const (
	secretName  = "Philomène"
	secretPhone = "07 12 34 56 78"
	secretNote  = "chute dans l'escalier hier soir"
)

// watchAlertScenario adds a person, assigns them and logs a level-2
// concern with a note.
func watchAlertScenario(e *env) (watchFixture, string) {
	e.t.Helper()
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime})
	id := e.addPerson(f, person(secretName, secretPhone, []string{"fr"}, []string{"mon-morning"}))
	e.assign(f, id, f.volunteers[0].ID)
	e.get("/api/v1/me/watch", f.volunteers[0].Access).expect(e.t, 200)
	e.post("/api/v1/me/watch/people/"+id+"/calls", f.volunteers[0].Access, map[string]string{
		"outcome": "reached", "concern": "health", "note": secretNote,
	}).expect(e.t, 201)
	return f, id
}

func assertNoSecrets(t *testing.T, where, text string) {
	t.Helper()
	for _, secret := range []string{secretName, secretPhone, secretNote, "escalier"} {
		if strings.Contains(text, secret) {
			t.Fatalf("%s holds %q:\n%.2000s", where, secret, text)
		}
	}
}

// TestWatchAlertEmailHoldsNoPersonDetails sends the level-2 alert through
// a real SMTP server: the coordinator gets it, without the person's name,
// phone or the note; and neither the volunteer's nor the organisation's
// exports hold them.
func TestWatchAlertEmailHoldsNoPersonDetails(t *testing.T) {
	e, srv := mailEnv(t)
	f, _ := watchAlertScenario(e)
	if sent := e.sendMail(); sent == 0 {
		t.Fatal("no e-mail sent")
	}
	m := mailWith(t, srv, f.shift.org.owner.Email, "Veille canicule")
	if !strings.Contains(m.Text, "/watch/") {
		t.Fatalf("the alert lacks the board's link:\n%s", m.Text)
	}
	assertNoSecrets(t, "the alert e-mail", m.Subject+m.Text+m.HTML)
	for _, r := range srv.To(f.volunteers[0].Email) {
		assertNoSecrets(t, "an e-mail to the volunteer", string(r.Raw))
	}
	export := e.get("/api/v1/me/export", f.volunteers[0].Access).expect(t, 200)
	assertNoSecrets(t, "the volunteer's export", export.Raw)
	owner := e.get("/api/v1/me/export", f.coordinator()).expect(t, 200)
	assertNoSecrets(t, "the coordinator's export", owner.Raw)
	missions := e.get("/api/v1/organizations/"+f.shift.org.id+"/missions/export", f.coordinator())
	assertNoSecrets(t, "the missions export", missions.Raw)
	notes := e.get("/api/v1/me/notifications", f.coordinator()).expect(t, 200)
	assertNoSecrets(t, "the in-app notification", notes.Raw)
	if !strings.Contains(notes.Raw, "Veille canicule") {
		t.Fatalf("no in-app alert: %s", notes.Raw)
	}
}

// TestWatchLogsHoldNoPersonalData runs the watch flows, including refused
// inputs, with debug logs, and finds no name, phone or note in them.
func TestWatchLogsHoldNoPersonalData(t *testing.T) {
	var logs lockedBuffer
	e := logEnv(t, &logs)
	f, id := watchAlertScenario(e)
	bad := person(secretName, "not a phone "+secretPhone+" !!!", []string{"fr"}, nil)
	e.post(f.base()+"/people", f.coordinator(), bad).expect(t, 400)
	e.post("/api/v1/me/watch/people/"+id+"/calls", f.volunteers[0].Access, map[string]string{
		"outcome": "maybe", "note": secretNote,
	}).expect(t, 400)
	e.get(f.base()+"/people/"+id, f.coordinator()).expect(t, 200)
	e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	e.do(req{method: "DELETE", path: f.base() + "/people/" + id, token: f.coordinator()}).expect(t, 204)
	out := logs.String()
	if !strings.Contains(out, "/watch/") {
		t.Fatalf("the watch requests are not in the logs:\n%.1000s", out)
	}
	assertNoSecrets(t, "the logs", out)
}

// TestWatchRetentionDeletesListsAndLogs ends a programme, runs the
// retention job after the retention period and finds only anonymised
// counts left.
func TestWatchRetentionDeletesListsAndLogs(t *testing.T) {
	e := newEnv(t)
	f, id := watchAlertScenario(e)
	ctx := context.Background()
	w := e.svc.Watch
	// Ended but within the retention period: nothing is deleted.
	e.clock.Advance(3*31*24*time.Hour + 24*time.Hour)
	if n, err := w.PurgeEnded(ctx); err != nil || n != 0 {
		t.Fatalf("purged %d (%v) within the retention period", n, err)
	}
	if _, err := e.store.WatchPerson(ctx, id); err != nil {
		t.Fatalf("person deleted too early: %v", err)
	}
	e.clock.Advance(91 * 24 * time.Hour)
	if n, err := w.PurgeEnded(ctx); err != nil || n != 1 {
		t.Fatalf("purged %d programmes (%v), want 1", n, err)
	}
	if _, err := e.store.WatchPerson(ctx, id); err != store.ErrNotFound {
		t.Fatalf("person after retention: %v", err)
	}
	if calls, _ := e.store.WatchCalls(ctx, id); len(calls) != 0 {
		t.Fatalf("%d calls after retention", len(calls))
	}
	if rows, _ := e.store.WatchBoard(ctx, f.programme); len(rows) != 0 {
		t.Fatalf("%d board rows after retention", len(rows))
	}
	if c, _ := e.store.WatchConcerns(ctx, f.programme); len(c) != 0 {
		t.Fatalf("%d concerns after retention", len(c))
	}
	if a, _ := e.store.WatchAssignments(ctx, f.volunteers[0].ID); len(a) != 0 {
		t.Fatalf("assignments after retention: %v", a)
	}
	e.login(&f.shift.org.owner)
	p := e.get(f.base(), f.coordinator()).expect(t, 200)
	stats, _ := p.Body["stats"].(map[string]any)
	if p.Body["purged_at"] == nil || stats["people"] != float64(1) || stats["calls"] != float64(1) {
		t.Fatalf("programme after retention: %s", p.Raw)
	}
	assertNoSecrets(t, "the purged programme", p.Raw)
	// A second run finds nothing more to do.
	if n, err := w.PurgeEnded(ctx); err != nil || n != 0 {
		t.Fatalf("second run purged %d (%v)", n, err)
	}
}

// logEnv is newEnv with debug logs written to w.
func logEnv(t *testing.T, w io.Writer) *env {
	t.Helper()
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off", "ENTRAIDE_DATA": t.TempDir()}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	clk := &clock{now: time.Now().UTC()}
	svc, err := service.Open(context.Background(), cfg, slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: slog.LevelDebug})),
		service.Options{Store: st, Argon2: &cheapArgon2, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	return &env{t: t, svc: svc, store: st, clock: clk}
}
