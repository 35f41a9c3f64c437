package handlers

import (
	"regexp"
	"strings"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
)

// arrondissement strips "1er Arrondissement" from a city's name: people
// type "Marseille", the gazetteer says "Marseille 1er Arrondissement".
var arrondissement = regexp.MustCompile(`\s+\d+(er|e)\s+arrondissement$`)

// cityPostcodesOf maps a folded city name to the postcode of its central
// place: the one nearest the middle of all the city's postcodes (for
// Marseille, the 1st arrondissement rather than the most populous). The
// server builds it once from its immutable gazetteer.
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

// resolveWhere turns what a visitor typed in "where" into what the search
// API's near takes: a postcode or a point stays as it is, a town's name
// becomes its postcode. An unknown name is kept, for the search to refuse
// it with its own message.
func (s *Server) resolveWhere(where string) string {
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

// placeName names a postcode for the page: "13001 Marseille 1er
// Arrondissement".
func (s *Server) placeName(near string) string {
	if p, ok := s.gazetteer.Lookup(near); ok {
		return p.Postcode + " " + p.City
	}
	return near
}
