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
	keepFor [256]bool // by concept mask: whether a mission with those concepts is found
	full    uint16    // the mask of a mission with every concept
	norm    float32   // 1 / the best score possible
}

// scoreText scores every mission that has a concept of the query.
func scoreText(q *textQuery, n int) *textScores {
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
	for i := range q.concepts {
		ts.scoreConcept(i)
	}
	return ts
}

func (ts *textScores) scoreConcept(i int) {
	c, s := &ts.q.concepts[i], ts.s
	accs := s.accs
	update := func(slot int32, v float32) {
		a := &accs[slot]
		if v > a.best {
			if a.best == 0 {
				s.cur = append(s.cur, slot)
			}
			a.best = v
		}
	}
	for _, alt := range c.alts {
		if len(alt.terms) == 1 {
			for _, p := range alt.terms[0] {
				for _, e := range p.entries {
					update(entrySlot(e), alt.weight*fieldScores[e&15])
				}
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
		for _, e := range alt.terms[driver][0].entries {
			slot, v := entrySlot(e), fieldScores[e&15]
			for k, union := range alt.terms {
				if k == driver {
					continue
				}
				list := union[0].entries
				j := searchSlot(list, slot)
				if j == len(list) || entrySlot(list[j]) != slot {
					v = 0
					break
				}
				v = min(v, fieldScores[list[j]&15])
			}
			if v > 0 {
				update(slot, alt.weight*v)
			}
		}
	}
	bit := uint16(1) << i
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

// get returns whether the mission in slot is found by the text, how many concepts it has
// and its text score in [0, 1].
func (ts *textScores) get(slot int32) (ok bool, concepts int, score float64) {
	a := &ts.s.accs[slot]
	if !ts.keepFor[a.mask&0xff] {
		return false, 0, 0
	}
	return true, bits.OnesCount16(a.mask), float64(a.score * ts.norm)
}

// matched returns the mask of the concepts that some found mission has.
func (ts *textScores) matched() uint16 {
	var m uint16
	for _, slot := range ts.s.touched {
		if a := &ts.s.accs[slot]; ts.keepFor[a.mask&0xff] {
			m |= a.mask
			if m == ts.full {
				break
			}
		}
	}
	return m
}
