package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	active, err := s.calendar.HasFeed(ctx, principal(c).UserID)
	if err != nil {
		return frontend.Page{}, err
	}
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	url, err := s.calendar.NewFeed(ctx, principal(c).UserID)
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.calendar.RevokeFeed(ctx, principal(c).UserID); err != nil {
		return err
	}
	return seeOther(c, "/me/calendar?notice=calendar_revoked")
}
