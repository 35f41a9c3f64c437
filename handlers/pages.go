package handlers

import (
	"bytes"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// pageAdmin keeps the administration to admins; others go to their own
// space.
func (s *Server) pageAdmin(c *fiber.Ctx) error {
	if p := principal(c); p.Role != models.RoleAdmin {
		return seeOther(c, roleHome(p.Role))
	}
	return c.Next()
}

// download serves a file of the API (a CSV, an export) on a page route;
// no cache may keep a copy of its personal data.
func download(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-store")
		return h(c)
	}
}

// page puts a page's handlers behind the CSRF check of its forms and the
// session refresh; every page route goes through it, the API never does:
//
//	app.Get("/missions", s.page(s.missionsPage)...)
//	app.Post("/account", s.page(s.pageUser, s.accountSubmit)...)
func (s *Server) page(handlers ...fiber.Handler) []fiber.Handler {
	// Each route gets its own middleware value; the tokens are signed, not
	// stored, so all of them accept the same tokens.
	return append([]fiber.Handler{s.csrfMiddleware(), s.refreshSession}, handlers...)
}

// render writes page name. It fills what every page needs: the language,
// the signed-in user for the menu, the CSRF token of its forms, the
// current address for the language switch, and the notice named in the
// query (?notice=saved) after a redirect.
func (s *Server) render(c *fiber.Ctx, status int, name string, page frontend.Page) error {
	if page.Lang == "" {
		page.Lang = s.lang(c)
	}
	if p := principal(c); p != nil && page.User == nil {
		page.User = &frontend.Viewer{Name: p.User.Name, Role: string(p.Role), Member: len(p.Orgs) > 0,
			Unconfirmed: !p.User.EmailConfirmed && p.Role != models.RoleAdmin, Email: p.User.Email}
	}
	if page.CSRF == "" {
		page.CSRF = s.csrfToken(c)
	}
	if page.Path == "" {
		page.Path = currentPath(c)
	}
	if page.Notice == "" {
		page.Notice = notice(page.Lang, c.Query("notice"))
	}
	var buf bytes.Buffer
	if err := s.pages.Render(&buf, name, page); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderContentLanguage, page.Lang)
	// Pages carry a CSRF token and may carry personal data.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).Send(buf.Bytes())
}

// currentPath is where the language switch brings the browser back: the
// address shown, without its one-off notice; after a refused form (a
// POST), the page the form was on.
func currentPath(c *fiber.Ctx) string {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		if ref, err := url.Parse(c.Get(fiber.HeaderReferer)); err == nil && ref.Path != "" {
			if path := localPath(ref.RequestURI()); path != "" {
				return path
			}
		}
		return "/"
	}
	if c.Query("notice") != "" {
		return c.Path()
	}
	return c.OriginalURL()
}

type errorPageData struct {
	Detail    string
	RequestID string // shown for 5xx, for the user to quote
}

// renderErrorPage shows a friendly page for browsers; it never fails.
func (s *Server) renderErrorPage(c *fiber.Ctx, p *Problem, lang string) error {
	page := frontend.Page{Lang: lang, Title: i18n.T(lang, p.Slug.Title())}
	data := errorPageData{}
	if p.DetailKey != "" {
		data.Detail = i18n.T(lang, p.DetailKey, p.Args...)
	}
	switch {
	case p.Status == fiber.StatusNotFound:
		page.Title, data.Detail = i18n.T(lang, "error.not_found"), i18n.T(lang, "error.not_found_msg")
	case p.Status >= 500 && p.Slug == ProblemInternal:
		page.Title, data.Detail = i18n.T(lang, "error.internal"), i18n.T(lang, "error.internal_msg")
	}
	if p.Status >= 500 {
		data.RequestID, _ = c.Locals("requestid").(string)
	}
	if len(p.Fields) > 0 && data.Detail == "" {
		f := p.Fields[0]
		data.Detail = i18n.T(lang, f.Code, f.Params...)
	}
	page.Data = data
	if err := s.render(c, p.Status, "error", page); err != nil {
		return c.Status(p.Status).SendString(page.Title)
	}
	return nil
}

// clearAuthCookies removes the browser session cookies. The date in the
// past is what deletes them: fasthttp writes no Max-Age below 1.
func (s *Server) clearAuthCookies(c *fiber.Ctx) {
	for _, name := range []string{accessCookie, refreshCookie} {
		c.Cookie(&fiber.Cookie{
			Name: name, Value: "", Path: "/", Expires: time.Unix(0, 0).UTC(),
			HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
		})
	}
}
