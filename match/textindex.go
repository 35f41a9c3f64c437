package match

import (
	"math/bits"
	"slices"
	"sort"
	"strings"
)

// textIndex is an inverted index from folded tokens to the missions that contain them.
type textIndex struct {
	postings map[string]*posting
	dict     []string // every token, sorted, for prefix lookups
}

// posting lists the missions containing a token, as sorted entries slot<<1|inTitle: the
// title flag rides in the low bit so relevance needs no second lookup. It is held by pointer
// so that indexing can update it after a lookup by bytes, which allocates nothing.
type posting struct {
	entries []uint32
}

func newTextIndex() textIndex { return textIndex{postings: make(map[string]*posting)} }

// missionTexts calls fn with each searchable text of m: title, description, organisation
// name and free-tag skills.
func missionTexts(m *Mission, v *vocab, fn func(text string, title bool)) {
	fn(m.Title, true)
	fn(m.Description, false)
	fn(m.OrgName, false)
	for _, skill := range m.Skills {
		if _, ok := v.skills.lookup(skill); !ok {
			fn(skill, false)
		}
	}
}

// searchSlot returns the position of the first entry of list whose slot is >= slot.
func searchSlot(list []uint32, slot int32) int {
	return sort.Search(len(list), func(i int) bool { return list[i]>>1 >= uint32(slot) })
}

// add indexes the text of the mission in slot. In bulk mode slots arrive in increasing
// order and the dictionary is sorted once by finishBulk.
func (t *textIndex) add(slot int32, m *Mission, v *vocab, bulk bool) {
	missionTexts(m, v, func(text string, title bool) {
		scanTokens(text, func(tok []byte) { t.addToken(slot, tok, title, bulk) })
	})
}

func (t *textIndex) addToken(slot int32, tok []byte, title bool, bulk bool) {
	p := t.postings[string(tok)]
	if p == nil {
		key := string(tok)
		p = &posting{}
		t.postings[key] = p
		if !bulk {
			i, _ := slices.BinarySearch(t.dict, key)
			t.dict = slices.Insert(t.dict, i, key)
		}
	}
	e := uint32(slot) << 1
	if title {
		e |= 1
	}
	list := p.entries
	i := len(list)
	if i > 0 && list[i-1]>>1 >= uint32(slot) {
		i = searchSlot(list, slot)
	}
	if i < len(list) && list[i]>>1 == uint32(slot) {
		list[i] |= e & 1 // the token again in the same mission
		return
	}
	p.entries = slices.Insert(list, i, e)
}

// finishBulk builds the sorted dictionary after bulk adds.
func (t *textIndex) finishBulk() {
	t.dict = make([]string, 0, len(t.postings))
	for tok := range t.postings {
		t.dict = append(t.dict, tok)
	}
	slices.Sort(t.dict)
}

// remove drops the text of the mission in slot.
func (t *textIndex) remove(slot int32, m *Mission, v *vocab) {
	missionTexts(m, v, func(text string, _ bool) {
		scanTokens(text, func(tok []byte) { t.removeToken(slot, tok) })
	})
}

func (t *textIndex) removeToken(slot int32, tok []byte) {
	p := t.postings[string(tok)]
	if p == nil {
		return
	}
	i := searchSlot(p.entries, slot)
	if i == len(p.entries) || p.entries[i]>>1 != uint32(slot) {
		return // a repeated token, already removed
	}
	if p.entries = slices.Delete(p.entries, i, i+1); len(p.entries) > 0 {
		return
	}
	key := string(tok)
	delete(t.postings, key)
	if j, found := slices.BinarySearch(t.dict, key); found {
		t.dict = slices.Delete(t.dict, j, j+1)
	}
}

// prefixLists returns the posting lists of every token starting with prefix.
func (t *textIndex) prefixLists(prefix string) [][]uint32 {
	var lists [][]uint32
	for i := sort.SearchStrings(t.dict, prefix); i < len(t.dict) && strings.HasPrefix(t.dict[i], prefix); i++ {
		lists = append(lists, t.postings[t.dict[i]].entries)
	}
	return lists
}

