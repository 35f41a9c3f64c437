package timefmt

import (
	"fmt"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
)

// isEnglish reports whether lang is English; anything else reads French.
func isEnglish(lang string) bool { return lang == i18n.English }

// Day reads "lundi 7 décembre" / "Monday 7 December" in zone.
func Day(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location(zone))
	return fmt.Sprintf("%s %d %s", i18n.Weekday(lang, t.Weekday()), t.Day(), i18n.Month(lang, t.Month()))
}

// LongDate reads "lundi 7 décembre 2026" / "Monday 7 December 2026" in zone.
func LongDate(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	return Day(lang, t, zone) + fmt.Sprintf(" %d", t.In(Location(zone)).Year())
}

// ShortDate reads "07/12/2026" / "7 Dec 2026" in zone.
func ShortDate(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location(zone))
	if isEnglish(lang) {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

// Clock reads "18 h 00" / "6:00 pm" in zone.
func Clock(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location(zone))
	if isEnglish(lang) {
		return t.Format("3:04 pm")
	}
	return fmt.Sprintf("%d h %02d", t.Hour(), t.Minute())
}

// DateTime reads "lundi 7 décembre, 18 h 00" / "Monday 7 December, 6:00 pm".
func DateTime(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	return Day(lang, t, zone) + ", " + Clock(lang, t, zone)
}

// Span reads a shift: "lundi 7 décembre, 18 h 00 – 20 h 00"; a span over
// midnight names both days.
func Span(lang string, start, end time.Time, zone string) string {
	if start.IsZero() {
		return ""
	}
	if end.IsZero() {
		return DateTime(lang, start, zone)
	}
	loc := Location(zone)
	if y1, m1, d1 := start.In(loc).Date(); true {
		if y2, m2, d2 := end.In(loc).Date(); y1 != y2 || m1 != m2 || d1 != d2 {
			return DateTime(lang, start, zone) + " – " + DateTime(lang, end, zone)
		}
	}
	return DateTime(lang, start, zone) + " – " + Clock(lang, end, zone)
}

// Numeric reads "07/12/2026 18:00" (French) or "2026-12-07 18:00" (English):
// a spreadsheet cell, in zone.
func Numeric(lang string, t time.Time, zone string) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(Location(zone))
	if isEnglish(lang) {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("02/01/2006 15:04")
}

// Machine is the value of a <time datetime> attribute: RFC 3339 at the
// zone's offset.
func Machine(t time.Time, zone string) string { return t.In(Location(zone)).Format(time.RFC3339) }

// Stamp carries a time and its zone in a string, for the parameters of an
// e-mail or a notice rendered later: RFC 3339 at the zone's offset, then the
// zone's name in brackets (RFC 9557), "2026-12-07T18:00:00+04:00[Indian/Reunion]".
func Stamp(t time.Time, zone string) string {
	return Machine(t, zone) + "[" + Zone(zone) + "]"
}

// ParseStamp reads a Stamp, or a plain RFC 3339 time (zone Europe/Paris).
func ParseStamp(value string) (time.Time, string, bool) {
	zone := Default
	if i := strings.IndexByte(value, '['); i > 0 && strings.HasSuffix(value, "]") {
		zone = Zone(value[i+1 : len(value)-1])
		value = value[:i]
	}
	t, err := time.Parse(time.RFC3339, value)
	if err != nil {
		return time.Time{}, "", false
	}
	return t, zone, true
}
