package i18n

func init() { register(problemCatalogue) }

// problemCatalogue holds the titles of the problem types that are more
// specific than their HTTP status.
var problemCatalogue = map[string][2]string{
	"problem.last_owner":                {"Dernier responsable", "Last owner"},
	"problem.invitation_used":           {"Invitation déjà utilisée", "Invitation already used"},
	"problem.invitation_expired":        {"Invitation expirée", "Invitation expired"},
	"problem.already_invited":           {"Déjà invité·e", "Already invited"},
	"problem.invitation_limit":          {"Limite d'invitations atteinte", "Invitation limit reached"},
	"problem.organization_not_verified": {"Organisation non vérifiée", "Organisation not verified"},
	"problem.client_closed":             {"Requête abandonnée", "Request abandoned"},
}
