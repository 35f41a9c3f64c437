package handlers_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestSignupPageCreatesAccountAndSession(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	form := b.get("/signup").expect(t, 200)
	if c := form.cookie("entraide_csrf"); c == nil || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode {
		t.Fatalf("CSRF cookie %+v, want HttpOnly, Secure, SameSite=Lax", c)
	}
	form.contains(t, strconv.Itoa(models.PasswordMinLength)+" caractères", `value="volunteer" checked`)

	email := uniqueEmail("signup-page")
	done := b.post("/signup", signupForm(email)).expect(t, http.StatusSeeOther)
	if done.Location != "/me?notice=welcome" {
		t.Fatalf("redirect to %q", done.Location)
	}
	for _, name := range []string{"entraide_access", "entraide_refresh"} {
		c := done.cookie(name)
		if c == nil || c.Value == "" || !c.HttpOnly || !c.Secure || c.SameSite != http.SameSiteLaxMode || c.Path != "/" {
			t.Fatalf("cookie %s = %+v, want HttpOnly, Secure, SameSite=Lax, Path=/", name, c)
		}
	}
	if c := done.cookie("entraide_access"); c.MaxAge != 15*60 {
		t.Errorf("access cookie lives %ds, want 900", c.MaxAge)
	}
	if c := done.cookie("entraide_refresh"); c.MaxAge != 30*24*3600 {
		t.Errorf("refresh cookie lives %ds, want 30 days", c.MaxAge)
	}
	space := b.follow(done).expect(t, 200)
	space.contains(t, "Bienvenue", "<h1>Mon espace</h1>", "Se déconnecter", `href="/account"`, `href="/me/profile"`)
	space.lacks(t, `href="/login"`)
	b.get("/account").expect(t, 200).contains(t, email, `value="Camille Martin"`)
	if got := e.get("/api/v1/me", done.cookie("entraide_access").Value).expect(t, 200).str("email"); got != email {
		t.Errorf("the page's session is %q", got)
	}
}

func TestSignupPageShowsErrorsOnTheirFields(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/signup").expect(t, 200)
	refused := b.post("/signup", url.Values{
		"role": {"volunteer"}, "name": {"Lou <b>Dupont</b>"}, "email": {"not-an-email"}, "password": {"short"},
	}).expect(t, 400)
	if !strings.HasPrefix(refused.title(), "Erreur : ") {
		t.Errorf("title %q does not start with the error", refused.title())
	}
	refused.contains(t,
		`class="error-summary" role="alert"`,
		`<a href="#f-email">Adresse e-mail invalide.</a>`,
		`id="f-email-error"`, `aria-describedby="f-email-hint f-email-error"`, `aria-invalid="true"`,
		`id="f-password-error"`,
		`value="not-an-email"`,
		`value="Lou &lt;b&gt;Dupont&lt;/b&gt;"`,
	)
	refused.lacks(t, `value="short"`, "<b>Dupont</b>")
	// The summary follows the page's order, not the validation's.
	unnamed := b.post("/signup", url.Values{"role": {"volunteer"}, "email": {"x"}}).expect(t, 400)
	nameAt, emailAt := strings.Index(unnamed.Body, `href="#f-name"`), strings.Index(unnamed.Body, `href="#f-email"`)
	if nameAt < 0 || nameAt > emailAt {
		t.Error("the error summary does not list the name first")
	}

	// The e-mail is taken: the message sits on the e-mail field.
	email := uniqueEmail("taken")
	e.post("/api/v1/auth/signup", "", map[string]string{"email": email, "password": "correct horse battery staple", "name": "A", "role": "volunteer"}).expect(t, 201)
	b.lang = "en"
	taken := b.post("/signup", signupForm(email)).expect(t, 409)
	taken.contains(t, `<a href="#f-email">This e-mail is already in use.</a>`)
	if !strings.HasPrefix(taken.title(), "Error: ") {
		t.Errorf("title %q", taken.title())
	}
}

func TestPageFormsNeedTheCSRFToken(t *testing.T) {
	e := newEnv(t)
	b := e.browser()
	b.get("/signup").expect(t, 200)

	missing := b.do("POST", "/signup", signupForm(uniqueEmail("csrf")))
	missing.expect(t, 403).contains(t, "Ce formulaire a expiré")
	checkPageStructure(t, "csrf refused", missing.Body)

	forged := signupForm(uniqueEmail("csrf"))
	forged.Set("_csrf", "forged.token.value")
	b.post("/signup", forged).expect(t, 403)

	// A token of another browser does not match this browser's cookie.
	other := e.browser()
	other.get("/login")
	stolen := signupForm(uniqueEmail("csrf"))
	stolen.Set("_csrf", other.cookies["entraide_csrf"].Value)
	b.post("/signup", stolen).expect(t, 403)

	// The API does not use cookies and needs no token.
	e.post("/api/v1/auth/signup", "", map[string]string{
		"email": uniqueEmail("api"), "password": "correct horse battery staple", "name": "A", "role": "volunteer",
	}).expect(t, 201)
}

