package i18n

import (
	"sort"
	"strings"
)

// watchCatalogue holds the strings of the watch programmes (issue 15):
// validation messages, the coordinator's pages and the volunteer's call page.
var watchCatalogue = map[string][2]string{
	// Validation and problems.
	"watch.rhythm_range":          {"Le rythme est un nombre de jours entre 1 et %d.", "The rhythm is a number of days between 1 and %d."},
	"watch.ends_on_range":         {"La date de fin est dans le futur, à deux ans au plus.", "The end date is in the future, at most two years away."},
	"watch.unknown_language":      {"Langue inconnue : %s. Choisissez-la dans la liste.", "Unknown language: %s. Pick it from the list."},
	"watch.unknown_time":          {"Moment inconnu : %s (par exemple « lundi matin » ou « mon-morning »).", "Unknown time: %s (for example “mon-morning” or “lundi matin”)."},
	"watch.consent_required":      {"Le consentement de la personne (qui, quand, comment) est obligatoire : sans lui, elle ne peut pas être inscrite.", "The person's consent (who, when, how) is required: without it, they cannot be listed."},
	"watch.consent_date":          {"Indiquez la date du consentement (AAAA-MM-JJ), au plus tard aujourd'hui.", "Give the date of the consent (YYYY-MM-DD), today at the latest."},
	"watch.outcome_invalid":       {"Choisissez comment s'est passé l'appel.", "Choose how the call went."},
	"watch.concern_invalid":       {"Choisissez un niveau d'inquiétude de la liste.", "Choose a level of concern from the list."},
	"watch.concern_needs_reached": {"Une inquiétude se signale après avoir parlé à la personne.", "A concern is reported after speaking to the person."},
	"watch.next_call_range":       {"Le prochain appel est prévu entre aujourd'hui et dans %d jours.", "The next call is due between today and %d days from now."},
	"watch.list_full":             {"La liste compte déjà %d personnes.", "The list already holds %d people."},
	"watch.csv_unreadable":        {"Le fichier n'est pas un CSV lisible.", "The file is not a readable CSV."},
	"watch.csv_empty":             {"Le fichier est vide.", "The file is empty."},
	"watch.csv_columns":           {"La première ligne doit nommer les colonnes : %s.", "The first line must name the columns: %s."},
	"watch.csv_too_many":          {"Un import ajoute au plus %d personnes.", "An import adds at most %d people."},
	"watch.not_a_volunteer":       {"Ce bénévole ne fait pas partie du programme.", "This volunteer is not in the programme."},
	"watch.not_org_volunteer":     {"Seul un bénévole dont une candidature a été acceptée par votre organisation peut rejoindre le programme.", "Only a volunteer whose application your organisation accepted can join the programme."},
	"watch.unknown_person":        {"Personne inconnue dans ce programme (ligne %d).", "Unknown person in this programme (line %d)."},
	"watch.pairs_count":           {"Envoyez entre 1 et %d paires.", "Send between 1 and %d pairs."},
	"watch.ended":                 {"Ce programme est terminé.", "This programme has ended."},
	"watch.draft_title":           {"Courses et besoins du quotidien — %s", "Shopping and daily needs — %s"},
	"watch.draft_description":     {"Livrer des courses ou rendre un service du quotidien à une personne suivie par notre programme de veille. L'adresse est communiquée au bénévole retenu.", "Deliver shopping or help with a daily task for a person our watch programme keeps in touch with. The address is given to the chosen volunteer."},
}

func init() {
	for k, v := range watchCatalogue {
		catalogue[k] = v
	}
}

// LanguageCodes lists, sorted, the codes of the languages the catalogue
// names (the list a watch programme's people pick their languages from).
func LanguageCodes() []string {
	var out []string
	for key := range catalogue {
		if code, ok := strings.CutPrefix(key, "language."); ok {
			out = append(out, code)
		}
	}
	sort.Strings(out)
	return out
}
