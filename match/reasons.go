package match

import (
	"strings"

	"github.com/entraide/entraide/i18n"
)

// ReasonText words a reason for the volunteer who receives the recommendation, in French
// ("fr", the default) or English ("en"). Category and skill parameters are shown as given:
// the handler may replace them with catalogue labels first.
func ReasonText(lang string, r Reason) string { return reasonText("reason.", lang, r) }

// CandidateReasonText words a reason for the organisation looking at a candidate, in
// French ("fr", the default) or English ("en").
func CandidateReasonText(lang string, r Reason) string {
	return reasonText("candidate_reason.", lang, r)
}

// reasonText fills the catalogue sentence of a reason code; a code the
// catalogue does not know is shown as it is rather than hidden.
func reasonText(prefix, lang string, r Reason) string {
	lang = displayLang(lang)
	key := prefix + r.Code
	if !i18n.Has(key) {
		return r.Code
	}
	p := r.Params
	switch r.Code {
	case ReasonDistance:
		return i18n.T(lang, key, kmText(lang, p["km"]))
	case ReasonInterest:
		return i18n.T(lang, key, p["category"])
	case ReasonSkill:
		return i18n.T(lang, key, p["skill"])
	case ReasonLanguage:
		return i18n.T(lang, key, i18n.LanguageName(lang, p["language"]))
	case ReasonAvailability:
		return i18n.T(lang, key, wordOr(lang, "weekday.", p["day"]), wordOr(lang, "slots.", p["slot"]))
	}
	return i18n.T(lang, key)
}

// wordOr names a day or slot parameter from the catalogue, or shows it as
// given when the catalogue has no such word.
func wordOr(lang, prefix, name string) string {
	if i18n.Has(prefix + name) {
		return i18n.T(lang, prefix+name)
	}
	return name
}

// kmText writes a distance parameter with the decimal separator of the language.
func kmText(lang, km string) string {
	if lang == i18n.English {
		return km
	}
	return strings.ReplaceAll(km, ".", ",")
}

// displayLang reads a display language such as "en-GB"; anything but
// English gets French.
func displayLang(lang string) string {
	base, _, _ := strings.Cut(normName(lang), "-")
	if base == i18n.English {
		return i18n.English
	}
	return i18n.French
}
