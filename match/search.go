package match

import (
	"fmt"
	"math"
	"time"
)

// Search sorts.
const (
	SortRelevance = "relevance"
	SortDistance  = "distance"
	SortDate      = "date"
)

// Search paging and radius bounds.
const (
	DefaultPerPage        = 20
	MaxPerPage            = 50
	DefaultSearchRadiusKm = 20
	MaxSearchRadiusKm     = 200
)

// Point is a position in degrees.
type Point struct {
	Lat, Lon float64
}

// Query is a mission search; zero fields do not filter.
type Query struct {
	Text       string   // words, ranked by relevance (docs/matching.md): French analysis, synonyms, typos
	Categories []string // any of
	Near       *Point   // on-site missions within RadiusKm of it; remote ones unless Remote says otherwise
	RadiusKm   float64  // DefaultSearchRadiusKm when 0, at most MaxSearchRadiusKm
	Remote     *bool    // true: remote only; false: on-site only; nil: both
	From, To   time.Time
	Skills     []string // the mission needs any of them
	Languages  []string // any of
	Age        int      // hides missions with a higher MinAge; 0 does not filter
	Sort       string   // SortRelevance (default), SortDistance or SortDate
	Page       int      // 1-based; 1 when 0
	PerPage    int      // DefaultPerPage when 0, at most MaxPerPage
}

// Hit is one mission found by Search.
type Hit struct {
	Mission     *Mission // a read-only snapshot: do not modify
	DistanceKm  float64
	HasDistance bool  // set for on-site missions when the query has Near
	NextShift   Shift // the soonest future shift with places left
	PlacesLeft  int   // places left over all future shifts
	Relevance   float64
}

// Facets count the missions per value of a filter, each over every other filter of the
// query (disjunctive facets: choosing a value never hides the others).
type Facets struct {
	Category map[string]int // categories with at least one mission
	Remote   map[string]int // "true" and "false"
}

// Result is a page of search hits with the total and the facets.
type Result struct {
	Items  []Hit
	Total  int
	Page   int
	Facets Facets
	// Concepts are the words (or phrases of the synonym table) of the text that count, in
	// the order typed, each with whether a mission found has it.
	Concepts []Concept
	// Partial is set when missions were found but none has every concept: they are
	// ranked by how many they have.
	Partial bool
	// SuggestedCategory is a category that the text names ("aide alimentaire"), when the
	// query does not already choose it; "" when none.
	SuggestedCategory string
}

// Concept is one word or phrase of a query's text.
type Concept struct {
	Text    string // as typed
	Matched bool   // some mission found has it
}

// compiledQuery is a Query resolved against the vocabularies.
type compiledQuery struct {
	text                textQuery
	hasText             bool
	hasCats             bool
	cats                bits256
	near                bool
	lat, lon, radius    float64
	remote              int // -1 both, 0 on-site, 1 remote
	hasWindow           bool
	from, to            int64
	hasSkills, hasLangs bool
	skills, langs       bits128
	age                 int
	sort                string
	page, perPage       int
}

// compile checks and normalises q. Unknown categories, skills or languages match nothing.
func (ix *Index) compile(q Query) (compiledQuery, error) {
	c := compiledQuery{remote: -1, age: q.Age, sort: q.Sort, page: max(q.Page, 1), perPage: q.PerPage}
	c.text = compileText(q.Text, &ix.ms.text, ix.syn, len(ix.ms.ids))
	c.hasText = len(c.text.concepts) > 0
	switch q.Sort {
	case "":
		c.sort = SortRelevance
	case SortRelevance, SortDistance, SortDate:
	default:
		return c, fmt.Errorf("%w: unknown sort %q", ErrInvalid, q.Sort)
	}
	if c.perPage <= 0 {
		c.perPage = DefaultPerPage
	}
	c.perPage = min(c.perPage, MaxPerPage)
	if q.Near != nil {
		if !validLatLon(q.Near.Lat, q.Near.Lon) {
			return c, fmt.Errorf("%w: coordinates out of range", ErrInvalid)
		}
		if q.RadiusKm < 0 || math.IsNaN(q.RadiusKm) {
			return c, fmt.Errorf("%w: negative radius", ErrInvalid)
		}
		c.near, c.lat, c.lon = true, q.Near.Lat, q.Near.Lon
		c.radius = q.RadiusKm
		if c.radius == 0 {
			c.radius = DefaultSearchRadiusKm
		}
		c.radius = min(c.radius, MaxSearchRadiusKm)
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return c, fmt.Errorf("%w: to is before from", ErrInvalid)
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		c.hasWindow, c.from, c.to = true, math.MinInt64, math.MaxInt64
		if !q.From.IsZero() {
			c.from = q.From.Unix()
		}
		if !q.To.IsZero() {
			c.to = q.To.Unix()
		}
	}
	if q.Remote != nil {
		c.remote = 0
		if *q.Remote {
			c.remote = 1
		}
	}
	c.hasCats = len(q.Categories) > 0
	for _, name := range q.Categories {
		if id, ok := ix.voc.cats.lookup(name); ok {
			c.cats.set(id)
		}
	}
	c.hasSkills = len(q.Skills) > 0
	c.skills = ix.voc.skillBits(q.Skills)
	c.hasLangs = len(q.Languages) > 0
	c.langs = ix.voc.langBits(q.Languages, false)
	return c, nil
}

// inWindow reports whether a future shift with places left overlaps [from, to).
func inWindow(shifts []shiftRec, now, from, to int64) bool {
	for _, sh := range shifts[firstFuture(shifts, now):] {
		if sh.start >= to {
			return false
		}
		if sh.open > 0 && sh.end > from {
			return true
		}
	}
	return false
}

// nextOpen returns the soonest future shift with places left; the mission has one.
func nextOpen(shifts []shiftRec, now int64) *shiftRec {
	for i := firstFuture(shifts, now); i < len(shifts); i++ {
		if shifts[i].open > 0 {
			return &shifts[i]
		}
	}
	return nil
}
