package handlers_test

import (
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

func TestSignupLoginRefreshLogout(t *testing.T) {
	e := newEnv(t)
	email := "  Alice.Martin@Example.ORG "
	r := e.post("/api/v1/auth/signup", "", map[string]string{
		"email": email, "password": "un mot de passe solide", "name": "Alice Martin", "role": "volunteer",
	}).expect(t, 201)
	if r.str("email") != "alice.martin@example.org" || r.str("role") != "volunteer" || r.str("id") == "" {
		t.Fatalf("unexpected sign-up body: %s", r.Raw)
	}
	if strings.Contains(r.Raw, "argon2") || strings.Contains(r.Raw, "password") {
		t.Fatalf("sign-up leaks the password or its hash: %s", r.Raw)
	}

	// The same e-mail, differently spelled, is taken.
	e.post("/api/v1/auth/signup", "", map[string]string{
		"email": "alice.martin@example.org", "password": "un autre mot de passe", "name": "Alice", "role": "volunteer",
	}).expect(t, 409)

	login := e.post("/api/v1/auth/login", "", map[string]string{"email": "ALICE.martin@example.org", "password": "un mot de passe solide"}).expect(t, 200)
	if login.str("token_type") != "Bearer" || login.Body["expires_in"] != float64(900) || login.str("access_token") == "" || login.str("refresh_token") == "" {
		t.Fatalf("unexpected login body: %s", login.Raw)
	}
	me := e.get("/api/v1/me", login.str("access_token")).expect(t, 200)
	if me.str("email") != "alice.martin@example.org" {
		t.Fatalf("GET /me: %s", me.Raw)
	}

	// Rotation: the new refresh token works, the old one is refused and
	// revokes the family, so the new one stops working too.
	first := login.str("refresh_token")
	rotated := e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": first}).expect(t, 200)
	second := rotated.str("refresh_token")
	if second == first || second == "" {
		t.Fatal("refresh did not rotate the token")
	}
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": first}).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": second}).expect(t, 401)

	// Logout revokes the session.
	again := e.post("/api/v1/auth/login", "", map[string]string{"email": "alice.martin@example.org", "password": "un mot de passe solide"}).expect(t, 200)
	e.post("/api/v1/auth/logout", again.str("access_token"), map[string]string{"refresh_token": again.str("refresh_token")}).expect(t, 204)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": again.str("refresh_token")}).expect(t, 401)
}

func TestLoginFailuresLookAlike(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	wrong := e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": "not the password at all"}).expect(t, 401)
	unknown := e.post("/api/v1/auth/login", "", map[string]string{"email": "nobody@example.org", "password": "not the password at all"}).expect(t, 401)
	if wrong.str("detail") != unknown.str("detail") || wrong.str("detail") == "" {
		t.Fatalf("login failures differ: %q vs %q", wrong.str("detail"), unknown.str("detail"))
	}
}

func TestSignupValidation(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name   string
		body   map[string]string
		fields []string
	}{
		{"admin role refused", map[string]string{"email": "a@example.org", "password": "long enough password", "name": "A", "role": "admin"}, []string{"role"}},
		{"unknown role refused", map[string]string{"email": "a@example.org", "password": "long enough password", "name": "A", "role": "root"}, []string{"role"}},
		{"short password", map[string]string{"email": "a@example.org", "password": "short", "name": "A", "role": "volunteer"}, []string{"password"}},
		{"password is the e-mail", map[string]string{"email": "longaddress@example.org", "password": "LongAddress@example.org", "name": "A", "role": "volunteer"}, []string{"password"}},
		{"common password", map[string]string{"email": "a@example.org", "password": "1234567890", "name": "A", "role": "volunteer"}, []string{"password"}},
		{"common password, other case", map[string]string{"email": "a@example.org", "password": "QWERTYUIOP", "name": "A", "role": "volunteer"}, []string{"password"}},
		{"bad e-mail", map[string]string{"email": "not-an-email", "password": "long enough password", "name": "A", "role": "volunteer"}, []string{"email"}},
		{"everything wrong at once", map[string]string{"email": "", "password": "", "name": "", "role": ""}, []string{"email", "password", "name", "role"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := e.post("/api/v1/auth/signup", "", tc.body).expect(t, 400)
			if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
				t.Fatalf("content type %q", ct)
			}
			got := map[string]bool{}
			for _, f := range r.Body["errors"].([]any) {
				got[f.(map[string]any)["field"].(string)] = true
			}
			for _, want := range tc.fields {
				if !got[want] {
					t.Fatalf("field %q not reported: %s", want, r.Raw)
				}
			}
		})
	}
	// Nothing was written by the refused sign-ups.
	n, err := e.store.CountUsers(t.Context(), "")
	if err != nil || n != 0 {
		t.Fatalf("refused sign-ups wrote %d users (err %v)", n, err)
	}
}

func TestMessagesFollowAcceptLanguage(t *testing.T) {
	e := newEnv(t)
	body := map[string]string{"email": "x", "password": "", "name": "A", "role": "volunteer"}
	en := e.do(req{method: "POST", path: "/api/v1/auth/signup", body: body, header: map[string]string{"Accept-Language": "en-GB,en;q=0.9"}}).expect(t, 400)
	fr := e.do(req{method: "POST", path: "/api/v1/auth/signup", body: body, header: map[string]string{"Accept-Language": "fr-FR"}}).expect(t, 400)
	if en.str("title") != "Some fields are invalid" || fr.str("title") != "Certains champs sont invalides" {
		t.Fatalf("titles: en %q, fr %q", en.str("title"), fr.str("title"))
	}
}

func TestMeUpdateExportDelete(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	r := e.do(req{method: "PATCH", path: "/api/v1/me", token: u.Access, body: map[string]string{"name": "Nouveau Nom", "phone": "+33 6 12 34 56 78", "language": "en"}}).expect(t, 200)
	if r.str("name") != "Nouveau Nom" || r.str("language") != "en" || r.str("phone") != "+33 6 12 34 56 78" {
		t.Fatalf("patch: %s", r.Raw)
	}
	e.do(req{method: "PATCH", path: "/api/v1/me", token: u.Access, body: map[string]string{"language": "de"}}).expect(t, 400)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: u.Access, body: map[string]string{"role": "admin"}}).expect(t, 400)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: u.Access, body: map[string]string{"email": "other@example.org"}}).expect(t, 400)

	export := e.get("/api/v1/me/export", u.Access).expect(t, 200)
	account, _ := export.Body["account"].(map[string]any)
	if account["email"] != u.Email || account["name"] != "Nouveau Nom" {
		t.Fatalf("export: %s", export.Raw)
	}
	if strings.Contains(export.Raw, "argon2") {
		t.Fatal("export leaks the password hash")
	}

	e.do(req{method: "DELETE", path: "/api/v1/me", token: u.Access}).expect(t, 204)
	e.get("/api/v1/me", u.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 401)
	e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(t, 401)

	stored, err := e.store.UserByEmail(t.Context(), u.Email)
	if err == nil {
		t.Fatalf("the deleted e-mail is still stored: %+v", stored)
	}
	// The e-mail can sign up again.
	e.post("/api/v1/auth/signup", "", map[string]string{"email": u.Email, "password": u.Password, "name": "Back Again", "role": "volunteer"}).expect(t, 201)
}
