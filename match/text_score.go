package match

import (
	"math/bits"
	"sync"
)

// fieldScores gives the part of a concept a mission gets from one posting entry, by its
// low bits (occurrences and field): title 1, category/skill/language names 0.8,
// organisation name 0.65, description 0.55, plus 0.05 for each further occurrence (up to
// two), so that a mission about a subject ranks before one that mentions it once.
var fieldScores = func() (t [16]float32) {
	base := [4]float32{fieldBody: 0.55, fieldOrg: 0.65, fieldLabel: 0.8, fieldTitle: 1}
	for e := range t {
		count := max(e>>2, 1)
		t[e] = base[e&fieldMask] + 0.05*float32(count-1)
	}
	return t
}()

// maxFieldScore is the best a mission can get for one concept.
const maxFieldScore = 1.1

// textAcc accumulates the text score of one mission while a query is scored.
type textAcc struct {
	score float32 // sum over the concepts it has of idf × the best way it has them
	best  float32 // the best way it has the concept being scored
	mask  uint16  // the concepts it has
}

// textScratch is the per-query state of text scoring, pooled: accs is indexed by slot and
// zero outside a query; touched lists the slots with a concept, to clear them after.
type textScratch struct {
	accs    []textAcc
	touched []int32
	cur     []int32 // the slots touched by the concept being scored
}

var textScratchPool sync.Pool

func getTextScratch(n int) *textScratch {
	s, _ := textScratchPool.Get().(*textScratch)
	if s == nil {
		s = &textScratch{}
	}
	if len(s.accs) < n {
		s.accs = make([]textAcc, n+n/8)
	}
	return s
}

// release clears what a query set and returns the scratch to the pool.
func (s *textScratch) release() {
	for _, slot := range s.touched {
		s.accs[slot] = textAcc{}
	}
	s.touched, s.cur = s.touched[:0], s.cur[:0]
	textScratchPool.Put(s)
}

// textScores is a scored query: which missions have which concepts, and how well.
type textScores struct {
	q       *textQuery
	s       *textScratch
	keepFor [256]bool   // by concept mask: whether a mission with those concepts is found
	full    uint16      // the mask of a mission with every concept
	norm    float32     // 1 / the best score possible
	ranges  []slotRange // nil: every slot
}

// slotRange is a run of slots [lo, hi).
type slotRange struct{ lo, hi int32 }

// newTextScores prepares the scoring of q over n slots: the rule of which concepts find a
// mission, and the scratch.
func newTextScores(q *textQuery, n int) *textScores {
	ts := &textScores{q: q, s: getTextScratch(n)}
	nc := len(q.concepts)
	ts.full = uint16(1)<<nc - 1
	for mask := range 1 << nc {
		var sum float32
		for i := range nc {
			if mask&(1<<i) != 0 {
				sum += q.concepts[i].idf
			}
		}
		ts.keepFor[mask] = mask != 0 && sum >= q.keepIdf
	}
	if q.totalIdf > 0 {
		ts.norm = 1 / (q.totalIdf * maxFieldScore)
	}
	return ts
}

// score scores the missions in ranges (every one when nil) that have a concept.
func (ts *textScores) score(ranges []slotRange) {
	ts.ranges = ranges // with ranges, only the missions in them (around the point, remote)
	for i := range ts.q.concepts {
		ts.scoreConcept(i)
	}
}

func (ts *textScores) scoreConcept(i int) {
	c, s := &ts.q.concepts[i], ts.s
	bit := uint16(1) << i
	if len(c.alts) == 1 && len(c.alts[0].terms) == 1 && len(c.alts[0].terms[0]) == 1 {
		// One word and no other way to have it (the common case): a mission is in its
		// list once, so its part is added straight away.
		w := c.idf * c.alts[0].weight
		ts.eachRun(c.alts[0].terms[0][0].entries, func(run []uint32) {
			s.touched = addRun(s.accs, s.touched, run, w, bit)
		})
		return
	}
	for _, alt := range c.alts {
		if len(alt.terms) == 1 {
			for _, p := range alt.terms[0] {
				ts.eachRun(p.entries, func(run []uint32) { s.cur = scoreRun(s.accs, s.cur, run, alt.weight) })
			}
			continue
		}
		// A phrase: walk its rarest term and look the others up; the phrase is as good
		// as its weakest word.
		driver := 0
		for k := range alt.terms {
			if len(alt.terms[k][0].entries) < len(alt.terms[driver][0].entries) {
				driver = k
			}
		}
		var cursors [maxPhraseTerms]int
		ts.eachRun(alt.terms[driver][0].entries, func(run []uint32) {
			s.cur = scorePhraseRun(s.accs, s.cur, run, alt, driver, &cursors)
		})
	}
	accs := s.accs
	for _, slot := range s.cur {
		a := &accs[slot]
		if a.mask == 0 {
			s.touched = append(s.touched, slot)
		}
		a.mask |= bit
		a.score += c.idf * a.best
		a.best = 0
	}
	s.cur = s.cur[:0]
}

