package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// loggedInBrowser signs u in through the login page.
func (e *env) loggedInBrowser(u user) *browser {
	e.t.Helper()
	b := e.browser()
	b.get("/login").expect(e.t, 200)
	b.post("/login", url.Values{"email": {u.Email}, "password": {u.Password}}).expect(e.t, http.StatusSeeOther)
	return b
}

// checkLocalRedirect fails unless p is a redirect to a path of this site
// that carries no header of its own.
func checkLocalRedirect(t *testing.T, p page) {
	t.Helper()
	if p.Status != http.StatusSeeOther {
		t.Fatalf("status %d, want 303; body %.300s", p.Status, p.Body)
	}
	loc := p.Location
	if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") ||
		strings.ContainsAny(loc, "\r\n\t\\") {
		t.Errorf("redirect to %q leaves the site or carries control characters", loc)
	}
	for _, name := range []string{"planted", "Planted"} {
		if p.cookie(name) != nil {
			t.Errorf("a cookie %q was planted through the redirect", name)
		}
	}
	if p.Header.Get("X-Injected") != "" {
		t.Errorf("a header was injected: %v", p.Header)
	}
}

// TestRedirectsRefuseHeaderInjection follows every redirect that takes a
// part of its target from the request, with CR/LF, encoded CR/LF and
// off-site targets: none may add a header or leave the site.
func TestRedirectsRefuseHeaderInjection(t *testing.T) {
	e := newEnv(t)
	o := e.newOrg("Injection test")
	b := e.loggedInBrowser(o.owner)
	injections := []string{
		"x%0d%0aSet-Cookie:%20planted=1",
		"x%0aSet-Cookie:%20planted=1",
		"x%0dX-Injected:%201",
		"saved%0d%0aX-Injected:%201",
		"saved%26next=//evil.example",
	}
	for _, inj := range injections {
		p := b.get("/org?notice=" + inj)
		checkLocalRedirect(t, p)
		if strings.Contains(p.Location, "next=//evil") && !strings.Contains(p.Location, "%26") {
			t.Errorf("the notice added a parameter: %q", p.Location)
		}
	}
	// A known notice still reaches the organisation's page.
	p := b.get("/org?notice=saved")
	checkLocalRedirect(t, p)
	if !strings.HasSuffix(p.Location, "/missions?notice=saved") {
		t.Errorf("redirect %q lost the notice", p.Location)
	}

	// next parameters of the login, sign-up and language pages.
	targets := []string{
		"//evil.example/", "/\\evil.example", "\\\\evil.example", "https://evil.example/",
		"/%0d%0aSet-Cookie:%20planted=1", "/\t/evil.example", "javascript:alert(1)", "/ok\r\nX-Injected: 1",
	}
	for _, next := range targets {
		checkLocalRedirect(t, b.get("/login?next="+url.QueryEscape(next)))
		checkLocalRedirect(t, b.get("/signup?next="+url.QueryEscape(next)))
		checkLocalRedirect(t, b.post("/lang", url.Values{"lang": {"fr"}, "next": {next}}))
	}
}

// TestLoginNextStaysOnSite logs in with hostile next targets.
func TestLoginNextStaysOnSite(t *testing.T) {
	e := newEnv(t)
	u := e.signup("volunteer")
	for _, next := range []string{"//evil.example", "/\\evil.example", "https:evil.example", "/me\r\nX-Injected: 1", "/me?a=1\x00"} {
		b := e.browser()
		b.get("/login").expect(t, 200)
		p := b.post("/login", url.Values{"email": {u.Email}, "password": {u.Password}, "next": {next}})
		checkLocalRedirect(t, p)
	}
}

// TestRequestIDFromClientIsSanitised: the request id is echoed in a
// header, logged and shown on error pages; a client's id that is not a
// short plain token is replaced.
func TestRequestIDFromClientIsSanitised(t *testing.T) {
	e := newEnv(t)
	hostile := `"><script>alert(1)</script>` + strings.Repeat("x", 100)
	r := e.do(req{method: "GET", path: "/api/v1/missions/000000000000000000000000", header: map[string]string{"X-Request-ID": hostile}})
	if got := r.Header.Get("X-Request-Id"); got == "" || got == hostile || strings.Contains(r.Raw, "<script>") {
		t.Fatalf("request id %q, body %s", got, r.Raw)
	}
	r = e.do(req{method: "GET", path: "/healthz", header: map[string]string{"X-Request-ID": "lb-7f3a_42"}})
	if got := r.Header.Get("X-Request-Id"); got != "lb-7f3a_42" {
		t.Fatalf("a proxy's plain request id was not kept: %q", got)
	}
}
