package search

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

// Request is a parsed search: the index query and the place it looks around.
type Request struct {
	Query             match.Query
	Place             *Place
	PlaceAlternatives []Place
}

// AmbiguousPlaceError is a validation error whose place field names
// several places: Candidates lists them, for the caller to offer.
type AmbiguousPlaceError struct {
	*models.ValidationError
	Candidates []Place
}

// Unwrap lets errors.As find the validation error.
func (e *AmbiguousPlaceError) Unwrap() error { return e.ValidationError }

// MaxTextRunes bounds the words of a search.
const MaxTextRunes = 200

// Parse reads and checks every search parameter, reporting all bad ones at
// once (a *models.ValidationError, or an *AmbiguousPlaceError when near
// names several places). A place named at the end of q ("aide aux devoirs
// lyon 8") is searched around when near is not given, and taken out of the
// words.
func (s *Searcher) Parse(values url.Values) (Request, error) {
	var v models.Validator
	var req Request
	q := match.Query{Text: strings.TrimSpace(values.Get("q"))}
	if len([]rune(q.Text)) > MaxTextRunes {
		v.Add("q", "too_long", MaxTextRunes)
	}
	for _, cat := range Multi(values, "category") {
		if !models.ValidCategory(cat) {
			v.Add("category", "invalid_value")
			break
		}
		q.Categories = append(q.Categories, cat)
	}
	near := strings.TrimSpace(values.Get("near"))
	if len(near) > 100 {
		v.Add("near", "invalid_near")
		near = ""
	}
	candidates, radius := s.resolvePlace(&v, &req, &q, near)
	if r := values.Get("radius_km"); r != "" {
		km, err := strconv.ParseFloat(r, 64)
		if err != nil || km < 1 || km > match.MaxSearchRadiusKm || km != km {
			v.Add("radius_km", "radius_range", 1, match.MaxSearchRadiusKm)
		} else {
			q.RadiusKm = km
		}
	} else if q.Near != nil && radius > 0 {
		q.RadiusKm = radius // a region is wider than a town
	}
	if r := values.Get("remote"); r != "" {
		b, err := strconv.ParseBool(r)
		if err != nil {
			v.Add("remote", "invalid_bool")
		} else {
			q.Remote = &b
		}
	}
	parseDates(&v, &q, values)
	for _, sk := range Multi(values, "skills") {
		if !models.IsSkill(sk) {
			v.Add("skills", "unknown_skill", sk)
			break
		}
		q.Skills = append(q.Skills, sk)
	}
	if langs := Multi(values, "languages"); len(langs) > 0 {
		norm, ok := models.NormalizeLanguages(langs)
		if v.Check(ok, "languages", "invalid_languages") {
			q.Languages = norm
		}
	}
	if a := values.Get("age"); a != "" {
		age, err := strconv.Atoi(a)
		if err != nil || age < 1 || age > 120 {
			v.Add("age", "invalid_age")
		} else {
			q.Age = age
		}
	}
	switch sort := values.Get("sort"); sort {
	case "", match.SortRelevance, match.SortDate:
		q.Sort = sort
	case match.SortDistance:
		q.Sort = sort
		if q.Near == nil && near == "" {
			v.Add("sort", "distance_needs_near")
		}
	default:
		v.Add("sort", "one_of", "relevance, distance, date")
	}
	q.Page, q.PerPage = models.ParsePaging(&v, values.Get, match.DefaultPerPage, match.MaxPerPage)
	req.Query = q
	if err := v.Err(); err != nil {
		var verr *models.ValidationError
		if len(candidates) > 0 && errors.As(err, &verr) {
			return req, &AmbiguousPlaceError{ValidationError: verr, Candidates: candidates}
		}
		return req, err
	}
	return req, nil
}

// resolvePlace sets the point searched around from near (a point "lat,lon",
// a postcode or a place name) or, without near, from a place named at the
// end of the words. It returns the candidates of an ambiguous near and the
// place's own radius (a region is wider than a town).
func (s *Searcher) resolvePlace(v *models.Validator, req *Request, q *match.Query, near string) ([]Place, float64) {
	var candidates []Place
	radius := 0.0
	switch {
	case near != "" && strings.Contains(near, ","):
		p, err := geo.ParsePoint(near)
		if err != nil {
			v.Add("near", "invalid_near")
		} else {
			q.Near = &match.Point{Lat: p.Lat, Lon: p.Lon}
		}
	case near != "":
		places := s.places.Find(near)
		switch {
		case len(places) == 0 && geo.ValidPostcode(near):
			v.Add("near", "unknown_postcode")
		case len(places) == 0:
			v.Add("near", "unknown_place")
		case len(places) > 1:
			v.Add("near", "ambiguous_place", places[0].Name)
			for _, p := range places {
				candidates = append(candidates, PlaceOf(p))
			}
		default:
			ref := PlaceOf(places[0])
			req.Place, radius = &ref, places[0].RadiusKm
			q.Near = &match.Point{Lat: ref.Lat, Lon: ref.Lon}
		}
	case q.Text != "":
		if rest, places := s.places.PlaceInText(q.Text); len(places) > 0 {
			ref := PlaceOf(places[0])
			ref.FromText = true
			req.Place, radius = &ref, places[0].RadiusKm
			for _, p := range places[1:] {
				req.PlaceAlternatives = append(req.PlaceAlternatives, PlaceOf(p))
			}
			q.Text = rest
			q.Near = &match.Point{Lat: ref.Lat, Lon: ref.Lon}
		}
	}
	return candidates, radius
}

// parseDates reads from and to; a date alone for to means the whole day.
func parseDates(v *models.Validator, q *match.Query, values url.Values) {
	for _, name := range []string{"from", "to"} {
		raw := strings.TrimSpace(values.Get(name))
		if t, err := models.ParseTime(raw); err != nil {
			v.Add(name, "invalid_date")
		} else if name == "from" {
			q.From = t
		} else if !t.IsZero() {
			if len(raw) == len("2006-01-02") {
				t = t.Add(24*time.Hour - time.Second)
			}
			q.To = t
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		v.Add("to", "to_before_from")
	}
}

// Multi returns a repeatable parameter, also accepting commas.
func Multi(values url.Values, name string) []string {
	var out []string
	for _, raw := range values[name] {
		for _, part := range strings.Split(raw, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}
