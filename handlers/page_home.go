package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
	"github.com/entraide/entraide/store"
)

// homeCategories are the fields of action, in display order; each links to
// the search filtered on it.
var homeCategories = []string{
	"food_aid", "tele_volunteering", "childcare", "isolated_people", "digital_help",
	"health_support", "logistics", "education", "other",
}

type categoryLink struct {
	ID, Label string
	Count     int
}

type homeData struct {
	Categories []categoryLink
	Urgent     []search.Item
	Near       string // the place urgent missions are near, named
	Numbers    homeNumbers
}

// homeNumbers are the live figures of the platform: missions from the
// in-memory index, accounts from a count refreshed in the background.
type homeNumbers struct {
	Missions, Remote          int
	Volunteers, Organizations int64
}

func (s *Server) homePage(c *fiber.Ctx) error {
	lang := s.lang(c)
	data := homeData{}
	all, err := s.openMissions()
	if err != nil {
		return err
	}
	for _, id := range homeCategories {
		data.Categories = append(data.Categories, categoryLink{ID: id, Label: i18n.T(lang, "category."+id), Count: all.Facets["category"][id]})
	}
	data.Numbers = homeNumbers{Missions: all.Total, Remote: all.Facets["remote"]["true"]}
	ctx, cancel := s.ctx(c)
	defer cancel()
	data.Numbers.Volunteers, data.Numbers.Organizations = s.platformNumbers(ctx)
	form := frontend.NewForm()
	near, err := s.visitorPostcode(c)
	if err != nil {
		return err
	}
	form.Set("near", near)
	if data.Urgent, data.Near, err = s.searcher.Urgent(near); err != nil {
		return s.renderFormError(c, "home", s.homeView(lang, form, data), searchProblem(err))
	}
	return s.render(c, fiber.StatusOK, "home", s.homeView(lang, form, data))
}

func (s *Server) homeView(lang string, form *frontend.Form, data homeData) frontend.Page {
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "home.title"), Description: i18n.T(lang, "home.lead"),
		Canonical: s.cfg.BaseURL + "/", OpenGraph: "website", Form: form.Order("where", "near"), Data: data,
	}
}

// visitorPostcode is where the visitor is: the postcode they gave (?near=),
// else the postcode of a signed-in volunteer's profile.
func (s *Server) visitorPostcode(c *fiber.Ctx) (string, error) {
	if near := strings.TrimSpace(c.Query("near")); near != "" {
		return near, nil
	}
	p := principal(c)
	if p == nil || p.Role == models.RoleAdmin {
		return "", nil
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	profile, err := s.store.Profile(ctx, p.UserID)
	if errors.Is(err, store.ErrNotFound) || profile == nil {
		return "", nil
	}
	return profile.Postcode, err
}
