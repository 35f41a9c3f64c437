package notify

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/notify/notifytest"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

// fixture is a service on a fresh database, a real SMTP server and a
// settable clock.
type fixture struct {
	t    testing.TB
	st   *store.Store
	svc  *Service
	smtp *notifytest.SMTPServer
	now  time.Time
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{t: t, st: storetest.Open(t), smtp: notifytest.StartSMTP(t),
		now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	svc, err := New(f.st, Options{BaseURL: "https://entraide.example", From: "Entraide <no-reply@entraide.example>",
		Logger: quiet, Now: func() time.Time { return f.now }})
	if err != nil {
		t.Fatal(err)
	}
	f.svc = svc
	return f
}

// worker is a worker sending to the test's SMTP server over SMTP.
func (f *fixture) worker(id string) *Worker {
	f.t.Helper()
	cfg, err := config.ParseSMTPURL(f.smtp.URL)
	if err != nil {
		f.t.Fatal(err)
	}
	sender, err := NewSMTPSender(cfg, 10*time.Second)
	if err != nil {
		f.t.Fatal(err)
	}
	return f.svc.NewWorker(sender, WorkerOptions{ID: id, Logger: quiet})
}

func (f *fixture) user(lang string) *models.User {
	f.t.Helper()
	id := store.NewID()
	u := &models.User{ID: id, Email: "u" + id + "@example.org", Name: "Amina Benali", Role: models.RoleVolunteer,
		Language: lang, Status: models.UserActive, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateUser(context.Background(), u); err != nil {
		f.t.Fatal(err)
	}
	return u
}

func (f *fixture) jobs(status models.OutboxStatus) []models.OutboxJob {
	f.t.Helper()
	jobs, err := f.st.EmailJobs(context.Background(), status, 1000)
	if err != nil {
		f.t.Fatal(err)
	}
	return jobs
}

var acceptedParams = map[string]string{
	"mission_title": "Distribution alimentaire", "org_name": "Banque alimentaire",
	"shift_start": "2026-03-05T13:00:00Z", "link": "/missions/42",
}

func TestNotifyWritesInAppAndQueuesEmailInUserLanguage(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	en := f.user("en")
	if err := f.svc.Notify(ctx, en.ID, models.EventApplicationAccepted, acceptedParams); err != nil {
		t.Fatal(err)
	}
	items, total, err := f.st.Notifications(ctx, en.ID, true, 0, 10)
	if err != nil || total != 1 || items[0].Kind != models.EventApplicationAccepted {
		t.Fatalf("in-app: %v %d %+v", err, total, items)
	}
	if got := f.svc.Text("en", &items[0]); got != `Banque alimentaire accepted your application to "Distribution alimentaire" (Thursday 5 March, 2:00 pm).` {
		t.Fatalf("in-app text: %q", got)
	}
	jobs := f.jobs(models.OutboxPending)
	if len(jobs) != 1 || jobs[0].To != en.Email || jobs[0].Lang != "en" || jobs[0].UserID != en.ID {
		t.Fatalf("queued: %+v", jobs)
	}
	sent, err := f.worker("w1").RunOnce(ctx, f.now)
	if err != nil || sent != 1 {
		t.Fatalf("RunOnce: %d, %v", sent, err)
	}
	msg, err := f.smtp.Last(en.Email)
	if err != nil {
		t.Fatal(err)
	}
	m := mustParse(t, msg)
	if m.Subject != "Application accepted: Distribution alimentaire" {
		t.Fatalf("subject %q", m.Subject)
	}
	if !strings.Contains(m.Text, "Hello Amina Benali,") || !strings.Contains(m.Text, "https://entraide.example/missions/42") {
		t.Fatalf("text body:\n%s", m.Text)
	}
	if !strings.Contains(m.HTML, `<a href="https://entraide.example/missions/42"`) || !strings.Contains(m.HTML, `lang="en"`) {
		t.Fatalf("html body:\n%s", m.HTML)
	}
	if m.MessageID != jobs[0].ID+"@entraide.example" || !strings.Contains(m.From, "no-reply@entraide.example") {
		t.Fatalf("headers: %+v", m)
	}
	// Sent jobs keep no data (it may hold a single-use link).
	job, err := f.st.EmailJob(ctx, jobs[0].ID)
	if err != nil || job.Status != models.OutboxSent || job.Data != nil || job.SentAt == nil {
		t.Fatalf("after send: %+v (%v)", job, err)
	}
}

func TestPreferenceEmailOffQueuesNothing(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	err := f.st.SetNotificationPrefs(ctx, &models.NotificationPrefs{UserID: u.ID,
		Email: map[models.Event]bool{models.EventApplicationAccepted: false}, UpdatedAt: f.now})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.Notify(ctx, u.ID, models.EventApplicationAccepted, acceptedParams); err != nil {
		t.Fatal(err)
	}
	if jobs := f.jobs(""); len(jobs) != 0 {
		t.Fatalf("e-mail queued despite the preference: %+v", jobs)
	}
	if n, _ := f.st.CountUnread(ctx, u.ID); n != 1 {
		t.Fatalf("in-app notification missing: %d", n)
	}
	// Another event still goes by e-mail.
	if err := f.svc.Notify(ctx, u.ID, models.EventApplicationDeclined, acceptedParams); err != nil {
		t.Fatal(err)
	}
	if jobs := f.jobs(""); len(jobs) != 1 || jobs[0].Template != models.EventApplicationDeclined {
		t.Fatalf("declined not queued: %+v", jobs)
	}
}

func TestNotifyRefusesMissingParamsBeforeWriting(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	err := f.svc.Notify(ctx, u.ID, models.EventApplicationAccepted, map[string]string{"mission_title": "x"})
	if err == nil {
		t.Fatal("missing params accepted")
	}
	if err := f.svc.Notify(ctx, u.ID, models.EventPasswordReset, map[string]string{"link": "x"}); err == nil {
		t.Fatal("an account e-mail became an in-app notification")
	}
	if n, _ := f.st.CountUnread(ctx, u.ID); n != 0 {
		t.Fatalf("%d notifications written", n)
	}
	if jobs := f.jobs(""); len(jobs) != 0 {
		t.Fatalf("jobs written: %+v", jobs)
	}
}

func TestNotifyOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	params := map[string]string{"mission_title": "Appels", "shift_start": "2026-03-05T13:00:00Z", "link": "/missions/1"}
	for i, want := range []bool{true, false} {
		ok, err := f.svc.NotifyOnce(ctx, "reminder-24h:app1", u.ID, models.EventShiftReminder24h, params)
		if err != nil || ok != want {
			t.Fatalf("call %d: %v, %v", i, ok, err)
		}
	}
	if n, _ := f.st.CountUnread(ctx, u.ID); n != 1 {
		t.Fatalf("%d notifications, want 1", n)
	}
	if jobs := f.jobs(""); len(jobs) != 1 {
		t.Fatalf("%d e-mails, want 1", len(jobs))
	}
}

func TestTwoWorkersSendEachEmailOnce(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	f := newFixture(t)
	ctx := context.Background()
	const n = 50
	for i := range n {
		to := "person" + strconv.Itoa(i) + "@example.org"
		if err := f.svc.Email(ctx, to, "fr", models.EventOrgInvitation, map[string]string{
			"org_name": "Secours", "inviter_name": "Louise", "link": "/invitations/" + strconv.Itoa(i),
		}); err != nil {
			t.Fatal(err)
		}
	}
	workers := []*Worker{f.worker("a"), f.worker("b")}
	counts := make([]int, len(workers))
	var wg sync.WaitGroup
	for i, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				// A small batch so that the workers interleave.
				sent, err := w.runBatch(ctx, f.now, 5)
				if err != nil {
					t.Error(err)
					return
				}
				counts[i] += sent
				if sent == 0 {
					return
				}
			}
		}()
	}
	wg.Wait()
	if counts[0]+counts[1] != n {
		t.Fatalf("workers report %v sent, want %d in all", counts, n)
	}
	if counts[0] == 0 || counts[1] == 0 {
		t.Logf("one worker took every job: %v", counts)
	}
	msgs := f.smtp.Messages()
	if len(msgs) != n {
		t.Fatalf("the server received %d messages, want %d", len(msgs), n)
	}
	seen := map[string]int{}
	for _, m := range msgs {
		seen[m.To[0]]++
	}
	for i := range n {
		if to := "person" + strconv.Itoa(i) + "@example.org"; seen[to] != 1 {
			t.Fatalf("%s received %d messages", to, seen[to])
		}
	}
	if pending := f.jobs(models.OutboxPending); len(pending) != 0 {
		t.Fatalf("%d jobs still pending", len(pending))
	}
}

