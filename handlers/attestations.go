package handlers

import (
	"bytes"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// Attestations are issued by package attestations; the API's printable
// document and the volunteer's page render the same certificate with the
// same template (partial "attestation").

type attestationRow struct {
	Name   string
	Shifts int
	Hours  float64
}

type attestationData struct {
	Name  string
	Total float64
	Rows  []attestationRow
	Date  string
	// Issued is the attestation by mission, and VerifyURL the public link
	// that shows it is genuine.
	Issued    *models.Attestation
	VerifyURL string
}

// attestationView issues the caller's certificate and lays it out for the
// template.
func (s *Server) attestationView(c *fiber.Ctx) (frontend.Page, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	cert, err := s.attestations.Issue(ctx, principal(c).User)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	rows := make([]attestationRow, len(cert.Organizations))
	for i, o := range cert.Organizations {
		rows[i] = attestationRow{Name: o.Name, Shifts: o.Shifts, Hours: o.Hours}
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "attestation.title"), Section: "/me",
		Data: attestationData{Name: cert.Name, Total: cert.TotalHours, Rows: rows,
			Date: frontend.LongDate(lang, cert.Date), Issued: cert.Issued, VerifyURL: cert.VerifyURL},
	}, nil
}

// attestation is the API's printable certificate of the caller's
// attended hours: a standalone document (print it to PDF from the
// browser).
func (s *Server) attestation(c *fiber.Ctx) error {
	page, err := s.attestationView(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := s.pages.RenderDocument(&buf, "attestation_print", page); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderContentLanguage, page.Lang)
	return c.Send(buf.Bytes())
}

// attestationPage is the same certificate in the site's frame, ready to
// print (the print style hides the frame).
func (s *Server) attestationPage(c *fiber.Ctx) error {
	page, err := s.attestationView(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "attestation", page)
}

type attestationVerifyData struct {
	Attestation *models.Attestation
	Issued      string
}

// attestationVerifyPage is the public page a verification link leads to:
// it shows what the attestation certified when it was issued, so that the
// printed copy can be compared with it. An unknown code is a 404.
func (s *Server) attestationVerifyPage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	att, err := s.attestations.Verify(ctx, c.Params("code"))
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "attestation_verify", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "journeys.attestation_verify_title"),
		Data: attestationVerifyData{Attestation: att, Issued: frontend.LongDate(lang, att.IssuedAt)},
	})
}
