package search

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

// FuzzParse feeds arbitrary query strings to the search parameter parser:
// it must never panic, errors must be validation errors naming a field,
// and what it accepts stays within the index's bounds.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{"category=food_aid&near=13001&radius_km=20", "near=43.3,5.4&sort=distance", "q=%C3%A9picerie&page=2",
		"from=2030-01-01&to=2029-01-01", "radius_km=NaN", "near=91,181", "age=-1&per_page=999", "category=a,b,,c&skills=driving",
		"near=Saint-Denis", "q=maraude+paris+18e", "near=Marseille+3e"} {
		f.Add(seed)
	}
	s := New(func() *match.Index { return nil }, geo.Default(), time.Now)
	f.Fuzz(func(t *testing.T, query string) {
		values, _ := url.ParseQuery(query) // what parsed, as a server keeps it
		req, err := s.Parse(values)
		if err != nil {
			var verr *models.ValidationError
			if !errors.As(err, &verr) || len(verr.Fields) == 0 {
				t.Fatalf("%q: %v is not a validation error", query, err)
			}
			return
		}
		q := req.Query
		if q.RadiusKm < 0 || q.RadiusKm > match.MaxSearchRadiusKm || q.PerPage > match.MaxPerPage || q.Page < 1 {
			t.Fatalf("%q: out-of-range query accepted: %+v", query, q)
		}
	})
}
