package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

type calendarData struct {
	Active bool
	// URL is the feed's address, shown once, when it is made: only its
	// hash is kept.
	URL    string
	Record engagementsResponse
}

// calendarPage shows the volunteer's shifts, past and to come, with the
// hours given per organisation, the private calendar link and the
// attestation.
func (s *Server) calendarPage(c *fiber.Ctx) error {
	page, err := s.calendarView(c, "")
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "calendar", page)
}

func (s *Server) calendarView(c *fiber.Ctx, url string) (frontend.Page, error) {
	active, err := s.hasCalendarFeed(c)
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	record, err := s.volunteerRecord(ctx, principal(c).UserID)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "calendar.title"), Section: "/me",
		Data: calendarData{Active: active, URL: url, Record: record}}, nil
}

// calendarFeedSubmit makes a new private link with the API's logic and
// shows it once; the previous link stops working.
func (s *Server) calendarFeedSubmit(c *fiber.Ctx) error {
	url, err := s.makeCalendarFeed(c)
	if err != nil {
		return err
	}
	page, err := s.calendarView(c, url)
	if err != nil {
		return err
	}
	page.Notice = i18n.T(page.Lang, "notice.calendar_made")
	return s.render(c, fiber.StatusCreated, "calendar", page)
}

// calendarRevokeSubmit turns the private link off with the API's logic.
func (s *Server) calendarRevokeSubmit(c *fiber.Ctx) error {
	if err := s.dropCalendarFeed(c); err != nil {
		return err
	}
	return seeOther(c, "/me/calendar?notice=calendar_revoked")
}

type attestationData struct {
	Name  string
	Total float64
	Rows  []orgHours
	Date  string
	// Issued is the attestation by mission, and VerifyURL the public link
	// that shows it is genuine.
	Issued    *models.Attestation
	VerifyURL string
}

// attestationPage is the certificate of the hours given, per
// organisation, ready to print (the print style hides the site's frame).
func (s *Server) attestationPage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	user := principal(c).User
	record, err := s.volunteerRecord(ctx, user.ID)
	if err != nil {
		return err
	}
	issued, err := s.issueAttestation(ctx, user)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "attestation", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "attestation.title"), Section: "/me",
		Data: attestationData{Name: user.Name, Total: record.TotalHours, Rows: record.Organizations,
			Date: frontend.LongDate(lang, s.now()), Issued: issued, VerifyURL: s.cfg.BaseURL + "/attestations/" + issued.ID},
	})
}
