package match

import "strings"

// Day and slot names for availability reasons, by the names used in Reason.Params.
var (
	dayNamesFR = map[string]string{"monday": "lundi", "tuesday": "mardi", "wednesday": "mercredi",
		"thursday": "jeudi", "friday": "vendredi", "saturday": "samedi", "sunday": "dimanche"}
	dayNamesEN = map[string]string{"monday": "Monday", "tuesday": "Tuesday", "wednesday": "Wednesday",
		"thursday": "Thursday", "friday": "Friday", "saturday": "Saturday", "sunday": "Sunday"}
	slotNamesFR = map[string]string{"morning": "matin", "afternoon": "après-midi", "evening": "soir"}
	slotNamesEN = map[string]string{"morning": "mornings", "afternoon": "afternoons", "evening": "evenings"}
)

// kmText writes a distance parameter with the decimal separator of the language.
func kmText(lang, km string) string {
	if isEnglish(lang) {
		return km
	}
	return strings.ReplaceAll(km, ".", ",")
}

// lookupOr returns names[key], or key when it has no name.
func lookupOr(names map[string]string, key string) string {
	if name, ok := names[key]; ok {
		return name
	}
	return key
}

// ReasonText words a reason for the volunteer who receives the recommendation, in French
// ("fr", the default) or English ("en"). Category and skill parameters are shown as given:
// the handler may replace them with catalogue labels first.
func ReasonText(lang string, r Reason) string {
	p := r.Params
	if isEnglish(lang) {
		switch r.Code {
		case ReasonDistance:
			return kmText(lang, p["km"]) + " km from you"
		case ReasonRemote:
			return "Remote: you can help from home"
		case ReasonInterest:
			return "Matches your interests: " + p["category"]
		case ReasonSkill:
			return "Needs your skill: " + p["skill"]
		case ReasonLanguage:
			return "You speak " + LanguageName(lang, p["language"])
		case ReasonAvailability:
			return "You are free on " + lookupOr(dayNamesEN, p["day"]) + " " + lookupOr(slotNamesEN, p["slot"])
		case ReasonUrgent:
			return "Urgent need"
		}
		return r.Code
	}
	switch r.Code {
	case ReasonDistance:
		return "À " + kmText(lang, p["km"]) + " km de chez vous"
	case ReasonRemote:
		return "À distance : vous pouvez aider depuis chez vous"
	case ReasonInterest:
		return "Dans vos centres d'intérêt : " + p["category"]
	case ReasonSkill:
		return "Fait appel à votre compétence : " + p["skill"]
	case ReasonLanguage:
		return "Vous parlez " + LanguageName(lang, p["language"])
	case ReasonAvailability:
		return "Vous êtes disponible le " + lookupOr(dayNamesFR, p["day"]) + " " + lookupOr(slotNamesFR, p["slot"])
	case ReasonUrgent:
		return "Besoin urgent"
	}
	return r.Code
}

// CandidateReasonText words a reason for the organisation looking at a candidate, in
// French ("fr", the default) or English ("en").
func CandidateReasonText(lang string, r Reason) string {
	p := r.Params
	if isEnglish(lang) {
		switch r.Code {
		case ReasonDistance:
			return kmText(lang, p["km"]) + " km from the mission"
		case ReasonRemote:
			return "Accepts remote missions"
		case ReasonInterest:
			return "Interested in: " + p["category"]
		case ReasonSkill:
			return "Has the skill: " + p["skill"]
		case ReasonLanguage:
			return "Speaks " + LanguageName(lang, p["language"])
		case ReasonAvailability:
			return "Free on " + lookupOr(dayNamesEN, p["day"]) + " " + lookupOr(slotNamesEN, p["slot"])
		case ReasonUrgent:
			return "Urgent mission"
		}
		return r.Code
	}
	switch r.Code {
	case ReasonDistance:
		return "À " + kmText(lang, p["km"]) + " km de la mission"
	case ReasonRemote:
		return "Accepte les missions à distance"
	case ReasonInterest:
		return "Intéressé·e par : " + p["category"]
	case ReasonSkill:
		return "A la compétence : " + p["skill"]
	case ReasonLanguage:
		return "Parle " + LanguageName(lang, p["language"])
	case ReasonAvailability:
		return "Disponible le " + lookupOr(dayNamesFR, p["day"]) + " " + lookupOr(slotNamesFR, p["slot"])
	case ReasonUrgent:
		return "Mission urgente"
	}
	return r.Code
}
