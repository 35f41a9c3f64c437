package match

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestStem(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// plural and singular
		{"enfants", "enfant"}, {"enfant", "enfant"}, {"personnes", "person"}, {"personne", "person"},
		{"hopitaux", "hopital"}, {"hopital", "hopital"}, {"journaux", "journal"}, {"bureaux", "bureau"},
		// feminine, past participles, infinitives
		{"isolees", "isol"}, {"isoles", "isol"}, {"isole", "isol"}, {"isolement", "isol"},
		{"agees", "age"}, {"age", "age"}, {"aider", "aid"}, {"aide", "aid"}, {"aides", "aid"},
		{"accompagnement", "accompagn"}, {"accompagner", "accompagn"},
		{"seniors", "senio"}, {"senior", "senio"}, {"triez", "tri"}, {"trier", "tri"}, {"aidez", "aid"},
		{"delivering", "deliv"}, {"deliver", "deliv"}, {"sing", "sing"},
		// left alone: short words, digits, other scripts
		{"mer", "mer"}, {"75011", "75011"}, {"psc1", "psc1"}, {"здравствуйте", "здравствуйте"}, {"", ""},
	} {
		if got := stem(tc.in); got != tc.want {
			t.Errorf("stem(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestAnalyseElisionsAndStopwords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"garde d'enfants", []string{"gard", "enfant"}},
		{"l’épicerie jusqu'à l'hôpital", []string{"epiceri", "hopital"}},
		{"Qu'il s'agisse de n'importe quelle aide", []string{"agis", "import", "quel", "aid"}},
		{"lorsqu'on puisqu'elle", []string{"elle"}[:0]},
		{"Aide aux devoirs pour les enfants", []string{"aid", "devoi", "enfant"}},
	} {
		if got := analyse(tc.in); !slices.Equal(got, tc.want) && !(len(got) == 0 && len(tc.want) == 0) {
			t.Errorf("analyse(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"soutien", "soutient", 1}, {"maraude", "maruade", 1}, {"alimentair", "alimentiar", 1},
		{"distribution", "distribusion", 1}, {"benevolat", "benvolta", 2}, {"abc", "abc", 0},
		{"epicerie", "boulangerie", 3},
	} {
		if got := editDistance(tc.a, tc.b, 2); min(got, 3) != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestTypoIndexFindsSlips(t *testing.T) {
	var ti textIndex = newTextIndex()
	for _, term := range []string{"soutien", "maraud", "distribution", "alimentair", "epiceri", "boulangeri"} {
		ti.addTerm(1, []byte(term), fieldBody, false)
	}
	for _, tc := range []struct {
		word  string
		edits int
		want  []string
	}{
		{"soutient", 1, []string{"soutien"}},
		{"marud", 1, []string{"maraud"}},
		{"distribusion", 1, []string{"distribution"}},
		{"alimentiar", 1, []string{"alimentair"}},      // a swap is one edit
		{"distribbusion", 2, []string{"distribution"}}, // an extra letter and a wrong one
		{"distribbusion", 1, nil},
		{"epicerie", 1, []string{"epiceri"}},
		{"zorglub", 2, nil},
	} {
		var got []string
		ti.typos.lookup(tc.word, tc.edits, func(p *posting, _ int) { got = append(got, p.term) })
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("lookup(%q, %d) = %q, want %q", tc.word, tc.edits, got, tc.want)
		}
	}
	ti.removeTerm(1, []byte("soutien"))
	ti.typos.lookup("soutient", 1, func(p *posting, _ int) { t.Errorf("removed term %q still found", p.term) })
}

func TestBuiltinSynonyms(t *testing.T) {
	groups, err := parseSynonyms(builtinSynonyms)
	if err != nil {
		t.Fatal(err)
	}
	syn := newSynonyms(groups)
	for _, phrase := range []string{"personnes âgées", "soutien scolaire", "aide aux devoirs", "isolement", "repas",
		"courses", "informatique", "maraude", "EHPAD", "CCAS", "food bank", "elderly", "tutoring", "homework", "childcare",
		"épicerie solidaire", "banque alimentaire", "sans-abri"} {
		if len(syn.byKey[strings.Join(analyse(phrase), " ")]) == 0 {
			t.Errorf("%q is in no group", phrase)
		}
	}
	together := func(a, b string) bool {
		for _, g := range syn.byKey[strings.Join(analyse(a), " ")] {
			for _, p := range syn.groups[g] {
				if strings.Join(p, " ") == strings.Join(analyse(b), " ") {
					return true
				}
			}
		}
		return false
	}
	for _, pair := range [][2]string{{"aînés", "personnes âgées"}, {"seniors", "elderly"}, {"devoirs", "soutien scolaire"},
		{"isolement", "solitude"}, {"repas", "aide alimentaire"}, {"EHPAD", "maison de retraite"},
		{"informatique", "démarches en ligne"}, {"maraude", "street outreach"}, {"sans-abri", "SDF"}} {
		if !together(pair[0], pair[1]) {
			t.Errorf("%q and %q are not synonyms", pair[0], pair[1])
		}
	}
	if _, err := parseSynonyms("a / b\nseul\n"); err == nil {
		t.Error("a group of one member is accepted")
	}
}

func TestSearchUnderstandsFrench(t *testing.T) {
	ix := New(Config{Categories: []string{"food_aid", "education"},
		CategoryLabels: map[string][]string{"food_aid": {"Aide alimentaire", "Food aid"}, "education": {"Éducation et soutien scolaire", "Education and tutoring"}}})
	now := genBase
	shift := []Shift{{ID: "s", Start: now.Add(48 * time.Hour), End: now.Add(50 * time.Hour), Capacity: 3}}
	for _, m := range []Mission{
		{ID: "colis", Title: "Distribution de colis", Category: "food_aid", Shifts: shift},
		{ID: "devoirs", Title: "Aide aux devoirs après l'école", Category: "education", Shifts: shift},
		{ID: "visites", Title: "Visites aux personnes âgées isolées", Shifts: shift},
		{ID: "jardin", Title: "Jardin partagé", Description: "Arroser les plantes du quartier.", Shifts: shift},
	} {
		if err := ix.UpsertMission(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		text     string
		want     []string
		partial  bool
		category string
	}{
		{"aide alimentaire", []string{"colis"}, false, "food_aid"}, // the category's name
		{"food aid", []string{"colis"}, false, "food_aid"},
		{"soutien scolaire", []string{"devoirs"}, false, "education"}, // category name and synonym
		{"isolement", []string{"visites"}, false, ""},                 // stem of "isolées"
		{"aînés", []string{"visites"}, false, ""},                     // synonym of "personnes âgées"
		{"elderly", []string{"visites"}, false, ""},
		{"jardn", []string{"jardin"}, false, ""}, // five letters: one slip
		{"jadn", nil, false, ""},                 // four: none
		{"jardinn", []string{"jardin"}, false, ""},
		{"arroser les plantes du quartier piano", []string{"jardin"}, true, ""},
		{"cours de piano", nil, false, ""},
	} {
		res, err := ix.Search(Query{Text: tc.text}, now)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Items {
			got = append(got, h.Mission.ID)
		}
		if !slices.Equal(got, tc.want) || res.Partial != tc.partial || res.SuggestedCategory != tc.category {
			t.Errorf("search %q = %v partial %v category %q, want %v %v %q", tc.text, got, res.Partial, res.SuggestedCategory, tc.want, tc.partial, tc.category)
		}
	}
	// Admins extend the synonyms; the next search uses them.
	if err := ix.SetExtraSynonyms("potager / jardin partagé\n"); err != nil {
		t.Fatal(err)
	}
	if res, _ := ix.Search(Query{Text: "potager"}, now); len(res.Items) != 1 || res.Items[0].Mission.ID != "jardin" {
		t.Errorf("extra synonym: %+v", res.Items)
	}
	if err := ix.SetExtraSynonyms("seul\n"); err == nil {
		t.Error("bad synonyms accepted")
	}
}
