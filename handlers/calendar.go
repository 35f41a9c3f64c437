package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// The calendar's rules and its iCalendar documents are package
// calendar's; these handlers serve them.

// calendarFeedInfo says whether the caller has a feed; its URL is shown
// only when made, as only its hash is kept.
func (s *Server) calendarFeedInfo(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	active, err := s.calendar.HasFeed(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"active": active})
}

// newCalendarFeed makes (or replaces) the caller's private feed URL; the
// previous URL stops working.
func (s *Server) newCalendarFeed(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	url, err := s.calendar.NewFeed(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"active": true, "url": url})
}

func (s *Server) revokeCalendarFeed(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.calendar.RevokeFeed(ctx, principal(c).UserID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// calendarFeed serves the accepted shifts of the feed token's owner.
func (s *Server) calendarFeed(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	body, err := s.calendar.Feed(ctx, c.Params("token"))
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "private, max-age=300")
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	return c.SendString(body)
}

// shiftICS downloads one shift of the caller as a calendar file.
func (s *Server) shiftICS(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	body, err := s.calendar.Document(ctx, []models.Application{*a})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="entraide-`+a.ID+`.ics"`)
	return c.SendString(body)
}
