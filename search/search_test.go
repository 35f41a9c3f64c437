package search

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/catalog"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

var now = time.Date(2030, 3, 2, 9, 0, 0, 0, time.UTC)

// newSearcher is a Searcher over a real index holding missions.
func newSearcher(t *testing.T, missions ...match.Mission) (*Searcher, *match.Index) {
	t.Helper()
	ix := match.New(catalog.IndexConfig())
	if err := ix.BuildMissions(missions); err != nil {
		t.Fatal(err)
	}
	return New(func() *match.Index { return ix }, geo.Default(), func() time.Time { return now }), ix
}

func mission(id, title, category string, remote bool) match.Mission {
	m := match.Mission{ID: id, OrgID: "org1", OrgName: "Les Restos", Title: title, Description: title, Category: category,
		Remote: remote, TimeZone: "Europe/Paris", PublishedAt: now.Add(-time.Hour),
		Shifts: []match.Shift{{ID: id + "-s", Start: now.Add(48 * time.Hour), End: now.Add(51 * time.Hour), Capacity: 3, Taken: 1}}}
	if !remote {
		m.Postcode, m.City, m.Lat, m.Lon, m.HasLocation = "69008", "Lyon", 45.734, 4.869, true
	}
	return m
}

func fields(err error) []string {
	var verr *models.ValidationError
	if !errors.As(err, &verr) {
		return nil
	}
	var out []string
	for _, f := range verr.Fields {
		out = append(out, f.Field+":"+f.Code)
	}
	return out
}

// TestParseReportsEveryBadField: one request, every bad parameter named.
func TestParseReportsEveryBadField(t *testing.T) {
	s, _ := newSearcher(t)
	_, err := s.Parse(url.Values{"category": {"nope"}, "radius_km": {"0"}, "remote": {"maybe"}, "age": {"200"},
		"from": {"2030-02-01"}, "to": {"2030-01-01"}, "sort": {"distance"}, "page": {"0"}})
	got := strings.Join(fields(err), " ")
	for _, want := range []string{"category:invalid_value", "radius_km:radius_range", "remote:invalid_bool", "age:invalid_age",
		"to:to_before_from", "sort:distance_needs_near", "page:page_range"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in %q", want, got)
		}
	}
}

// TestParseReadsValues: repeated and comma-separated values, a date as the
// whole day, paging.
func TestParseReadsValues(t *testing.T) {
	s, _ := newSearcher(t)
	req, err := s.Parse(url.Values{"category": {"food_aid,childcare"}, "skills": {"driving"}, "to": {"2030-03-10"},
		"remote": {"true"}, "page": {"2"}, "per_page": {"10"}})
	if err != nil {
		t.Fatal(err)
	}
	q := req.Query
	if strings.Join(q.Categories, ",") != "food_aid,childcare" || len(q.Skills) != 1 || q.Remote == nil || !*q.Remote {
		t.Fatalf("query %+v", q)
	}
	if want := time.Date(2030, 3, 10, 23, 59, 59, 0, time.UTC); !q.To.Equal(want) {
		t.Errorf("to = %v, want the end of the day %v", q.To, want)
	}
	if q.Page != 2 || q.PerPage != 10 {
		t.Errorf("paging %d/%d", q.Page, q.PerPage)
	}
}

// TestParsePlaceInWords: a place at the end of the words is searched
// around and taken out of them.
func TestParsePlaceInWords(t *testing.T) {
	s, _ := newSearcher(t)
	req, err := s.Parse(url.Values{"q": {"aide aux devoirs lyon 8"}})
	if err != nil {
		t.Fatal(err)
	}
	if req.Place == nil || !req.Place.FromText || req.Query.Near == nil || strings.Contains(strings.ToLower(req.Query.Text), "lyon") {
		t.Fatalf("place %+v, query %+v", req.Place, req.Query)
	}
}

// TestParseAmbiguousPlace: a place field naming several places lists them.
func TestParseAmbiguousPlace(t *testing.T) {
	s, _ := newSearcher(t)
	_, err := s.Parse(url.Values{"near": {"Saint-Denis"}})
	var amb *AmbiguousPlaceError
	if !errors.As(err, &amb) || len(amb.Candidates) < 2 {
		t.Fatalf("err = %v, want the candidates", err)
	}
	if got := fields(err); len(got) != 1 || got[0] != "near:ambiguous_place" {
		t.Errorf("fields %v", got)
	}
}

