package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// TestAPIRefusesCookiesForStateChanges: the page's session cookie reads
// the API but changes nothing through it; a bearer token does.
func TestAPIRefusesCookiesForStateChanges(t *testing.T) {
	e := newEnv(t)
	b, _ := e.signedIn()
	access := b.cookies["entraide_access"]
	if access == nil {
		t.Fatal("no access cookie after sign-up")
	}
	send := func(method, path, contentType, body string, headers map[string]string) *http.Response {
		t.Helper()
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		if contentType != "" {
			r.Header.Set("Content-Type", contentType)
		}
		r.AddCookie(&http.Cookie{Name: "entraide_access", Value: access.Value})
		for k, v := range headers {
			r.Header.Set(k, v)
		}
		resp, err := e.svc.Server.App().Test(r, 30_000)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	foreign := map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}
	for _, c := range []struct {
		method, path, contentType, body string
		headers                         map[string]string
	}{
		{"POST", "/api/v1/me/calendar", "application/x-www-form-urlencoded", "a=1", foreign},
		{"POST", "/api/v1/me/calendar", "text/plain", "", foreign},
		{"POST", "/api/v1/me/calendar", "", "", nil},
		{"PATCH", "/api/v1/me", "application/json", `{"name":"Pirate"}`, nil},
		{"DELETE", "/api/v1/me/calendar", "", "", map[string]string{"Origin": "http://example.com"}},
		{"POST", "/api/v1/auth/logout", "application/json", `{"all":true}`, foreign},
	} {
		resp := send(c.method, c.path, c.contentType, c.body, c.headers)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s %s with the page cookie: status %d, want 401", c.method, c.path, resp.StatusCode)
		}
	}
	// Reads still work with the cookie; the account is unchanged.
	if resp := send("GET", "/api/v1/me", "", "", nil); resp.StatusCode != 200 {
		t.Errorf("GET /api/v1/me with the cookie: %d", resp.StatusCode)
	}
	me := e.get("/api/v1/me", access.Value).expect(t, 200)
	if me.str("name") == "Pirate" {
		t.Error("a cookie-authenticated PATCH changed the account")
	}
	// A bearer token changes state, whatever the Origin (no cookie is involved).
	e.do(req{method: "POST", path: "/api/v1/me/calendar", token: access.Value, header: foreign}).expect(t, 201)
}

// TestPageFormsRefuseCrossSiteRequests: a form with a valid CSRF token is
// still refused when the browser says it comes from another site.
func TestPageFormsRefuseCrossSiteRequests(t *testing.T) {
	e := newEnv(t)
	b, _ := e.signedIn()
	b.get("/me/notifications").expect(t, 200)
	for _, h := range []map[string]string{
		{"Origin": "https://evil.example"},
		{"Origin": "null"},
		{"Sec-Fetch-Site": "cross-site"},
		{"Sec-Fetch-Site": "same-site"},
		{"Origin": "http://example.com.evil.example", "Sec-Fetch-Site": "cross-site"},
	} {
		b.headers = h
		b.post("/me/notifications/read-all", url.Values{}).expect(t, http.StatusForbidden)
	}
	for _, h := range []map[string]string{
		nil,
		{"Origin": "http://example.com", "Sec-Fetch-Site": "same-origin"},
		{"Sec-Fetch-Site": "none"},
	} {
		b.headers = h
		b.post("/me/notifications/read-all", url.Values{}).expect(t, http.StatusSeeOther)
	}
}
