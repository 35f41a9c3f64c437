package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
)

// demoEnv is a test environment with the demo data loaded and indexed.
func demoEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	ctx := context.Background()
	if _, err := seeds.Load(ctx, e.store, e.svc.Hasher, e.clock.Now(), service.SeedLoaders()...); err != nil {
		t.Fatal(err)
	}
	if err := e.svc.Catalog.Load(ctx); err != nil {
		t.Fatal(err)
	}
	return e
}

// titles returns the titles of a search answer, in order.
func titles(t *testing.T, r response) []string {
	t.Helper()
	var out []string
	for _, it := range r.items(t) {
		out = append(out, it["title"].(string))
	}
	return out
}

func search(e *env, params url.Values) response {
	return e.get("/api/v1/missions?"+params.Encode(), "")
}

// TestSearchUnderstandsPeopleOnDemoData types what people type into the search of the demo
// data, in French and in English, and checks that the missions a person expects are found.
func TestSearchUnderstandsPeopleOnDemoData(t *testing.T) {
	e := demoEnv(t)
	for _, tc := range []struct {
		q, near  string
		want     []string // titles that must be among the results
		category string   // the category to suggest, if any
	}{
		{"aide alimentaire", "13003", []string{"Distribution de colis alimentaires", "Tri des denrées du samedi matin"}, "food_aid"},
		{"soutien scolaire", "13003", []string{"Aide aux devoirs des enfants de soignants"}, "education"},
		{"isolement", "13003", []string{"Visites de convivialité à domicile"}, ""},
		{"distribution repas", "13003", []string{"Distribution de colis alimentaires"}, ""},
		{"aide alimentaire", "Marseille 3e", []string{"Distribution de colis alimentaires"}, "food_aid"},
		{"food bank", "13003", []string{"Distribution de colis alimentaires", "Tri des denrées du samedi matin"}, ""},
		{"tutoring", "", []string{"Aide aux devoirs des enfants de soignants"}, ""},
		{"help elderly people", "", []string{"Appels de convivialité aux locataires âgés", "Courses pour personnes âgées confinées"}, ""},
		{"garde d'enfants", "", []string{"Garde d'enfants de soignants en horaires décalés"}, "childcare"},
		{"personnes agees", "", []string{"Courses pour personnes âgées confinées"}, ""},
		{"maraude lyon", "", []string{"Maraude du soir avec le Samu social"}, ""},
		{"distribusion de colis", "13003", []string{"Distribution de colis alimentaires"}, ""}, // a slip
	} {
		params := url.Values{"q": {tc.q}}
		if tc.near != "" {
			params.Set("near", tc.near)
		}
		r := search(e, params).expect(t, 200)
		got := titles(t, r)
		for _, want := range tc.want {
			found := false
			for _, title := range got {
				found = found || title == want
			}
			if !found {
				t.Errorf("%q near %q: %q not found in %q", tc.q, tc.near, want, got)
			}
		}
		if s, _ := r.Body["suggested_category"].(string); s != tc.category {
			t.Errorf("%q: suggested category %q, want %q", tc.q, s, tc.category)
		}
	}
}

func TestSearchPlacesAndPartialAnswers(t *testing.T) {
	e := demoEnv(t)
	// A place at the end of the words is searched around and taken out of them.
	r := search(e, url.Values{"q": {"maraude lyon"}}).expect(t, 200)
	place, _ := r.Body["place"].(map[string]any)
	if place == nil || place["from_text"] != true || !strings.HasPrefix(place["postcode"].(string), "69") {
		t.Fatalf("place from the words: %s", r.Raw)
	}
	// The place field takes arrondissements and refuses an ambiguous name with choices.
	r = search(e, url.Values{"near": {"Marseille 3e"}}).expect(t, 200)
	if p := r.Body["place"].(map[string]any); p["postcode"] != "13003" {
		t.Fatalf("Marseille 3e: %s", r.Raw)
	}
	r = search(e, url.Values{"near": {"Saint-Denis"}}).expect(t, 400)
	cands, _ := r.Body["place_candidates"].([]any)
	if len(cands) < 2 || !strings.Contains(r.Raw, `"field":"near"`) || !strings.Contains(r.Raw, "ambiguous_place") {
		t.Fatalf("ambiguous place: %s", r.Raw)
	}
	search(e, url.Values{"near": {"st denis 93"}}).expect(t, 200)
	// Nothing meaningful matches: nothing, rather than noise.
	for _, q := range []string{"cours de piano", "sauvetage en mer"} {
		if r := search(e, url.Values{"q": {q}}).expect(t, 200); r.Body["total"] != float64(0) {
			t.Errorf("%q: %s", q, r.Raw)
		}
	}
	// Not every word matches: the answer says which.
	r = search(e, url.Values{"q": {"maraude zorglub"}}).expect(t, 200)
	if r.Body["total"] == float64(0) || r.Body["partial_match"] != true || !strings.Contains(r.Raw, `"unmatched_terms":["zorglub"]`) {
		t.Logf("partial (zorglub weighs more than maraude, so nothing may be found): %s", r.Raw)
	}
	r = search(e, url.Values{"q": {"maraude personnes isolées"}}).expect(t, 200)
	if r.Body["total"] == float64(0) {
		t.Fatalf("maraude personnes isolées: %s", r.Raw)
	}
	// Suggestions as a person types.
	r = e.get("/api/v1/places?q=mars", "").expect(t, 200)
	if items := r.items(t); len(items) == 0 || items[0]["name"] != "Marseille" {
		t.Fatalf("places: %s", r.Raw)
	}
	e.get("/api/v1/places?q="+strings.Repeat("a", 61), "").expect(t, 400)
}

