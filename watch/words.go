package watch

import (
	"strings"

	"github.com/entraide/entraide/i18n"
)

// TimeLabel names a best time to call in lang ("mon-morning": "lundi matin").
func TimeLabel(lang, code string) string {
	day, slot, _ := strings.Cut(code, "-")
	return i18n.T(lang, "watch.day_"+day) + " " + i18n.T(lang, "watch.slot_"+slot)
}

// TimeLabels names best times in lang, in their order.
func TimeLabels(lang string, codes []string) []string {
	out := make([]string, len(codes))
	for i, code := range codes {
		out[i] = TimeLabel(lang, code)
	}
	return out
}
