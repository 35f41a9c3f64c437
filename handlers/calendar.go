package handlers

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// calendarStatuses are the applications a volunteer's calendar shows.
var calendarStatuses = []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationAttended}

// calendarFeedInfo says whether the caller has a feed; its URL is shown
// only when made, as only its hash is kept.
func (s *Server) calendarFeedInfo(c *fiber.Ctx) error {
	active, err := s.hasCalendarFeed(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"active": active})
}

// hasCalendarFeed is shared by the API and the calendar page.
func (s *Server) hasCalendarFeed(c *fiber.Ctx) (bool, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.HasCalendarToken(ctx, principal(c).UserID)
}

// newCalendarFeed makes (or replaces) the caller's private feed URL; the
// previous URL stops working.
func (s *Server) newCalendarFeed(c *fiber.Ctx) error {
	url, err := s.makeCalendarFeed(c)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"active": true, "url": url})
}

// makeCalendarFeed is shared by the API and the calendar page; it returns
// the feed's URL, which only its owner ever sees.
func (s *Server) makeCalendarFeed(c *fiber.Ctx) (string, error) {
	token := auth.RandomToken(32)
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.SetCalendarToken(ctx, principal(c).UserID, auth.HashToken(token), s.now()); err != nil {
		return "", err
	}
	return s.cfg.BaseURL + "/api/v1/calendar/" + token + ".ics", nil
}

func (s *Server) revokeCalendarFeed(c *fiber.Ctx) error {
	if err := s.dropCalendarFeed(c); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// dropCalendarFeed is shared by the API and the calendar page.
func (s *Server) dropCalendarFeed(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.RevokeCalendarToken(ctx, principal(c).UserID)
}

// calendarFeed serves the accepted shifts of the feed token's owner. The
// token is the credential: calendar applications cannot log in.
func (s *Server) calendarFeed(c *fiber.Ctx) error {
	token := strings.TrimSuffix(c.Params("token"), ".ics")
	if len(token) < 20 || len(token) > 100 {
		return errNotFound()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	userID, err := s.store.CalendarUser(ctx, auth.HashToken(token))
	if err != nil {
		return err
	}
	apps, err := s.volunteerApplications(ctx, userID, calendarStatuses...)
	if err != nil {
		return err
	}
	body, err := s.renderICS(ctx, apps)
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
	body, err := s.renderICS(ctx, []models.Application{*a})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/calendar; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="entraide-`+a.ID+`.ics"`)
	return c.SendString(body)
}

// renderICS writes applications as an iCalendar (RFC 5545) document.
func (s *Server) renderICS(ctx context.Context, apps []models.Application) (string, error) {
	missions, orgs, err := s.missionsAndOrgs(ctx, apps)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	line := func(name, value string) { foldLine(&b, name+":"+value) }
	line("BEGIN", "VCALENDAR")
	line("VERSION", "2.0")
	line("PRODID", "-//Entraide//Missions//FR")
	line("CALSCALE", "GREGORIAN")
	line("METHOD", "PUBLISH")
	line("X-WR-CALNAME", "Entraide")
	// Events are in UTC, which every client shows in local time; the
	// calendar's zone is the one its missions happen in.
	zone := timefmt.Default
	if len(apps) > 0 {
		zone = zoneOf(missions, apps[0].MissionID)
	}
	line("X-WR-TIMEZONE", zone)
	stamp := icsTime(s.now())
	for _, a := range apps {
		m := missions[a.MissionID]
		link := s.cfg.BaseURL + "/missions/" + a.MissionID
		line("BEGIN", "VEVENT")
		line("UID", a.ID+"@entraide")
		line("DTSTAMP", stamp)
		line("DTSTART", icsTime(a.ShiftStart))
		line("DTEND", icsTime(a.ShiftEnd))
		line("SUMMARY", icsText(m.Title))
		if !m.Remote && m.Address != "" {
			line("LOCATION", icsText(m.Address+", "+m.Postcode+" "+m.City))
		}
		line("DESCRIPTION", icsText(orgs[a.OrgID].Name+"\n"+link))
		line("URL", link)
		line("STATUS", "CONFIRMED")
		line("END", "VEVENT")
	}
	line("END", "VCALENDAR")
	return b.String(), nil
}

// missionsAndOrgs loads the missions and organisations of applications.
func (s *Server) missionsAndOrgs(ctx context.Context, apps []models.Application) (map[string]models.Mission, map[string]models.Organization, error) {
	return s.apps.MissionsAndOrgs(ctx, apps)
}

func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsText escapes a TEXT value: backslash, semicolon, comma and newlines.
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// foldLine writes a content line folded at 75 octets without splitting a
// UTF-8 character, ending in CRLF.
func foldLine(b *strings.Builder, l string) {
	limit := 75
	for len(l) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(l[cut]) {
			cut--
		}
		b.WriteString(l[:cut])
		b.WriteString("\r\n ")
		l = l[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(l)
	b.WriteString("\r\n")
}
