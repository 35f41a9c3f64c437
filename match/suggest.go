package match

// suggestCategory returns the category that the text of a query names, in French or in
// English ("aide alimentaire", "garde d'enfants", "childcare"), so that the person can
// filter on it in one click: a category is suggested when every word of one of its names
// is in the query, or when the query (two words or more) is part of one of its names. It
// returns "" when no category, or more than one, is named, or when the query already
// chooses the category.
func (ix *Index) suggestCategory(c *compiledQuery) string {
	if len(c.text.stems) == 0 {
		return ""
	}
	typed := make(map[string]bool, len(c.text.stems))
	for _, st := range c.text.stems {
		typed[st] = true
	}
	found := ""
	for _, code := range ix.voc.cats.names {
		for _, terms := range ix.labels.catTerms[normName(code)] {
			inQuery := 0
			for _, t := range terms {
				if typed[t] {
					inQuery++
				}
			}
			if inQuery == len(terms) || (len(typed) >= 2 && inQuery == len(typed)) {
				if found != "" && found != code {
					return ""
				}
				found = code
				break
			}
		}
	}
	if found != "" && c.hasCats {
		if id, ok := ix.voc.cats.lookup(found); ok && c.cats.has(id) {
			return ""
		}
	}
	return found
}
