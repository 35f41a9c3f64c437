package i18n

func init() { register(applicationCatalogue) }

// applicationCatalogue holds the messages of applications, their messages,
// calendars and the volunteer's attestation.
var applicationCatalogue = map[string][2]string{
	"detail.application_shift_started":       {"Ce créneau a déjà commencé.", "This shift has already started."},
	"detail.application_shift_not_started":   {"Le créneau n'a pas encore commencé : la présence se note ensuite.", "The shift has not started yet: attendance is recorded afterwards."},
	"detail.application_birth_date_required": {"Cette mission demande d'avoir au moins %d ans : indiquez votre date de naissance dans votre profil.", "This mission requires being at least %d: add your birth date to your profile."},
	"detail.application_too_young":           {"Cette mission demande d'avoir au moins %d ans à la date du créneau.", "This mission requires being at least %d on the day of the shift."},
	"detail.application_already_applied":     {"Vous avez déjà candidaté à ce créneau.", "You have already applied to this shift."},
	"detail.application_overlap":             {"Vous êtes déjà retenu·e sur un autre créneau à ce moment-là.", "You are already booked on another shift at that time."},
	"detail.application_too_many":            {"Vous avez déjà %d candidatures en attente de réponse : attendez une réponse ou retirez-en une.", "You already have %d applications awaiting an answer: wait for one or withdraw one."},
	"detail.application_shift_full":          {"Plus aucune place n'est libre sur ce créneau.", "No place is left on this shift."},
	"bulk_size":                              {"Entre 1 et %d identifiants.", "Between 1 and %d ids."},

	"attestation.title":        {"Attestation de bénévolat", "Volunteering certificate"},
	"attestation.lead":         {"Entraide atteste que %s a effectué %s heure(s) de bénévolat, confirmées par les organisations suivantes.", "Entraide certifies that %s volunteered for %s hour(s), confirmed by the following organisations."},
	"attestation.caption":      {"Heures de bénévolat par organisation", "Volunteering hours per organisation"},
	"attestation.organization": {"Organisation", "Organisation"},
	"attestation.shifts":       {"Créneaux", "Shifts"},
	"attestation.hours":        {"Heures", "Hours"},
	"attestation.total":        {"Total", "Total"},
	"attestation.footer":       {"Établie le %s à partir des présences notées par les organisations.", "Issued on %s from the attendance recorded by the organisations."},
}
