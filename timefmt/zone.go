// Package timefmt writes the dates and times people read: in the local time
// zone of the place where a mission happens, the French or the English way.
// Every page, e-mail, notice, export and attestation goes through it, so the
// rule is written once.
package timefmt

import (
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // the static binary has no zoneinfo of its own
)

// Default is the zone of metropolitan France and Corsica, and of any time
// that belongs to no place (a message, an audit entry).
const Default = "Europe/Paris"

// overseas maps the first three digits of an overseas postcode to its zone.
var overseas = map[string]string{
	"971": "America/Guadeloupe",
	"972": "America/Martinique",
	"973": "America/Cayenne",
	"974": "Indian/Reunion",
	"975": "America/Miquelon",
	"976": "Indian/Mayotte",
	"977": "America/St_Barthelemy",
	"978": "America/Marigot",
	"986": "Pacific/Wallis",
	"987": "Pacific/Tahiti",
	"988": "Pacific/Noumea",
}

// ZoneOfPostcode returns the time zone of a French postcode: Europe/Paris
// for metropolitan France and Corsica, the department's own overseas; ""
// for no postcode.
func ZoneOfPostcode(postcode string) string {
	postcode = strings.TrimSpace(postcode)
	if postcode == "" {
		return ""
	}
	if len(postcode) >= 3 {
		if zone, ok := overseas[postcode[:3]]; ok {
			return zone
		}
	}
	return Default
}

var (
	locations sync.Map // zone name → *time.Location
	paris     = mustLoad(Default)
)

func mustLoad(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Location returns the location of a zone name; an empty or unknown name is
// Europe/Paris.
func Location(zone string) *time.Location {
	if zone == "" || zone == Default {
		return paris
	}
	if loc, ok := locations.Load(zone); ok {
		return loc.(*time.Location)
	}
	if _, known := zoneNames[zone]; !known {
		return paris
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return paris
	}
	locations.Store(zone, loc)
	return loc
}

// Zone returns zone if it is one this package knows, else Default.
func Zone(zone string) string {
	if _, ok := zoneNames[zone]; ok {
		return zone
	}
	return Default
}

// zoneNames names each zone for people, as "heure de …" / "… time" reads.
var zoneNames = map[string][2]string{
	Default:                 {"Paris", "Paris"},
	"America/Guadeloupe":    {"la Guadeloupe", "Guadeloupe"},
	"America/Martinique":    {"la Martinique", "Martinique"},
	"America/Cayenne":       {"la Guyane", "French Guiana"},
	"Indian/Reunion":        {"La Réunion", "Réunion"},
	"America/Miquelon":      {"Saint-Pierre-et-Miquelon", "Saint Pierre and Miquelon"},
	"Indian/Mayotte":        {"Mayotte", "Mayotte"},
	"America/St_Barthelemy": {"Saint-Barthélemy", "Saint Barthélemy"},
	"America/Marigot":       {"Saint-Martin", "Saint Martin"},
	"Pacific/Wallis":        {"Wallis-et-Futuna", "Wallis and Futuna"},
	"Pacific/Tahiti":        {"Tahiti", "Tahiti"},
	"Pacific/Noumea":        {"Nouméa", "Nouméa"},
}

// ZoneName names a zone for people: "heure de La Réunion", "Réunion time".
func ZoneName(lang, zone string) string {
	names := zoneNames[Zone(zone)]
	if isEnglish(lang) {
		return names[1] + " time"
	}
	return "heure de " + names[0]
}
