package handlers

import (
	"bytes"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/docs"
	"github.com/entraide/entraide/frontend"
)

// apiDocs serves the API contract: page (GET /api/docs) is a plain HTML
// rendering of docs/openapi.yaml (server-rendered, no scripts, so the CSP
// holds), yaml (GET /api/docs/openapi.yaml) the raw document. The page is
// built once, at start-up.
func (s *Server) apiDocs() (page, yaml fiber.Handler) {
	html, err := renderAPIDocs(s.pages, docs.OpenAPI)
	if err != nil {
		// The document is embedded and tested; a broken one still serves
		// the raw YAML and says so on the page.
		s.log.Error("api docs", "error", err.Error())
		html = []byte("<!doctype html><title>Entraide API</title><p>The API description could not be rendered: see <a href=\"/api/docs/openapi.yaml\">openapi.yaml</a>.</p>")
	}
	page = func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		c.Set(fiber.HeaderCacheControl, "public, max-age=300")
		return c.Send(html)
	}
	yaml = func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, "application/yaml; charset=utf-8")
		c.Set(fiber.HeaderCacheControl, "public, max-age=300")
		return c.Send(docs.OpenAPI)
	}
	return page, yaml
}

// renderAPIDocs turns the OpenAPI document into the HTML page.
func renderAPIDocs(pages *frontend.Renderer, raw []byte) ([]byte, error) {
	ref, err := docs.Read(raw)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pages.RenderDocument(&buf, "apidocs", ref); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
