// Package i18n holds the French and English message catalogue and picks a
// language from a request.
package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Supported languages; French comes first and is the default.
const (
	French  = "fr"
	English = "en"
)

// Default is the language used when none is asked for.
const Default = French

// T returns the message for key in lang, formatted with args. Unknown keys
// come back as the key itself so that a missing translation is visible.
func T(lang, key string, args ...any) string {
	entry, ok := catalogue[key]
	if !ok {
		return key
	}
	format := entry[0]
	if lang == English && entry[1] != "" {
		format = entry[1]
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// Has reports whether key is in the catalogue.
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}

// Supported reports whether lang is a supported language.
func Supported(lang string) bool { return lang == French || lang == English }

// FromAcceptLanguage picks the best supported language of an
// Accept-Language header, honouring q-values.
func FromAcceptLanguage(header string) string {
	best, bestQ := "", -1.0
	for _, part := range strings.Split(header, ",") {
		fields := strings.Split(strings.TrimSpace(part), ";")
		tag := strings.ToLower(strings.TrimSpace(fields[0]))
		q := 1.0
		for _, f := range fields[1:] {
			f = strings.TrimSpace(f)
			if v, ok := strings.CutPrefix(f, "q="); ok {
				if parsed, err := strconv.ParseFloat(v, 64); err == nil {
					q = parsed
				}
			}
		}
		base, _, _ := strings.Cut(tag, "-")
		if Supported(base) && q > bestQ {
			best, bestQ = base, q
		}
	}
	if best == "" {
		return Default
	}
	return best
}

// register adds a file's messages to the catalogue. The catalogue is split
// over several files whose maps Go merges without complaint, so a key
// defined twice stops the program at start-up instead of one text silently
// replacing the other.
func register(messages map[string][2]string) {
	for k, v := range messages {
		if _, dup := catalogue[k]; dup {
			panic("i18n: key " + strconv.Quote(k) + " is defined twice")
		}
		catalogue[k] = v
	}
}
