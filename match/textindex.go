package match

import (
	"slices"
	"sort"
	"strings"

	"github.com/entraide/entraide/i18n"
)

// Fields of a mission's text, from the least to the most telling; a posting entry keeps the
// best field its term appears in.
const (
	fieldBody  = iota // description
	fieldOrg          // organisation name, names of the skills and languages
	fieldLabel        // names of the category, "remote"
	fieldTitle
)

// Posting entries are slot<<entryShift | occurrences<<2 | field, with the occurrences of
// the term in the mission counted up to 3.
const (
	entryShift = 4
	fieldMask  = 3
)

// textIndex is an inverted index from stems to the missions that contain them.
type textIndex struct {
	postings map[string]*posting
	dict     []string // every term, sorted, for prefix lookups
	typos    typoIndex
}

// posting lists the missions containing a term, as sorted entries (see entryShift). It is
// held by pointer so that indexing can update it after a lookup by bytes, which allocates
// nothing, and so that the typo index can refer to it.
type posting struct {
	term    string
	entries []uint32
	// bits holds the slots of entries as a bitset once the term is in bitsetMin missions
	// or more, so that a search counts the remote missions having it with popcounts
	// rather than reading its entries (remote_count.go).
	bits []uint64
}

// bitsetMin is the posting size from which a term keeps a bitset: then the bitset (one bit
// per mission slot) costs at most a few times its entries, and saves reading them.
const bitsetMin = 1024

// setBit adds slot to the bitset of p, if it has one.
func (p *posting) setBit(slot int32) {
	if p.bits == nil {
		return
	}
	if w := int(slot >> 6); w >= len(p.bits) {
		p.bits = append(p.bits, make([]uint64, w+1-len(p.bits))...)
	}
	p.bits[slot>>6] |= 1 << (slot & 63)
}

// clearBit removes slot from the bitset of p, if it has one.
func (p *posting) clearBit(slot int32) {
	if w := int(slot >> 6); w < len(p.bits) {
		p.bits[w] &^= 1 << (slot & 63)
	}
}

// makeBits gives p its bitset once it is large enough.
func (p *posting) makeBits() {
	if p.bits != nil || len(p.entries) < bitsetMin {
		return
	}
	p.bits = make([]uint64, entrySlot(p.entries[len(p.entries)-1])>>6+1)
	for _, e := range p.entries {
		p.bits[e>>(entryShift+6)] |= 1 << (e >> entryShift & 63)
	}
}

func newTextIndex() textIndex {
	return textIndex{postings: make(map[string]*posting), typos: newTypoIndex()}
}

func entrySlot(e uint32) int32 { return int32(e >> entryShift) }

// missionTexts calls fn with each searchable text of m and its field: title, description,
// organisation name, free-tag skills, and the names of its category, catalogue skills and
// languages (other than French, which nearly every mission speaks) in French and English,
// and "à distance" / "remote" for remote missions.
func missionTexts(m *Mission, v *vocab, fn func(text string, field uint32)) {
	fn(m.Title, fieldTitle)
	fn(m.Description, fieldBody)
	fn(m.OrgName, fieldOrg)
	for _, label := range v.labels.categories[normName(m.Category)] {
		fn(label, fieldLabel)
	}
	for _, skill := range m.Skills {
		if _, ok := v.skills.lookup(skill); !ok {
			fn(skill, fieldOrg)
			continue
		}
		for _, label := range v.labels.skills[normName(skill)] {
			fn(label, fieldOrg)
		}
	}
	for _, lang := range m.Languages {
		if key := "language." + normName(lang); i18n.Has(key) && normName(lang) != "fr" {
			fn(i18n.T(i18n.French, key), fieldOrg)
			fn(i18n.T(i18n.English, key), fieldOrg)
		}
	}
	if m.Remote {
		fn(remoteLabel, fieldLabel)
	}
}

// remoteLabel is indexed as words of every remote mission.
const remoteLabel = "à distance, remote"

// scanStems calls fn with the stem of each token of text.
func scanStems(text string, fn func(term []byte)) {
	scanTokens(text, func(tok []byte) { fn(stemBytes(tok)) })
}

// searchSlot returns the position of the first entry of list whose slot is >= slot.
func searchSlot(list []uint32, slot int32) int {
	return sort.Search(len(list), func(i int) bool { return entrySlot(list[i]) >= slot })
}

// add indexes the text of the mission in slot. In bulk mode slots arrive in increasing
// order and the dictionary is sorted once by finishBulk.
func (t *textIndex) add(slot int32, m *Mission, v *vocab, bulk bool) {
	missionTexts(m, v, func(text string, field uint32) {
		scanStems(text, func(term []byte) { t.addTerm(slot, term, field, bulk) })
	})
}

func (t *textIndex) addTerm(slot int32, term []byte, field uint32, bulk bool) {
	p := t.postings[string(term)]
	if p == nil {
		key := string(term)
		p = &posting{term: key}
		t.postings[key] = p
		t.typos.add(p)
		if !bulk {
			i, _ := slices.BinarySearch(t.dict, key)
			t.dict = slices.Insert(t.dict, i, key)
		}
	}
	e := uint32(slot)<<entryShift | 1<<2 | field
	list := p.entries
	i := len(list)
	if i > 0 && entrySlot(list[i-1]) >= slot {
		i = searchSlot(list, slot)
	}
	if i < len(list) && entrySlot(list[i]) == slot {
		// The term again in the same mission: count it and keep the best field.
		old := list[i]
		count := min((old>>2&3)+1, 3)
		list[i] = old&^(fieldMask|3<<2) | count<<2 | max(old&fieldMask, field)
		return
	}
	p.entries = slices.Insert(list, i, e)
	if !bulk {
		p.setBit(slot)
		p.makeBits()
	}
}

// finishBulk builds the sorted dictionary after bulk adds.
func (t *textIndex) finishBulk() {
	t.dict = make([]string, 0, len(t.postings))
	for term := range t.postings {
		t.dict = append(t.dict, term)
		t.postings[term].makeBits()
	}
	slices.Sort(t.dict)
}

// remove drops the text of the mission in slot.
func (t *textIndex) remove(slot int32, m *Mission, v *vocab) {
	missionTexts(m, v, func(text string, _ uint32) {
		scanStems(text, func(term []byte) { t.removeTerm(slot, term) })
	})
}

func (t *textIndex) removeTerm(slot int32, term []byte) {
	p := t.postings[string(term)]
	if p == nil {
		return
	}
	i := searchSlot(p.entries, slot)
	if i == len(p.entries) || entrySlot(p.entries[i]) != slot {
		return // a repeated term, already removed
	}
	p.clearBit(slot)
	if p.entries = slices.Delete(p.entries, i, i+1); len(p.entries) > 0 {
		return
	}
	key := p.term
	delete(t.postings, key)
	t.typos.remove(p)
	if j, found := slices.BinarySearch(t.dict, key); found {
		t.dict = slices.Delete(t.dict, j, j+1)
	}
}

// maxPrefixTerms bounds the terms a prefix expands to: a short prefix of a common start
// would otherwise read half the index for a word the person has not finished typing.
const maxPrefixTerms = 24

// prefixPostings returns the postings of the terms starting with prefix, other than skip.
func (t *textIndex) prefixPostings(prefix, skip string) []*posting {
	var out []*posting
	for i := sort.SearchStrings(t.dict, prefix); i < len(t.dict) && strings.HasPrefix(t.dict[i], prefix); i++ {
		if t.dict[i] == skip {
			continue
		}
		if len(out) == maxPrefixTerms {
			break
		}
		out = append(out, t.postings[t.dict[i]])
	}
	return out
}