// TestRunAssemblesTheAnswer: items, facets, partial matches and the
// suggested category come out of one call.
func TestRunAssemblesTheAnswer(t *testing.T) {
	s, _ := newSearcher(t, mission("m1", "Distribution de colis alimentaires", "food_aid", false),
		mission("m2", "Appels aux personnes isolées", "isolation", true))
	res, err := s.Run(Request{Query: match.Query{Text: "distribution colis alimentaires zorglub"}})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 1 || res.Items[0].ID != "m1" || !res.PartialMatch || len(res.UnmatchedTerms) != 1 {
		t.Fatalf("result %+v", res)
	}
	it := res.Items[0]
	if it.Organization.Name != "Les Restos" || it.NextShift == nil || it.NextShift.PlacesLeft != 2 || it.City != "Lyon" {
		t.Errorf("item %+v", it)
	}
	all, err := s.Run(Request{})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != 2 || all.Facets["remote"]["true"] != 1 || all.PerPage != match.DefaultPerPage {
		t.Errorf("all: total %d facets %v per page %d", all.Total, all.Facets, all.PerPage)
	}
	if remote := all.Items; remote[0].Remote && remote[0].City != "" {
		t.Errorf("a remote mission shows a place: %+v", remote[0])
	}
}

// TestJSONCachesByVersion: an answer is reused for the same query string
// until the index changes.
func TestJSONCachesByVersion(t *testing.T) {
	s, ix := newSearcher(t, mission("m1", "Distribution de colis", "food_aid", false))
	parsed := 0
	values := func() url.Values { parsed++; return url.Values{"q": {"colis"}} }
	first, err := s.JSON([]byte("q=colis"), values)
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.JSON([]byte("q=colis"), values)
	if err != nil {
		t.Fatal(err)
	}
	if parsed != 1 || string(first) != string(again) {
		t.Fatalf("parsed %d times; answers %s / %s", parsed, first, again)
	}
	if err := ix.UpsertMission(mission("m2", "Tri de colis", "food_aid", false)); err != nil {
		t.Fatal(err)
	}
	changed, err := s.JSON([]byte("q=colis"), values)
	if err != nil {
		t.Fatal(err)
	}
	if parsed != 2 || !strings.Contains(string(changed), `"total":2`) {
		t.Fatalf("after a change: parsed %d times, %s", parsed, changed)
	}
	if _, err := s.JSON([]byte("sort=bogus"), func() url.Values { return url.Values{"sort": {"bogus"}} }); fields(err) == nil {
		t.Errorf("a bad query answered %v", err)
	}
}

// TestUrgentNearAPlace: urgent missions near a town's name, named for the
// page; an unknown place is a field error.
func TestUrgentNearAPlace(t *testing.T) {
	urgent := mission("m1", "Colis en urgence", "food_aid", false)
	urgent.Urgent = true
	s, _ := newSearcher(t, urgent, mission("m2", "Colis plus tard", "food_aid", false))
	items, named, err := s.Urgent("Lyon")
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].ID != "m1" || !strings.Contains(named, "Lyon") {
		t.Fatalf("items %+v, named %q", items, named)
	}
	if _, _, err := s.Urgent("Zorglubville"); strings.Join(fields(err), " ") != "near:unknown_place" {
		t.Errorf("unknown place: %v", err)
	}
	if got := s.ResolveWhere("Marseille"); got != "13001" {
		t.Errorf("Marseille resolves to %q, want its centre 13001", got)
	}
}

// TestSimilarLeavesTheMissionOut: similar missions share the category and
// never include the mission itself.
func TestSimilarLeavesTheMissionOut(t *testing.T) {
	s, _ := newSearcher(t, mission("m1", "Colis", "food_aid", true), mission("m2", "Tri", "food_aid", true),
		mission("m3", "Appels", "isolated_people", true))
	items, err := s.Similar(&models.Mission{ID: "m1", Category: "food_aid", Remote: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].ID != "m2" {
		t.Fatalf("similar %+v", items)
	}
}
