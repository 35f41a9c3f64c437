package handlers

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

type shiftRef struct {
	ID         string    `json:"id"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	PlacesLeft int       `json:"places_left"`
}

type searchItem struct {
	ID              string    `json:"id"`
	Title           string    `json:"title"`
	Category        string    `json:"category"`
	Remote          bool      `json:"remote"`
	Urgent          bool      `json:"urgent"`
	Organization    orgRef    `json:"organization"`
	City            string    `json:"city,omitempty"`
	Postcode        string    `json:"postcode,omitempty"`
	MinAge          int       `json:"min_age"`
	RequiresVetting bool      `json:"requires_vetting"`
	NextShift       *shiftRef `json:"next_shift"`
	TimeZone        string    `json:"time_zone"`
	PlacesLeft      int       `json:"places_left"`
	DistanceKm      *float64  `json:"distance_km,omitempty"`
	// The pages' map plots results; the API keeps positions out of lists.
	HasLocation bool    `json:"-"`
	Lat, Lon    float64 `json:"-"`
}

type searchResponse struct {
	Items   []searchItem              `json:"items"`
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
	Place *placeRef `json:"place,omitempty"`
	// PlaceAlternatives are the other places of the same name, when the name was
	// ambiguous and the most populous was taken (from q only; a place field asks).
	PlaceAlternatives []placeRef `json:"place_alternatives,omitempty"`
}

// placeRef names a place for the API and the page.
type placeRef struct {
	Name       string  `json:"name"`
	Postcode   string  `json:"postcode"`
	Department string  `json:"department"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	FromText   bool    `json:"from_text,omitempty"`
}

func newPlaceRef(p geo.NamedPlace) placeRef {
	return placeRef{Name: p.Name, Postcode: p.Postcode, Department: p.Department, Lat: p.Lat, Lon: p.Lon}
}

func itemFromIndex(m *match.Mission, next match.Shift, placesLeft int, distance float64, hasDistance bool) searchItem {
	it := searchItem{
		ID: m.ID, Title: m.Title, Category: m.Category, Remote: m.Remote, Urgent: m.Urgent,
		Organization: orgRef{ID: m.OrgID, Name: m.OrgName}, MinAge: m.MinAge, RequiresVetting: m.RequiresVetting,
		PlacesLeft: placesLeft, TimeZone: timefmt.Zone(m.TimeZone),
	}
	if !m.Remote {
		it.City, it.Postcode = m.City, m.Postcode
		it.HasLocation, it.Lat, it.Lon = m.HasLocation, m.Lat, m.Lon
	}
	if next.ID != "" {
		it.NextShift = &shiftRef{ID: next.ID, Start: next.Start, End: next.End, PlacesLeft: max(next.Capacity-next.Taken, 0)}
	}
	if hasDistance {
		d := float64(int(distance*10+0.5)) / 10
		it.DistanceKm = &d
	}
	return it
}

