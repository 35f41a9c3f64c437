package handlers_test

import (
	"strings"
	"testing"

	"github.com/entraide/entraide/i18n"
)

// fieldCode returns the code of the first error on field, or "".
func fieldCode(r response, field string) string {
	list, _ := r.Body["errors"].([]any)
	for _, item := range list {
		f, _ := item.(map[string]any)
		if f["field"] == field {
			code, _ := f["code"].(string)
			return code
		}
	}
	return ""
}

// TestLookalikeEmailsAreRefusedOrTheSameAccount signs up an address, then
// tries addresses that look like it: invisible characters, a Cyrillic
// letter, bidirectional controls and IP literals are refused with a clear
// field error; full-width and upper-case variants are the same account.
func TestLookalikeEmailsAreRefusedOrTheSameAccount(t *testing.T) {
	e := newEnv(t)
	const real = "asso@demo.entraide.fr"
	password := "correct horse battery staple"
	signup := func(email, lang string) response {
		return e.do(req{method: "POST", path: "/api/v1/auth/signup", header: map[string]string{"Accept-Language": lang},
			body: map[string]string{"email": email, "password": password, "name": "Asso", "role": "volunteer"}})
	}
	signup(real, "fr").expect(t, 201)

	refused := []struct{ email, code string }{
		{real + "\u200b", "email_invisible"},
		{"asso\u200d@demo.entraide.fr", "email_invisible"},
		{"as\u00adso@demo.entraide.fr", "email_invisible"},
		{"asso\u202e@demo.entraide.fr", "email_invisible"},
		{"asso\u2066@demo.entraide.fr", "email_invisible"},
		{"as\x01so@demo.entraide.fr", "email_invisible"},
		{"\u0430sso@demo.entraide.fr", "email_mixed_scripts"}, // Cyrillic а
		{"asso@dem\u043e.entraide.fr", "email_mixed_scripts"}, // Cyrillic о in the domain
		{"asso@[1.2.3.4]", "email_ip_literal"},
		{"asso@1.2.3.4", "email_ip_literal"},
		{"asso@[IPv6:::1]", "email_ip_literal"},
	}
	for _, lang := range []string{"fr", "en"} {
		for _, c := range refused {
			r := signup(c.email, lang).expect(t, 400)
			if got := fieldCode(r, "email"); got != c.code {
				t.Errorf("%q: field code %q, want %q; body %s", c.email, got, c.code, r.Raw)
			}
			if msg := i18n.T(lang, c.code); msg == c.code || !strings.Contains(r.Raw, msg) {
				t.Errorf("%q in %s: the message %q is missing: %s", c.email, lang, msg, r.Raw)
			}
		}
	}

	// Full-width and case variants are the same account.
	for _, variant := range []string{"ａｓｓｏ@ｄｅｍｏ.ｅｎｔｒａｉｄｅ.ｆｒ", "ASSO@Demo.Entraide.FR", "Ａｓｓｏ@demo.entraide.fr"} {
		r := signup(variant, "en").expect(t, 409)
		if fieldCode(r, "email") != "email_taken" {
			t.Errorf("%q: %s", variant, r.Raw)
		}
		e.post("/api/v1/auth/login", "", map[string]string{"email": variant, "password": password}).expect(t, 200)
	}
	// Password reset and invitations read addresses the same way.
	r := e.post("/api/v1/auth/password-reset", "", map[string]string{"email": real + "\u200b"}).expect(t, 400)
	if fieldCode(r, "email") != "email_invisible" {
		t.Errorf("password reset: %s", r.Raw)
	}
	e.post("/api/v1/auth/password-reset", "", map[string]string{"email": "ＡＳＳＯ@demo.entraide.fr"}).expect(t, 202)
	o := e.newOrg("Invitations")
	r = e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": "\u0430sso@demo.entraide.fr", "role": "member"}).expect(t, 400)
	if fieldCode(r, "email") != "email_mixed_scripts" {
		t.Errorf("invitation: %s", r.Raw)
	}
	r = e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": "ＡＳＳＯ@demo.entraide.fr", "role": "member"}).expect(t, 201)
	if r.str("email") != real {
		t.Errorf("invitation e-mail %q, want %q", r.str("email"), real)
	}
}
