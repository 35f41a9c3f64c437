package handlers_test

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/entraide/entraide/models"
)

// parseICS parses a calendar with a maintained iCalendar library.
func parseICS(t *testing.T, raw string) []*ics.VEvent {
	t.Helper()
	cal, err := ics.ParseCalendar(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("parse calendar: %v\n%s", err, raw)
	}
	return cal.Events()
}

func TestCalendarFeedAndDownload(t *testing.T) {
	e := newEnv(t)
	title := `Tri, colis; et "dons" — un titre assez long pour devoir être replié sur deux lignes`
	f := e.publishedShift(4, 2, func(b map[string]any) { b["title"] = title; autoAccept(b) })
	vol := e.signup(models.RoleVolunteer)
	appID := e.post(f.applyPath(), vol.Access, nil).expect(t, 201).str("id")

	// One shift as a file.
	file := e.get("/api/v1/me/applications/"+appID+"/calendar.ics", vol.Access).expect(t, 200)
	if !strings.HasPrefix(file.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("content type %q", file.Header.Get("Content-Type"))
	}
	events := parseICS(t, file.Raw)
	if len(events) != 1 {
		t.Fatalf("%d events", len(events))
	}
	if got := ics.FromText(events[0].GetProperty(ics.ComponentPropertySummary).Value); got != title {
		t.Fatalf("summary %q", got)
	}
	if start, err := events[0].GetStartAt(); err != nil || !start.Equal(f.start) {
		t.Fatalf("start %v (%v), want %v", start, err, f.start)
	}
	if loc := events[0].GetProperty(ics.ComponentPropertyLocation); loc == nil || !strings.Contains(loc.Value, "13001") {
		t.Fatalf("location: %v", loc)
	}
	stranger := e.signup(models.RoleVolunteer)
	e.get("/api/v1/me/applications/"+appID+"/calendar.ics", stranger.Access).expect(t, 404)

	// The private feed: a secret URL, replaced or revoked at will.
	if e.get("/api/v1/me/calendar", vol.Access).expect(t, 200).Body["active"] != false {
		t.Fatal("feed active before creation")
	}
	feed := e.post("/api/v1/me/calendar", vol.Access, nil).expect(t, 201).str("url")
	path := feed[strings.Index(feed, "/api/v1/"):]
	r := e.get(path, "").expect(t, 200)
	if len(parseICS(t, r.Raw)) != 1 || r.Header.Get("Cache-Control") != "private, max-age=300" {
		t.Fatalf("feed: %s", r.Raw)
	}
	// Withdrawn shifts leave the feed.
	e.advance(time.Minute, &vol)
	renewed := e.post("/api/v1/me/calendar", vol.Access, nil).expect(t, 201).str("url")
	e.get(path, "").expect(t, 404)
	path = renewed[strings.Index(renewed, "/api/v1/"):]
	e.post("/api/v1/me/applications/"+appID+"/withdraw", vol.Access, nil).expect(t, 200)
	if n := len(parseICS(t, e.get(path, "").expect(t, 200).Raw)); n != 0 {
		t.Fatalf("%d events after withdrawal", n)
	}
	e.do(req{method: "DELETE", path: "/api/v1/me/calendar", token: vol.Access}).expect(t, 204)
	e.get(path, "").expect(t, 404)
	e.get("/api/v1/calendar/short", "").expect(t, 404)
}
