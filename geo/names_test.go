package geo

import (
	"slices"
	"testing"
)

func TestFindPlaceNames(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		typed string
		want  []string // postcodes, most populous first
	}{
		{"Marseille 3e", []string{"13003"}},
		{"marseille 3ème arrondissement", []string{"13003"}},
		{"Lyon 8ème", []string{"69008"}},
		{"Paris 11", []string{"75011"}},
		{"paris 18e", []string{"75018"}},
		{"Paris 1er", []string{"75001"}},
		{"saint etienne", []string{"42000"}},
		{"Saint-Étienne", []string{"42000"}},
		{"st denis 93", []string{"93200"}},
		{"Saint-Denis", []string{"97400", "93200"}}, // ambiguous: both
		{"Saint-Denis 974", []string{"97400"}},
		{"13003", []string{"13003"}},
		{"toulouse", []string{"31000"}},
		{"Toulouse 31", []string{"31000"}},
		{"La Réunion", []string{"97400"}},
		{"Marseille", []string{"13001"}},
		{"99999", nil},
		{"zorglub", nil},
		{"", nil},
	} {
		var got []string
		for _, p := range g.Find(tc.typed) {
			got = append(got, p.Postcode)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.typed, got, tc.want)
		}
	}
}

func TestPlaceInText(t *testing.T) {
	g := Default()
	for _, tc := range []struct {
		text, rest, postcode string
	}{
		{"aide aux devoirs lyon 8", "aide aux devoirs", "69008"},
		{"distribution repas marseille", "distribution repas", "13001"},
		{"maraude paris 18e", "maraude", "75018"},
		{"distribution colis paris 19", "distribution colis", "75019"},
		{"je voudrais aider les sans abri le soir à paris", "je voudrais aider les sans abri le soir", "75001"},
		{"bénévolat la réunion", "bénévolat", "97400"},
		{"epicerie solidaire strasbourg", "epicerie solidaire", "67000"},
		{"13003 aide alimentaire", "aide alimentaire", "13003"},
		// Ordinary words that name small communes stay words.
		{"sauvetage en mer", "sauvetage en mer", ""},
		{"cours de piano", "cours de piano", ""},
		{"croix rouge", "croix rouge", ""},
		{"garde d'enfants", "garde d'enfants", ""},
		{"accompagner des personnes agees a l hopital", "accompagner des personnes agees a l hopital", ""},
		{"maraude à la rochelle", "maraude", "17000"},
		{"", "", ""},
	} {
		rest, places := g.PlaceInText(tc.text)
		got := ""
		if len(places) > 0 {
			got = places[0].Postcode
		}
		if rest != tc.rest || got != tc.postcode {
			t.Errorf("PlaceInText(%q) = %q, %q; want %q, %q", tc.text, rest, got, tc.rest, tc.postcode)
		}
	}
}

func TestSuggestPlaces(t *testing.T) {
	g := Default()
	got := g.Suggest("mars", 5)
	if len(got) == 0 || got[0].Name != "Marseille" || got[0].Department != "13" {
		t.Fatalf("Suggest(mars) = %v", got)
	}
	got = g.Suggest("1300", 3)
	if len(got) != 3 || got[0].Postcode[:4] != "1300" {
		t.Fatalf("Suggest(1300) = %v", got)
	}
	if got := g.Suggest("", 5); got != nil {
		t.Fatalf("Suggest('') = %v", got)
	}
}

func TestDepartment(t *testing.T) {
	for in, want := range map[string]string{"13003": "13", "97400": "974", "20000": "2A", "20200": "2B", "75011": "75"} {
		if got := Department(in); got != want {
			t.Errorf("Department(%q) = %q, want %q", in, got, want)
		}
	}
}
