package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// browser is a minimal cookie-keeping client for the pages, through
// app.Test. It keeps Secure cookies over plain HTTP as Chromium does for
// 127.0.0.1, which Go's cookiejar does not.
type browser struct {
	e       *env
	cookies map[string]*http.Cookie
	lang    string
	// headers are added to every request (Origin, Sec-Fetch-Site).
	headers map[string]string
}

func (e *env) browser() *browser {
	return &browser{e: e, cookies: map[string]*http.Cookie{}, lang: "fr"}
}

// page is an HTML answer.
type page struct {
	Status   int
	Header   http.Header
	Body     string
	Location string
	Cookies  []*http.Cookie
}

func (b *browser) do(method, path string, form url.Values) page {
	b.e.t.Helper()
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	req.Header.Set("Accept-Language", b.lang)
	for k, v := range b.headers {
		req.Header.Set(k, v)
	}
	for _, c := range b.cookies {
		req.AddCookie(&http.Cookie{Name: c.Name, Value: c.Value})
	}
	resp, err := b.e.svc.Server.App().Test(req, 30_000)
	if err != nil {
		b.e.t.Fatalf("%s %s: %v", method, path, err)
	}
	r := readResponse(resp)
	p := page{Status: r.Status, Header: r.Header, Body: r.Raw, Location: r.Header.Get("Location"), Cookies: resp.Cookies()}
	for _, c := range p.Cookies {
		if c.MaxAge < 0 || c.Value == "" || (!c.Expires.IsZero() && c.Expires.Before(time.Now())) {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c
		}
	}
	return p
}

func (b *browser) get(path string) page { return b.do("GET", path, nil) }

// post sends a form with the CSRF token of the cookie, as a page would.
func (b *browser) post(path string, form url.Values) page {
	if form.Get("_csrf") == "" {
		if c, ok := b.cookies["entraide_csrf"]; ok {
			form.Set("_csrf", c.Value)
		}
	}
	return b.do("POST", path, form)
}

// follow answers a redirect as a browser does, with a GET.
func (b *browser) follow(p page) page {
	b.e.t.Helper()
	if p.Status != http.StatusSeeOther && p.Status != http.StatusFound {
		b.e.t.Fatalf("status %d, want a redirect; body: %.500s", p.Status, p.Body)
	}
	return b.get(p.Location)
}

func (p page) expect(t *testing.T, status int) page {
	t.Helper()
	if p.Status != status {
		t.Fatalf("status %d, want %d; location %q; body: %.2000s", p.Status, status, p.Location, p.Body)
	}
	return p
}

func (p page) contains(t *testing.T, parts ...string) page {
	t.Helper()
	for _, s := range parts {
		if !strings.Contains(p.Body, s) {
			t.Errorf("page lacks %q; body: %.3000s", s, p.Body)
		}
	}
	return p
}

func (p page) lacks(t *testing.T, parts ...string) page {
	t.Helper()
	for _, s := range parts {
		if strings.Contains(p.Body, s) {
			t.Errorf("page contains %q", s)
		}
	}
	return p
}

var titlePattern = regexp.MustCompile(`<title>([^<]*)</title>`)

func (p page) title() string {
	m := titlePattern.FindStringSubmatch(p.Body)
	if m == nil {
		return ""
	}
	return m[1]
}

func (p page) cookie(name string) *http.Cookie {
	for _, c := range p.Cookies {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// signupForm fills the sign-up form of a new volunteer.
func signupForm(email string) url.Values {
	return url.Values{
		"role": {"volunteer"}, "name": {"Camille Martin"}, "email": {email},
		"password": {"correct horse battery staple"},
	}
}

// signedIn signs a new volunteer up through the page and returns its
// browser, in the volunteer's space.
func (e *env) signedIn() (*browser, string) {
	e.t.Helper()
	b := e.browser()
	b.get("/signup").expect(e.t, 200)
	email := uniqueEmail("page")
	b.follow(b.post("/signup", signupForm(email))).expect(e.t, 200)
	return b, email
}
