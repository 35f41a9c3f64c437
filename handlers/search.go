package handlers

import (
	"errors"
	"strconv"
	"strings"
	"time"

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
func multi(c *fiber.Ctx, name string) []string {
	var out []string
	for _, raw := range c.Context().QueryArgs().PeekMulti(name) {
		for _, part := range strings.Split(string(raw), ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// parseSearch reads and checks every search parameter, reporting all bad
// ones at once.
func parseSearch(c *fiber.Ctx) (match.Query, error) {
	var v models.Validator
	q := match.Query{Text: strings.TrimSpace(c.Query("q"))}
	if len([]rune(q.Text)) > 200 {
		v.Add("q", "too_long", 200)
	}
	for _, cat := range multi(c, "category") {
		if !models.ValidCategory(cat) {
			v.Add("category", "invalid_value")
			break
		}
		q.Categories = append(q.Categories, cat)
	}
	if near := strings.TrimSpace(c.Query("near")); near != "" {
		p, err := geo.Default().Resolve(near)
		switch {
		case errors.Is(err, geo.ErrUnknownPostcode):
			v.Add("near", "unknown_postcode")
		case err != nil:
			v.Add("near", "invalid_near")
		default:
			q.Near = &match.Point{Lat: p.Lat, Lon: p.Lon}
		}
	}
	if r := c.Query("radius_km"); r != "" {
		km, err := strconv.ParseFloat(r, 64)
		if err != nil || km < 1 || km > match.MaxSearchRadiusKm || km != km {
			v.Add("radius_km", "radius_range", 1, match.MaxSearchRadiusKm)
		} else {
			q.RadiusKm = km
		}
	}
	if r := c.Query("remote"); r != "" {
		b, err := strconv.ParseBool(r)
		if err != nil {
			v.Add("remote", "invalid_bool")
		} else {
			q.Remote = &b
		}
	}
	for _, name := range []string{"from", "to"} {
		if t, err := parseTimeParam(c, name); err != nil {
			v.Add(name, "invalid_date")
		} else if name == "from" {
			q.From = t
		} else if !t.IsZero() {
			if len(c.Query("to")) == len("2006-01-02") {
				t = t.Add(24*time.Hour - time.Second) // a date means the whole day
			}
			q.To = t
		}
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		v.Add("to", "to_before_from")
	}
	for _, s := range multi(c, "skills") {
		if !models.IsSkill(s) {
			v.Add("skills", "unknown_skill", s)
			break
		}
		q.Skills = append(q.Skills, s)
	}
	if langs := multi(c, "languages"); len(langs) > 0 {
		norm, ok := models.NormalizeLanguages(langs)
		if v.Check(ok, "languages", "invalid_languages") {
			q.Languages = norm
		}
	}
	if a := c.Query("age"); a != "" {
		age, err := strconv.Atoi(a)
		if err != nil || age < 1 || age > 120 {
			v.Add("age", "invalid_age")
		} else {
			q.Age = age
		}
	}
	switch sort := c.Query("sort", match.SortRelevance); sort {
	case match.SortRelevance, match.SortDate:
		q.Sort = sort
	case match.SortDistance:
		q.Sort = sort
		if c.Query("near") == "" {
			v.Add("sort", "distance_needs_near")
		}
	default:
		v.Add("sort", "one_of", "relevance, distance, date")
	}
	pg, err := parsePaging(c, match.DefaultPerPage, match.MaxPerPage)
	if err != nil {
		var p *Problem
		if errors.As(err, &p) {
			for _, f := range p.Fields {
				v.Add(f.Field, f.Code, f.Params...)
			}
		}
	}
	q.Page, q.PerPage = pg.Page, pg.PerPage
	return q, v.Err()
}

// searchMissions is the public mission search, served from the index.
func (s *Server) searchMissions(c *fiber.Ctx) error {
	q, err := parseSearch(c)
	if err != nil {
		return err
	}
	res, err := s.runSearch(q)
	if err != nil {
		return err
	}
	return c.JSON(res)
}

// runSearch is shared by the API and the search page.
func (s *Server) runSearch(q match.Query) (*searchResponse, error) {
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
	return &searchResponse{Items: items, Total: result.Total, Page: result.Page, PerPage: perPage, Facets: facets}, nil
}
