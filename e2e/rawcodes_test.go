package e2e

import (
	"regexp"
	"strings"
	"testing"
)

// rawCodes are the internal codes a person must never read: states, roles
// and category codes. Pages are checked in French, where none of these is
// a word.
var rawCodes = regexp.MustCompile(`\b(pending|suspended|submitted|published|draft|waitlisted|withdrawn|no_show|attended|offered|accepted|declined|rejected|cancelled|verified|closed|organization|volunteer|food_aid|tele_volunteering|isolated_people|digital_help|health_support)\b`)

// rawIDs are ids: 24 hexadecimal digits (ObjectIDs) or 26 Crockford
// base32 characters (sortable ids), outside attributes.
var rawIDs = regexp.MustCompile(`\b([0-9a-f]{24}|[0-9A-HJKMNP-TV-Z]{26})\b`)

// rawTextProblems lists what of text shows a code or an id.
func rawTextProblems(text string) []string {
	var out []string
	for _, m := range rawCodes.FindAllString(text, -1) {
		out = append(out, "state or code "+m)
	}
	for _, m := range rawIDs.FindAllString(text, -1) {
		out = append(out, "id "+m)
	}
	return out
}

// checkNoRawText fails when the visible text of the page's <main> shows an
// internal code or id.
func (tb *tab) checkNoRawText(page string) {
	tb.t.Helper()
	if problems := rawTextProblems(tb.text()); len(problems) > 0 {
		tb.t.Errorf("%s shows internal codes: %s", page, strings.Join(problems, ", "))
	}
}

// TestRawTextCheckCatches proves the check can fail.
func TestRawTextCheckCatches(t *testing.T) {
	for _, bad := range []string{"État : pending", "submitted → published", "Cible : mission 6b14e849ca5dc730b4b35084", "Rôle : organization"} {
		if len(rawTextProblems(bad)) == 0 {
			t.Errorf("%q passed", bad)
		}
	}
	for _, good := range []string{"État : en attente de réponse", "Mission publiée, de « en modération » à « publiée »", "lundi 7 décembre, 18 h 00"} {
		if p := rawTextProblems(good); len(p) > 0 {
			t.Errorf("%q refused: %v", good, p)
		}
	}
}
