package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

// homeCategories are the fields of action, in display order; each links to
// the search filtered on it.
var homeCategories = []string{
	"food_aid", "tele_volunteering", "childcare", "isolated_people", "digital_help",
	"health_support", "logistics", "education", "other",
}

type categoryLink struct {
	ID, Label string
}

type homeData struct {
	Categories []categoryLink
}

func (s *Server) homePage(c *fiber.Ctx) error {
	lang := s.lang(c)
	data := homeData{}
	for _, id := range homeCategories {
		data.Categories = append(data.Categories, categoryLink{ID: id, Label: i18n.T(lang, "category."+id)})
	}
	return s.render(c, fiber.StatusOK, "home", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "home.title"), Description: i18n.T(lang, "home.lead"),
		Canonical: s.cfg.BaseURL + "/", Data: data,
	})
}
