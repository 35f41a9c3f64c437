package match

import (
	"math/bits"
	"sync"
)

// A text search near a point counts in its facets every mission within the radius, and
// every remote one, that the text finds; but it can only show those of the chosen
// categories. Scoring all of them (reading their posting entries one by one, then
// visiting each mission found) was most of its time. So searchTextNear finds the missions
// with bitsets instead: each concept's bitset is the union of its alternatives' postings (a
// phrase: the intersection of its words), and the missions found are those whose concepts
// weigh enough (the rule of textScores.keepFor). It then scores only the missions that may
// be shown; counts the remote missions of each other category with popcounts, less those
// whose last open shift has passed (few, and first in the group's order by that shift);
// and counts the on-site missions found around the point from the bitset, testing the
// distance of those only.

// maxBitsTerms bounds the work of combining concept bitsets (the minimal sets of concepts
// that find a mission, times their sizes); a query beyond it is searched the plain way.
const maxBitsTerms = 24

var foundWordsPool sync.Pool

// ranksRemote reports whether the remote missions of cat can be shown by the query.
func (c *compiledQuery) ranksRemote(cat int) bool {
	return c.remote != 0 && (!c.hasCats || (cat != noCategory && c.cats.has(cat)))
}

// searchTextNear runs a text search near a point with bitsets, and reports whether it
// did: not when the query filters on skills, languages, age or dates (the facets would
// need each mission's fields) or has too many concepts.
func (s *searcher) searchTextNear() bool {
	c, ms := s.c, s.ms
	if c.hasSkills || c.hasLangs || c.age > 0 || c.hasWindow {
		return false
	}
	minimal, ok := minimalMasks(&s.text.keepFor, len(c.text.concepts))
	if !ok {
		return false
	}
	nw := (len(ms.hot) + 63) / 64
	buf, _ := foundWordsPool.Get().(*[]uint64)
	if buf == nil {
		buf = new([]uint64)
	}
	defer foundWordsPool.Put(buf)
	found := foundBits(buf, &c.text, minimal, nw)

	// Score only the missions that may be shown: the remote ones and the on-site ones
	// around the point of the chosen categories (the lists of catGrid, when they have them).
	cells := missionGrid.around(c.lat, c.lon, c.radius)
	var lists [][]int32
	for cat := range ms.remoteByCat {
		if g := &ms.remoteByCat[cat]; len(g.slots) > 0 && c.ranksRemote(cat) {
			lists = append(lists, g.slots)
		}
	}
	onsiteShown := c.remote != 1
	if onsiteShown {
		chosen, byCat := s.chosenCats()
		forEachCell(ms.grid, cells, func(k cellKey, slots []int32) {
			if !byCat {
				lists = append(lists, slots)
				return
			}
			for _, cat := range chosen {
				for _, urgent := range [2]bool{false, true} {
					if l := ms.catGrid[catCell(k, cat, urgent)]; len(l) > 0 {
						lists = append(lists, l)
					}
				}
			}
		})
	}
	local := 0
	for _, l := range lists {
		local += len(l)
	}
	var ranges []slotRange
	if c.text.postingSize() > 4*local {
		ranges = slotRanges(lists)
	}
	s.text.score(ranges)

	s.countRemote(found)
	for cat := range ms.remoteByCat {
		if g := &ms.remoteByCat[cat]; len(g.slots) > 0 && c.ranksRemote(cat) {
			for _, slot := range g.slots {
				if found[slot>>6]&(1<<(slot&63)) != 0 {
					s.visit(slot)
				}
			}
		}
	}
	forEachCell(ms.grid, cells, func(_ cellKey, slots []int32) {
		for _, slot := range slots {
			if found[slot>>6]&(1<<(slot&63)) == 0 {
				continue
			}
			h := &ms.hot[slot]
			catOK := !c.hasCats || (h.cat != noCategory && c.cats.has(int(h.cat)))
			if catOK && onsiteShown {
				s.visit(slot)
				continue
			}
			// Counted in a facet at most: what consider does, without the ranking. The
			// missions of a cell are alive, on site and located.
			if h.lastOpen <= s.now || (!catOK && !onsiteShown) {
				continue
			}
			g := &ms.geo[slot]
			if !s.area.contains(s.area.chord2(g.x, g.y, g.z), g.lat, g.lon) {
				continue
			}
			if catOK {
				s.remoteCount[0]++
			}
			if onsiteShown {
				s.catCount[h.cat]++
			}
		}
	})
	return true
}

// chosenCats returns the categories the query chooses, and whether catGrid lists their
// missions (every one is an interest category); false when it chooses none.
func (s *searcher) chosenCats() ([]uint8, bool) {
	if !s.c.hasCats {
		return nil, false
	}
	var out []uint8
	for w, word := range s.c.cats {
		for word != 0 {
			cat := w*64 + bits.TrailingZeros64(word)
			word &= word - 1
			if cat >= MaxInterestCategories || cat == noCategory {
				return nil, false
			}
			out = append(out, uint8(cat))
		}
	}
	return out, true
}

