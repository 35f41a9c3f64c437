package i18n

func init() {
	for k, v := range securityCatalogue {
		catalogue[k] = v
	}
}

// securityCatalogue holds the messages of input checks and refusals that
// protect accounts: e-mail addresses, pages, cross-site requests.
var securityCatalogue = map[string][2]string{
	"page_range":          {"Numéro de page invalide : entre 1 et %d.", "Invalid page number: between 1 and %d."},
	"email_invisible":     {"L'adresse e-mail contient un caractère invisible ou de contrôle (espace sans largeur, trait d'union conditionnel, marque de direction...). Retapez-la.", "The e-mail address holds an invisible or control character (zero-width space, soft hyphen, direction mark...). Type it again."},
	"email_mixed_scripts": {"L'adresse e-mail mélange plusieurs alphabets (par exemple latin et cyrillique). Retapez-la avec un seul alphabet.", "The e-mail address mixes alphabets (for example Latin and Cyrillic). Type it again in one alphabet."},
	"email_ip_literal":    {"Une adresse e-mail doit avoir un nom de domaine, pas une adresse IP.", "An e-mail address must have a domain name, not an IP address."},

	"detail.api_cookie_unsafe": {"L'API ne modifie rien avec le cookie de session des pages : envoyez un jeton dans l'en-tête Authorization: Bearer.", "The API changes nothing with the pages' session cookie: send a token in an Authorization: Bearer header."},
	"detail.cross_site":        {"Ce formulaire a été envoyé depuis un autre site ; il est refusé. Rechargez la page et recommencez.", "This form was sent from another site and is refused. Reload the page and try again."},
}