// multi returns a repeatable query parameter, also accepting commas.
func multi(values url.Values, name string) []string {
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

// queryValues copies the request's query string; Fiber's buffers are reused after the
// handler, and the API and the page read the same values with the same parser.
func queryValues(c *fiber.Ctx) url.Values {
	values := url.Values{}
	c.Context().QueryArgs().VisitAll(func(k, v []byte) {
		values.Add(string(k), string(v))
	})
	return values
}

// searchRequest is a parsed search: the index query and the place it looks around.
type searchRequest struct {
	query             match.Query
	place             *placeRef
	placeAlternatives []placeRef
}

// parseSearch reads and checks every search parameter, reporting all bad ones at once.
// A place named at the end of q ("aide aux devoirs lyon 8") is searched around when near
// is not given, and taken out of the words. An ambiguous near is refused with the
// candidates listed (problem member place_candidates).
func (s *Server) parseSearch(values url.Values) (searchRequest, error) {
	var v models.Validator
	var req searchRequest
	q := match.Query{Text: strings.TrimSpace(values.Get("q"))}
	if len([]rune(q.Text)) > 200 {
		v.Add("q", "too_long", 200)
	}
	for _, cat := range multi(values, "category") {
		if !models.ValidCategory(cat) {
			v.Add("category", "invalid_value")
			break
		}
		q.Categories = append(q.Categories, cat)
	}
	var candidates []placeRef
	radius := 0.0
	near := strings.TrimSpace(values.Get("near"))
	if len(near) > 100 {
		v.Add("near", "invalid_near")
		near = ""
	}
	switch {
	case near != "" && strings.Contains(near, ","):
		p, err := geo.ParsePoint(near)
		if err != nil {
			v.Add("near", "invalid_near")
		} else {
			q.Near = &match.Point{Lat: p.Lat, Lon: p.Lon}
		}
	case near != "":
		places := s.gazetteer.Find(near)
		switch {
		case len(places) == 0 && geo.ValidPostcode(near):
			v.Add("near", "unknown_postcode")
		case len(places) == 0:
			v.Add("near", "unknown_place")
		case len(places) > 1:
			v.Add("near", "ambiguous_place", places[0].Name)
			for _, p := range places {
				candidates = append(candidates, newPlaceRef(p))
			}
		default:
			ref := newPlaceRef(places[0])
			req.place, radius = &ref, places[0].RadiusKm
			q.Near = &match.Point{Lat: ref.Lat, Lon: ref.Lon}
		}
	case q.Text != "":
		if rest, places := s.gazetteer.PlaceInText(q.Text); len(places) > 0 {
			ref := newPlaceRef(places[0])
			ref.FromText = true
			req.place, radius = &ref, places[0].RadiusKm
			for _, p := range places[1:] {
				req.placeAlternatives = append(req.placeAlternatives, newPlaceRef(p))
			}
			q.Text = rest
			q.Near = &match.Point{Lat: ref.Lat, Lon: ref.Lon}
		}
	}
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
	for _, name := range []string{"from", "to"} {
		raw := strings.TrimSpace(values.Get(name))
		if t, err := parseTime(raw); err != nil {
			v.Add(name, "invalid_date")
		} else if name == "from" {
			q.From = t
		} else if !t.IsZero() {
			if len(raw) == len("2006-01-02") {
				t = t.Add(24*time.Hour - time.Second) // a date means the whole day
			}
			q.To = t
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		v.Add("to", "to_before_from")
	}
	for _, s := range multi(values, "skills") {
		if !models.IsSkill(s) {
			v.Add("skills", "unknown_skill", s)
			break
		}
		q.Skills = append(q.Skills, s)
	}
	if langs := multi(values, "languages"); len(langs) > 0 {
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
	sort := values.Get("sort")
	switch sort {
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
	pg, err := pagingOf(values.Get, match.DefaultPerPage, match.MaxPerPage)
	if err != nil {
		var p *Problem
		if errors.As(err, &p) {
			for _, f := range p.Fields {
				v.Add(f.Field, f.Code, f.Params...)
			}
		}
	}
	q.Page, q.PerPage = pg.Page, pg.PerPage
	req.query = q
	if err := v.Err(); err != nil {
		var verr *models.ValidationError
		if len(candidates) > 0 && errors.As(err, &verr) {
			return req, &Problem{Status: 400, Slug: "validation-error", Fields: verr.Fields, Err: err,
				Extra: map[string]any{"place_candidates": candidates}}
		}
		return req, err
	}
	return req, nil
}

// searchMissions is the public mission search, served from the index.
// Answers are the same for every caller and language, so they are cached briefly by the
// query string and the index's version (see answerCache).
func (s *Server) searchMissions(c *fiber.Ctx) error {
	key := c.Context().QueryArgs().QueryString()
	version := s.catalog.Index().Version()
	now := s.now() // the clock searches run at: an answer expires as its shifts go by
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	if body, ok := s.answers.get(key, version, now); ok {
		return c.Send(body)
	}
	req, err := s.parseSearch(queryValues(c))
	if err != nil {
		return err
	}
	res, err := s.runSearch(req)
	if err != nil {
		return err
	}
	body, err := gojson.Marshal(res)
	if err != nil {
		return err
	}
	s.answers.put(string(key), version, body, now)
	return c.Send(body)
}

// runSearch is shared by the API and the search page.
func (s *Server) runSearch(req searchRequest) (*searchResponse, error) {
	q := req.query
	result, err := s.catalog.Index().Search(q, s.now())
	if err != nil {
		return nil, &Problem{Status: 400, Slug: "bad-request", DetailKey: "detail.invalid_query", Err: err}
	}
	items := make([]searchItem, len(result.Items))
	for i, h := range result.Items {
		items[i] = itemFromIndex(h.Mission, h.NextShift, h.PlacesLeft, h.DistanceKm, h.HasDistance)
	}
	perPage := q.PerPage
	if perPage == 0 {
		perPage = match.DefaultPerPage
	}
	facets := map[string]map[string]int{"category": result.Facets.Category, "remote": result.Facets.Remote}
	for k, m := range facets {
		if m == nil {
			facets[k] = map[string]int{}
		}
	}
	res := &searchResponse{Items: items, Total: result.Total, Page: result.Page, PerPage: perPage, Facets: facets,
		PartialMatch: result.Partial, SuggestedCategory: result.SuggestedCategory,
		Place: req.place, PlaceAlternatives: req.placeAlternatives}
	for _, c := range result.Concepts {
		if c.Matched {
			res.MatchedTerms = append(res.MatchedTerms, c.Text)
		} else {
			res.UnmatchedTerms = append(res.UnmatchedTerms, c.Text)
		}
	}
	return res, nil
}