// minimalMasks returns the smallest sets of concepts whose missions are found (keepFor
// only grows with the concepts, the idfs being positive), and false when combining them
// would cost more than maxBitsTerms.
func minimalMasks(keepFor *[256]bool, nc int) ([]uint16, bool) {
	var minimal []uint16
	cost := 0
	for mask := 1; mask < 1<<nc; mask++ {
		if !keepFor[mask] {
			continue
		}
		isMin := true
		for i := range nc {
			if mask&(1<<i) != 0 && keepFor[mask&^(1<<i)] {
				isMin = false
				break
			}
		}
		if isMin {
			minimal = append(minimal, uint16(mask))
			cost += bits.OnesCount(uint(mask))
		}
	}
	return minimal, cost <= maxBitsTerms
}

// foundBits returns, over nw words, the bitset of the slots found by the text, in buf.
func foundBits(buf *[]uint64, q *textQuery, minimal []uint16, nw int) []uint64 {
	nc := len(q.concepts)
	need := (nc + 3) * nw
	if cap(*buf) < need {
		*buf = make([]uint64, need)
	}
	words := (*buf)[:need]
	clear(words)
	conceptBits := func(i int) []uint64 { return words[i*nw : (i+1)*nw] }
	found, tmp, tmp2 := words[nc*nw:(nc+1)*nw], words[(nc+1)*nw:(nc+2)*nw], words[(nc+2)*nw:]
	for i := range nc {
		unionConcept(conceptBits(i), &q.concepts[i], tmp, tmp2)
	}
	for _, mask := range minimal {
		first := true
		for i := range nc {
			if mask&(1<<i) == 0 {
				continue
			}
			if first {
				copy(tmp, conceptBits(i))
				first = false
			} else {
				andBits(tmp, conceptBits(i))
			}
		}
		orBits(found, tmp)
	}
	return found
}

// countRemote counts in the facets the remote missions found whose category the query
// does not show.
func (s *searcher) countRemote(found []uint64) {
	c := s.c
	for cat := range s.ms.remoteByCat {
		g := &s.ms.remoteByCat[cat]
		if len(g.slots) == 0 || c.ranksRemote(cat) {
			continue
		}
		n := 0
		for w, b := range g.bits {
			n += bits.OnesCount64(b & found[w])
		}
		// Those with no shift with places left after now are not found: the group keeps
		// them first in its order by last open shift.
		for i, last := range g.lastOpen {
			if last > s.now {
				break
			}
			if slot := g.byOpen[i]; found[slot>>6]&(1<<(slot&63)) != 0 {
				n--
			}
		}
		if !c.hasCats || (cat != noCategory && c.cats.has(cat)) {
			s.remoteCount[1] += n
		}
		if c.remote != 0 {
			s.catCount[cat] += n
		}
	}
}

// unionConcept sets in dst the slots that have some alternative of the concept, as
// scoreConcept finds them: a word, or a union of words, by its postings; a phrase by its
// rarest word and the others up to maxPhraseTerms.
func unionConcept(dst []uint64, cp *concept, tmp, tmp2 []uint64) {
	for _, alt := range cp.alts {
		if len(alt.terms) == 1 {
			for _, p := range alt.terms[0] {
				orPosting(dst, p)
			}
			continue
		}
		driver := 0
		for k := range alt.terms {
			if len(alt.terms[k][0].entries) < len(alt.terms[driver][0].entries) {
				driver = k
			}
		}
		clear(tmp)
		orPosting(tmp, alt.terms[driver][0])
		for k, union := range alt.terms {
			if k == driver || k >= maxPhraseTerms {
				continue
			}
			clear(tmp2)
			orPosting(tmp2, union[0])
			andBits(tmp, tmp2)
		}
		orBits(dst, tmp)
	}
}

// orPosting adds the slots of p below len(dst)*64 to dst.
func orPosting(dst []uint64, p *posting) {
	if p.bits != nil {
		orBits(dst, p.bits)
		return
	}
	limit := uint32(len(dst)) << 6
	for _, e := range p.entries {
		slot := e >> entryShift
		if slot >= limit {
			return
		}
		dst[slot>>6] |= 1 << (slot & 63)
	}
}

// orBits sets dst |= src over their common length.
func orBits(dst, src []uint64) {
	n := min(len(dst), len(src))
	dst, src = dst[:n], src[:n]
	for w := range dst {
		dst[w] |= src[w]
	}
}

// andBits sets dst &= src, src being zero past its length.
func andBits(dst, src []uint64) {
	n := min(len(dst), len(src))
	for w := range n {
		dst[w] &= src[w]
	}
	clear(dst[n:])
}
