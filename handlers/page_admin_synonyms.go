package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

// adminSynonymsPage shows the synonym groups admins added to the search, one per line,
// in a form that replaces them.
func (s *Server) adminSynonymsPage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	text, err := s.catalog.Synonyms(ctx)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "admin_synonyms", s.synonymsView(c, text))
}

func (s *Server) synonymsView(c *fiber.Ctx, text string) frontend.Page {
	lang := s.lang(c)
	form := frontend.NewForm().Set("synonyms", text).Order("synonyms")
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.synonyms.title"), Section: "/admin", Form: form,
		Data: adminSection{Tab: "synonyms"}}
}

// adminSynonymsSubmit checks and saves the groups of the form, one per line, terms
// separated by "/", with the API's rules.
func (s *Server) adminSynonymsSubmit(c *fiber.Ctx) error {
	raw := c.FormValue("synonyms")
	var groups [][]string
	for _, line := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, m := range strings.Split(line, "/") {
			if m = strings.TrimSpace(m); m != "" {
				g = append(g, m)
			}
		}
		groups = append(groups, g)
	}
	text, err := synonymsText(groups)
	if err == nil {
		err = s.saveSynonyms(c, text)
	}
	if err != nil {
		page := s.synonymsView(c, raw)
		if p, ok := err.(*Problem); ok {
			for i := range p.Fields {
				p.Fields[i].Field = "synonyms"
			}
		}
		return s.renderFormError(c, "admin_synonyms", page, err)
	}
	return c.Redirect(withNotice("/admin/synonyms", "saved"), fiber.StatusSeeOther)
}
