package handlers_test

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/entraide/entraide/privacy"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// inactivityWarnings counts the inactivity e-mails queued to an address.
func (e *env) inactivityWarnings(to string) int {
	e.t.Helper()
	jobs, err := e.store.EmailJobs(context.Background(), models.OutboxPending, 10_000)
	if err != nil {
		e.t.Fatal(err)
	}
	n := 0
	for _, j := range jobs {
		if j.To == to && j.Template == models.EventInactivityWarning {
			n++
		}
	}
	return n
}

func TestInactiveAccountsWarnedOnceThenAnonymised(t *testing.T) {
	e := newEnv(t)
	sib := e.sibling()
	ctx := context.Background()
	idle := e.signup(models.RoleVolunteer)      // never comes back
	returning := e.signup(models.RoleVolunteer) // comes back after the warning
	active := e.signup(models.RoleVolunteer)    // logs in before the job runs
	admin := e.admin()                          // idle, but never erased automatically

	// Not yet three years: nobody is inactive.
	e.clock.Advance(3*365*24*time.Hour - 48*time.Hour)
	if n, err := e.svc.Privacy.WarnInactiveAccounts(ctx); err != nil || n != 0 {
		t.Fatalf("warned %d before three years (%v)", n, err)
	}
	e.clock.Advance(4 * 24 * time.Hour)
	e.login(&active)

	if n, err := e.svc.Privacy.WarnInactiveAccounts(ctx); err != nil || n != 2 {
		t.Fatalf("warned %d accounts, want 2 (%v)", n, err)
	}
	// Again, on both instances: nobody is warned twice.
	for _, inst := range []*env{e, sib} {
		if n, err := inst.svc.Privacy.WarnInactiveAccounts(ctx); err != nil || n != 0 {
			t.Fatalf("second run warned %d (%v)", n, err)
		}
	}
	for _, c := range []struct {
		who  user
		want int
	}{{idle, 1}, {returning, 1}, {active, 0}, {admin, 0}} {
		if got := e.inactivityWarnings(c.who.Email); got != c.want {
			t.Fatalf("%s got %d warnings, want %d", c.who.Email, got, c.want)
		}
	}

	// Within the grace period nothing is erased; a login cancels.
	e.clock.Advance(10 * 24 * time.Hour)
	if n, err := e.svc.Privacy.AnonymizeInactiveAccounts(ctx); err != nil || n != 0 {
		t.Fatalf("anonymised %d within the grace period (%v)", n, err)
	}
	e.login(&returning)
	e.clock.Advance(21 * 24 * time.Hour)
	if n, err := sib.svc.Privacy.AnonymizeInactiveAccounts(ctx); err != nil || n != 1 {
		t.Fatalf("anonymised %d accounts, want 1 (%v)", n, err)
	}
	if n, err := e.svc.Privacy.AnonymizeInactiveAccounts(ctx); err != nil || n != 0 {
		t.Fatalf("second run anonymised %d (%v)", n, err)
	}

	// The idle account is gone: no token, no password, its data erased.
	if _, err := e.store.UserByID(ctx, idle.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("idle account still readable: %v", err)
	}
	e.get("/api/v1/me", idle.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": idle.Refresh}).expect(t, 401)
	e.post("/api/v1/auth/login", "", map[string]string{"email": idle.Email, "password": idle.Password}).expect(t, 401)
	if e.inactivityWarnings(idle.Email) != 0 {
		t.Fatal("queued e-mails of the erased account kept")
	}
	// Its e-mail can sign up again, as a new account.
	again := e.post("/api/v1/auth/signup", "", map[string]string{
		"email": idle.Email, "password": idle.Password, "name": "Back Again", "role": "volunteer",
	}).expect(t, 201)
	if again.str("id") == idle.ID {
		t.Fatal("the erased account came back")
	}

	// The returning account and the admin stay.
	e.login(&returning)
	e.get("/api/v1/me", returning.Access).expect(t, 200)
	e.login(&admin)
	e.get("/api/v1/me", admin.Access).expect(t, 200)
	u, err := e.store.UserByID(ctx, returning.ID)
	if err != nil || u.InactivityWarnedAt != nil {
		t.Fatalf("returning account: %+v %v", u, err)
	}

	// Long after, the admin is still not anonymised, only logged.
	e.clock.Advance(4 * 365 * 24 * time.Hour)
	if _, err := e.svc.Privacy.WarnInactiveAccounts(ctx); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(privacy.InactivityGrace + time.Hour)
	if _, err := e.svc.Privacy.AnonymizeInactiveAccounts(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.UserByID(ctx, admin.ID); err != nil {
		t.Fatalf("admin anonymised: %v", err)
	}
}

func TestPrivacyOldMessagesPurged(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	app := func(status models.ApplicationStatus) string {
		t.Helper()
		now := e.clock.Now()
		a := &models.Application{
			ID: store.NewID(), MissionID: store.NewID(), ShiftID: store.NewID(), OrgID: store.NewID(),
			VolunteerID: store.NewID(), Status: status, Message: "Je suis disponible, mon numéro est le 06 12 34 56 78",
			ShiftStart: now, ShiftEnd: now.Add(time.Hour), History: []models.StatusChange{}, Reminders: []string{},
			CreatedAt: now, UpdatedAt: now,
		}
		a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
		if err := e.store.InsertApplication(ctx, a); err != nil {
			t.Fatal(err)
		}
		for i := range 2 {
			err := e.store.InsertMessage(ctx, &models.Message{
				ID: store.NewID(), ApplicationID: a.ID, OrgID: a.OrgID, VolunteerID: a.VolunteerID,
				AuthorID: a.VolunteerID, AuthorRole: models.ActorVolunteer, Body: "message " + itoa(i), CreatedAt: now,
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		return a.ID
	}
	oldDeclined := app(models.ApplicationDeclined)
	oldAttended := app(models.ApplicationAttended)
	oldPending := app(models.ApplicationPending) // still open: kept
	e.clock.Advance(366 * 24 * time.Hour)
	recentWithdrawn := app(models.ApplicationWithdrawn)

	n, err := e.svc.Privacy.PurgeOldMessages(ctx)
	if err != nil || n != 4 {
		t.Fatalf("purged %d messages, want 4 (%v)", n, err)
	}
	if n, err := e.svc.Privacy.PurgeOldMessages(ctx); err != nil || n != 0 {
		t.Fatalf("second run purged %d (%v)", n, err)
	}
	// The applications themselves stay, with their status.
	if a, err := e.store.ApplicationByID(ctx, oldAttended); err != nil || a.Status != models.ApplicationAttended {
		t.Fatalf("attended application altered: %+v %v", a, err)
	}
	for id, want := range map[string]int64{oldDeclined: 0, oldAttended: 0, oldPending: 2, recentWithdrawn: 2} {
		_, total, err := e.store.Messages(ctx, id, 0, 0)
		if err != nil || total != want {
			t.Fatalf("application %s keeps %d messages, want %d (%v)", id, total, want, err)
		}
		a, err := e.store.ApplicationByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if (a.Message == "") != (want == 0) {
			t.Fatalf("application %s message %q", id, a.Message)
		}
	}
}

func TestPrivacyAuditAndReportsHoldNoPersonalData(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	admin := e.admin()
	o := e.verifiedOrg("Banque Solidaire", admin)
	missionID := e.publishedMission(o, admin, "Tri des colis du samedi")
	v := e.signup(models.RoleVolunteer)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: v.Access,
		body: map[string]string{"name": "Zoé Privatier", "phone": "06 98 76 54 32"}}).expect(t, 200)

	r := e.post("/api/v1/reports", v.Access, map[string]string{
		"target_type": "mission", "target_id": missionID, "reason": "Cette mission demande un paiement.",
	}).expect(t, 201)
	e.post("/api/v1/admin/reports/"+r.str("id")+"/resolve", admin.Access, map[string]string{"resolution": "Mission vérifiée."}).expect(t, 200)
	e.post("/api/v1/admin/users/"+v.ID+"/suspend", admin.Access, map[string]string{"reason": "Signalements abusifs"}).expect(t, 200)
	e.post("/api/v1/admin/users/"+v.ID+"/restore", admin.Access, map[string]string{}).expect(t, 200)

	entries, total, err := e.store.Audit(ctx, models.AuditFilter{}, 0, 1000)
	if err != nil || total < 4 {
		t.Fatalf("audit: %d entries (%v)", total, err)
	}
	reports, err := e.store.Reports(ctx, "", 1000)
	if err != nil || len(reports) != 1 {
		t.Fatalf("reports: %d (%v)", len(reports), err)
	}
	if reports[0].ReporterID != v.ID {
		t.Fatalf("reporter %q, want the id %q", reports[0].ReporterID, v.ID)
	}
	raw, err := json.Marshal(map[string]any{"audit": entries, "reports": reports})
	if err != nil {
		t.Fatal(err)
	}
	personal := []string{
		v.Email, o.owner.Email, admin.Email, "contact@banque.example.org", "Zoé", "Privatier",
		"06 98 76 54 32", "04 91 00 00 00", "Test volunteer", "Test organization", "@",
	}
	for _, p := range personal {
		if strings.Contains(string(raw), p) {
			t.Fatalf("audit or reports hold %q:\n%s", p, raw)
		}
	}

	// Once the reporter's account is deleted, its report keeps neither the
	// id nor the words (the suspension ended the earlier session).
	e.login(&v)
	e.do(req{method: "DELETE", path: "/api/v1/me", token: v.Access}).expect(t, 204)
	after, err := e.store.ReportByID(ctx, reports[0].ID)
	if err != nil || after.ReporterID != "" || after.Reason != "" || !after.ReporterDeleted || after.Resolution != "Mission vérifiée." {
		t.Fatalf("report after deletion: %+v %v", after, err)
	}
}

func TestPrivacyExportHasTheProfile(t *testing.T) {
	e := newEnv(t)
	v := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: profileBody()}).expect(t, 200)
	r := e.get("/api/v1/me/export", v.Access).expect(t, 200)
	profile, ok := r.Body["profile"].(map[string]any)
	if !ok || profile["postcode"] != profileBody()["postcode"] {
		t.Fatalf("export without the profile: %s", r.Raw)
	}
}
