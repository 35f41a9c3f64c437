package match

import (
	"math"
	"slices"
	"strings"
)

// Weights of the ways a mission can have a concept of the query (docs/matching.md).
const (
	wSame    = 1.0  // the same stem as a word typed
	wPrefix  = 0.8  // a word starting with the last word typed (still being typed)
	wSynonym = 0.7  // a synonym from the table
	wRelated = 0.5  // a related term from the table (a "~" group)
	wFamily  = 0.5  // a word of the same family as an unknown word typed (see family)
	wTypo1   = 0.6  // one edit away
	wTypo2   = 0.45 // two edits away
)

// commonWord is the number of missions from which a word typed is taken as meant, and
// not corrected for slips (or 1 % of the missions, if more).
const commonWord = 20

// maxConcepts bounds the concepts of a query that count (the concept mask has 8 bits).
const maxConcepts = 8

// queryOnlyWords are dropped from queries but not from missions: what people write around
// what they look for ("je voudrais aider...", "looking for").
var queryOnlyWords = stemSet("voudrais", "voudrait", "veux", "veut", "aimerais", "souhaite", "souhaiterais",
	"cherche", "recherche", "chercher", "trouver", "peux", "pourrais", "faire", "quelque", "chose", "ici",
	"want", "would", "like", "looking", "find", "can", "how", "where", "some", "near", "pres", "proche", "autour")

// genericWords say that the person wants to volunteer, which every mission is about: they
// neither filter nor rank. A query of only such words finds every mission (near the place
// given, if any).
var genericWords = stemSet("bénévole", "bénévoles", "bénévolat", "volontaire", "volontaires", "volontariat",
	"volunteer", "volunteers", "volunteering", "mission", "missions")

func stemSet(words ...string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words {
		for _, t := range analyse(w) {
			out[t] = true
		}
	}
	return out
}

// queryWord is one word of a query: as typed, folded, and stemmed, with the edits a slip
// may have made in it.
type queryWord struct {
	typed, folded, stem string
	edits               int
}

// alternative is one way for a mission to have a concept: every one of its terms (each a
// union of postings) in the mission.
type alternative struct {
	terms  [][]*posting
	weight float32
}

// concept is a word, or a phrase of the synonym table, of the query.
type concept struct {
	text  string // as typed
	alts  []alternative
	idf   float32
	known bool // some mission has it
}

// textQuery is the text of a query, analysed against the index.
type textQuery struct {
	concepts []concept
	totalIdf float32
	// keepIdf is the share of totalIdf a mission must have to be found: a mission that has
	// only a weak part of the query is noise.
	keepIdf float32
	// matchAll: the query only says "volunteering"; every mission matches.
	matchAll bool
	stems    []string // of the words that count, for the category suggestion
}

// minShare is the share of the query's weight (sum of its concepts' idf) that a mission must
// have to be found.
const minShare = 0.5

// splitQuery returns the words of a query that count.
func splitQuery(text string) (words []queryWord, generic bool) {
	scanTokensAt(text, func(tok []byte, start, end int) {
		folded := string(tok)
		st := stem(folded)
		switch {
		case queryOnlyWords[st]:
		case genericWords[st]:
			generic = true
		default:
			words = append(words, queryWord{typed: text[start:end], folded: folded, stem: st})
		}
	})
	return words, generic
}

// family returns, for a long word that no mission has, the words of the missions that
// share its start but for its last three letters (at least six): another form of the same
// word that the stemmer does not reduce ("traducteur" → "traduction", "animatrice" →
// "animation", "informaticien" → "informatique").
func family(t *textIndex, st string) []*posting {
	if len(st) < 8 || t.postings[st] != nil {
		return nil
	}
	return t.prefixPostings(st[:max(6, len(st)-3)], st)
}

// allowedEdits is the typo rule: one edit from 5 letters, two from 9, none on stems
// shorter than 5 letters, where a slip more often makes another word.
func allowedEdits(w queryWord) int {
	switch n := len([]rune(w.folded)); {
	case len(w.stem) < 5 || n < 5:
		return 0
	case n < 9:
		return 1
	}
	return 2
}

