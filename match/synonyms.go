package match

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// The curated synonym table of the field (see the file's header for its format).
//
//go:embed data/synonyms.txt
var builtinSynonyms string

// maxSynonymText bounds the extra synonyms an admin may add, in bytes.
const maxSynonymText = 64 << 10

// synonyms holds groups of phrases that mean the same to a person searching for missions.
// Each phrase is analysed like any text (folded, stopwords dropped, stemmed) into terms.
type synonyms struct {
	groups  [][][]string       // group → phrases → terms
	related []bool             // group → related terms rather than synonyms (a "~" line)
	byKey   map[string][]int32 // terms joined by a space → groups
	maxLen  int                // the most terms in a phrase
	phrases []synPhrase        // every phrase once, for matching with typos
}

type synPhrase struct {
	terms  []string
	groups []int32
}

// parseSynonyms reads groups, one per line, members separated by "/"; blank lines and
// lines starting with "#" are skipped. It reports the lines it cannot use.
func parseSynonyms(text string) ([][]string, error) {
	var groups [][]string
	var bad []string
	for lineNo, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var members []string
		if rest, ok := strings.CutPrefix(line, "~"); ok {
			// Related terms: kept as a first member "~", read by newSynonyms.
			members, line = append(members, "~"), rest
		}
		for _, m := range strings.Split(line, "/") {
			if m = strings.TrimSpace(m); m != "" {
				members = append(members, m)
			}
		}
		if n := len(members); n < 2 || (members[0] == "~" && n < 3) {
			bad = append(bad, fmt.Sprintf("line %d: a group needs at least two members", lineNo+1))
			continue
		}
		groups = append(groups, members)
	}
	if len(bad) > 0 {
		return groups, fmt.Errorf("%w: %s", ErrInvalid, strings.Join(bad, "; "))
	}
	return groups, nil
}

// analyse returns the terms of a text as the index holds them.
func analyse(text string) []string {
	var terms []string
	scanStems(text, func(term []byte) { terms = append(terms, string(term)) })
	return terms
}

// newSynonyms compiles groups of members; members with no term left (only little words)
// are dropped, and so are groups left with fewer than two distinct phrases.
func newSynonyms(groups ...[][]string) *synonyms {
	s := &synonyms{byKey: map[string][]int32{}}
	for _, list := range groups {
		for _, members := range list {
			var phrases [][]string
			seen := map[string]bool{}
			related := len(members) > 0 && members[0] == "~"
			if related {
				members = members[1:]
			}
			for _, m := range members {
				terms := analyse(m)
				key := strings.Join(terms, " ")
				if len(terms) == 0 || seen[key] {
					continue
				}
				seen[key] = true
				phrases = append(phrases, terms)
			}
			if len(phrases) < 2 {
				continue
			}
			id := int32(len(s.groups))
			s.groups = append(s.groups, phrases)
			s.related = append(s.related, related)
			for _, p := range phrases {
				key := strings.Join(p, " ")
				s.byKey[key] = append(s.byKey[key], id)
				s.maxLen = max(s.maxLen, len(p))
			}
		}
	}
	for key, groups := range s.byKey {
		s.phrases = append(s.phrases, synPhrase{terms: strings.Split(key, " "), groups: groups})
	}
	// In a fixed order, so that a query with slips matches the same groups every time.
	slices.SortFunc(s.phrases, func(a, b synPhrase) int {
		return strings.Compare(strings.Join(a.terms, " "), strings.Join(b.terms, " "))
	})
	return s
}

// defaultSynonyms is the built-in table, compiled once.
var defaultGroups = func() [][]string {
	g, err := parseSynonyms(builtinSynonyms)
	if err != nil {
		panic("match: built-in synonyms: " + err.Error())
	}
	return g
}()

// SetExtraSynonyms replaces the synonym groups added to the built-in table (text in the
// format of data/synonyms.txt) and applies them to the next searches. Bad lines are
// reported and nothing changes.
func (ix *Index) SetExtraSynonyms(text string) error {
	if len(text) > maxSynonymText {
		return fmt.Errorf("%w: synonyms longer than %d bytes", ErrInvalid, maxSynonymText)
	}
	extra, err := parseSynonyms(text)
	if err != nil {
		return err
	}
	syn := newSynonyms(defaultGroups, extra)
	ix.mu.Lock()
	ix.syn = syn
	ix.mu.Unlock()
	ix.version.Add(1)
	return nil
}

// CheckSynonyms reports whether text is valid extra synonyms, without applying it.
func CheckSynonyms(text string) error {
	if len(text) > maxSynonymText {
		return fmt.Errorf("%w: synonyms longer than %d bytes", ErrInvalid, maxSynonymText)
	}
	_, err := parseSynonyms(text)
	return err
}
