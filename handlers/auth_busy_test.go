package handlers_test

import (
	"context"
	"testing"

	"github.com/entraide/entraide/models"
)

// A login or sign-up that waits for a password-hashing slot past the
// request budget answers 503 with Retry-After, the same for a known and an
// unknown account, and logs in again once a slot is free.
func TestLoginWaitingForHashingIsUnavailable(t *testing.T) {
	e := newEnv(t,
		withEnv("ENTRAIDE_HASH_WORKERS", "1"),
		withEnv("ENTRAIDE_REQUEST_TIMEOUT", "300ms"),
	)
	u := e.signup(models.RoleVolunteer)
	release, err := e.svc.Hasher.Reserve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	known := e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(t, 503)
	unknown := e.post("/api/v1/auth/login", "", map[string]string{"email": "nobody@example.org", "password": u.Password}).expect(t, 503)
	e.post("/api/v1/auth/signup", "", map[string]string{
		"email": uniqueEmail("busy"), "password": "correct horse battery staple", "name": "Busy", "role": "volunteer",
	}).expect(t, 503)
	for _, r := range []response{known, unknown} {
		if r.Header.Get("Retry-After") == "" {
			t.Fatalf("503 without Retry-After: %v", r.Header)
		}
		if r.str("type") != "/problems/unavailable" || r.str("detail") == "" {
			t.Fatalf("not a problem: %s", r.Raw)
		}
	}
	if known.str("detail") != unknown.str("detail") {
		t.Fatalf("busy answers differ: %q vs %q", known.str("detail"), unknown.str("detail"))
	}
	release()
	e.login(&u)
}
