package handlers

import (
	"bytes"
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

func (s *Server) pageRoutes() {
	s.app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(frontend.Static()),
		MaxAge: 3600,
	}))
	s.app.Get("/", s.homePage)
}

func (s *Server) render(c *fiber.Ctx, status int, name string, page frontend.Page) error {
	if page.Lang == "" {
		page.Lang = s.lang(c)
	}
	var buf bytes.Buffer
	if err := s.pages.Render(&buf, name, page); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Status(status).Send(buf.Bytes())
}

func (s *Server) homePage(c *fiber.Ctx) error {
	lang := s.lang(c)
	return s.render(c, 200, "home", frontend.Page{Lang: lang, Title: i18n.T(lang, "home.title")})
}

type errorPageData struct {
	Detail string
}

// renderErrorPage shows a friendly page for browsers; it never fails.
func (s *Server) renderErrorPage(c *fiber.Ctx, p *Problem, lang string) error {
	detail := ""
	if p.DetailKey != "" {
		detail = i18n.T(lang, p.DetailKey, p.Args...)
	}
	page := frontend.Page{Lang: lang, Title: i18n.T(lang, titles[p.Slug]), Data: errorPageData{Detail: detail}}
	if err := s.render(c, p.Status, "error", page); err != nil {
		return c.Status(p.Status).SendString(page.Title)
	}
	return nil
}

// clearAuthCookies removes the browser session cookies.
func (s *Server) clearAuthCookies(c *fiber.Ctx) {
	for _, name := range []string{accessCookie, refreshCookie} {
		c.Cookie(&fiber.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HTTPOnly: true, Secure: true, SameSite: "Lax"})
	}
}
