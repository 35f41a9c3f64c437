package notify

import (
	"strings"
	"testing"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
)

// sampleParams fills every param any template reads, the optional ones too.
var sampleParams = map[string]string{
	"name": "Amina", "mission_title": "Tri <des> denrées", "org_name": "Banque & Co", "volunteer_name": "Jules",
	"inviter_name": "Louise", "sender_name": "Nadia", "member_name": "Léa", "shift_start": "2026-07-14T08:30:00Z", "expires_at": "2026-07-13T20:00:00Z",
	"address": "12 rue de la République, Marseille", "reason": "Météo", "link": "https://entraide.example/x?token=abc",
	"items": "- une chose\n- une autre", "count": "2", "prefs_link": "https://entraide.example/me/notification-preferences",
}

func TestEveryTemplateRendersInFrenchAndEnglish(t *testing.T) {
	tmpl, err := parseTemplates()
	if err != nil {
		t.Fatal(err)
	}
	events := append(models.ConfigurableEvents(), models.EventEmailConfirm, models.EventPasswordReset, models.EventDigest)
	for _, event := range events {
		subjects := map[string]string{}
		for _, lang := range models.UILanguages {
			email, err := tmpl.email(lang, event, sampleParams)
			if err != nil {
				t.Fatalf("%s/%s: %v", event, lang, err)
			}
			subjects[lang] = email.Subject
			for _, part := range []string{email.Subject, email.Text, email.HTML} {
				if part == "" || strings.Contains(part, "<no value>") {
					t.Fatalf("%s/%s renders %q", event, lang, part)
				}
			}
			if !strings.Contains(email.Text, sampleParams["link"]) || !strings.Contains(email.HTML, `<a href="https://entraide.example/x?token=abc"`) {
				t.Fatalf("%s/%s: link missing\n%s\n%s", event, lang, email.Text, email.HTML)
			}
			if strings.Contains(email.HTML, "<des>") || strings.Contains(email.HTML, "Banque & Co") {
				t.Fatalf("%s/%s: HTML not escaped:\n%s", event, lang, email.HTML)
			}
			if event.Configurable() {
				text, err := tmpl.inApp(lang, event, sampleParams)
				if err != nil || text == "" || strings.Contains(text, "\n") {
					t.Fatalf("%s/%s in-app: %q %v", event, lang, text, err)
				}
			}
		}
		if subjects["fr"] == subjects["en"] {
			t.Fatalf("%s: same subject in both languages: %q", event, subjects["fr"])
		}
	}
	// Required params are required; optional ones are not.
	if _, err := tmpl.email("fr", models.EventApplicationAccepted, map[string]string{"link": "x"}); err == nil {
		t.Fatal("missing params rendered")
	}
	minimal := map[string]string{"mission_title": "M", "org_name": "O"}
	if _, err := tmpl.email("fr", models.EventMissionCancelled, minimal); err != nil {
		t.Fatalf("optional params required: %v", err)
	}
	if _, err := tmpl.email("fr", "no_such_event", sampleParams); err == nil {
		t.Fatal("an unknown template rendered")
	}
}

func TestDatesInTheMissionsTime(t *testing.T) {
	cases := []struct{ lang, in, want string }{
		{"fr", "2026-07-14T08:30:00Z", "mardi 14 juillet, 10 h 30"},
		{"en", "2026-07-14T08:30:00Z", "Tuesday 14 July, 10:30 am"},
		{"fr", "2026-01-05T23:15:00Z", "mardi 6 janvier, 0 h 15"},
		// A stamp carries the mission's zone: 17:00 UTC is 18:00 in Paris,
		// 21:00 in La Réunion, which the text names.
		{"fr", "2026-12-07T18:00:00+01:00[Europe/Paris]", "lundi 7 décembre, 18 h 00"},
		{"fr", "2026-12-07T21:00:00+04:00[Indian/Reunion]", "lundi 7 décembre, 21 h 00 (heure de La Réunion)"},
		{"en", "2026-12-07T21:00:00+04:00[Indian/Reunion]", "Monday 7 December, 9:00 pm (Réunion time)"},
		{"fr", "2026-12-07 17:00", "2026-12-07 17:00"},
		{"fr", "demain", "demain"},
	}
	for _, c := range cases {
		if got := formatDate(c.lang, c.in); got != c.want {
			t.Errorf("formatDate(%s, %s) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

func TestParseSMTPURL(t *testing.T) {
	good := []struct {
		in   string
		want config.SMTP
	}{
		{"smtp://mail:1025", config.SMTP{Host: "mail", Port: 1025, StartTLS: "opportunistic"}},
		{"smtp://u%40x:p%3Ass@smtp.example.org?starttls=required", config.SMTP{Host: "smtp.example.org", Port: 587, Username: "u@x", Password: "p:ss", StartTLS: "required"}},
		{"smtps://u:p@smtp.example.org", config.SMTP{Host: "smtp.example.org", Port: 465, Username: "u", Password: "p", ImplicitTLS: true, StartTLS: "off"}},
		{"smtp://127.0.0.1:2525?starttls=off", config.SMTP{Host: "127.0.0.1", Port: 2525, StartTLS: "off"}},
	}
	for _, c := range good {
		got, err := config.ParseSMTPURL(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseSMTPURL(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"http://x", "smtp://", "smtp://x:0", "smtp://x:99999", "smtp://x/path", "smtp://x?starttls=maybe", "smtp://x?foo=1", "smtps://x?starttls=required", "::"} {
		if _, err := config.ParseSMTPURL(bad); err == nil {
			t.Errorf("ParseSMTPURL(%q) accepted", bad)
		}
	}
	// The error never repeats the password.
	if _, err := config.ParseSMTPURL("smtp://user:s3cret@host:badport"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %v", err)
	}
	cfg, err := config.Load(func(k string) string {
		return map[string]string{"SMTP_URL": "smtp://user:s3cret@host:25", "ENTRAIDE_MAIL_FROM": "Entraide <a@b.example>"}[k]
	})
	if err != nil || cfg.SMTPURL == "" || strings.Contains(cfg.String(), "s3cret") {
		t.Fatalf("config: %v %s", err, cfg)
	}
	if _, err := config.Load(func(k string) string { return map[string]string{"ENTRAIDE_MAIL_FROM": "nobody"}[k] }); err == nil {
		t.Fatal("a bad ENTRAIDE_MAIL_FROM was accepted")
	}
}