func mustParse(t *testing.T, r *notifytest.Received) *MailFile {
	t.Helper()
	m, err := ParseMail(r.Raw)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// runBatch is RunOnce with a smaller batch.
func (w *Worker) runBatch(ctx context.Context, now time.Time, batch int) (int, error) {
	saved := w.opts.Batch
	w.opts.Batch = batch
	defer func() { w.opts.Batch = saved }()
	return w.RunOnce(ctx, now)
}

func TestRetryWithBackoffThenSuccess(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	if err := f.svc.EmailUser(ctx, u, models.EventPasswordReset, map[string]string{"link": "/reset-password?token=SECRET-TOKEN"}); err != nil {
		t.Fatal(err)
	}
	w := f.worker("w")
	f.smtp.Refuse(2)
	start := f.now
	steps := []struct {
		at       time.Duration
		sent     int
		attempts int
		next     time.Duration
	}{
		{0, 0, 1, time.Minute},                           // refused: retry in 1 min
		{30 * time.Second, 0, 1, time.Minute},            // not due yet: not tried
		{time.Minute, 0, 2, time.Minute + 5*time.Minute}, // refused: retry in 5 min
		{6 * time.Minute, 1, 3, 0},                       // accepted
	}
	for i, step := range steps {
		sent, err := w.RunOnce(ctx, start.Add(step.at))
		if err != nil || sent != step.sent {
			t.Fatalf("step %d: sent %d, %v", i, sent, err)
		}
		job := f.jobs("")[0]
		if job.Attempts != step.attempts {
			t.Fatalf("step %d: %d attempts, want %d", i, job.Attempts, step.attempts)
		}
		if step.next > 0 {
			if job.Status != models.OutboxPending || !job.NextAttemptAt.Equal(start.Add(step.next)) {
				t.Fatalf("step %d: %s next at %s, want %s", i, job.Status, job.NextAttemptAt, start.Add(step.next))
			}
			if !strings.Contains(job.LastError, "451") || strings.Contains(job.LastError, "SECRET") {
				t.Fatalf("step %d: last error %q", i, job.LastError)
			}
		}
	}
	if f.smtp.Refused() != 2 || len(f.smtp.To(u.Email)) != 1 {
		t.Fatalf("refused %d, received %d", f.smtp.Refused(), len(f.smtp.To(u.Email)))
	}
	if !strings.Contains(mustParse(t, &f.smtp.To(u.Email)[0]).Text, "https://entraide.example/reset-password?token=SECRET-TOKEN") {
		t.Fatal("the reset link is missing")
	}
}

func TestRetriesRunOutThenFailed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.Email(ctx, "x@example.org", "en", models.EventOrgInvitation, map[string]string{
		"org_name": "Secours", "inviter_name": "Louise", "link": "/invitations/1",
	}); err != nil {
		t.Fatal(err)
	}
	w := f.worker("w")
	f.smtp.Refuse(100)
	at := f.now
	for attempt := 1; attempt <= w.MaxAttempts(); attempt++ {
		if _, err := w.RunOnce(ctx, at); err != nil {
			t.Fatal(err)
		}
		job := f.jobs("")[0]
		if job.Attempts != attempt {
			t.Fatalf("attempt %d: job has %d", attempt, job.Attempts)
		}
		if attempt < w.MaxAttempts() {
			if job.Status != models.OutboxPending {
				t.Fatalf("attempt %d: %s", attempt, job.Status)
			}
			at = job.NextAttemptAt
		} else if job.Status != models.OutboxFailed || job.Data != nil {
			t.Fatalf("after the last attempt: %+v", job)
		}
	}
	if got := at.Sub(f.now); got != time.Minute+5*time.Minute+30*time.Minute+2*time.Hour+6*time.Hour {
		t.Fatalf("backoff adds up to %s", got)
	}
	if sent, _ := w.RunOnce(ctx, at.Add(48*time.Hour)); sent != 0 || f.smtp.Refused() != w.MaxAttempts() {
		t.Fatalf("a failed job was tried again (%d refusals)", f.smtp.Refused())
	}
}

