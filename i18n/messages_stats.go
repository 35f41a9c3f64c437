package i18n

func init() {
	for k, v := range statsCatalogue {
		catalogue[k] = v
	}
}

// statsCatalogue holds the admins' statistics page's words: the figures
// the home page shows too, and the counts by state with their totals.
var statsCatalogue = map[string][2]string{
	"stats.open_categories":          {"Missions ouvertes par domaine", "Open missions by field"},
	"stats.open_categories_label":    {"Domaine", "Field"},
	"stats.open_categories_value":    {"Missions ouvertes", "Open missions"},
	"stats.mission_states":           {"Toutes les missions, par état", "Every mission, by state"},
	"stats.mission_states_label":     {"État", "State"},
	"stats.mission_states_value":     {"Missions", "Missions"},
	"stats.application_states":       {"Candidatures, par état", "Applications, by state"},
	"stats.application_states_label": {"État", "State"},
	"stats.application_states_value": {"Candidatures", "Applications"},
	"stats.total":                    {"%d au total", "%d in all"},
	"stats.same_as_home":             {"Les trois premiers chiffres sont ceux de la page d'accueil.", "The first three figures are those of the home page."},
}
