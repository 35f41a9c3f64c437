package i18n

func init() { register(matchingCatalogue) }

// matchingCatalogue holds the messages of profiles, search and matching.
var matchingCatalogue = map[string][2]string{
	"detail.api_key_required": {"Clé d'API partenaire absente ou invalide (en-tête X-API-Key).", "Missing or invalid partner API key (X-API-Key header)."},
	"detail.already_invited":  {"Ce bénévole a déjà été invité à cette mission.", "This volunteer has already been invited to this mission."},
	"detail.invitation_limit": {"Ce bénévole a déjà reçu %d invitations ce mois-ci.", "This volunteer has already received %d invitations this month."},

	"unknown_skill":           {"Compétence inconnue : %s.", "Unknown skill: %s."},
	"radius_range":            {"Entre %d et %d km.", "Between %d and %d km."},
	"postcode_or_coordinates": {"Indiquez un code postal ou des coordonnées, pas les deux.", "Give a postcode or coordinates, not both."},
	"lat_and_lon":             {"Indiquez la latitude et la longitude.", "Give both latitude and longitude."},
	"invalid_coordinates":     {"Coordonnées invalides.", "Invalid coordinates."},
	"invalid_day":             {"Jour attendu parmi : %s.", "Expected a day among: %s."},
	"invalid_slot":            {"Créneau attendu parmi : %s.", "Expected a slot among: %s."},
	"invalid_birth_date":      {"Date de naissance invalide (AAAA-MM-JJ).", "Invalid birth date (YYYY-MM-DD)."},
	"too_young":               {"Il faut avoir au moins %d ans.", "You must be at least %d years old."},
	"invalid_near":            {"Indiquez un code postal (13001) ou des coordonnées « lat,lon ».", "Give a postcode (13001) or coordinates \"lat,lon\"."},
	"invalid_bool":            {"Valeur attendue : true ou false.", "Expected true or false."},
	"to_before_from":          {"La date de fin est avant la date de début.", "The end date is before the start date."},
	"invalid_age":             {"Âge invalide.", "Invalid age."},
	"distance_needs_near":     {"Le tri par distance demande un lieu (near).", "Sorting by distance needs a place (near)."},
}
