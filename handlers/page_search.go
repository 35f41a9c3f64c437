package handlers

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
)

// searchParams are the search API's parameters the page's GET form sends;
// the page reads them with the API's parser.
var searchParams = []string{"q", "near", "radius_km", "remote", "from", "to", "age", "languages", "sort", "per_page"}

type searchPageData struct {
	Results    *searchResponse
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
}

// searchPage is the mission search as a plain GET form: the filters of
// the search API, a list with distance and places left, and pages. The
// home page's form sends "where", which the page also accepts, with a
// town's name as well as a postcode.
func (s *Server) searchPage(c *fiber.Ctx) error {
	lang := s.lang(c)
	// What the visitor typed stays in the form; the parser gets what the
	// API takes.
	typed := strings.TrimSpace(c.Query("near"))
	if typed == "" {
		typed = strings.TrimSpace(c.Query("where"))
	}
	args := c.Context().QueryArgs()
	args.Del("where")
	args.Del("near")
	if typed != "" {
		args.Set("near", resolveWhere(typed))
	}
	form := frontend.NewForm()
	query := url.Values{}
	for _, name := range searchParams {
		v := c.Query(name)
		if name == "near" {
			v = typed
		}
		if v != "" {
			form.Set(name, v)
			query.Set(name, v)
		}
	}
	for _, name := range []string{"category", "skills"} {
		values := multi(c, name)
		form.SetAll(name, values)
		for _, v := range values {
			query.Add(name, v)
		}
	}
	form.Order("q", "near", "radius_km", "category", "remote", "from", "to", "age", "skills", "languages", "sort", "page")
	page := frontend.Page{
		Lang: lang, Title: i18n.T(lang, "search.title"), Description: i18n.T(lang, "search.description"),
		Canonical: s.cfg.BaseURL + "/missions", Form: form, Section: "/missions",
	}
	data := searchPageData{Results: &searchResponse{}}
	for name, values := range query {
		if name != "q" && name != "near" && name != "radius_km" && name != "page" {
			data.ActiveFilters += len(values)
		}
	}
	data.FiltersOpen = data.ActiveFilters > 0
	data.Categories, data.Skills, data.Radii, data.Sorts = searchOptions(lang, nil)
	page.Data = data
	q, err := parseSearch(c)
	if err != nil {
		return s.renderFormError(c, "search", page, err)
	}
	res, err := s.runSearch(q)
	if err != nil {
		return s.renderFormError(c, "search", page, err)
	}
	data.Results = res
	data.FiltersOpen = data.ActiveFilters > 0 && res.Total == 0
	data.Categories, data.Skills, data.Radii, data.Sorts = searchOptions(lang, res.Facets["category"])
	data.Pager = frontend.NewPager("/missions", query, res.Page, res.PerPage, int64(res.Total))
	if q.Near != nil {
		data.Near = placeName(c.Query("near"))
		data.HasCentre, data.Lat, data.Lon = true, q.Near.Lat, q.Near.Lon
	}
	if q.Page > 1 {
		page.Title = i18n.T(lang, "search.title_page", q.Page)
	}
	page.Data = data
	return s.render(c, fiber.StatusOK, "search", page)
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
