package models

import (
	"net"
	"net/mail"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeEmail trims an e-mail address, folds compatibility forms
// (full-width letters, ligatures) with NFKC and lower-cases it, so that
// "ＡＳＳＯ@Demo.fr" and "asso@demo.fr" are one account. It removes nothing
// else: invisible characters stay, for EmailProblem to refuse.
func NormalizeEmail(email string) string {
	return norm.NFKC.String(strings.ToLower(norm.NFKC.String(strings.TrimSpace(email))))
}

// ValidEmail reports whether email, normalised, is an acceptable plain
// address (no display name).
func ValidEmail(email string) bool { return EmailProblem(email) == "" }

// CheckEmail adds email's problem, if any, to v under field.
func CheckEmail(v *Validator, field, email string) bool {
	code := EmailProblem(email)
	return v.Check(code == "", field, code)
}

// EmailProblem returns the validation code of an unacceptable normalised
// address, or "". Beyond the syntax it refuses what makes an address look
// like another one: invisible and control characters (zero-width spaces
// and joiners, soft hyphens, direction marks and overrides), letters of
// several scripts in one address (a Cyrillic "а" among Latin letters), and
// IP literals, which no real mailbox of our users needs.
func EmailProblem(email string) string {
	if len(email) < 3 || len(email) > 254 {
		return "invalid_email"
	}
	for _, r := range email {
		if invisible(r) {
			return "email_invisible"
		}
	}
	at := strings.LastIndexByte(email, '@')
	if at <= 0 {
		return "invalid_email"
	}
	domain := email[at+1:]
	if ipLiteral(domain) {
		return "email_ip_literal"
	}
	if mixedScripts(email) {
		return "email_mixed_scripts"
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" || !strings.Contains(domain, ".") {
		return "invalid_email"
	}
	return ""
}

// invisible reports characters that show nothing, or change how the
// others show, in an address.
func invisible(r rune) bool {
	switch {
	case unicode.IsControl(r), unicode.Is(unicode.Cf, r): // C0/C1, ZWSP, ZWJ, soft hyphen, bidi controls, BOM
		return true
	case r != ' ' && (unicode.IsSpace(r) || unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp)):
		return true // a plain space is a syntax error, reported as such
	case unicode.Is(unicode.Variation_Selector, r):
		return true
	case r == 0x115F || r == 0x1160 || r == 0x3164 || r == 0xFFA0 || r == 0x2800: // Hangul fillers, blank braille
		return true
	}
	return false
}

// ipLiteral reports a domain that is an address: "[1.2.3.4]",
// "[IPv6:::1]", or a bare "1.2.3.4" (no top-level domain is numeric).
func ipLiteral(domain string) bool {
	if strings.HasPrefix(domain, "[") || strings.HasSuffix(domain, "]") {
		return true
	}
	if net.ParseIP(domain) != nil {
		return true
	}
	last := domain[strings.LastIndexByte(domain, '.')+1:]
	if last == "" {
		return false
	}
	for _, r := range last {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// mixedScripts reports whether the letters of the whole address come
// from more than one script. Digits and punctuation ("@", ".", "-") are
// common to all scripts; Chinese, Japanese and Korean are written
// together, so their scripts count as one.
func mixedScripts(email string) bool {
	seen := ""
	for _, r := range email {
		if r < 0x80 && !unicode.IsLetter(r) {
			continue
		}
		script := scriptOf(r)
		if script == "" {
			continue
		}
		if seen == "" {
			seen = script
		} else if seen != script {
			return true
		}
	}
	return false
}

// scriptOf names the script of r, "" for the common and inherited ones.
func scriptOf(r rune) string {
	if r < 0x80 {
		return "Latin" // ASCII letters; the rest was skipped by the caller
	}
	for name, table := range unicode.Scripts {
		if !unicode.Is(table, r) {
			continue
		}
		switch name {
		case "Common", "Inherited":
			return ""
		case "Han", "Hiragana", "Katakana", "Hangul", "Bopomofo":
			return "CJK"
		}
		return name
	}
	return ""
}
