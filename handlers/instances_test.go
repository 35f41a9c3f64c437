package handlers_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store/storetest"
)

// Two instances on one store: what one does, the other honours.

func TestRefreshRotationAcrossInstances(t *testing.T) {
	a := newEnv(t)
	b := a.sibling()
	u := a.signup(models.RoleVolunteer)
	// The access token of one instance works on the other.
	b.get("/api/v1/me", u.Access).expect(t, 200)
	rotated := b.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 200)
	// Replaying the rotated token on the first instance revokes the family
	// everywhere.
	a.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 401)
	b.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": rotated.str("refresh_token")}).expect(t, 401)
	// Logging out on one instance ends the session on the other.
	a.login(&u)
	a.post("/api/v1/auth/logout", u.Access, map[string]string{"refresh_token": u.Refresh}).expect(t, 204)
	b.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 401)
}

func TestBackgroundJobsRunOnceAcrossInstances(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	a := newEnv(t)
	b := a.sibling()
	admin := a.admin()
	o := a.verifiedOrg("Asso", admin)
	for i := 0; i < 3; i++ {
		a.publishedMission(o, admin, "Mission à clore "+string(rune('A'+i)))
	}
	a.clock.Advance(30 * 24 * time.Hour)
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for _, e := range []*env{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := e.svc.Applications.CloseEndedMissions(ctx)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if total != 3 {
		t.Fatalf("missions closed %d times in all, want 3", total)
	}
	// E-mails: both instances' outbox workers drain the same queue; each
	// job is sent once (the sign-ups queued confirmation e-mails).
	for i := 0; i < 5; i++ {
		a.signup(models.RoleVolunteer)
	}
	sent := 0
	for range 10 {
		for _, e := range []*env{a, b} {
			n, err := e.svc.Outbox.RunOnce(ctx, e.clock.Now())
			if err != nil {
				t.Fatal(err)
			}
			sent += n
		}
	}
	pending, err := a.store.CountEmails(ctx, models.OutboxPending)
	if err != nil {
		t.Fatal(err)
	}
	done, err := a.store.CountEmails(ctx, models.OutboxSent)
	if err != nil {
		t.Fatal(err)
	}
	if pending != 0 || int64(sent) != done {
		t.Fatalf("sent %d, stored sent %d, pending %d", sent, done, pending)
	}
}
