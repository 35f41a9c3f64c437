// Package search answers the public mission search: it reads the search's
// parameters from plain url.Values (the API's query string and the page's
// GET form are the same values), resolves the place searched around,
// asks the matching index and assembles the answer — partial matches,
// unmatched words, a suggested category, the other places of an ambiguous
// name. The API and the search page both call it; neither knows HTTP here.
package search

import (
	"errors"
	"fmt"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/timefmt"
)

// ErrInvalidQuery is a query the index refused (Run wraps the index's error).
var ErrInvalidQuery = errors.New("search: invalid query")

// Searcher runs searches over the current matching index.
type Searcher struct {
	index  func() *match.Index
	places *geo.Gazetteer
	// cityPostcodes (built from places) turns a town's name into a postcode.
	cityPostcodes map[string]string
	now           func() time.Time
	answers       *answerCache
}

// New builds a Searcher: index returns the current matching index (it is
// replaced on reloads), places locates what people type, now is the clock
// searches run at.
func New(index func() *match.Index, places *geo.Gazetteer, now func() time.Time) *Searcher {
	return &Searcher{index: index, places: places, cityPostcodes: cityPostcodesOf(places), now: now, answers: newAnswerCache()}
}

// Shift is a mission's next shift, in a result.
type Shift struct {
	ID         string    `json:"id"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	PlacesLeft int       `json:"places_left"`
}

// Org names a mission's organisation, in a result.
type Org struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Item is one mission found, as the API sends it and the pages show it.
type Item struct {
	ID              string   `json:"id"`
	Title           string   `json:"title"`
	Category        string   `json:"category"`
	Remote          bool     `json:"remote"`
	Urgent          bool     `json:"urgent"`
	Organization    Org      `json:"organization"`
	City            string   `json:"city,omitempty"`
	Postcode        string   `json:"postcode,omitempty"`
	MinAge          int      `json:"min_age"`
	RequiresVetting bool     `json:"requires_vetting"`
	NextShift       *Shift   `json:"next_shift"`
	TimeZone        string   `json:"time_zone"`
	PlacesLeft      int      `json:"places_left"`
	DistanceKm      *float64 `json:"distance_km,omitempty"`
	// The pages' map plots results; the API keeps positions out of lists.
	HasLocation bool    `json:"-"`
	Lat, Lon    float64 `json:"-"`
}

// ItemOf is the result item of an indexed mission; distance is rounded to
// 100 m, and a remote mission shows no place.
func ItemOf(m *match.Mission, next match.Shift, placesLeft int, distance float64, hasDistance bool) Item {
	it := Item{
		ID: m.ID, Title: m.Title, Category: m.Category, Remote: m.Remote, Urgent: m.Urgent,
		Organization: Org{ID: m.OrgID, Name: m.OrgName}, MinAge: m.MinAge, RequiresVetting: m.RequiresVetting,
		PlacesLeft: placesLeft, TimeZone: timefmt.Zone(m.TimeZone),
	}
	if !m.Remote {
		it.City, it.Postcode = m.City, m.Postcode
		it.HasLocation, it.Lat, it.Lon = m.HasLocation, m.Lat, m.Lon
	}
	if next.ID != "" {
		it.NextShift = &Shift{ID: next.ID, Start: next.Start, End: next.End, PlacesLeft: max(next.Capacity-next.Taken, 0)}
	}
	if hasDistance {
		d := float64(int(distance*10+0.5)) / 10
		it.DistanceKm = &d
	}
	return it
}

// Place names a place searched around.
type Place struct {
	Name       string  `json:"name"`
	Postcode   string  `json:"postcode"`
	Department string  `json:"department"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	FromText   bool    `json:"from_text,omitempty"`
}

// PlaceOf is the gazetteer's place, named.
func PlaceOf(p geo.NamedPlace) Place {
	return Place{Name: p.Name, Postcode: p.Postcode, Department: p.Department, Lat: p.Lat, Lon: p.Lon}
}

// Result is a search's answer.
type Result struct {
	Items   []Item                    `json:"items"`
	Total   int                       `json:"total"`
	Page    int                       `json:"page"`
	PerPage int                       `json:"per_page"`
	Facets  map[string]map[string]int `json:"facets"`
	// PartialMatch: missions were found, but none has every word; MatchedTerms and
	// UnmatchedTerms say which words (or phrases) some mission found has.
	PartialMatch   bool     `json:"partial_match"`
	MatchedTerms   []string `json:"matched_terms,omitempty"`
	UnmatchedTerms []string `json:"unmatched_terms,omitempty"`
	// SuggestedCategory is a category the words name, offered as a filter.
	SuggestedCategory string `json:"suggested_category,omitempty"`
	// Place is where the search looked around; FromText when it was read from q.
	Place *Place `json:"place,omitempty"`
	// PlaceAlternatives are the other places of the same name, when the name was
	// ambiguous and the most populous was taken (from q only; a place field asks).
	PlaceAlternatives []Place `json:"place_alternatives,omitempty"`
}

// Run searches the index for a parsed request (or for a Request built in
// code, such as the home page's urgent missions).
func (s *Searcher) Run(req Request) (*Result, error) {
	q := req.Query
	found, err := s.index().Search(q, s.now())
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidQuery, err)
	}
	items := make([]Item, len(found.Items))
	for i, h := range found.Items {
		items[i] = ItemOf(h.Mission, h.NextShift, h.PlacesLeft, h.DistanceKm, h.HasDistance)
	}
	perPage := q.PerPage
	if perPage == 0 {
		perPage = match.DefaultPerPage
	}
	facets := map[string]map[string]int{"category": found.Facets.Category, "remote": found.Facets.Remote}
	for k, m := range facets {
		if m == nil {
			facets[k] = map[string]int{}
		}
	}
	res := &Result{Items: items, Total: found.Total, Page: found.Page, PerPage: perPage, Facets: facets,
		PartialMatch: found.Partial, SuggestedCategory: found.SuggestedCategory,
		Place: req.Place, PlaceAlternatives: req.PlaceAlternatives}
	for _, c := range found.Concepts {
		if c.Matched {
			res.MatchedTerms = append(res.MatchedTerms, c.Text)
		} else {
			res.UnmatchedTerms = append(res.UnmatchedTerms, c.Text)
		}
	}
	return res, nil
}
