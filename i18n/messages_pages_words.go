package i18n

// pageWordsCatalogue holds the words pages use instead of internal codes:
// times and their zones, states, roles, exports.
var pageWordsCatalogue = map[string][2]string{
	"mission.times_in":                     {"Horaires indiqués en %s.", "Times are given in %s."},
	"waiting.under_hour":                   {"en attente depuis moins d'une heure", "waiting for less than an hour"},
	"waiting.hours":                        {"en attente depuis %d h", "waiting for %d hours"},
	"waiting.day":                          {"en attente depuis 1 jour", "waiting for 1 day"},
	"waiting.days":                         {"en attente depuis %d jours", "waiting for %d days"},
	"search.one_active_filter":             {"(1 actif)", "(1 set)"},
	"search.active_filters":                {"(%d actifs)", "(%d set)"},
	"export.excel":                         {"Pour Excel (CSV à points-virgules)", "For Excel (semicolon CSV)"},
	"orgmission.submit_after_verification": {"Vous pourrez soumettre cette mission à la modération dès que l'équipe d'Entraide aura vérifié votre organisation. Vous pouvez la compléter en attendant.", "You can submit this mission for moderation as soon as the Entraide team has verified your organisation. You can complete it meanwhile."},
}

func init() { register(pageWordsCatalogue) }

// blocklistCatalogue is the admin's page of blocked words.
var blocklistCatalogue = map[string][2]string{
	"admin.blocklist.tab":   {"Mots interdits", "Blocked words"},
	"admin.blocklist.title": {"Mots interdits", "Blocked words"},
	"admin.blocklist.lead":  {"Dans la file de modération, les missions qui contiennent l'un de ces mots sont signalées à l'équipe.", "In the moderation queue, missions containing one of these words are flagged to the team."},
	"admin.blocklist.field": {"Mots ou expressions", "Words or phrases"},
	"admin.blocklist.hint":  {"Un par ligne ; les majuscules ne comptent pas.", "One per line; capitals do not matter."},
	"admin.blocklist.save":  {"Enregistrer la liste", "Save the list"},
}

func init() { register(blocklistCatalogue) }

// sheetCatalogue is the printable sign-in sheet.
var sheetCatalogue = map[string][2]string{
	"sheet.link":       {"Feuille d'émargement à imprimer", "Sign-in sheet to print"},
	"sheet.title":      {"Feuille d'émargement — %s", "Sign-in sheet — %s"},
	"sheet.back":       {"Retour à la mission", "Back to the mission"},
	"sheet.print_hint": {"Imprimez cette page depuis votre navigateur (Ctrl+P) : le menu et les liens ne sont pas imprimés.", "Print this page from your browser (Ctrl+P): the menu and links are not printed."},
	"sheet.caption":    {"Bénévoles attendus, %s", "Volunteers expected, %s"},
	"sheet.name":       {"Nom", "Name"},
	"sheet.phone":      {"Téléphone", "Phone"},
	"sheet.signature":  {"Signature", "Signature"},
	"sheet.none":       {"Aucun bénévole accepté pour l'instant.", "No volunteer accepted yet."},
}

func init() { register(sheetCatalogue) }

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

func init() { register(csvCatalogue) }

// auditWordsCatalogue writes the audit log in words.
var auditWordsCatalogue = map[string][2]string{
	"audit.gone":                          {"supprimé", "deleted"},
	"audit.from_to":                       {"de « %s » à « %s »", "from “%s” to “%s”"},
	"audit_action.organization.verify":    {"Organisation vérifiée", "Organisation verified"},
	"audit_action.organization.reject":    {"Organisation refusée", "Organisation rejected"},
	"audit_action.organization.suspend":   {"Organisation suspendue", "Organisation suspended"},
	"audit_action.organization.restore":   {"Organisation rétablie", "Organisation restored"},
	"audit_action.organizations.export":   {"Export des organisations", "Organisations exported"},
	"audit_action.mission.publish":        {"Mission publiée", "Mission published"},
	"audit_action.mission.reject":         {"Mission refusée", "Mission rejected"},
	"audit_action.mission.unpublish":      {"Mission retirée avec son organisation", "Mission taken down with its organisation"},
	"audit_action.mission.republish":      {"Mission republiée avec son organisation", "Mission published again with its organisation"},
	"audit_action.user.suspend":           {"Compte suspendu", "Account suspended"},
	"audit_action.user.restore":           {"Compte rétabli", "Account restored"},
	"audit_action.report.resolve":         {"Signalement traité", "Report handled"},
	"audit_action.blocklist.update":       {"Liste de mots interdits modifiée", "Blocked words changed"},
	"audit_action.api_key.create":         {"Clé d'API créée", "API key created"},
	"audit_action.api_key.revoke":         {"Clé d'API révoquée", "API key revoked"},
	"audit_target.organization":           {"Organisation", "Organisation"},
	"audit_target.mission":                {"Mission", "Mission"},
	"audit_target.user":                   {"Compte", "Account"},
	"audit_target.message":                {"Message", "Message"},
	"audit_target.api_key":                {"Clé d'API", "API key"},
	"audit_target.blocklist":              {"Mots interdits", "Blocked words"},
	"audit_reason.organization suspended": {"organisation suspendue", "organisation suspended"},
	"audit_reason.organization restored":  {"organisation rétablie", "organisation restored"},
}

func init() { register(auditWordsCatalogue) }