func TestSearchPageSaysWhatItUnderstood(t *testing.T) {
	e := demoEnv(t)
	page := e.do(req{method: "GET", path: "/missions?q=aide+alimentaire&near=Marseille+3e",
		header: map[string]string{"Accept": "text/html", "Accept-Language": "fr"}}).expect(t, 200)
	for _, want := range []string{"data-suggested-category", "category=food_aid", "Distribution de colis alimentaires", "places.js"} {
		if !strings.Contains(page.Raw, want) {
			t.Errorf("search page: %q missing", want)
		}
	}
	page = e.do(req{method: "GET", path: "/missions?near=Saint-Denis",
		header: map[string]string{"Accept": "text/html", "Accept-Language": "en"}}).expect(t, 400)
	if !strings.Contains(page.Raw, "Choose the place") || !strings.Contains(page.Raw, "near=97400") || !strings.Contains(page.Raw, "near=93200") {
		t.Errorf("ambiguous place page: %s", page.Raw)
	}
}

func TestAdminExtendsSynonyms(t *testing.T) {
	e := demoEnv(t)
	admin := e.admin()
	if r := search(e, url.Values{"q": {"zorglub"}}).expect(t, 200); r.Body["total"] != float64(0) {
		t.Fatalf("before: %s", r.Raw)
	}
	vol := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/admin/synonyms", token: vol.Access, body: map[string]any{"groups": [][]string{{"a", "b"}}}}).expect(t, 403)
	e.do(req{method: "PUT", path: "/api/v1/admin/synonyms", token: admin.Access, body: map[string]any{"groups": [][]string{{"seul"}}}}).expect(t, 400)
	e.do(req{method: "PUT", path: "/api/v1/admin/synonyms", token: admin.Access,
		body: map[string]any{"groups": [][]string{{"zorglub", "colis alimentaires"}}}}).expect(t, 200)
	r := search(e, url.Values{"q": {"zorglub"}}).expect(t, 200)
	if got := titles(t, r); len(got) == 0 || got[0] != "Distribution de colis alimentaires" {
		t.Fatalf("after: %s", r.Raw)
	}
	r = e.get("/api/v1/admin/synonyms", admin.Access).expect(t, 200)
	if !strings.Contains(r.Raw, "zorglub") {
		t.Fatalf("get: %s", r.Raw)
	}
}

func TestAdminSynonymsPage(t *testing.T) {
	e := demoEnv(t)
	b, _ := e.adminBrowser()
	form := b.get("/admin/synonyms").expect(t, 200)
	checkPageStructure(t, "admin synonyms", form.Body)
	refused := b.post("/admin/synonyms", url.Values{"synonyms": {"seul"}}).expect(t, 400)
	checkPageStructure(t, "admin synonyms refused", refused.Body)
	b.follow(b.post("/admin/synonyms", url.Values{"synonyms": {"zorglub / colis alimentaires\r\n"}}).expect(t, http.StatusSeeOther)).
		expect(t, 200).contains(t, "zorglub / colis alimentaires")
	r := search(e, url.Values{"q": {"zorglub"}}).expect(t, 200)
	if got := titles(t, r); len(got) == 0 || got[0] != "Distribution de colis alimentaires" {
		t.Fatalf("after the page: %s", r.Raw)
	}
}
