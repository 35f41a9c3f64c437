package handlers

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

// adminBlocklistPage shows the words that send a mission or a message to
// moderation, one per line, in a form that replaces them.
func (s *Server) adminBlocklistPage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	words, err := s.blocklist(ctx)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "admin_blocklist", s.blocklistView(c, strings.Join(words, "\n")))
}

func (s *Server) blocklistView(c *fiber.Ctx, text string) frontend.Page {
	lang := s.lang(c)
	form := frontend.NewForm().Set("words", text).Order("words")
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.blocklist.title"), Section: "/admin", Form: form,
		Data: adminSection{Tab: "blocklist"}}
}

// adminBlocklistSubmit saves the words of the form, one per line, with the
// API's rules.
func (s *Server) adminBlocklistSubmit(c *fiber.Ctx) error {
	raw := c.FormValue("words")
	words := []string{}
	for _, line := range strings.Split(strings.ReplaceAll(raw, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			words = append(words, line)
		}
	}
	if _, err := s.saveBlocklist(c, words); err != nil {
		return s.renderFormError(c, "admin_blocklist", s.blocklistView(c, raw), err)
	}
	return c.Redirect(withNotice("/admin/blocklist", "saved"), fiber.StatusSeeOther)
}
