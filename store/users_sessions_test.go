package store

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// Sessions are counted and revoked through the user's session list, by
// key: a rotated token leaves it, a family and then every login end.
func TestSessionListsCountAndRevokeByKey(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	user := NewID()
	token := func(family string) *models.RefreshToken {
		t.Helper()
		tok := &models.RefreshToken{ID: NewID() + NewID(), Family: family, UserID: user, CreatedAt: now, ExpiresAt: now.Add(24 * time.Hour)}
		if err := st.InsertRefreshToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		return tok
	}
	count := func() int64 {
		t.Helper()
		n, err := st.CountActiveSessions(ctx, user, now)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	a1, a2, b := token("A"), token("A"), token("B")
	if n := count(); n != 3 {
		t.Fatalf("sessions after three tokens: %d", n)
	}
	if _, err := st.UseRefreshToken(ctx, a1.ID, now); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Fatalf("sessions after a rotation: %d", n)
	}
	if err := st.RevokeFamily(ctx, user, "A"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UseRefreshToken(ctx, a2.ID, now); err != ErrNotFound {
		t.Fatalf("a token of a revoked family: got %v, want ErrNotFound", err)
	}
	if n := count(); n != 1 {
		t.Fatalf("sessions after a family's revocation: %d", n)
	}
	if err := st.RevokeUserTokens(ctx, user); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UseRefreshToken(ctx, b.ID, now); err != ErrNotFound {
		t.Fatalf("a token after logging out everywhere: got %v, want ErrNotFound", err)
	}
	if n := count(); n != 0 {
		t.Fatalf("sessions after logging out everywhere: %d", n)
	}
	if n, err := st.CountActiveSessions(ctx, user, now.Add(48*time.Hour)); err != nil || n != 0 {
		t.Fatalf("expired sessions counted: %d, %v", n, err)
	}
}

// Tokens issued beyond MaxUserSessions end the sessions used longest ago:
// their tokens are refused, the others work, and the list stays capped.
func TestSessionListCapEndsTheOldestSessions(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	user := NewID()
	var tokens []*models.RefreshToken
	for i := range MaxUserSessions + 3 {
		at := now.Add(time.Duration(i) * time.Minute)
		tok := &models.RefreshToken{ID: NewID() + NewID(), Family: NewID(), UserID: user, CreatedAt: at, ExpiresAt: at.Add(24 * time.Hour)}
		if err := st.InsertRefreshToken(ctx, tok); err != nil {
			t.Fatal(err)
		}
		tokens = append(tokens, tok)
	}
	later := now.Add(time.Hour)
	if n, err := st.CountActiveSessions(ctx, user, later); err != nil || n != MaxUserSessions {
		t.Fatalf("sessions after %d logins: %d, %v; want %d", len(tokens), n, err, MaxUserSessions)
	}
	for i, tok := range tokens {
		_, err := st.UseRefreshToken(ctx, tok.ID, later)
		if i < 3 && err != ErrNotFound {
			t.Errorf("login %d, beyond the cap: got %v, want ErrNotFound", i, err)
		}
		if i >= 3 && err != nil {
			t.Errorf("login %d, within the cap: %v", i, err)
		}
	}
}

// An organisation's pending count follows its applications by key.
func TestOrgPendingCountFollowsApplications(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	org := NewID()
	a := &models.Application{ID: NewID(), MissionID: NewID(), ShiftID: NewID(), OrgID: org, VolunteerID: NewID(),
		Status: models.ApplicationPending, ShiftStart: now.Add(time.Hour), ShiftEnd: now.Add(2 * time.Hour),
		History: []models.StatusChange{}, Reminders: []string{}, CreatedAt: now, UpdatedAt: now}
	a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
	if err := st.InsertApplication(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n, err := st.CountPendingApplicationsOfOrg(ctx, org); err != nil || n != 1 {
		t.Fatalf("pending after an application: %d, %v", n, err)
	}
	_, err := st.TransitionApplication(ctx, a.ID, ApplicationChange{From: []models.ApplicationStatus{models.ApplicationPending},
		Entry: models.StatusChange{At: now, By: org, Actor: models.ActorOrganization, From: models.ApplicationPending, To: models.ApplicationAccepted}, Decided: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := st.CountPendingApplicationsOfOrg(ctx, org); err != nil || n != 0 {
		t.Fatalf("pending after the answer: %d, %v", n, err)
	}
}
