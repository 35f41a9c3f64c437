package models

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

// The 1,000 most frequent passwords of the zxcvbn-ts common list (MIT),
// most frequent first. See docs/decisions.md.
//
//go:embed data/common-passwords.txt
var commonPasswordsFile string

var commonPasswords = sync.OnceValue(func() map[string]struct{} {
	set := make(map[string]struct{}, 1000)
	for _, line := range strings.Split(commonPasswordsFile, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			set[strings.ToLower(line)] = struct{}{}
		}
	}
	return set
})

// Password length limits. The maximum bounds the cost of hashing.
const (
	PasswordMinLength = 10
	PasswordMaxLength = 256
)

// ValidatePassword applies the password policy for the account email.
func ValidatePassword(v *Validator, field, password, email string) {
	n := utf8.RuneCountInString(password)
	switch {
	case password == "":
		v.Add(field, "required")
	case n < PasswordMinLength:
		v.Add(field, "password_too_short", PasswordMinLength)
	case len(password) > PasswordMaxLength:
		v.Add(field, "too_long", PasswordMaxLength)
	case email != "" && strings.EqualFold(strings.TrimSpace(password), email):
		v.Add(field, "password_is_email")
	case IsCommonPassword(password):
		v.Add(field, "password_common")
	}
}

// IsCommonPassword reports whether password is among the most common ones.
func IsCommonPassword(password string) bool {
	_, found := commonPasswords()[strings.ToLower(password)]
	return found
}
