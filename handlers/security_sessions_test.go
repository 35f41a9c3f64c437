package handlers_test

import (
	"testing"
	"time"

	"github.com/entraide/entraide/store"
)

// TestLogoutEverywhereEndsAccessTokensAtOnce: two sessions; logging out
// everywhere from one makes the other's access token fail at once.
func TestLogoutEverywhereEndsAccessTokensAtOnce(t *testing.T) {
	e := newEnv(t)
	first := e.signup("volunteer")
	second := first
	e.login(&second)
	e.get("/api/v1/me", second.Access).expect(t, 200)
	e.do(req{method: "POST", path: "/api/v1/auth/logout", token: first.Access, body: map[string]any{"all": true}}).expect(t, 204)
	e.get("/api/v1/me", second.Access).expect(t, 401)
	e.get("/api/v1/me", first.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": second.Refresh}).expect(t, 401)
	// Signing in again works.
	e.login(&second)
	e.get("/api/v1/me", second.Access).expect(t, 200)
}

// TestRefreshReuseEndsAccessTokensAtOnce: a rotated refresh token shown
// again revokes its family and ends every access token of the account.
func TestRefreshReuseEndsAccessTokensAtOnce(t *testing.T) {
	e := newEnv(t)
	victim := e.signup("volunteer")
	other := victim
	e.login(&other)
	rotated := e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": victim.Refresh}).expect(t, 200)
	thiefAccess := rotated.str("access_token")
	e.get("/api/v1/me", thiefAccess).expect(t, 200)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": victim.Refresh}).expect(t, 401)
	e.get("/api/v1/me", thiefAccess).expect(t, 401)
	e.get("/api/v1/me", other.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": rotated.str("refresh_token")}).expect(t, 401)
	// The other session's refresh token still opens a fresh access token.
	fresh := e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": other.Refresh}).expect(t, 200)
	e.get("/api/v1/me", fresh.str("access_token")).expect(t, 200)
}

// TestLoginsBeyondTheSessionCapEndTheOldest: after store.MaxUserSessions+3
// logins the three oldest refresh tokens are refused, the newest work.
func TestLoginsBeyondTheSessionCapEndTheOldest(t *testing.T) {
	e := newEnv(t)
	first := e.signup("volunteer")
	sessions := []user{first}
	for range store.MaxUserSessions + 2 {
		e.clock.Advance(time.Minute)
		next := first
		e.login(&next)
		sessions = append(sessions, next)
	}
	for i, s := range sessions {
		status := 200
		if i < 3 {
			status = 401
		}
		e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": s.Refresh}).expect(t, status)
	}
}