func TestLeaseKeepsAJobFromOtherWorkers(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.Email(ctx, "x@example.org", "fr", models.EventOrgInvitation, map[string]string{
		"org_name": "Secours", "inviter_name": "Louise", "link": "/invitations/1",
	}); err != nil {
		t.Fatal(err)
	}
	// A worker claims the job and dies before sending.
	if _, err := f.st.ClaimEmail(ctx, "dead", f.now, 5*time.Minute); err != nil {
		t.Fatal(err)
	}
	w := f.worker("alive")
	if sent, err := w.RunOnce(ctx, f.now.Add(4*time.Minute)); err != nil || sent != 0 {
		t.Fatalf("sent %d during the lease (%v)", sent, err)
	}
	if sent, err := w.RunOnce(ctx, f.now.Add(5*time.Minute)); err != nil || sent != 1 {
		t.Fatalf("sent %d after the lease (%v)", sent, err)
	}
	// The dead worker's late report changes nothing.
	if err := f.st.MarkEmailSent(ctx, f.jobs("")[0].ID, "dead", f.now); err != store.ErrNotFound {
		t.Fatalf("a stale worker updated the job: %v", err)
	}
}

func TestDailyDigest(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	other := f.user("en")
	for _, id := range []string{u.ID, other.ID} {
		if err := f.st.SetNotificationPrefs(ctx, &models.NotificationPrefs{UserID: id, Digest: true, UpdatedAt: f.now}); err != nil {
			t.Fatal(err)
		}
	}
	received := map[string]string{"volunteer_name": "Jules", "mission_title": "Maraude", "shift_start": "2026-03-06T18:00:00Z", "link": "/applications/1"}
	for range 3 {
		if err := f.svc.Notify(ctx, u.ID, models.EventApplicationReceived, received); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.svc.Notify(ctx, other.ID, models.EventApplicationAccepted, acceptedParams); err != nil {
		t.Fatal(err)
	}
	// A reminder does not wait for the digest.
	if err := f.svc.Notify(ctx, u.ID, models.EventShiftReminder2h, map[string]string{"mission_title": "Maraude", "shift_start": "2026-03-02T11:00:00Z", "link": "/missions/1"}); err != nil {
		t.Fatal(err)
	}
	if jobs := f.jobs(""); len(jobs) != 1 || jobs[0].Template != models.EventShiftReminder2h {
		t.Fatalf("queued before the digest: %+v", jobs)
	}

	w := f.worker("w")
	// 09:00 UTC is 10:00 in Paris, past the digest hour.
	if err := w.Digest(ctx, f.now); err != nil {
		t.Fatal(err)
	}
	if jobs := f.jobs(models.OutboxPending); len(jobs) != 3 {
		t.Fatalf("%d jobs after the digest, want the reminder and two digests", len(jobs))
	}
	// Again the same day, on this or another instance: nothing more.
	if err := f.svc.Notify(ctx, u.ID, models.EventApplicationReceived, received); err != nil {
		t.Fatal(err)
	}
	if n, err := f.svc.DigestOnce(ctx, f.now.Add(time.Hour)); err != nil || n != 0 {
		t.Fatalf("second digest the same day queued %d (%v)", n, err)
	}
	if sent, err := w.RunOnce(ctx, f.now.Add(time.Hour)); err != nil || sent != 3 {
		t.Fatalf("sent %d (%v)", sent, err)
	}
	msgs := f.smtp.To(u.Email)
	if len(msgs) != 2 {
		t.Fatalf("%d e-mails to the user, want the reminder and the digest", len(msgs))
	}
	digest := mustParse(t, &msgs[0])
	if strings.Contains(digest.Subject, "heures") {
		digest = mustParse(t, &msgs[1])
	}
	if digest.Subject != "Votre résumé Entraide : 3 nouveauté(s)" || strings.Count(digest.Text, "Jules a candidaté à « Maraude »") != 3 {
		t.Fatalf("digest: %q\n%s", digest.Subject, digest.Text)
	}
	en, err := f.smtp.Last(other.Email)
	if err != nil || mustParse(t, en).Subject != "Your Entraide digest: 1 update(s)" {
		t.Fatalf("English digest: %v", err)
	}
	// The next day, the notification that came late goes out.
	if n, err := f.svc.DigestOnce(ctx, f.now.Add(24*time.Hour)); err != nil || n != 1 {
		t.Fatalf("next day's digest queued %d (%v)", n, err)
	}
}

func TestSingleUseTokenUnderConcurrency(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	f := newFixture(t)
	ctx := context.Background()
	u := f.user("fr")
	err := f.st.InsertOneTimeToken(ctx, &models.OneTimeToken{ID: "hash", Purpose: models.TokenPasswordReset,
		UserID: u.ID, Email: u.Email, CreatedAt: f.now, ExpiresAt: f.now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.UseOneTimeToken(ctx, "hash", models.TokenEmailConfirm, f.now); err != store.ErrNotFound {
		t.Fatalf("a reset token confirmed an e-mail: %v", err)
	}
	if _, err := f.st.UseOneTimeToken(ctx, "hash", models.TokenPasswordReset, f.now.Add(time.Hour)); err != store.ErrNotFound {
		t.Fatalf("an expired token worked: %v", err)
	}
	var mu sync.Mutex
	used := 0
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := f.st.UseOneTimeToken(ctx, "hash", models.TokenPasswordReset, f.now)
			if err == nil {
				mu.Lock()
				used++
				mu.Unlock()
			} else if err != store.ErrNotFound {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if used != 1 {
		t.Fatalf("the token worked %d times", used)
	}
}

func TestDirSenderAndMailList(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	dir := MailDir(t.TempDir())
	sender, err := NewDirSender(dir)
	if err != nil {
		t.Fatal(err)
	}
	u := f.user("fr")
	if err := f.svc.EmailUser(ctx, u, models.EventEmailConfirm, map[string]string{"link": "/confirm-email?token=abc"}); err != nil {
		t.Fatal(err)
	}
	w := f.svc.NewWorker(sender, WorkerOptions{ID: "dev", Logger: quiet})
	if sent, err := w.RunOnce(ctx, f.now); err != nil || sent != 1 {
		t.Fatalf("sent %d (%v)", sent, err)
	}
	list, total, err := ListMail(dir, 10)
	if err != nil || total != 1 || list[0].To != "<"+u.Email+">" && list[0].To != u.Email {
		t.Fatalf("list: %d %+v %v", total, list, err)
	}
	if list[0].Subject != "Confirmez votre adresse e-mail" || list[0].Text != "" {
		t.Fatalf("list entry: %+v", list[0])
	}
	m, raw, err := ReadMail(dir, list[0].Name)
	if err != nil || !strings.Contains(m.Text, "https://entraide.example/confirm-email?token=abc") || len(raw) == 0 {
		t.Fatalf("read: %+v %v", m, err)
	}
	for _, bad := range []string{"../x.eml", ".tmp-1", "a/b.eml", "x.txt", ""} {
		if _, _, err := ReadMail(dir, bad); !os.IsNotExist(err) {
			t.Fatalf("ReadMail(%q): %v", bad, err)
		}
	}
	info, err := os.Stat(dir + "/" + list[0].Name)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v (%v)", info.Mode(), err)
	}
}
