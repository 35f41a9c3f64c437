package i18n

// catalogue maps a key to its French and English text.
var catalogue = map[string][2]string{
	// Problem titles.
	"problem.bad_request":       {"Requête invalide", "Bad request"},
	"problem.validation":        {"Certains champs sont invalides", "Some fields are invalid"},
	"problem.unauthorized":      {"Authentification requise", "Authentication required"},
	"problem.forbidden":         {"Accès refusé", "Forbidden"},
	"problem.not_found":         {"Introuvable", "Not found"},
	"problem.method":            {"Méthode non autorisée", "Method not allowed"},
	"problem.conflict":          {"Conflit", "Conflict"},
	"problem.too_large":         {"Requête trop volumineuse", "Request too large"},
	"problem.unsupported_media": {"Type de contenu non pris en charge", "Unsupported media type"},
	"problem.unprocessable":     {"Demande impossible à traiter", "Unprocessable request"},
	"problem.rate_limited":      {"Trop de tentatives", "Too many requests"},
	"problem.unavailable":       {"Service momentanément indisponible", "Service temporarily unavailable"},
	"problem.internal":          {"Erreur interne", "Internal error"},
	"problem.timeout":           {"Délai dépassé", "Request timeout"},

	// Problem details.
	"detail.malformed_json":     {"Le corps de la requête n'est pas un JSON valide.", "The request body is not valid JSON."},
	"detail.json_object":        {"Le corps de la requête doit être un objet JSON.", "The request body must be a JSON object."},
	"detail.unknown_field":      {"Champ inconnu : %s.", "Unknown field: %s."},
	"detail.wrong_type":         {"Le champ %s n'a pas le bon type.", "Field %s has the wrong type."},
	"detail.body_too_large":     {"Le corps de la requête dépasse 1 Mio.", "The request body exceeds 1 MiB."},
	"detail.content_type":       {"Envoyez le corps en application/json.", "Send the body as application/json."},
	"detail.not_found":          {"La ressource demandée n'existe pas.", "The requested resource does not exist."},
	"detail.route_not_found":    {"Aucune route ne correspond à %s %s.", "No route matches %s %s."},
	"detail.login_required":     {"Connectez-vous pour continuer.", "Log in to continue."},
	"detail.invalid_token":      {"Jeton absent, invalide ou expiré.", "Missing, invalid or expired token."},
	"detail.role_required":      {"Cette action est réservée aux comptes : %s.", "This action is reserved for: %s accounts."},
	"detail.bad_credentials":    {"E-mail ou mot de passe incorrect.", "Incorrect e-mail or password."},
	"detail.account_suspended":  {"Ce compte est suspendu.", "This account is suspended."},
	"detail.email_taken":        {"Un compte existe déjà avec cet e-mail.", "An account already exists with this e-mail."},
	"detail.refresh_invalid":    {"Jeton de rafraîchissement invalide ou expiré.", "Invalid or expired refresh token."},
	"detail.refresh_reused":     {"Jeton de rafraîchissement déjà utilisé : toutes les sessions de cette connexion sont révoquées.", "Refresh token already used: every session of this login has been revoked."},
	"detail.rate_limited":       {"Trop de tentatives. Réessayez dans %d secondes.", "Too many attempts. Try again in %d seconds."},
	"detail.store_unavailable":  {"La base de données ne répond pas. Réessayez dans un instant.", "The database is not answering. Try again in a moment."},
	"detail.internal":           {"Une erreur inattendue s'est produite. Elle a été enregistrée.", "An unexpected error occurred. It has been logged."},
	"detail.conflict":           {"La ressource a changé ou existe déjà.", "The resource has changed or already exists."},
	"detail.invalid_state":      {"Action impossible : l'état actuel est « %s ».", "Action not allowed: the current state is \"%s\"."},
	"detail.invalid_query":      {"Paramètre de requête invalide.", "Invalid query parameter."},
	"detail.method_not_allowed": {"Méthode non autorisée.", "Method not allowed."},

	// Field validation.
	"required":           {"Ce champ est obligatoire.", "This field is required."},
	"too_short":          {"Au moins %d caractères.", "At least %d characters."},
	"too_long":           {"Au plus %d caractères.", "At most %d characters."},
	"invalid_text":       {"Ce texte contient des caractères non autorisés.", "This text contains characters that are not allowed."},
	"invalid_email":      {"Adresse e-mail invalide.", "Invalid e-mail address."},
	"invalid_phone":      {"Numéro de téléphone invalide.", "Invalid phone number."},
	"one_of":             {"Valeur attendue parmi : %s.", "Expected one of: %s."},
	"password_too_short": {"Le mot de passe doit faire au moins %d caractères.", "The password must be at least %d characters long."},
	"password_is_email":  {"Le mot de passe ne peut pas être votre e-mail.", "The password cannot be your e-mail."},
	"password_common":    {"Ce mot de passe est trop courant. Choisissez-en un autre.", "This password is too common. Choose another one."},
	"invalid_value":      {"Valeur invalide.", "Invalid value."},
	"invalid_id":         {"Identifiant invalide.", "Invalid identifier."},
	"wrong_type":         {"Type de valeur incorrect.", "Wrong value type."},
	"unknown_field":      {"Champ inconnu.", "Unknown field."},
	"email_taken":        {"Cet e-mail est déjà utilisé.", "This e-mail is already in use."},
}

// Page strings.
var pageCatalogue = map[string][2]string{
	"page.skip":      {"Aller au contenu", "Skip to content"},
	"page.footer":    {"Entraide — des missions de bénévolat près de chez vous.", "Entraide — volunteering missions near you."},
	"page.back_home": {"Retour à l'accueil", "Back to the home page"},
	"home.title":     {"Trouvez une mission de bénévolat", "Find a volunteering mission"},
	"home.lead":      {"Aide alimentaire, appels aux personnes isolées, garde d'enfants pour les soignants : donnez un peu de temps près de chez vous ou à distance.", "Food aid, calls to isolated people, childcare for care workers: give some time near you or remotely."},
}

func init() {
	for k, v := range pageCatalogue {
		catalogue[k] = v
	}
}
