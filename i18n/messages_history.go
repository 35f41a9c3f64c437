package i18n

// The reasons recorded in an application's history, as the organisation
// and the volunteer read them.
func init() {
	register(map[string][2]string{
		"history.applied_again":          {"nouvelle candidature après un retrait", "applied again after withdrawing"},
		"history.auto_accept":            {"acceptée automatiquement", "accepted automatically"},
		"history.shift_full":             {"le créneau est complet", "the shift is full"},
		"history.offer_lapsed":           {"place proposée non confirmée à temps", "offered place not confirmed in time"},
		"history.offer_confirmed":        {"place proposée confirmée", "offered place confirmed"},
		"history.organization_suspended": {"organisation suspendue", "organisation suspended"},
		"history.place_freed":            {"une place s'est libérée", "a place became free"},
		"history.mission_cancelled":      {"mission annulée", "mission cancelled"},
		"history.account_deleted":        {"compte supprimé", "account deleted"},
		"history.unanswered":             {"sans réponse de l'organisation", "no answer from the organisation"},
		"history.profile_mismatch":       {"le profil ne correspond pas", "the profile does not fit"},
		"history.requirements_not_met":   {"les conditions ne sont pas remplies", "the requirements are not met"},
		"history.schedule_changed":       {"le programme a changé", "the schedule changed"},
		"history.other":                  {"autre motif", "other reason"},
	})
}
