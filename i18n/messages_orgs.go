package i18n

func init() { register(orgCatalogue) }

// orgCatalogue holds the messages of organisations, missions and moderation.
var orgCatalogue = map[string][2]string{
	"detail.owner_required":         {"Seul·e un·e responsable de l'organisation peut faire cela.", "Only an owner of the organisation can do this."},
	"detail.last_owner":             {"Impossible de retirer le dernier responsable de l'organisation.", "The last owner of the organisation cannot be removed."},
	"detail.invitation_used":        {"Cette invitation a déjà été utilisée.", "This invitation has already been used."},
	"detail.invitation_expired":     {"Cette invitation a expiré. Demandez-en une nouvelle.", "This invitation has expired. Ask for a new one."},
	"detail.edited_concurrently":    {"La mission a changé pendant votre modification. Rechargez-la et recommencez.", "The mission changed while you were editing it. Reload it and try again."},
	"detail.capacity_below_taken":   {"La capacité ne peut pas être inférieure aux places déjà prises.", "Capacity cannot be lower than the places already taken."},
	"detail.shift_has_places":       {"Ce créneau a des places prises : réduisez-le ou annulez la mission.", "This shift has places taken: reduce it or cancel the mission."},
	"detail.shift_has_applications": {"Ce créneau a %d candidatures en attente : répondez-y avant de le supprimer.", "This shift has %d applications waiting: answer them before deleting it."},
	"detail.org_not_verified":       {"L'organisation doit être vérifiée (état actuel : « %s »).", "The organisation must be verified (current state: \"%s\")."},
	"detail.already_reported":       {"Vous avez déjà signalé ce contenu ; il est en cours d'examen.", "You have already reported this; it is being reviewed."},
	"detail.not_yourself":           {"Vous ne pouvez pas faire cela sur votre propre compte.", "You cannot do this to your own account."},

	"invalid_postcode":       {"Code postal invalide (5 chiffres).", "Invalid postcode (5 digits)."},
	"unknown_postcode":       {"Code postal inconnu.", "Unknown postcode."},
	"invalid_siret":          {"Numéro SIRET invalide (14 chiffres, clé de contrôle).", "Invalid SIRET number (14 digits with a check digit)."},
	"invalid_rna":            {"Numéro RNA invalide (W suivi de 9 chiffres).", "Invalid RNA number (W followed by 9 digits)."},
	"siret_or_rna":           {"Indiquez un numéro SIRET ou RNA.", "Give a SIRET or an RNA number."},
	"too_many_shifts":        {"Au plus %d créneaux par mission.", "At most %d shifts per mission."},
	"shift_in_past":          {"Le créneau doit commencer dans le futur.", "The shift must start in the future."},
	"shift_too_far":          {"Le créneau doit commencer dans moins de %d ans.", "The shift must start within %d years."},
	"shift_end_before_start": {"La fin doit être après le début.", "The end must be after the start."},
	"shift_too_long":         {"Un créneau dure au plus 7 jours.", "A shift lasts at most 7 days."},
	"capacity_range":         {"Entre 1 et %d places.", "Between 1 and %d places."},
	"invalid_skills":         {"Compétences invalides (au plus %d du vocabulaire et %d étiquettes libres de 30 caractères).", "Invalid skills (at most %d from the vocabulary and %d free tags of 30 characters)."},
	"invalid_languages":      {"Codes de langue ISO 639-1 attendus (par exemple fr, ar), au plus 10.", "ISO 639-1 language codes expected (for example fr, ar), at most 10."},
	"required_on_site":       {"Obligatoire pour une mission sur place.", "Required for an on-site mission."},
	"auto_accept_vetting":    {"L'acceptation automatique est impossible quand des vérifications sont requises.", "Automatic acceptance is not possible when vetting is required."},
	"min_age_range":          {"L'âge minimum doit être compris entre %d et 99 ans.", "The minimum age must be between %d and 99."},
	"shifts_separate":        {"Les créneaux se modifient avec les routes /shifts.", "Shifts are changed through the /shifts routes."},
	"invalid_page":           {"Numéro de page invalide.", "Invalid page number."},
	"invalid_per_page":       {"Entre 1 et %d résultats par page.", "Between 1 and %d results per page."},
	"invalid_date":           {"Date invalide (AAAA-MM-JJ ou RFC 3339).", "Invalid date (YYYY-MM-DD or RFC 3339)."},
	"too_many":               {"Au plus %d éléments.", "At most %d items."},
}
