package frontend

import (
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// Paris returns the zone of metropolitan France, where times that belong to
// no place (a message, an audit entry) are shown.
func Paris() *time.Location { return timefmt.Location(timefmt.Default) }

// zoneArg is the optional last argument of the date functions: the zone
// of the mission the time belongs to, Europe/Paris when absent.
func zoneArg(zone []string) string {
	if len(zone) > 0 {
		return zone[0]
	}
	return timefmt.Default
}

// LongDate reads "samedi 14 mars 2026" or "Saturday 14 March 2026".
func LongDate(lang string, t time.Time, zone ...string) string {
	return timefmt.LongDate(lang, t, zoneArg(zone))
}

// ShortDate reads "14/03/2026" in French and "14 Mar 2026" in English.
func ShortDate(lang string, t time.Time, zone ...string) string {
	return timefmt.ShortDate(lang, t, zoneArg(zone))
}

// Clock reads "18 h 00" or "6:00 pm".
func Clock(lang string, t time.Time, zone ...string) string {
	return timefmt.Clock(lang, t, zoneArg(zone))
}

// Span reads a shift for handlers, as the "span" template function does.
func Span(lang string, start, end time.Time, zone string) string {
	return timefmt.Span(lang, start, end, zone)
}

// dateTime reads "lundi 7 décembre, 18 h 00" or "Monday 7 December, 6:00 pm".
func dateTime(lang string, t time.Time, zone ...string) string {
	return timefmt.DateTime(lang, t, zoneArg(zone))
}

// span reads a shift, "lundi 7 décembre, 18 h 00 – 20 h 00".
func span(lang string, start, end time.Time, zone ...string) string {
	return timefmt.Span(lang, start, end, zoneArg(zone))
}

// zoneNote names a zone other than Paris's, " (heure de La Réunion)", so
// that a remote or overseas mission says which time it means.
func zoneNote(lang, zone string) string {
	if timefmt.Zone(zone) == timefmt.Default {
		return ""
	}
	return " (" + timefmt.ZoneName(lang, zone) + ")"
}

// waiting says how long something has waited, in days past the first day:
// "en attente depuis 3 jours".
func waiting(lang string, hours float64) string {
	switch days := int(math.Floor(hours / 24)); {
	case hours < 1:
		return i18n.T(lang, "waiting.under_hour")
	case days < 1:
		return i18n.T(lang, "waiting.hours", int(hours))
	case days == 1:
		return i18n.T(lang, "waiting.day")
	default:
		return i18n.T(lang, "waiting.days", days)
	}
}

// machineTime is the value of a <time datetime> attribute.
func machineTime(t time.Time, zone ...string) string { return timefmt.Machine(t, zoneArg(zone)) }

// number writes a decimal the way lang does ("2,5" in French).
// Number writes a decimal the way lang does ("2,5" in French).
func Number(lang string, x float64, decimals int) string { return number(lang, x, decimals) }

func number(lang string, x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if lang != i18n.English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// distance reads "2,5 km", or "" without a distance.
func distance(lang string, km *float64) string {
	if km == nil {
		return ""
	}
	return number(lang, *km, 1) + " km"
}

// hours reads a duration in hours, rounded to the quarter.
func hours(lang string, h float64) string {
	return number(lang, math.Round(h*4)/4, 2)
}

// categoryLabel names a category.
func categoryLabel(lang, id string) string { return i18n.T(lang, "category."+id) }

// skillLabel names a skill of the vocabulary; a free tag stays as it is.
func skillLabel(lang, code string) string { return models.SkillLabel(code, lang) }

// languageName names a language code.
func languageName(lang, code string) string { return i18n.LanguageName(lang, code) }

// Card hands a partial one item of a list with the page's language.
type Card struct {
	Lang string
	Item any
}

// paragraphs splits a user's text at its line breaks, for one <p> each:
// the text stays text, escaped by the template.
func paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// funcs are the template functions every page may use.
func funcs(versions map[string]string) template.FuncMap {
	return template.FuncMap{
		"t":          func(lang, key string, args ...any) string { return i18n.T(lang, key, args...) },
		"field":      newField,
		"choices":    newChoices,
		"optionsOf":  newOptionGroup,
		"itemField":  newItemField,
		"longDate":   LongDate,
		"date":       ShortDate,
		"clock":      Clock,
		"dateTime":   dateTime,
		"span":       span,
		"zoneNote":   zoneNote,
		"waiting":    waiting,
		"zoneName":   timefmt.ZoneName,
		"iso":        machineTime,
		"number":     number,
		"distance":   distance,
		"hours":      hours,
		"minutes":    Minutes,
		"category":   categoryLabel,
		"skill":      skillLabel,
		"language":   languageName,
		"paragraphs": paragraphs,
		"add":        func(a, b int) int { return a + b },
		"card":       func(p Page, item any) Card { return Card{Lang: p.Lang, Item: item} },
		// asset adds a content hash to a static URL so that a new release
		// is never served from a stale cache.
		"asset": func(name string) string { return "/static/" + name + "?v=" + versions[name] },
	}
}
