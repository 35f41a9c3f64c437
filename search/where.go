package search

import (
	"regexp"
	"strings"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

// arrondissement strips "1er Arrondissement" from a city's name: people
// type "Marseille", the gazetteer says "Marseille 1er Arrondissement".
var arrondissement = regexp.MustCompile(`\s+\d+(er|e)\s+arrondissement$`)

// cityPostcodesOf maps a folded city name to the postcode of its central
// place: the one nearest the middle of all the city's postcodes (for
// Marseille, the 1st arrondissement rather than the most populous). It is
// built once from the immutable gazetteer.
func cityPostcodesOf(gazetteer *geo.Gazetteer) map[string]string {
	byName := map[string][]geo.Place{}
	for _, p := range gazetteer.Places() {
		name := arrondissement.ReplaceAllString(models.Fold(p.City), "")
		byName[name] = append(byName[name], p)
	}
	out := make(map[string]string, len(byName))
	for name, places := range byName {
		var middle geo.Point
		for _, p := range places {
			middle.Lat += p.Lat / float64(len(places))
			middle.Lon += p.Lon / float64(len(places))
		}
		best := places[0]
		for _, p := range places[1:] {
			if geo.DistanceKm(p.Point, middle) < geo.DistanceKm(best.Point, middle) {
				best = p
			}
		}
		out[name] = best.Postcode
	}
	return out
}

// ResolveWhere turns what a visitor typed in "where" into what the search
// API's near takes: a postcode or a point stays as it is, a town's name
// becomes its postcode. An unknown name is kept, for the search to refuse
// it with its own message.
func (s *Searcher) ResolveWhere(where string) string {
	where = strings.TrimSpace(where)
	if where == "" || strings.Contains(where, ",") || geo.ValidPostcode(where) {
		return where
	}
	name := models.Fold(where)
	if len(name) > 100 {
		return where
	}
	if pc, ok := s.cityPostcodes[arrondissement.ReplaceAllString(name, "")]; ok {
		return pc
	}
	return where
}

// PlaceName names a postcode for a page: "13001 Marseille 1er
// Arrondissement".
func (s *Searcher) PlaceName(near string) string {
	if p, ok := s.places.Lookup(near); ok {
		return p.Postcode + " " + p.City
	}
	return near
}

// UrgentRadiusKm is how far the home page looks for urgent missions
// around the visitor's place.
const UrgentRadiusKm = 30

// Urgent lists up to three urgent missions, soonest first, within
// UrgentRadiusKm of near (a postcode, a point or a town), or anywhere
// without it; named is the place, named for the page. An unknown place is
// a validation error on near.
func (s *Searcher) Urgent(near string) (items []Item, named string, err error) {
	q := match.Query{Sort: match.SortDate, PerPage: match.MaxPerPage}
	if near != "" {
		where := s.ResolveWhere(near)
		p, err := s.places.Resolve(where)
		if err != nil {
			var v models.Validator
			v.Add("near", "unknown_place")
			return nil, "", v.Err()
		}
		q.Near, q.RadiusKm = &match.Point{Lat: p.Lat, Lon: p.Lon}, UrgentRadiusKm
		named = s.PlaceName(where)
	}
	res, err := s.Run(Request{Query: q})
	if err != nil {
		return nil, "", err
	}
	for _, it := range res.Items {
		if it.Urgent && len(items) < 3 {
			items = append(items, it)
		}
	}
	return items, named, nil
}

// Similar lists up to four other published missions of m's category,
// within 50 km of it when it is on site.
func (s *Searcher) Similar(m *models.Mission) ([]Item, error) {
	q := match.Query{Categories: []string{string(m.Category)}, PerPage: 5}
	if !m.Remote && m.Postcode != "" {
		q.Near, q.RadiusKm = &match.Point{Lat: m.Lat, Lon: m.Lon}, 50
	}
	res, err := s.Run(Request{Query: q})
	if err != nil {
		return nil, err
	}
	out := make([]Item, 0, 4)
	for _, it := range res.Items {
		if it.ID != m.ID && len(out) < 4 {
			out = append(out, it)
		}
	}
	return out, nil
}
