package i18n

func init() {
	for k, v := range journeysCatalogue {
		catalogue[k] = v
	}
}

// journeysCatalogue holds the messages of the journeys where two people
// meet: invitations, notifications, suspensions, reviews, attestations.
var journeysCatalogue = map[string][2]string{
	"journeys.invitation_gone":           {"Ce lien d'invitation n'est plus valable : il a déjà servi, a été retiré ou a expiré. Demandez à l'organisation de vous renvoyer une invitation.", "This invitation link is no longer valid: it was used, withdrawn or has expired. Ask the organisation to send you a new invitation."},
	"journeys.invitation_from":           {"%s vous invite à rejoindre %s sur Entraide.", "%s invites you to join %s on Entraide."},
	"journeys.invitation_to":             {"Vous êtes invité·e à rejoindre %s sur Entraide.", "You are invited to join %s on Entraide."},
	"journeys.invitation_visitor":        {"L'invitation a été envoyée à %s. Créez votre compte avec cette adresse, ou connectez-vous si vous en avez déjà un (un même compte sert à faire du bénévolat et à agir pour des organisations).", "The invitation was sent to %s. Create your account with this address, or log in if you already have one (one account is used both to volunteer and to act for organisations)."},
	"journeys.invitation_signup":         {"Créer mon compte et rejoindre", "Create my account and join"},
	"journeys.invitation_login":          {"J'ai déjà un compte : me connecter", "I already have an account: log in"},
	"journeys.invitation_other":          {"Cette invitation a été envoyée à %s, pas à l'adresse du compte connecté. Déconnectez-vous puis connectez-vous avec cette adresse.", "This invitation was sent to %s, not to the address of the account signed in. Log out, then log in with that address."},
	"journeys.invited_by":                {"Invité·e par", "Invited by"},
	"journeys.invited_by_name":           {"invité·e par %s", "invited by %s"},
	"journeys.invitation_resend":         {"Renvoyer", "Send again"},
	"journeys.invitation_revoke":         {"Retirer l'invitation", "Withdraw the invitation"},
	"journeys.notice_invitation_revoked": {"L'invitation est retirée : son lien ne fonctionne plus.", "The invitation is withdrawn: its link no longer works."},
}
