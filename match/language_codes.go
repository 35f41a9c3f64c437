package match

import "sort"

// LanguageCodes lists, sorted, the codes of the languages that have names
// (the list people pick their languages from).
func LanguageCodes() []string {
	out := make([]string, 0, len(languageNames))
	for code := range languageNames {
		out = append(out, code)
	}
	sort.Strings(out)
	return out
}
