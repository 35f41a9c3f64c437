package i18n

func init() {
	for k, v := range securityDomainCatalogue {
		catalogue[k] = v
	}
}

// securityDomainCatalogue holds the messages of mission revisions,
// organisation identity changes, account deletion and abuse limits.
var securityDomainCatalogue = map[string][2]string{
	"detail.no_pending_revision": {"Cette mission n'a pas de modification en attente de relecture.", "This mission has no change waiting for review."},

	"change.field": {"Champ", "Field"},
	"change.old":   {"Version publiée", "Published version"},
	"change.new":   {"Modification proposée", "Proposed change"},
	"change.yes":   {"oui", "yes"},
	"change.no":    {"non", "no"},

	"revision.pending_title":  {"Modification en attente de relecture", "Change awaiting review"},
	"revision.pending_help":   {"La version publiée reste en ligne. Votre modification sera visible dès que l'équipe d'Entraide l'aura validée.", "The published version stays online. Your change will show once the Entraide team has approved it."},
	"revision.rejected_title": {"Modification refusée", "Change rejected"},
	"revision.rejected_help":  {"L'équipe d'Entraide a refusé votre dernière modification : « %s ». La version publiée reste en ligne ; vous pouvez modifier la mission à nouveau.", "The Entraide team rejected your last change: \"%s\". The published version stays online; you can edit the mission again."},
	"revision.queue":          {"Modifications de missions publiées à relire : %d", "Changes to published missions to review: %d"},
	"revision.queue_empty":    {"Aucune modification en attente.", "No change waiting."},
	"revision.links":          {"Liens :", "Links:"},
	"revision.no_link":        {"Aucun lien.", "No link."},
	"revision.approve":        {"Valider la modification", "Approve the change"},
	"revision.reject":         {"Refuser la modification", "Reject the change"},
	"revision.reject_hint":    {"L'organisation verra ce motif ; la version publiée reste en ligne.", "The organisation will see this reason; the published version stays online."},
	"notice.revision_pending": {"Modification enregistrée : elle sera en ligne après relecture.", "Change saved: it will go online after review."},
	"notice.revision_approve": {"Modification validée et publiée.", "Change approved and published."},
	"notice.revision_reject":  {"Modification refusée.", "Change rejected."},

	"detail.no_identity_change":      {"Cette organisation n'a pas de changement d'identité en attente.", "This organisation has no identity change waiting."},
	"detail.org_edited_concurrently": {"L'organisation a changé pendant votre modification. Rechargez la page et recommencez.", "The organisation changed while you were editing it. Reload the page and try again."},
	"identity.queue":                 {"Changements d'identité à vérifier : %d", "Identity changes to verify: %d"},
	"identity.queue_empty":           {"Aucun changement d'identité en attente.", "No identity change waiting."},
	"identity.approve":               {"Valider le changement", "Approve the change"},
	"identity.reject":                {"Refuser le changement", "Reject the change"},
	"identity.reject_hint":           {"L'organisation verra ce motif ; elle garde son identité vérifiée.", "The organisation will see this reason; it keeps its verified identity."},
	"identity.pending_title":         {"Changement d'identité en attente de vérification", "Identity change awaiting verification"},
	"identity.pending_help":          {"Le nom, le SIRET/RNA, l'adresse et les contacts d'une organisation vérifiée sont vérifiés à nouveau quand ils changent. En attendant, votre page et vos missions restent en ligne sous votre identité vérifiée.", "The name, SIRET/RNA, address and contact details of a verified organisation are verified again when they change. Meanwhile your page and missions stay online under your verified identity."},
	"identity.rejected_title":        {"Changement d'identité refusé", "Identity change rejected"},
	"identity.rejected_help":         {"L'équipe d'Entraide a refusé ce changement : « %s ». Votre identité vérifiée reste en place.", "The Entraide team rejected this change: \"%s\". Your verified identity stays."},
	"notice.identity_pending":        {"Enregistré. Le changement d'identité sera visible après vérification.", "Saved. The identity change will show once verified."},
	"notice.identity_approve":        {"Changement d'identité validé.", "Identity change approved."},
	"notice.identity_reject":         {"Changement d'identité refusé.", "Identity change rejected."},

	"problem.sole_owner":      {"Organisation sans autre responsable", "Organisation without another owner"},
	"detail.sole_owner":       {"Vous êtes le seul ou la seule responsable de : %s. Avant de supprimer votre compte, nommez un autre responsable (page Membres, invitation avec le rôle responsable) ou demandez à l'équipe d'Entraide de fermer l'organisation.", "You are the only owner of: %s. Before deleting your account, transfer ownership by naming another owner (Members page, invitation with the owner role) or ask the Entraide team to close the organisation."},
	"report.reporter_deleted": {"(texte retiré : la personne a supprimé son compte)", "(text removed: the person deleted their account)"},

	"detail.message_rate": {"Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans %d secondes.", "You have sent many messages in a short time. Try again in %d seconds."},
	"detail.report_rate":  {"Vous avez fait beaucoup de signalements en peu de temps. Réessayez dans %d secondes ; l'équipe d'Entraide examine déjà les précédents.", "You have filed many reports in a short time. Try again in %d seconds; the Entraide team is already looking at the previous ones."},

	"detail.invitation_org_limit": {"Votre organisation a déjà envoyé %d invitations à ce bénévole ce mois-ci : laissez-lui le temps de répondre.", "Your organisation has already sent this volunteer %d invitations this month: give them time to answer."},

	"admin.identity_changes": {"changements d'identité à vérifier", "identity changes to verify"},
	"admin.revisions":        {"modifications de missions publiées à relire", "changes to published missions to review"},

	"revision.pending_short":  {"modification en attente de relecture", "change awaiting review"},
	"revision.rejected_short": {"modification refusée", "change rejected"},
}
