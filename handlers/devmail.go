package handlers

import (
	"bytes"
	"errors"
	"html/template"
	"os"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/notify"
)

// The development mail box: without SMTP_URL the worker writes e-mails to
// ENTRAIDE_DATA/mail, and these pages list and show them. They exist in
// development only; elsewhere they are a 404 like any unknown path.

var devMailPages = template.Must(template.New("list").Funcs(template.FuncMap{"t": i18n.T}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{t .Lang "devmail.title"}}</title></head>
<body><main>
<h1>{{t .Lang "devmail.title"}}</h1>
<p>{{t .Lang "devmail.lead" .Dir}}</p>
{{if .Items}}<p>{{t .Lang "devmail.count" .Total}}</p>
<table>
<thead><tr><th scope="col">{{t .Lang "devmail.date"}}</th><th scope="col">{{t .Lang "devmail.to"}}</th><th scope="col">{{t .Lang "devmail.subject"}}</th></tr></thead>
<tbody>{{range .Items}}
<tr><td>{{.Date.Format "2006-01-02 15:04:05"}}</td><td>{{.To}}</td><td><a href="/dev/mail/{{.Name}}">{{.Subject}}</a></td></tr>{{end}}
</tbody></table>
{{else}}<p>{{t .Lang "devmail.empty"}}</p>{{end}}
</main></body></html>
`))

var devMailMessage = template.Must(template.New("message").Funcs(template.FuncMap{"t": i18n.T}).Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><title>{{.Mail.Subject}}</title></head>
<body><main>
<p><a href="/dev/mail">{{t .Lang "devmail.back"}}</a></p>
<h1>{{.Mail.Subject}}</h1>
<dl>
<dt>{{t .Lang "devmail.date"}}</dt><dd>{{.Mail.Date.Format "2006-01-02 15:04:05"}} UTC</dd>
<dt>{{t .Lang "devmail.from"}}</dt><dd>{{.Mail.From}}</dd>
<dt>{{t .Lang "devmail.to"}}</dt><dd>{{.Mail.To}}</dd>
</dl>
<pre>{{.Mail.Text}}</pre>
<p><a href="/dev/mail/{{.Mail.Name}}?raw=1">{{t .Lang "devmail.raw"}}</a></p>
</main></body></html>
`))

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
	return renderDevMail(c, devMailPages, map[string]any{"Lang": s.lang(c), "Dir": dir, "Items": items, "Total": total})
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
	return renderDevMail(c, devMailMessage, map[string]any{"Lang": s.lang(c), "Mail": mail})
}

func renderDevMail(c *fiber.Ctx, page *template.Template, data map[string]any) error {
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(b.Bytes())
}
