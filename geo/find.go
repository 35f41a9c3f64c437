package geo

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Find resolves what a person typed in a place field: a postcode ("13003"), a commune
// ("saint etienne", "Saint-Étienne"), with an arrondissement for Paris, Lyon and Marseille
// ("Marseille 3e", "Lyon 8ème", "Paris 11", "paris 18e arrondissement") or a department
// to tell communes of the same name apart ("st denis 93"), or an overseas department ("La
// Réunion"). It returns the places that fit, the most populous first: none when nothing
// fits, several when the name is ambiguous.
func (g *Gazetteer) Find(s string) []NamedPlace {
	return g.find(strings.Fields(NormalizeName(s)))
}

func (g *Gazetteer) find(words []string) []NamedPlace {
	if len(words) == 0 || len(words) > 8 {
		return nil
	}
	if len(words) == 1 && ValidPostcode(words[0]) {
		p, ok := g.Lookup(words[0])
		if !ok {
			return nil
		}
		name := p.City
		return []NamedPlace{{Name: name, Postcode: p.Postcode, Department: Department(p.Postcode), Point: p.Point, Population: p.Population}}
	}
	ix := g.placeNames()
	// "arrondissement" after the number says nothing more.
	if n := len(words); n > 2 && (words[n-1] == "arrondissement" || words[n-1] == "arr") {
		words = words[:n-1]
	}
	number, dep := 0, ""
	if n := len(words); n > 1 {
		if k, ok := ordinal(words[n-1]); ok {
			number, words = k, words[:n-1]
		} else if isDepartment(words[n-1]) {
			dep, words = strings.ToUpper(words[n-1]), words[:n-1]
		}
	}
	entries := ix.byName[strings.Join(words, " ")]
	var out []NamedPlace
	for _, i := range entries {
		e := &ix.entries[i]
		a, isArr := e.arr[number]
		switch {
		case number > 0 && isArr:
			// "Paris 11" names an arrondissement; elsewhere a number is a department.
			out = append(out, ix.entries[a].place)
		case number > 0:
			if e.place.Department == twoDigits(number) {
				out = append(out, e.place)
			}
		case dep != "":
			if e.place.Department == dep {
				out = append(out, e.place)
			}
		default:
			out = append(out, e.place)
		}
	}
	slices.SortStableFunc(out, func(a, b NamedPlace) int { return b.Population - a.Population })
	return out
}

