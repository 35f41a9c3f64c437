package i18n

func init() { register(notifyCatalogue) }

// notifyCatalogue holds the messages of notifications, password reset,
// e-mail confirmation and the development mail box.
var notifyCatalogue = map[string][2]string{
	"token_invalid":            {"Ce lien n'est plus valide : il a expiré ou a déjà servi. Demandez-en un nouveau.", "This link is no longer valid: it has expired or was already used. Ask for a new one."},
	"unknown_event":            {"Type de notification inconnu.", "Unknown notification type."},
	"detail.reset_requested":   {"Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure.", "If an account exists with this address, an e-mail with a link valid for one hour has just been sent to it."},
	"detail.confirmation_sent": {"Un e-mail de confirmation vient d'être envoyé à votre adresse.", "A confirmation e-mail has just been sent to your address."},
	"detail.already_confirmed": {"Votre adresse e-mail est déjà confirmée.", "Your e-mail address is already confirmed."},

	"devmail.title":   {"E-mails envoyés (développement)", "Sent e-mails (development)"},
	"devmail.lead":    {"Sans SMTP_URL, les e-mails sont écrits dans %s au lieu d'être envoyés.", "Without SMTP_URL, e-mails are written to %s instead of being sent."},
	"devmail.empty":   {"Aucun e-mail pour l'instant.", "No e-mail yet."},
	"devmail.date":    {"Date", "Date"},
	"devmail.from":    {"De", "From"},
	"devmail.to":      {"À", "To"},
	"devmail.subject": {"Objet", "Subject"},
	"devmail.back":    {"Tous les e-mails", "All e-mails"},
	"devmail.raw":     {"Source du message", "Message source"},
	"devmail.count":   {"%d e-mail(s), les plus récents d'abord.", "%d e-mail(s), newest first."},
}