// compileText analyses the text of a query against the text index and the synonyms.
func compileText(text string, t *textIndex, syn *synonyms, missions int) textQuery {
	words, generic := splitQuery(text)
	if len(words) == 0 {
		return textQuery{matchAll: generic}
	}
	for i := range words {
		// A word that many missions have is what was meant, not a slip: correcting it
		// would only add noise (and read long lists for nothing).
		w := &words[i]
		w.edits = allowedEdits(*w)
		if p := t.postings[w.stem]; p != nil && len(p.entries) > max(commonWord, missions/100) {
			w.edits = 0
		}
	}
	var tq textQuery
	for _, w := range words {
		tq.stems = append(tq.stems, w.stem)
	}
	for i := 0; i < len(words) && len(tq.concepts) < maxConcepts; {
		n, groups, spelt := syn.match(words[i:])
		c := concept{text: joinTyped(words[i : i+n])}
		phrase := make([]string, n)
		for k, w := range words[i : i+n] {
			phrase[k] = w.stem
		}
		first := float32(wSame)
		c.addAlt(t, phrase, wSame)
		if spelt != nil {
			// Typed with slips: the phrase meant ranks first, its synonyms after.
			first = wTypo1
			c.addAlt(t, spelt, wTypo1)
		}
		if n == 1 {
			w := words[i]
			if i == len(words)-1 && len(w.folded) >= 3 {
				for _, p := range t.prefixPostings(w.folded, w.stem) {
					c.alts = append(c.alts, alternative{terms: [][]*posting{{p}}, weight: wPrefix})
				}
			}
			slips := 0
			t.typos.lookup(w.stem, w.edits, func(p *posting, edits int) {
				weight := float32(wTypo1)
				if edits == 2 {
					weight = wTypo2
				}
				c.alts = append(c.alts, alternative{terms: [][]*posting{{p}}, weight: weight})
				slips++
			})
			if slips == 0 {
				// Neither a word of the missions nor a slip of one: another form of one?
				for _, p := range family(t, w.stem) {
					c.alts = append(c.alts, alternative{terms: [][]*posting{{p}}, weight: wFamily})
				}
			}
		}
		// Each other member once, with the best weight its groups give it.
		var others [][]string
		var weights []float32
		for _, g := range groups {
			w := float32(wSynonym)
			if syn.related[g] {
				w = wRelated
			}
			for _, other := range syn.groups[g] {
				if equalTerms(other, phrase) || equalTerms(other, spelt) {
					continue
				}
				k := slices.IndexFunc(others, func(o []string) bool { return equalTerms(o, other) })
				if k < 0 {
					others, weights = append(others, other), append(weights, w)
				} else {
					weights[k] = max(weights[k], w)
				}
			}
		}
		for k, other := range others {
			c.addAlt(t, other, weights[k]*first)
		}
		tq.concepts = append(tq.concepts, c)
		i += n
	}
	for i := range tq.concepts {
		c := &tq.concepts[i]
		c.alts = undominated(c.alts)
		df := 0
		for _, a := range c.alts {
			df = max(df, a.size())
		}
		c.known = df > 0
		// An unknown word weighs more than any known one: a query about something no
		// mission mentions is not answered with what it says around it.
		c.idf = float32(math.Log(1 + float64(missions)/max(float64(df), 0.5)))
		tq.totalIdf += c.idf
	}
	tq.keepIdf = tq.totalIdf * minShare * 0.999
	return tq
}

func joinTyped(words []queryWord) string {
	parts := make([]string, len(words))
	for i, w := range words {
		parts[i] = w.typed
	}
	return strings.Join(parts, " ")
}

func equalTerms(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// addAlt adds the phrase of terms as an alternative if every term is in the index.
func (c *concept) addAlt(t *textIndex, terms []string, weight float32) {
	alt := alternative{terms: make([][]*posting, len(terms)), weight: weight}
	for i, term := range terms {
		p := t.postings[term]
		if p == nil {
			return
		}
		alt.terms[i] = []*posting{p}
	}
	c.alts = append(c.alts, alt)
}

// postingSize is the number of posting entries scoring the query reads.
func (q *textQuery) postingSize() int {
	n := 0
	for _, c := range q.concepts {
		for _, a := range c.alts {
			for _, union := range a.terms {
				for _, p := range union {
					n += len(p.entries)
				}
			}
		}
	}
	return n
}

// undominated drops the alternatives that can never give a mission more than another
// one: a phrase containing a word that is an alternative of its own with at least its
// weight ("aide numérique" when "numérique" was typed). Scoring them would only cost.
func undominated(alts []alternative) []alternative {
	kept := alts[:0]
	for i, a := range alts {
		dominated := false
		for j, b := range alts {
			if i == j || len(b.terms) != 1 || b.weight < a.weight {
				continue
			}
			if len(a.terms) == 1 {
				// The same word twice (a slip and a prefix...): the better one, or the
				// first of equals.
				same := len(a.terms[0]) == 1 && len(b.terms[0]) == 1 && a.terms[0][0] == b.terms[0][0]
				dominated = dominated || (same && (b.weight > a.weight || j < i))
				continue
			}
			for _, union := range a.terms {
				if len(union) == 1 && len(b.terms[0]) == 1 && union[0] == b.terms[0][0] {
					dominated = true
				}
			}
		}
		if !dominated {
			kept = append(kept, a)
		}
	}
	return kept
}

// size bounds the missions that have the alternative: the size of its rarest term.
func (a *alternative) size() int {
	best := -1
	for _, union := range a.terms {
		n := 0
		for _, p := range union {
			n += len(p.entries)
		}
		if best < 0 || n < best {
			best = n
		}
	}
	return max(best, 0)
}

// match finds the longest phrase of the synonym table at the start of words (exactly, or
// else with the typo rule on each word), returning its length in words and its groups, and
// the phrase meant when it was typed with slips; a word that starts no phrase is returned
// alone, with no group.
func (s *synonyms) match(words []queryWord) (n int, groups []int32, spelt []string) {
	for l := min(s.maxLen, len(words)); l >= 1; l-- {
		var key strings.Builder
		for k, w := range words[:l] {
			if k > 0 {
				key.WriteByte(' ')
			}
			key.WriteString(w.stem)
		}
		if g := s.byKey[key.String()]; len(g) > 0 {
			return l, g, nil
		}
		if p := s.matchTypo(words[:l]); p != nil {
			return l, p.groups, p.terms
		}
	}
	return 1, nil, nil
}

// matchTypo returns the phrase of len(words) terms that the words spell with slips, each
// word within its allowed edits (the first in the table's order when several fit).
func (s *synonyms) matchTypo(words []queryWord) *synPhrase {
	edits := 0
	for _, w := range words {
		edits += w.edits
	}
	if edits == 0 {
		return nil
	}
	for i := range s.phrases {
		e := &s.phrases[i]
		terms := e.terms
		if len(terms) != len(words) {
			continue
		}
		ok := true
		for k, w := range words {
			if terms[k] != w.stem && editDistance(w.stem, terms[k], w.edits) > w.edits {
				ok = false
				break
			}
		}
		if ok {
			return e
		}
	}
	return nil
}