func TestLoginAndLogoutPages(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	b := e.browser()

	b.get("/login").expect(t, 200)
	wrong := b.post("/login", url.Values{"email": {u.Email}, "password": {"not the password"}}).expect(t, 401)
	wrong.contains(t, "E-mail ou mot de passe incorrect.", `value="`+u.Email+`"`).lacks(t, "not the password")

	// A protected page sends to the login page and back.
	toLogin := b.get("/account").expect(t, http.StatusSeeOther)
	if toLogin.Location != "/login?next=%2Faccount" {
		t.Fatalf("redirect to %q", toLogin.Location)
	}
	b.follow(toLogin).expect(t, 200).contains(t, `name="next" value="/account"`)
	in := b.post("/login", url.Values{"email": {u.Email}, "password": {u.Password}, "next": {"/account"}}).expect(t, http.StatusSeeOther)
	if in.Location != "/account" {
		t.Fatalf("login goes to %q", in.Location)
	}
	b.follow(in).expect(t, 200)

	// Another site cannot be the destination.
	evil := b.post("/login", url.Values{"email": {u.Email}, "password": {u.Password}, "next": {"//evil.example/"}}).expect(t, http.StatusSeeOther)
	if evil.Location != "/me?notice=logged_in" {
		t.Fatalf("login goes to %q", evil.Location)
	}

	refresh := b.cookies["entraide_refresh"].Value
	out := b.post("/logout", url.Values{}).expect(t, http.StatusSeeOther)
	if c := out.cookie("entraide_access"); c == nil || c.Value != "" || !c.Expires.Before(time.Now()) {
		t.Errorf("logout keeps the access cookie: %+v", c)
	}
	b.follow(out).expect(t, 200).contains(t, "Vous êtes déconnecté·e.", `href="/login"`)
	// The session is revoked, not only forgotten by the browser.
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": refresh}).expect(t, 401)
}

func TestExpiredAccessCookieIsRefreshedOnPages(t *testing.T) {
	e := newEnv(t)
	b, email := e.signedIn()
	oldRefresh := b.cookies["entraide_refresh"].Value

	e.clock.Advance(16 * time.Minute)
	account := b.get("/account").expect(t, 200).contains(t, email)
	if c := account.cookie("entraide_refresh"); c == nil || c.Value == oldRefresh {
		t.Fatalf("the refresh token was not rotated: %+v", c)
	}
	if account.cookie("entraide_access") == nil {
		t.Fatal("no new access cookie")
	}

	// The rotated token, replayed, ends the session: a visitor again.
	thief := e.browser()
	thief.cookies["entraide_refresh"] = &http.Cookie{Name: "entraide_refresh", Value: oldRefresh}
	thief.get("/account").expect(t, http.StatusSeeOther)
	e.clock.Advance(16 * time.Minute)
	b.get("/account").expect(t, http.StatusSeeOther)
}

func TestLanguageSwitch(t *testing.T) {
	e := newEnv(t)
	visitor := e.browser()
	visitor.get("/").expect(t, 200).contains(t, `<html lang="fr">`, `lang="en">English version</button>`)
	switched := visitor.post("/lang", url.Values{"lang": {"en"}, "next": {"/login"}}).expect(t, http.StatusSeeOther)
	if switched.Location != "/login" {
		t.Fatalf("back to %q", switched.Location)
	}
	visitor.follow(switched).expect(t, 200).contains(t, `<html lang="en">`, "<h1>Log in</h1>")
	visitor.post("/lang", url.Values{"lang": {"en"}, "next": {"https://evil.example/"}}).expect(t, http.StatusSeeOther)

	// Signed in, the switch changes the account's language.
	b, _ := e.signedIn()
	b.follow(b.post("/lang", url.Values{"lang": {"en"}, "next": {"/account"}})).expect(t, 200).contains(t, "<h1>My account</h1>")
	access := b.cookies["entraide_access"].Value
	if got := e.get("/api/v1/me", access).expect(t, 200).str("language"); got != "en" {
		t.Errorf("account language %q, want en", got)
	}
}
