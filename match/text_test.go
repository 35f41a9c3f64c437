package match

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Épicerie solidaire", []string{"epicerie", "solidaire"}},
		{"l'ÉPICERIE d’Œuvre", []string{"epicerie", "oeuvre"}},
		{"Aide aux devoirs pour les enfants", []string{"aide", "devoirs", "enfants"}},
		{"garçon, naïf; Noël! 75011", []string{"garcon", "naif", "noel", "75011"}},
		{"e\u0301picerie", []string{"epicerie"}}, // decomposed accent
		{"Łódź Ștefan Straße İstanbul", []string{"lodz", "stefan", "strasse", "istanbul"}},
		{"à a é", nil},
		{"Здравствуйте мир", []string{"здравствуйте", "мир"}},
		{"", nil},
	} {
		if got := tokenize(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextSearchIgnoresAccentsAndCase(t *testing.T) {
	ix := New(genConfig())
	now := genBase
	shift := []Shift{{ID: "s", Start: now.Add(48 * time.Hour), End: now.Add(50 * time.Hour), Capacity: 3}}
	for _, m := range []Mission{
		{ID: "plain", Title: "Epicerie du quartier", Shifts: shift},
		{ID: "upper", Title: "ÉPICERIE SOLIDAIRE", Shifts: shift},
		{ID: "accent", Description: "Tenir la caisse de l'épicerie sociale", Shifts: shift},
		{ID: "org", Title: "Tri", OrgName: "Épiceries réunies", Shifts: shift},
		{ID: "tag", Title: "Tri", Skills: []string{"Épicerie fine"}, Shifts: shift},
		{ID: "other", Title: "Jardin partagé", Shifts: shift},
	} {
		if err := ix.UpsertMission(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"épicerie", []string{"accent", "org", "plain", "tag", "upper"}},
		{"EPICERIE", []string{"accent", "org", "plain", "tag", "upper"}},
		{"ÉPICERIE solidaire", []string{"accent", "upper"}}, // "épicerie sociale" is a synonym
		{"épic", []string{"accent", "org", "plain", "tag", "upper"}},
		{"epiceries", []string{"accent", "org", "plain", "tag", "upper"}}, // plural and singular meet
		{"solidaire épicerie", []string{"upper"}},                         // the last word is a prefix, the others exact
		{"partage", []string{"other"}},
		{"épicerie jardin", []string{"other"}},                                 // the rarer word, as a partial answer
		{"la de", []string{"accent", "org", "other", "plain", "tag", "upper"}}, // stopwords only: no filter
	} {
		res, err := ix.Search(Query{Text: tc.text}, now)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, hit := range res.Items {
			got = append(got, hit.Mission.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("search %q = %v, want %v", tc.text, got, tc.want)
		}
	}
	// A title match ranks before a description match.
	res, _ := ix.Search(Query{Text: "epicerie"}, now)
	if id := res.Items[len(res.Items)-1].Mission.ID; id != "accent" && id != "org" && id != "tag" {
		t.Errorf("last hit %s, want a mission without the word in its title", id)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, seed := range []string{"Épicerie solidaire", "l'œuvre", "e\u0301", "\xff\xfe", "a-b_c", strings.Repeat("é", 40)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range tokenize(s) {
			if !utf8.ValidString(tok) || len(tok) > maxTokenBytes || utf8.RuneCountInString(tok) < 2 || stopwords[tok] {
				t.Fatalf("tokenize(%q): bad token %q", s, tok)
			}
			for _, r := range tok {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					t.Fatalf("tokenize(%q): separator %q in token %q", s, r, tok)
				}
				if unicode.ToLower(r) != r {
					t.Fatalf("tokenize(%q): upper case in token %q", s, tok)
				}
			}
		}
	})
}
