package frontend

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// paris is the time zone every date is shown in: missions happen in
// France, whatever the server's zone. The binary embeds the zone database
// (notify imports time/tzdata).
var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// Paris returns the time zone pages show dates in and read them from.
func Paris() *time.Location { return paris }

// LongDate reads "samedi 14 mars 2026" or "Saturday 14 March 2026".
func LongDate(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(paris)
	return fmt.Sprintf("%s %d %s %d", i18n.Weekday(lang, t.Weekday()), t.Day(), i18n.Month(lang, t.Month()), t.Year())
}

// ShortDate reads "14/03/2026" in French and "14 Mar 2026" in English.
func ShortDate(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(paris)
	if lang == i18n.English {
		return t.Format("2 Jan 2006")
	}
	return t.Format("02/01/2006")
}

// Clock reads "09:00", Paris time.
func Clock(t time.Time) string { return t.In(paris).Format("15:04") }

// dateTime reads "14/03/2026 09:00".
func dateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ShortDate(lang, t) + " " + Clock(t)
}

// machineTime is the value of a <time datetime> attribute.
func machineTime(t time.Time) string { return t.In(paris).Format(time.RFC3339) }

// number writes a decimal the way lang does ("2,5" in French).
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
