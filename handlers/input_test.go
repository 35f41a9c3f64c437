package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

// operatorValues are JSON values an attacker sends where a string is
// expected, hoping they reach a MongoDB query as operators.
var operatorValues = []any{
	map[string]any{"$ne": nil},
	map[string]any{"$gt": ""},
	map[string]any{"$regex": ".*"},
	[]any{"a", "b"},
	42,
	true,
}

// bodies lists every JSON body of the accounts API with a valid example.
func accountBodies(u user) []struct {
	method, path, token string
	body                map[string]any
} {
	return []struct {
		method, path, token string
		body                map[string]any
	}{
		{"POST", "/api/v1/auth/signup", "", map[string]any{"email": "new@example.org", "password": "long enough password", "name": "New", "role": "volunteer", "language": "fr"}},
		{"POST", "/api/v1/auth/login", "", map[string]any{"email": u.Email, "password": u.Password}},
		{"POST", "/api/v1/auth/refresh", "", map[string]any{"refresh_token": u.Refresh}},
		{"POST", "/api/v1/auth/logout", u.Access, map[string]any{"refresh_token": u.Refresh}},
		{"PATCH", "/api/v1/me", u.Access, map[string]any{"name": "X", "phone": "0612345678", "language": "fr"}},
	}
}

func TestOperatorInjectionInEveryField(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	for _, b := range accountBodies(u) {
		for field := range b.body {
			for _, bad := range operatorValues {
				body := map[string]any{}
				for k, v := range b.body {
					body[k] = v
				}
				body[field] = bad
				name, _ := json.Marshal(bad)
				t.Run(b.path+"/"+field+"="+string(name), func(t *testing.T) {
					r := e.do(req{method: b.method, path: b.path, token: b.token, body: body})
					if r.Status != 400 {
						t.Fatalf("status %d, want 400; body %s", r.Status, r.Raw)
					}
				})
			}
		}
	}
	// The account is untouched and still logs in.
	e.login(&u)
}

func TestUnknownFieldsMalformedAndOversized(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	for _, b := range accountBodies(u) {
		body := map[string]any{"status": "active"}
		for k, v := range b.body {
			body[k] = v
		}
		r := e.do(req{method: b.method, path: b.path, token: b.token, body: body}).expect(t, 400)
		if !strings.Contains(r.Raw, "status") {
			t.Fatalf("%s: unknown field not named: %s", b.path, r.Raw)
		}
		for _, raw := range []string{`{"email":`, `not json`, `[]`, `"string"`, `{"a":1}{"b":2}`, ``} {
			if raw == "" && b.path == "/api/v1/auth/logout" {
				continue // logging out with the access token alone is fine
			}
			e.do(req{method: b.method, path: b.path, token: b.token, body: raw}).expect(t, 400)
		}
		r = e.sendOversized(b.method, b.path, 1<<20+1)
		if r.Status != 413 {
			t.Fatalf("%s: oversized body got %d", b.path, r.Status)
		}
		if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
			t.Fatalf("413 content type %q: %s", r.Header.Get("Content-Type"), r.Raw)
		}
	}
	e.do(req{method: "POST", path: "/api/v1/auth/login", body: "email=a", header: map[string]string{"Content-Type": "application/x-www-form-urlencoded"}}).expect(t, 415)
}

func TestUnknownRouteIsProblem(t *testing.T) {
	e := newEnv(t)
	r := e.get("/api/v1/does-not-exist", "").expect(t, 404)
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") || r.Body["status"] != float64(404) {
		t.Fatalf("404: %s %s", r.Header.Get("Content-Type"), r.Raw)
	}
	e.get("/api/v1/me", "").expect(t, 401)
}

func TestNoResponseLeaksHashesOrOthersEmail(t *testing.T) {
	e := newEnv(t)
	victim := e.signup(models.RoleVolunteer)
	attacker := e.signup(models.RoleOrganization)
	responses := []response{
		e.get("/api/v1/me", attacker.Access),
		e.get("/api/v1/me/export", attacker.Access),
		e.post("/api/v1/auth/login", "", map[string]string{"email": victim.Email, "password": "wrong wrong wrong"}),
		e.post("/api/v1/auth/signup", "", map[string]string{"email": victim.Email, "password": "long enough password", "name": "X", "role": "volunteer"}),
		e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": victim.Refresh + "x"}),
	}
	for i, r := range responses {
		if strings.Contains(r.Raw, "$argon2id$") || strings.Contains(r.Raw, "password_hash") {
			t.Fatalf("response %d leaks a hash: %s", i, r.Raw)
		}
		if strings.Contains(r.Raw, victim.Email) {
			t.Fatalf("response %d leaks another user's e-mail: %s", i, r.Raw)
		}
	}
}

func TestHealthAndReadiness(t *testing.T) {
	e := newEnv(t)
	e.get("/healthz", "").expect(t, 200)
	e.get("/readyz", "").expect(t, 200)
}
