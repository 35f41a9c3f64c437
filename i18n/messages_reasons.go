package i18n

func init() { register(reasonCatalogue) }

// reasonCatalogue words the reasons of a match: "reason.*" for the
// volunteer who receives a recommendation, "candidate_reason.*" for the
// organisation looking at a candidate. Parameters are already in the
// reader's language.
var reasonCatalogue = map[string][2]string{
	"reason.distance":     {"À %s km de chez vous", "%s km from you"},
	"reason.remote":       {"À distance : vous pouvez aider depuis chez vous", "Remote: you can help from home"},
	"reason.interest":     {"Dans vos centres d'intérêt : %s", "Matches your interests: %s"},
	"reason.skill":        {"Fait appel à votre compétence : %s", "Needs your skill: %s"},
	"reason.language":     {"Vous parlez %s", "You speak %s"},
	"reason.availability": {"Vous êtes disponible le %s %s", "You are free on %s %s"},
	"reason.urgent":       {"Besoin urgent", "Urgent need"},

	"candidate_reason.distance":     {"À %s km de la mission", "%s km from the mission"},
	"candidate_reason.remote":       {"Accepte les missions à distance", "Accepts remote missions"},
	"candidate_reason.interest":     {"Intéressé·e par : %s", "Interested in: %s"},
	"candidate_reason.skill":        {"A la compétence : %s", "Has the skill: %s"},
	"candidate_reason.language":     {"Parle %s", "Speaks %s"},
	"candidate_reason.availability": {"Disponible le %s %s", "Free on %s %s"},
	"candidate_reason.urgent":       {"Mission urgente", "Urgent mission"},
}