// ordinal reads "3", "3e", "3eme", "3ieme", "1er" (accents already folded).
func ordinal(w string) (int, bool) {
	digits := strings.TrimRightFunc(w, unicode.IsLetter)
	suffix := w[len(digits):]
	switch suffix {
	case "", "e", "er", "eme", "ieme", "em", "me":
	default:
		return 0, false
	}
	if len(digits) == 0 || len(digits) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

func isDepartment(w string) bool {
	if w == "2a" || w == "2b" {
		return true
	}
	if len(w) == 3 && strings.HasPrefix(w, "97") && w[2] >= '1' && w[2] <= '6' {
		return true
	}
	return false
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// prepositions said before a place ("à Paris", "near Lyon"); removed with it.
var prepositions = map[string]bool{"a": true, "sur": true, "pres": true, "vers": true, "dans": true,
	"in": true, "near": true, "around": true, "autour": true}

// textWord is a word of a query with where it is.
type textWord struct {
	norm       string
	start, end int
}

func textWords(text string) []textWord {
	var out []textWord
	start := -1
	for i, r := range text {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			out = append(out, textWord{norm: NormalizeName(text[start:i]), start: start, end: i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, textWord{norm: NormalizeName(text[start:]), start: start, end: len(text)})
	}
	return out
}

// maxPlaceWords bounds the words of a place name looked for in a query.
const maxPlaceWords = 5

// PlaceInText finds a place named at the end (or else at the start) of a query, as in
// "aide aux devoirs lyon 8", "maraude paris 18e", "distribution repas marseille" or "je
// voudrais aider à Paris", and returns the query without it (nor the preposition before
// it) and the places that fit, the most populous first. To leave ordinary words alone, a
// place is taken only when it has a number (postcode, arrondissement, department), or is
// a commune of at least 20,000 people (2,000 for a name of several words, articles aside),
// half that after a preposition ("à", "near"...); at the start of a query, only with a
// number or from 100,000 people.
func (g *Gazetteer) PlaceInText(text string) (rest string, places []NamedPlace) {
	words := textWords(text)
	if len(words) == 0 || len(text) > 400 {
		return text, nil
	}
	norms := make([]string, len(words))
	for i, w := range words {
		norms[i] = w.norm
	}
	n := len(words)
	for start := max(0, n-maxPlaceWords); start < n; start++ {
		found := g.find(norms[start:])
		after := start > 0 && prepositions[norms[start-1]]
		if len(found) == 0 || !plausible(found[0], norms[start:], after, 20000, 2000) {
			continue
		}
		cut := start
		if after {
			cut--
		}
		return strings.TrimSpace(text[:words[cut].start]), found
	}
	for end := min(n-1, maxPlaceWords); end >= 1; end-- {
		found := g.find(norms[:end])
		if len(found) == 0 || !plausible(found[0], norms[:end], false, 100000, 100000) {
			continue
		}
		return strings.TrimSpace(text[words[end-1].end:]), found
	}
	return text, nil
}

// articles start commune names ("L'Hôpital", "La Rochelle"); with them, a name is still
// one word that may be an ordinary one ("à l'hôpital").
var articles = map[string]bool{"l": true, "le": true, "la": true, "les": true}

// plausible tells a place from ordinary words that happen to name one: a name with a
// number is a place; otherwise a one-word name (articles aside) needs minOne people (half
// after a preposition), a longer one minSeveral (a quarter after a preposition).
func plausible(p NamedPlace, words []string, afterPreposition bool, minOne, minSeveral int) bool {
	named := 0
	for i, w := range words {
		if w != "" && w[0] >= '0' && w[0] <= '9' {
			return true
		}
		if !(i == 0 && articles[w] && len(words) > 1) {
			named++
		}
	}
	if p.RadiusKm > 0 {
		return true // a region
	}
	need := minSeveral
	if named == 1 {
		need = minOne
	}
	if afterPreposition {
		need /= 2
		if named > 1 {
			need /= 2
		}
	}
	return p.Population >= need
}

// Suggest returns up to limit places whose name or postcode starts with what was typed,
// the most populous first, for suggestions as a person types.
func (g *Gazetteer) Suggest(typed string, limit int) []NamedPlace {
	prefix := NormalizeName(typed)
	if prefix == "" || limit <= 0 || utf8.RuneCountInString(prefix) > 60 {
		return nil
	}
	var out []NamedPlace
	if prefix[0] >= '0' && prefix[0] <= '9' {
		n := g.Len()
		i := 0
		for lo, hi := 0, n; lo < hi; {
			mid := (lo + hi) / 2
			if g.codes[mid*5:mid*5+5] < prefix {
				lo = mid + 1
			} else {
				hi = mid
			}
			i = lo
		}
		for ; i < n && strings.HasPrefix(g.codes[i*5:i*5+5], prefix); i++ {
			p := g.place(i)
			out = append(out, NamedPlace{Name: p.City, Postcode: p.Postcode, Department: Department(p.Postcode), Point: p.Point, Population: p.Population})
		}
	} else {
		if exact := g.Find(typed); len(exact) > 0 {
			out = append(out, exact...)
		}
		ix := g.placeNames()
		i, _ := slices.BinarySearch(ix.keys, prefix)
		for ; i < len(ix.keys) && strings.HasPrefix(ix.keys[i], prefix); i++ {
			for _, e := range ix.byName[ix.keys[i]] {
				out = append(out, ix.entries[e].place)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b NamedPlace) int { return b.Population - a.Population })
	seen := map[string]bool{}
	kept := out[:0]
	for _, p := range out {
		if key := p.Name + p.Postcode; !seen[key] {
			seen[key] = true
			kept = append(kept, p)
		}
	}
	return kept[:min(len(kept), limit)]
}
