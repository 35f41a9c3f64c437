package calendar

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// ICS writes applications as an iCalendar (RFC 5545) document, with the
// missions and organisations they belong to; baseURL makes the missions'
// links, and now stamps the events.
func ICS(apps []models.Application, missions map[string]models.Mission, orgs map[string]models.Organization, baseURL string, now time.Time) string {
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
		zone = ZoneOf(missions, apps[0].MissionID)
	}
	line("X-WR-TIMEZONE", zone)
	stamp := icsTime(now)
	for _, a := range apps {
		m := missions[a.MissionID]
		link := baseURL + "/missions/" + a.MissionID
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
	return b.String()
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
