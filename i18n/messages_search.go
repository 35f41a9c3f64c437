package i18n

func init() {
	for k, v := range searchCatalogue {
		catalogue[k] = v
	}
}

// searchCatalogue holds the messages of the search that understands what people type:
// partial answers, suggested categories, places named in the words, synonyms.
var searchCatalogue = map[string][2]string{
	"ambiguous_place":          {"Plusieurs lieux s'appellent « %s » : choisissez-en un ci-dessous ou ajoutez le département (par exemple « Saint-Denis 93 »).", "Several places are called \"%s\": choose one below or add the department (for example \"Saint-Denis 93\")."},
	"search.partial":           {"Aucune mission ne correspond à tous vos mots : voici celles qui en ont le plus.", "No mission matches all your words: here are those that match most of them."},
	"search.partial_missing":   {"Aucune mission ne parle de %s.", "No mission mentions %s."},
	"search.suggest_category":  {"Voir seulement la catégorie « %s »", "Show only the category \"%s\""},
	"search.place_from_text":   {"Nous avons cherché autour de %s, nommé dans votre recherche.", "We searched around %s, named in your search."},
	"search.place_others":      {"Vous pensiez à un autre lieu ?", "Did you mean another place?"},
	"search.place_choices":     {"Choisissez le lieu :", "Choose the place:"},
	"search.place_suggestions": {"Suggestions de lieux", "Place suggestions"},
	"admin.synonyms.tab":       {"Synonymes", "Synonyms"},
	"admin.synonyms.title":     {"Synonymes de la recherche", "Search synonyms"},
	"admin.synonyms.lead":      {"Un groupe par ligne, les termes séparés par « / » (par exemple : aînés / personnes âgées / seniors). Ces groupes s'ajoutent à la table intégrée et s'appliquent aux recherches suivantes.", "One group per line, terms separated by \"/\" (for example: aînés / personnes âgées / seniors). These groups add to the built-in table and apply to the next searches."},
	"admin.synonyms.field":     {"Synonymes ajoutés", "Added synonyms"},
	"admin.synonyms.save":      {"Enregistrer les synonymes", "Save the synonyms"},
	"admin.synonyms.saved":     {"Synonymes enregistrés.", "Synonyms saved."},
	"synonym_group_size":       {"Chaque groupe compte de %d à %d termes.", "Each group has %d to %d terms."},
	"invalid_synonym":          {"Chaque terme compte au plus %d caractères, sans « / » ni « # ».", "Each term has at most %d characters, without \"/\" or \"#\"."},
}
