package models

import "testing"

// TestEmailProblem covers what NormalizeEmail folds and EmailProblem
// refuses, one case per rule.
func TestEmailProblem(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"asso@demo.entraide.fr", ""},
		{" ＡＳＳＯ@ＤＥＭＯ.entraide.fr ", ""},
		{"élodie@exemple.fr", ""},
		{"иван@пример.рф", ""}, // one script throughout
		{"山田@例え.テスト", ""},      // Han and Katakana are written together
		{"asso\u200b@demo.fr", "email_invisible"},
		{"asso\ufeff@demo.fr", "email_invisible"},
		{"as so@demo.fr", "invalid_email"},
		{"asso@demo\u00a0.fr", "invalid_email"}, // NFKC makes it a plain space
		{"\u0430sso@demo.fr", "email_mixed_scripts"},
		{"ivan@пример.рф", "email_mixed_scripts"},
		{"asso@[10.0.0.1]", "email_ip_literal"},
		{"asso@127.1", "email_ip_literal"},
		{"asso@demo", "invalid_email"},
		{"Asso <asso@demo.fr>", "invalid_email"},
	} {
		if got := EmailProblem(NormalizeEmail(c.raw)); got != c.want {
			t.Errorf("%q: %q, want %q", c.raw, got, c.want)
		}
	}
	if got := NormalizeEmail("ＡＳＳＯ@Demo.Entraide.FR"); got != "asso@demo.entraide.fr" {
		t.Errorf("normalised to %q", got)
	}
}
