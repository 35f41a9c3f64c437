package handlers

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
)

// searchParams are the search API's parameters the page's GET form sends;
// the page reads them with the API's parser.
var searchParams = []string{"q", "near", "radius_km", "remote", "from", "to", "age", "languages", "sort", "per_page"}

type searchPageData struct {
	Results    *search.Result
	Pager      frontend.Pager
	Categories []frontend.Option
	Skills     []frontend.Option
	Radii      []frontend.Option
	Sorts      []frontend.Option
	Near       string // the place searched around, named
	// FiltersOpen shows the filters below the main fields: only when one is
	// set and nothing was found, so that after a search the results are a
	// few Tab presses away. ActiveFilters counts the set ones for the summary.
	FiltersOpen   bool
	ActiveFilters int
	// The place searched around, for the map.
	HasCentre bool
	Lat, Lon  float64
	// What the page says about the words and the place, with one-click links.
	Partial         bool   // no mission found has every word
	Unmatched       string // words no mission found has, quoted, when some missions were found
	SuggestLabel    string // the category the words name
	SuggestURL      string
	PlaceChoices    []placeChoice // an ambiguous place: the places of that name
	PlaceFromText   string        // the place read from the words, named
	OtherPlaceLinks []placeChoice // other places of the same name as the one read
}

// placeChoice is a link to the same search around one place.
type placeChoice struct {
	Label, URL string
}

// searchPage is the mission search as a plain GET form: the filters of
// the search API, a list with distance and places left, and pages. The
// home page's form sends "where", which the page also accepts. The page and
// the API read the same values with the same parser.
func (s *Server) searchPage(c *fiber.Ctx) error {
	lang := s.lang(c)
	values := queryValues(c)
	if values.Get("near") == "" && values.Get("where") != "" {
		values.Set("near", values.Get("where"))
	}
	values.Del("where")
	form := frontend.NewForm()
	query := url.Values{}
	for _, name := range searchParams {
		if v := strings.TrimSpace(values.Get(name)); v != "" {
			form.Set(name, v)
			query.Set(name, v)
		}
	}
	for _, name := range []string{"category", "skills"} {
		list := search.Multi(values, name)
		form.SetAll(name, list)
		for _, v := range list {
			query.Add(name, v)
		}
	}
	form.Order("q", "near", "radius_km", "category", "remote", "from", "to", "age", "skills", "languages", "sort", "page")
	page := frontend.Page{
		Lang: lang, Title: i18n.T(lang, "search.title"), Description: i18n.T(lang, "search.description"),
		Canonical: s.cfg.BaseURL + "/missions", Form: form, Section: "/missions",
	}
	data := searchPageData{Results: &search.Result{}}
	for name, values := range query {
		if name != "q" && name != "near" && name != "radius_km" && name != "page" {
			data.ActiveFilters += len(values)
		}
	}
	data.FiltersOpen = data.ActiveFilters > 0
	data.Categories, data.Skills, data.Radii, data.Sorts = searchOptions(lang, nil)
	page.Data = data
	req, err := s.searcher.Parse(values)
	if err != nil {
		var amb *search.AmbiguousPlaceError
		if errors.As(err, &amb) {
			for _, pl := range amb.Candidates {
				data.PlaceChoices = append(data.PlaceChoices, placeLink(query, pl, "near"))
			}
			page.Data = data
		}
		return s.renderFormError(c, "search", page, searchProblem(err))
	}
	res, err := s.runSearch(req)
	if err != nil {
		return s.renderFormError(c, "search", page, err)
	}
	data.Results = res
	data.FiltersOpen = data.ActiveFilters > 0 && res.Total == 0
	data.Categories, data.Skills, data.Radii, data.Sorts = searchOptions(lang, res.Facets["category"])
	data.Pager = frontend.NewPager("/missions", query, res.Page, res.PerPage, int64(res.Total))
	q := req.Query
	if q.Near != nil {
		data.Near = strings.TrimSpace(values.Get("near"))
		if req.Place != nil {
			data.Near = req.Place.Postcode + " " + req.Place.Name
		}
		data.HasCentre, data.Lat, data.Lon = true, q.Near.Lat, q.Near.Lon
	}
	data.Partial = res.PartialMatch
	if res.PartialMatch && len(res.UnmatchedTerms) > 0 {
		open, sep, end := "« ", " », « ", " »"
		if lang == "en" {
			open, sep, end = "\u201c", "\u201d, \u201c", "\u201d"
		}
		data.Unmatched = open + strings.Join(res.UnmatchedTerms, sep) + end
	}
	if res.SuggestedCategory != "" {
		link := url.Values{}
		for k, v := range query {
			link[k] = v
		}
		link.Add("category", res.SuggestedCategory)
		link.Del("page")
		data.SuggestLabel = i18n.T(lang, "category."+res.SuggestedCategory)
		data.SuggestURL = "/missions?" + link.Encode()
	}
	if req.Place != nil && req.Place.FromText {
		data.PlaceFromText = req.Place.Name
		for _, pl := range res.PlaceAlternatives {
			// The same words around the other place: its name goes into the place field.
			link := url.Values{}
			for k, v := range query {
				link[k] = v
			}
			link.Set("q", q.Text)
			data.OtherPlaceLinks = append(data.OtherPlaceLinks, placeLink(link, pl, "near"))
		}
	}
	if q.Page > 1 {
		page.Title = i18n.T(lang, "search.title_page", q.Page)
	}
	page.Data = data
	return s.render(c, fiber.StatusOK, "search", page)
}

// placeLink is the search of query around one place, named with its department so that
// the link resolves to that place alone.
func placeLink(query url.Values, p search.Place, field string) placeChoice {
	link := url.Values{}
	for k, v := range query {
		link[k] = v
	}
	link.Set(field, p.Postcode)
	link.Del("page")
	return placeChoice{Label: p.Name + " (" + p.Department + ", " + p.Postcode + ")", URL: "/missions?" + link.Encode()}
}

// searchOptions lists the values of the form's choices; each category
// says how many missions it has among the results of the other filters.
func searchOptions(lang string, counts map[string]int) (cats, skills, radii, sorts []frontend.Option) {
	for _, c := range models.Categories {
		label := i18n.T(lang, "category."+string(c))
		if counts != nil {
			label += " (" + strconv.Itoa(counts[string(c)]) + ")"
		}
		cats = append(cats, frontend.Option{Value: string(c), Label: label})
	}
	for _, sk := range models.Skills() {
		skills = append(skills, frontend.Option{Value: sk.Code, Label: models.SkillLabel(sk.Code, lang)})
	}
	radii = append(radii, frontend.Option{Value: "", Label: i18n.T(lang, "search.radius_default", match.DefaultSearchRadiusKm)})
	for _, km := range []int{5, 10, 50, 100, match.MaxSearchRadiusKm} {
		radii = append(radii, frontend.Option{Value: strconv.Itoa(km), Label: strconv.Itoa(km) + " km"})
	}
	for _, sort := range []string{match.SortRelevance, match.SortDistance, match.SortDate} {
		sorts = append(sorts, frontend.Option{Value: sort, Label: i18n.T(lang, "search.sort_"+sort)})
	}
	return cats, skills, radii, sorts
}
