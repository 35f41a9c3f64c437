package handlers_test

import (
	"strconv"
	"testing"

	"github.com/entraide/entraide/models"
)

func TestLoginAndSignupRateLimits(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_RATE_LIMIT", "on"), withEnv("ENTRAIDE_LOGIN_RATE", "3/1m"), withEnv("ENTRAIDE_SIGNUP_RATE", "2/1m"))
	u := e.signup(models.RoleVolunteer) // one sign-up and one login used
	for i := 0; i < 2; i++ {
		e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": "wrong password here"}).expect(t, 401)
	}
	r := e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(t, 429)
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 60 {
		t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
	}
	// Another account from the same IP still logs in (the IP budget is wider)...
	other := user{Email: "other@example.org", Password: "long enough password"}
	e.post("/api/v1/auth/signup", "", map[string]string{"email": other.Email, "password": other.Password, "name": "O", "role": "volunteer"}).expect(t, 201)
	// ...but a third sign-up from this IP within the window is refused.
	e.post("/api/v1/auth/signup", "", map[string]string{"email": "third@example.org", "password": "long enough password", "name": "T", "role": "volunteer"}).expect(t, 429)
	e.login(&other)

	// The window passes.
	e.clock.Advance(61e9)
	e.login(&u)
}
