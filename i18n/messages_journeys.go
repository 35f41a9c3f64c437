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
	"journeys.own_mission":               {"Vous êtes membre de l'organisation qui propose cette mission : vous la gérez, vous n'y candidatez pas.", "You are a member of the organisation offering this mission: you manage it, you do not apply to it."},
	"journeys.orgs_all":                  {"Toutes les organisations", "All organisations"},
	"journeys.orgs_search":               {"Nom de l'organisation", "Organisation name"},
	"journeys.orgs_status":               {"État", "State"},
	"journeys.orgs_filter":               {"Chercher", "Search"},
	"journeys.orgs_found":                {"%d organisation(s) trouvée(s)", "%d organisation(s) found"},
	"journeys.orgs_none":                 {"Aucune organisation ne correspond.", "No organisation matches."},
	"journeys.status_any":                {"Tous les états", "Any state"},
	"journeys.org_status_pending":        {"En attente de vérification", "Awaiting verification"},
	"journeys.org_status_verified":       {"Vérifiée", "Verified"},
	"journeys.org_status_rejected":       {"Refusée", "Rejected"},
	"journeys.org_status_suspended":      {"Suspendue", "Suspended"},
	"journeys.suspend_reason":            {"Motif de la suspension (envoyé aux membres et aux bénévoles concernés)", "Reason for the suspension (sent to the members and the volunteers concerned)"},
	"journeys.suspend":                   {"Suspendre", "Suspend"},
	"journeys.email_state":               {"Adresse e-mail", "E-mail address"},
	"journeys.email_unconfirmed_org":     {"Pas encore confirmée : le bénévole n'a pas encore ouvert le lien envoyé à son adresse ; elle pourrait être mal saisie.", "Not confirmed yet: the volunteer has not opened the link sent to their address yet; it may be mistyped."},
	"journeys.applicant_skills":          {"Compétences", "Skills"},
	"journeys.applicant_languages":       {"Langues parlées", "Languages spoken"},
	"journeys.applicant_available":       {"Disponible à ce moment", "Free at that time"},
	"journeys.available_yes":             {"Oui, selon ses disponibilités", "Yes, according to their availability"},
	"journeys.available_no":              {"Pas indiqué dans ses disponibilités", "Not among their stated availability"},
	"journeys.applicant_past":            {"Missions passées", "Past missions"},
	"journeys.applicant_past_counts":     {"%d présence(s), %d absence(s)", "%d attended, %d missed"},
	"journeys.none_given":                {"Non renseigné", "Not given"},
	"journeys.confirm_email":             {"Confirmez votre adresse e-mail : nous avons envoyé un lien à %s. Tant qu'elle n'est pas confirmée, les organisations voient qu'elle pourrait être mal saisie.", "Confirm your e-mail address: we sent a link to %s. Until it is confirmed, organisations see that it may be mistyped."},
	"journeys.confirm_label":             {"Adresse e-mail à confirmer", "E-mail address to confirm"},
	"journeys.confirm_resend":            {"Renvoyer le lien de confirmation", "Send the confirmation link again"},
	"journeys.attestation_verify_title":  {"Vérification d'une attestation de bénévolat", "Checking a volunteering certificate"},
	"journeys.attestation_genuine":       {"Attestation authentique : Entraide a délivré cette attestation à %s le %s, avec le contenu ci-dessous. Comparez-le à l'exemplaire imprimé.", "Genuine certificate: Entraide issued this certificate to %s on %s, with the content below. Compare it with the printed copy."},
	"journeys.attestation_caption":       {"Missions effectuées", "Missions carried out"},
	"journeys.attestation_mission":       {"Mission", "Mission"},
	"journeys.attestation_dates":         {"Dates", "Dates"},
	"journeys.attestation_time":          {"Temps donné", "Time given"},
	"journeys.attestation_from_to":       {"du %s au %s", "from %s to %s"},
	"journeys.attestation_verify_at":     {"Authenticité vérifiable en ligne :", "Authenticity can be checked online:"},
	"journeys.todo":                      {"À faire d'abord", "To do first"},
	"journeys.todo_offer":                {"Une place s'est libérée pour « %s » : confirmez-la avant qu'elle ne soit proposée à quelqu'un d'autre", "A place opened for \"%s\": confirm it before it is offered to someone else"},
	"journeys.todo_unread":               {"%d notification(s) non lue(s)", "%d unread notification(s)"},
	"journeys.todo_pending":              {"%d candidature(s) attendent votre réponse (ouvrez une mission pour y répondre)", "%d application(s) await your answer (open a mission to answer them)"},
	"journeys.todo_rejected":             {"La modération a refusé « %s » : lisez le motif, modifiez-la et soumettez-la de nouveau", "The moderators rejected \"%s\": read the reason, edit it and submit it again"},
	"journeys.todo_invitations":          {"%d invitation(s) pas encore acceptée(s) : renvoyez-les ou retirez-les", "%d invitation(s) not accepted yet: send them again or withdraw them"},
	"journeys.problem_mission_gone":      {"Mission plus disponible", "Mission no longer available"},
	"journeys.mission_gone_suspended":    {"Cette mission n'est plus disponible : son organisation est suspendue. Les places prévues sont annulées ; d'autres missions vous attendent.", "This mission is no longer available: its organisation is suspended. The places booked are cancelled; other missions are waiting for you."},
	"journeys.mission_gone_cancelled":    {"Cette mission n'est plus disponible : l'organisation l'a annulée.", "This mission is no longer available: the organisation cancelled it."},
	"journeys.notice_invitation_revoked": {"L'invitation est retirée : son lien ne fonctionne plus.", "The invitation is withdrawn: its link no longer works."},
}

func init() {
	for k, v := range journeysEvents {
		catalogue[k] = v
	}
}

// journeysEvents names the journeys' notification events in the
// preferences page.
var journeysEvents = map[string][2]string{
	"event.new_message":                {"Un nouveau message sur une candidature", "A new message on an application"},
	"event.org_verified":               {"Votre organisation est vérifiée", "Your organisation is verified"},
	"event.org_rejected":               {"Votre organisation n'est pas vérifiée", "Your organisation is not verified"},
	"event.org_suspended":              {"Votre organisation est suspendue", "Your organisation is suspended"},
	"event.mission_published":          {"Une mission est publiée", "A mission is published"},
	"event.mission_rejected":           {"Une mission est refusée", "A mission is rejected"},
	"event.mission_change_approved":    {"La modification d'une mission est approuvée", "A mission's change is approved"},
	"event.waitlisted":                 {"Vous êtes sur une liste d'attente", "You are on a waiting list"},
	"event.invitation_accepted":        {"Un·e collègue a rejoint l'organisation", "A colleague joined the organisation"},
	"event.place_cancelled_suspension": {"Une place est annulée (organisation suspendue)", "A place is cancelled (organisation suspended)"},
}
