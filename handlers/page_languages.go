package handlers

import (
	"sort"
	"strings"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

// offeredLanguages are the languages the profile and mission forms offer
// by name: those most spoken by volunteers and residents in France.
var offeredLanguages = []string{"fr", "en", "ar", "es", "pt", "it", "de", "nl", "ro", "pl", "tr", "ru", "uk", "zh", "vi",
	"wo", "bm", "ff", "ln", "sw", "ber", "kab", "ta", "hi", "bn", "ur", "fa", "ps", "ku", "so", "ti", "am", "mg", "ht",
	"sq", "hy", "ka", "sr", "bg", "el", "he", "ja", "ko", "km", "th", "lsf"}

// languageOptions lists the offered languages by name in the page's
// language, in alphabetical order, plus any other language the person or
// mission already has, so that saving the form never drops it.
func languageOptions(lang string, have []string) []frontend.Option {
	codes := append([]string{}, offeredLanguages...)
	offered := map[string]bool{}
	for _, c := range codes {
		offered[c] = true
	}
	for _, c := range have {
		if !offered[c] {
			offered[c] = true
			codes = append(codes, c)
		}
	}
	out := make([]frontend.Option, len(codes))
	for i, c := range codes {
		out[i] = frontend.Option{Value: c, Label: i18n.LanguageName(lang, c)}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Label) < strings.ToLower(out[j].Label) })
	return out
}
