package i18n

// pageWordsCatalogue holds the words pages use instead of internal codes:
// times and their zones, states, roles, exports.
var pageWordsCatalogue = map[string][2]string{
	"mission.times_in": {"Horaires indiqués en %s.", "Times are given in %s."},
	"export.excel":     {"Pour Excel (CSV à points-virgules)", "For Excel (semicolon CSV)"},
}

func init() {
	for k, v := range pageWordsCatalogue {
		if _, dup := catalogue[k]; dup {
			panic("i18n: key " + k + " is defined twice")
		}
		catalogue[k] = v
	}
}

// csvCatalogue names the columns and words of the CSV exports.
var csvCatalogue = map[string][2]string{
	"csv.yes":            {"oui", "yes"},
	"csv.no":             {"non", "no"},
	"csv.reference":      {"Référence", "Reference"},
	"csv.title":          {"Titre", "Title"},
	"csv.category":       {"Catégorie", "Category"},
	"csv.status":         {"État", "Status"},
	"csv.remote":         {"À distance", "Remote"},
	"csv.postcode":       {"Code postal", "Postcode"},
	"csv.city":           {"Commune", "Town"},
	"csv.shifts":         {"Créneaux", "Shifts"},
	"csv.capacity":       {"Places", "Places"},
	"csv.taken":          {"Places prises", "Places taken"},
	"csv.first_shift":    {"Premier créneau", "First shift"},
	"csv.last_shift_end": {"Fin du dernier créneau", "End of the last shift"},
	"csv.created_at":     {"Créée le", "Created on"},
	"csv.published_at":   {"Publiée le", "Published on"},
	"csv.verified_at":    {"Vérifiée le", "Verified on"},
	"csv.name":           {"Nom", "Name"},
	"csv.kind":           {"Type", "Kind"},
	"csv.siret":          {"SIRET", "SIRET"},
	"csv.rna":            {"RNA", "RNA"},
	"csv.address":        {"Adresse", "Address"},
	"csv.contact_email":  {"E-mail de contact", "Contact e-mail"},
	"csv.contact_phone":  {"Téléphone de contact", "Contact phone"},
	"csv.members":        {"Membres", "Members"},
	"csv.shift_start":    {"Début", "Start"},
	"csv.shift_end":      {"Fin", "End"},
	"csv.email":          {"E-mail", "E-mail"},
	"csv.phone":          {"Téléphone", "Phone"},
	"csv.hours":          {"Heures", "Hours"},
}

func init() {
	for k, v := range csvCatalogue {
		if _, dup := catalogue[k]; dup {
			panic("i18n: key " + k + " is defined twice")
		}
		catalogue[k] = v
	}
}