// eachRun calls fn with the runs of list that fall in the ranges scored (all of it when
// there are none).
func (ts *textScores) eachRun(list []uint32, fn func(run []uint32)) {
	if ts.ranges == nil {
		fn(list)
		return
	}
	j := 0
	for _, r := range ts.ranges {
		j = gallop(list, j, r.lo)
		k := gallop(list, j, r.hi)
		if k > j {
			fn(list[j:k])
		}
		if k == len(list) {
			return
		}
		j = k
	}
}

// scoreRun records, for each entry of run, the way its mission has the concept if it is
// the best so far; cur collects the missions seen first. It is the hot loop of a search.
func scoreRun(accs []textAcc, cur []int32, run []uint32, w float32) []int32 {
	for _, e := range run {
		slot := e >> entryShift
		v := w * fieldScores[e&15]
		if a := &accs[slot]; v > a.best {
			if a.best == 0 {
				cur = append(cur, int32(slot))
			}
			a.best = v
		}
	}
	return cur
}

// addRun adds w times the field score of each entry of run to its mission and marks the
// concept bit; touched collects the missions seen first.
func addRun(accs []textAcc, touched []int32, run []uint32, w float32, bit uint16) []int32 {
	for _, e := range run {
		slot := e >> entryShift
		a := &accs[slot]
		if a.mask == 0 {
			touched = append(touched, int32(slot))
		}
		a.mask |= bit
		a.score += w * fieldScores[e&15]
	}
	return touched
}

// scorePhraseRun is scoreRun for a phrase, driven by the entries of one of its terms: the
// other terms are looked up with cursors that only move forward, as the slots increase,
// so each list is read once at most.
func scorePhraseRun(accs []textAcc, cur []int32, run []uint32, alt alternative, driver int, cursors *[maxPhraseTerms]int) []int32 {
next:
	for _, e := range run {
		slot, v := entrySlot(e), fieldScores[e&15]
		for k, union := range alt.terms {
			if k == driver || k >= maxPhraseTerms {
				continue
			}
			list := union[0].entries
			j := gallop(list, cursors[k], slot)
			cursors[k] = j
			if j == len(list) || entrySlot(list[j]) != slot {
				continue next
			}
			v = min(v, fieldScores[list[j]&15])
		}
		v *= alt.weight
		if a := &accs[slot]; v > a.best {
			if a.best == 0 {
				cur = append(cur, slot)
			}
			a.best = v
		}
	}
	return cur
}

// maxPhraseTerms bounds the words of a phrase that are checked.
const maxPhraseTerms = 8

// gallop returns the position of the first entry of list at or after from whose slot is >=
// slot, probing 1, 2, 4... entries ahead before a binary search.
func gallop(list []uint32, from int, slot int32) int {
	step, hi := 1, from
	for hi < len(list) && entrySlot(list[hi]) < slot {
		from = hi + 1
		hi += step
		step *= 2
	}
	hi = min(hi, len(list))
	for from < hi { // binary search in [from, hi)
		mid := int(uint(from+hi) >> 1)
		if entrySlot(list[mid]) < slot {
			from = mid + 1
		} else {
			hi = mid
		}
	}
	return from
}

// get returns whether the mission in slot is found by the text, how many concepts it has
// and its text score in [0, 1].
func (ts *textScores) get(slot int32) (ok bool, concepts int, score float64) {
	a := &ts.s.accs[slot]
	if !ts.keepFor[a.mask&0xff] {
		return false, 0, 0
	}
	return true, bits.OnesCount16(a.mask), float64(a.score * ts.norm)
}