// textMatch is a query marked in a scratch buffer: entry s has bit i set when mission s
// has query token i, and bit 8+i when it has it in its title.
type textMatch struct {
	pivot [][]uint32 // the posting lists of the rarest token: every candidate is in them
	size  int        // their total length, an upper bound of the matches
	full  uint16     // the mask of a mission with every token
}

// mark marks the missions having the query tokens (the last one as a prefix) in scratch,
// which must be zero and at least as long as the number of slots. ok is false when no
// mission can match; otherwise the caller must clear or collect the match.
func (t *textIndex) mark(qtoks []string, scratch []uint16) (m textMatch, ok bool) {
	n := min(len(qtoks), maxQueryTokens)
	groups := make([][][]uint32, n)
	pivot := 0
	m.size = -1
	for i, tok := range qtoks[:n] {
		if i == n-1 {
			groups[i] = t.prefixLists(tok)
		} else if p, ok := t.postings[tok]; ok {
			groups[i] = [][]uint32{p.entries}
		}
		if len(groups[i]) == 0 {
			return m, false
		}
		total := 0
		for _, list := range groups[i] {
			total += len(list)
		}
		if m.size < 0 || total < m.size {
			pivot, m.size = i, total
		}
	}
	m.pivot, m.full = groups[pivot], uint16(1)<<n-1
	// The rarest group marks the possible matches; the others only add their bit to those,
	// so every non-zero scratch entry is in the pivot lists.
	pivotBit := uint16(1) << pivot
	for _, list := range m.pivot {
		for _, e := range list {
			scratch[e>>1] |= pivotBit | uint16(e&1)<<(8+pivot)
		}
	}
	for i, group := range groups {
		if i == pivot {
			continue
		}
		for _, list := range group {
			if len(list) > 16*m.size {
				// A long list against few candidates: look each candidate up instead.
				markByLookup(scratch, m.pivot, list, i)
				continue
			}
			for _, e := range list {
				if s := e >> 1; scratch[s]&pivotBit != 0 {
					scratch[s] |= 1<<i | uint16(e&1)<<(8+i)
				}
			}
		}
	}
	return m, true
}

// has reports whether the mission in slot matches, and how many tokens are in its title.
func (m *textMatch) has(scratch []uint16, slot int32) (bool, uint8) {
	mask := scratch[slot]
	return mask&0xff == m.full, uint8(bits.OnesCount16(mask >> 8))
}

// collect returns the matching slots with their title counts, and clears scratch.
func (m *textMatch) collect(scratch []uint16) (slots []int32, titleHits []uint8) {
	for _, list := range m.pivot {
		for _, e := range list {
			s := e >> 1
			mask := scratch[s]
			if mask == 0 {
				continue // already collected through another token of the prefix
			}
			if mask&0xff == m.full {
				slots = append(slots, int32(s))
				titleHits = append(titleHits, uint8(bits.OnesCount16(mask>>8)))
			}
			scratch[s] = 0
		}
	}
	return slots, titleHits
}

// clear zeroes what mark set in scratch.
func (m *textMatch) clear(scratch []uint16) {
	for _, list := range m.pivot {
		for _, e := range list {
			scratch[e>>1] = 0
		}
	}
}

// markByLookup sets bit i (and its title bit) on the candidates of the pivot lists found in
// list, by binary search.
func markByLookup(scratch []uint16, pivotLists [][]uint32, list []uint32, i int) {
	for _, plist := range pivotLists {
		for _, pe := range plist {
			slot := int32(pe >> 1)
			if j := searchSlot(list, slot); j < len(list) && list[j]>>1 == uint32(slot) {
				scratch[slot] |= 1<<i | uint16(list[j]&1)<<(8+i)
			}
		}
	}
}
