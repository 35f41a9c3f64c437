package timefmt

import (
	"testing"
	"time"
)

func TestZoneOfPostcode(t *testing.T) {
	cases := map[string]string{
		"75011": "Europe/Paris", "20000": "Europe/Paris", "97411": "Indian/Reunion",
		"97200": "America/Martinique", "97300": "America/Cayenne", "97600": "Indian/Mayotte",
		"98800": "Pacific/Noumea", "97100": "America/Guadeloupe", "": "",
	}
	for pc, want := range cases {
		if got := ZoneOfPostcode(pc); got != want {
			t.Errorf("ZoneOfPostcode(%q) = %q, want %q", pc, got, want)
		}
	}
}

func TestLocalTimes(t *testing.T) {
	// 17:00 UTC on 7 December 2026 is 18:00 in Paris and 21:00 in La Réunion.
	at := time.Date(2026, 12, 7, 17, 0, 0, 0, time.UTC)
	cases := []struct{ lang, zone, want string }{
		{"fr", "Europe/Paris", "lundi 7 décembre, 18 h 00"},
		{"en", "Europe/Paris", "Monday 7 December, 6:00 pm"},
		{"fr", "Indian/Reunion", "lundi 7 décembre, 21 h 00"},
		{"en", "America/Cayenne", "Monday 7 December, 2:00 pm"},
		{"fr", "", "lundi 7 décembre, 18 h 00"},
		{"fr", "Mars/Olympus", "lundi 7 décembre, 18 h 00"},
	}
	for _, c := range cases {
		if got := DateTime(c.lang, at, c.zone); got != c.want {
			t.Errorf("DateTime(%s, %s) = %q, want %q", c.lang, c.zone, got, c.want)
		}
	}
	if got := Span("fr", at, at.Add(2*time.Hour), "Europe/Paris"); got != "lundi 7 décembre, 18 h 00 – 20 h 00" {
		t.Errorf("Span = %q", got)
	}
	if got := Span("en", at, at.Add(8*time.Hour), "Europe/Paris"); got != "Monday 7 December, 6:00 pm – Tuesday 8 December, 2:00 am" {
		t.Errorf("Span over midnight = %q", got)
	}
	if got := Numeric("fr", at, "Indian/Reunion"); got != "07/12/2026 21:00" {
		t.Errorf("Numeric = %q", got)
	}
}

func TestStampRoundTrip(t *testing.T) {
	at := time.Date(2026, 7, 1, 6, 30, 0, 0, time.UTC)
	s := Stamp(at, "Indian/Reunion")
	if s != "2026-07-01T10:30:00+04:00[Indian/Reunion]" {
		t.Fatalf("Stamp = %q", s)
	}
	back, zone, ok := ParseStamp(s)
	if !ok || !back.Equal(at) || zone != "Indian/Reunion" {
		t.Fatalf("ParseStamp = %v %q %v", back, zone, ok)
	}
	if _, zone, ok := ParseStamp("2026-07-01T06:30:00Z"); !ok || zone != Default {
		t.Fatalf("plain RFC 3339: %q %v", zone, ok)
	}
	if _, _, ok := ParseStamp("2026-07-01 06:30"); ok {
		t.Fatal("a non-RFC 3339 value parsed")
	}
}
