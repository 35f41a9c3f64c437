package handlers

import (
	"bytes"
	"errors"
	"os"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/notify"
)

// The development mail box: without SMTP_URL the worker writes e-mails to
// ENTRAIDE_DATA/mail, and these pages list and show them. They exist in
// development only; elsewhere they are a 404 like any unknown path.

func (s *Server) devMailEnabled() bool { return s.cfg.Env == "development" }

func wantsJSON(c *fiber.Ctx) bool {
	return strings.Contains(c.Get(fiber.HeaderAccept), fiber.MIMEApplicationJSON)
}

// devMailList lists the written e-mails, newest first: an HTML page, or
// JSON when asked.
func (s *Server) devMailList(c *fiber.Ctx) error {
	if !s.devMailEnabled() {
		return s.notFound(c)
	}
	dir := notify.MailDir(s.cfg.DataDir)
	items, total, err := notify.ListMail(dir, 500)
	if err != nil {
		return err
	}
	if wantsJSON(c) {
		return c.JSON(fiber.Map{"items": items, "total": total})
	}
	return s.renderDevMail(c, "devmail_list", map[string]any{"Lang": s.lang(c), "Dir": dir, "Items": items, "Total": total})
}

// devMailShow shows one e-mail (its text part; the HTML part stays
// source), as JSON when asked, or its raw source with ?raw=1.
func (s *Server) devMailShow(c *fiber.Ctx) error {
	if !s.devMailEnabled() {
		return s.notFound(c)
	}
	mail, raw, err := notify.ReadMail(notify.MailDir(s.cfg.DataDir), c.Params("name"))
	if errors.Is(err, os.ErrNotExist) {
		return errNotFound()
	}
	if err != nil {
		return err
	}
	switch {
	case c.Query("raw") != "":
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Send(raw)
	case wantsJSON(c):
		return c.JSON(mail)
	}
	return s.renderDevMail(c, "devmail_message", map[string]any{"Lang": s.lang(c), "Mail": mail})
}

func (s *Server) renderDevMail(c *fiber.Ctx, document string, data map[string]any) error {
	var b bytes.Buffer
	if err := s.pages.RenderDocument(&b, document, data); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(b.Bytes())
}
