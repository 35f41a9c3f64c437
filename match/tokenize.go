package match

import (
	"unicode"
	"unicode/utf8"
)

// Tokens longer than this are cut: nobody types them, and it bounds the dictionary.
const maxTokenBytes = 32

// stopwords are frequent French and English words, already folded. They are dropped from
// both the texts and the queries, so "aide pour les devoirs" finds "aide aux devoirs".
var stopwords = map[string]bool{
	"au": true, "aux": true, "avec": true, "ce": true, "ces": true, "cet": true, "cette": true,
	"dans": true, "de": true, "des": true, "du": true, "elle": true, "en": true, "est": true,
	"et": true, "il": true, "ils": true, "la": true, "le": true, "les": true, "leur": true,
	"leurs": true, "ma": true, "mes": true, "mon": true, "ne": true, "nos": true, "notre": true,
	"nous": true, "ou": true, "par": true, "pas": true, "pour": true, "qu": true, "que": true,
	"qui": true, "sa": true, "se": true, "ses": true, "son": true, "sur": true, "ta": true,
	"tes": true, "ton": true, "un": true, "une": true, "vos": true, "votre": true, "vous": true,
	// Elided forms (l', d', qu', jusqu'...) become words of their own, split at the
	// apostrophe; the one-letter ones are dropped by length.
	"jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true, "presqu": true,
	"je": true, "tu": true, "mais": true, "donc": true, "car": true, "ni": true,
	"lui": true, "eux": true, "moi": true, "toi": true, "soi": true, "me": true, "te": true,
	"sont": true, "ont": true, "etre": true, "avoir": true, "tres": true, "aussi": true,
	"chez": true, "tout": true, "tous": true, "toute": true, "toutes": true, "ainsi": true,
	"an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "by": true,
	"for": true, "from": true, "in": true, "is": true, "it": true, "of": true, "on": true,
	"or": true, "the": true, "this": true, "that": true, "to": true, "with": true,
	"my": true, "we": true, "you": true, "your": true, "our": true, "some": true,
}

// tokenize splits s into folded, lower-case words: letters and digits are kept, accents and
// combining marks are removed, everything else separates words. Words of one character and
// stopwords are dropped. It accepts any input, including invalid UTF-8.
func tokenize(s string) []string {
	return appendTokens(nil, s)
}

// appendTokens appends the tokens of s to dst.
func appendTokens(dst []string, s string) []string {
	scanTokens(s, func(tok []byte) { dst = append(dst, string(tok)) })
	return dst
}

// scanTokens calls fn with each token of s, in a buffer that fn must not keep: indexing
// looks tokens up without allocating a string for each.
func scanTokens(s string, fn func(tok []byte)) {
	scanTokensAt(s, func(tok []byte, _, _ int) { fn(tok) })
}

// scanTokensAt is scanTokens that also gives where each token is in s (byte offsets), so
// that a query can show a person the words they typed.
func scanTokensAt(s string, fn func(tok []byte, start, end int)) {
	var buf [maxTokenBytes]byte
	n, runes, start, end := 0, 0, 0, 0
	flush := func() {
		if runes >= 2 && !stopwords[string(buf[:n])] {
			fn(buf[:n], start, end)
		}
		n, runes = 0, 0
	}
	// add appends a folded piece unless it would overflow the token, which is then cut at a
	// rune boundary.
	add := func(piece string) {
		if n+len(piece) <= maxTokenBytes {
			n += copy(buf[n:], piece)
			runes++
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if runes == 0 {
			start = i
		}
		i += size
		if r != utf8.RuneError && (r >= utf8.RuneSelf || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') &&
			(r < utf8.RuneSelf || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			end = i // the token goes on: it ends after this rune
		}
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
				if n < maxTokenBytes {
					buf[n] = byte(r)
					n, runes = n+1, runes+1
				}
			case 'A' <= r && r <= 'Z':
				if n < maxTokenBytes {
					buf[n] = byte(r + 'a' - 'A')
					n, runes = n+1, runes+1
				}
			default:
				flush()
			}
		case r == utf8.RuneError:
			flush()
		case unicode.Is(unicode.Mn, r):
			// A combining accent (decomposed input): the base letter is already in.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if folded, ok := foldTable[r]; ok {
				add(folded)
			} else if size := utf8.RuneLen(r); size > 0 && n+size <= maxTokenBytes {
				n += utf8.EncodeRune(buf[n:], r)
				runes++
			}
		default:
			flush()
		}
	}
	flush()
}
