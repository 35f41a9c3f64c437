package match

import (
	"math"
	"slices"
	"time"
)

// Relevance weights (sort "relevance"). Without text: proximity, soonness and urgency.
// With text, a mission first ranks by the number of concepts of the query it has, then by
// text score, proximity, soonness and urgency (docs/matching.md).
const (
	relNear    = 0.25
	relSoon    = 0.15
	relUrgent  = 0.10
	soonWindow = 60 * secondsPerDay // a shift further away than this earns nothing for soonness

	relTextText   = 0.60
	relTextNear   = 0.28
	relTextSoon   = 0.08
	relTextUrgent = 0.04
)

// textPart is how a mission matches the text of a query.
type textPart struct {
	concepts int
	score    float64 // in [0, 1]
	mask     uint16
}

// searchCand is a mission being ranked for a search.
type searchCand struct {
	rel     float64
	km      float64
	next    int64 // start of the soonest future shift with places left
	slot    int32
	hasDist bool
}

// searcher runs one compiled query over the missions.
type searcher struct {
	c           *compiledQuery
	ms          *missionStore
	now         int64
	area        disc
	top         *topK[searchCand]
	catCount    [noCategory + 1]int
	remoteCount [2]int // on-site, remote
	total       int
	text        *textScores
	matched     uint16 // the concepts that some mission found has
	mostFound   int    // the most concepts a mission found has
}

// Search runs a mission search as of now: missions without a future shift with places left
// are never found. docs/matching.md describes the semantics.
func (ix *Index) Search(q Query, now time.Time) (Result, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c, err := ix.compile(q)
	if err != nil {
		return Result{}, err
	}
	ms := ix.ms
	offset := min(c.page-1, math.MaxInt32/c.perPage) * c.perPage
	keep := 0
	if offset < len(ms.hot) {
		keep = offset + c.perPage
	}
	s := &searcher{c: &c, ms: ms, now: now.Unix(), area: newDisc(c.lat, c.lon, c.radius),
		top: newTopK(keep, ix.searchOrder(&c))}
	// With no filter but the category, remote missions are counted per category from
	// sorted times, and only those of the chosen categories are read.
	grouped := !c.hasText && !c.hasSkills && !c.hasLangs && c.age == 0 && !c.hasWindow
	switch {
	case c.hasText:
		s.searchText()
	case c.near:
		s.searchNear(grouped)
	default:
		for slot := range ms.hot {
			if !grouped || ms.hot[slot].flags&mRemote == 0 {
				s.consider(int32(slot), textPart{})
			}
		}
	}
	if grouped {
		s.remoteByCategory()
	}
	res := Result{Total: s.total, Page: c.page, Facets: Facets{
		Category: map[string]int{},
		Remote:   map[string]int{"false": s.remoteCount[0], "true": s.remoteCount[1]},
	}}
	for cat, n := range s.catCount[:noCategory] {
		if n > 0 {
			res.Facets.Category[ix.voc.cats.names[cat]] = n
		}
	}
	if c.hasText {
		for i, cp := range c.text.concepts {
			res.Concepts = append(res.Concepts, Concept{Text: cp.text, Matched: s.matched&(1<<i) != 0})
		}
		res.Partial = s.total > 0 && s.mostFound < len(c.text.concepts)
	}
	res.SuggestedCategory = ix.suggestCategory(&c)
	ranked := s.top.sorted()
	if offset < len(ranked) {
		for _, sc := range ranked[offset:] {
			rec := &ms.recs[sc.slot]
			res.Items = append(res.Items, Hit{
				Mission: rec.m, DistanceKm: sc.km, HasDistance: sc.hasDist,
				NextShift:  rec.m.Shifts[nextOpen(rec.shifts, s.now).idx],
				PlacesLeft: placesLeft(rec.shifts, s.now), Relevance: sc.rel,
			})
		}
	}
	return res, nil
}

// searchText scores the missions that have the words of the query and considers those
// found. Near a point, when many missions have the words, it reads the missions around the
// point instead: the far ones would only be read to be dropped.
func (s *searcher) searchText() {
	ts := newTextScores(&s.c.text, len(s.ms.hot))
	defer ts.s.release()
	s.text = ts
	if s.c.near && s.searchTextNear() {
		return
	}
	var ranges []slotRange
	if s.c.near {
		// Only the missions around the point and the remote ones can be found: when the
		// words are common, score only them. A bulk build numbers each cell's missions
		// (and the remote ones) in runs, so they make few ranges.
		cells := missionGrid.around(s.c.lat, s.c.lon, s.c.radius)
		// Every filter's facet counts over the others: the missions of other categories
		// and the on-site and remote ones all count.
		lists := [][]int32{s.ms.remote}
		forEachCell(s.ms.grid, cells, func(_ cellKey, slots []int32) { lists = append(lists, slots) })
		local := 0
		for _, l := range lists {
			local += len(l)
		}
		if s.c.text.postingSize() > 4*local {
			ranges = slotRanges(lists)
		}
	}
	ts.score(ranges)
	for _, slot := range ts.s.touched {
		s.visit(slot)
	}
}

// slotRanges turns sorted lists of slots into sorted runs [lo, hi).
func slotRanges(lists [][]int32) []slotRange {
	out := []slotRange{}
	for _, list := range lists {
		for _, slot := range list {
			if n := len(out); n > 0 && out[n-1].hi == slot {
				out[n-1].hi++
			} else {
				out = append(out, slotRange{slot, slot + 1})
			}
		}
	}
	slices.SortFunc(out, func(a, b slotRange) int { return int(a.lo - b.lo) })
	// Runs of different lists may touch: merge them.
	merged := out[:0]
	for _, r := range out {
		if n := len(merged); n > 0 && merged[n-1].hi >= r.lo {
			merged[n-1].hi = max(merged[n-1].hi, r.hi)
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

// visit considers a mission, with its text match when the query has text.
func (s *searcher) visit(slot int32) {
	if s.text == nil {
		s.consider(slot, textPart{})
		return
	}
	a := &s.text.s.accs[slot]
	if ok, n, score := s.text.get(slot); ok {
		s.consider(slot, textPart{concepts: n, score: score, mask: a.mask})
	}
}

// searchNear considers the on-site missions around the query point and the remote ones;
// grouped leaves the remote ones to remoteByCategory.
func (s *searcher) searchNear(grouped bool) {
	forEachCell(s.ms.grid, missionGrid.around(s.c.lat, s.c.lon, s.c.radius), func(_ cellKey, slots []int32) {
		for _, slot := range slots {
			s.visit(slot)
		}
	})
	if !grouped {
		for _, slot := range s.ms.remote {
			s.visit(slot)
		}
	}
}

// consider applies the filters to one mission, counts it in the facets it belongs to and
// ranks it when it matches.
func (s *searcher) consider(slot int32, tp textPart) {
	c, ms := s.c, s.ms
	h := &ms.hot[slot]
	if h.flags&mAlive == 0 || h.lastOpen <= s.now || (c.age > 0 && int(h.minAge) > c.age) ||
		(c.hasSkills && !ms.tags[slot].skills.intersects(c.skills)) ||
		(c.hasLangs && !ms.tags[slot].langs.intersects(c.langs)) {
		return
	}
	isRemote := h.flags&mRemote != 0
	c2 := 0.0 // squared chord from the query point
	if c.near && !isRemote {
		if h.flags&mLocated == 0 {
			return
		}
		g := &ms.geo[slot]
		if c2 = s.area.chord2(g.x, g.y, g.z); !s.area.contains(c2, g.lat, g.lon) {
			return
		}
	}
	if c.hasWindow && !inWindow(ms.recs[slot].shifts, s.now, c.from, c.to) {
		return
	}
	// Each facet counts over every filter but its own.
	catOK := !c.hasCats || (h.cat != noCategory && c.cats.has(int(h.cat)))
	remoteOK := c.remote < 0 || (c.remote == 1) == isRemote
	if catOK {
		s.remoteCount[b2i(isRemote)]++
	}
	if remoteOK {
		s.catCount[h.cat]++
	}
	if catOK && remoteOK {
		s.rank(slot, tp, c2)
	}
}

// remoteByCategory counts and ranks the remote missions for a query without other filters
// than the category (and a point, which remote missions ignore).
func (s *searcher) remoteByCategory() {
	c := s.c
	remoteOK := c.remote != 0
	for cat := range s.ms.remoteByCat {
		group := &s.ms.remoteByCat[cat]
		n := group.openAfter(s.now)
		if n == 0 {
			continue
		}
		catOK := !c.hasCats || (cat != noCategory && c.cats.has(cat))
		if catOK {
			s.remoteCount[1] += n
		}
		if remoteOK {
			s.catCount[cat] += n
		}
		if !catOK || !remoteOK {
			continue
		}
		for _, slot := range group.slots {
			if s.ms.hot[slot].lastOpen > s.now {
				s.rank(slot, textPart{}, 0)
			}
		}
	}
}

// rank counts a matching mission and keeps it if it may be shown. c2 is its squared chord
// from the query point, when it has one. Only the matches that may enter the page need the
// exact distance and the next shift: the facets and the total are counted without them.
func (s *searcher) rank(slot int32, tp textPart, c2 float64) {
	c, ms := s.c, s.ms
	s.total++
	s.matched |= tp.mask
	s.mostFound = max(s.mostFound, tp.concepts)
	h := &ms.hot[slot]
	hasDist := c.near && h.flags&mRemote == 0
	if s.top.full() && s.cannotEnter(h, tp, hasDist, c2) {
		return
	}
	km := 0.0
	if hasDist {
		km = distanceKm(c.lat, c.lon, ms.geo[slot].lat, ms.geo[slot].lon)
	}
	next := ms.nextOpen(slot, s.now)
	rel := relevance(c, h, tp, hasDist, km, next-s.now)
	s.top.push(searchCand{rel: rel, km: km, next: next, slot: slot, hasDist: hasDist})
}

// relevance scores a match for the relevance sort; untilNext is the time to its next shift.
func relevance(c *compiledQuery, h *missionHot, tp textPart, hasDist bool, km float64, untilNext int64) float64 {
	wNear, wSoon, wUrgent := relNear, relSoon, relUrgent
	rel := 0.0
	if c.hasText {
		rel = float64(tp.concepts) + relTextText*tp.score
		wNear, wSoon, wUrgent = relTextNear, relTextSoon, relTextUrgent
	}
	if c.near {
		if hasDist {
			rel += wNear * (1 - km/c.radius)
		} else {
			rel += wNear * neutral
		}
	}
	rel += wSoon * max(0, 1-float64(untilNext)/soonWindow)
	if h.flags&mUrgent != 0 {
		rel += wUrgent
	}
	return rel
}

// cannotEnter reports whether a match surely ranks after the worst one kept, from bounds:
// the chord is shorter than the distance, and the next shift is no sooner than the first
// open one, nor than now.
func (s *searcher) cannotEnter(h *missionHot, tp textPart, hasDist bool, c2 float64) bool {
	worst := s.top.worst()
	kmLB := chordKm(c2)
	nextLB := max(h.firstOpen, s.now+1)
	switch {
	case s.c.sort == SortRelevance:
		return relevance(s.c, h, tp, hasDist, kmLB, nextLB-s.now) < worst.rel
	case s.c.sort == SortDistance && s.c.near:
		if hasDist != worst.hasDist {
			return worst.hasDist // a remote mission never passes an on-site one
		}
		if hasDist && kmLB != worst.km {
			return kmLB > worst.km
		}
	}
	return nextLB > worst.next
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// searchOrder returns the ranking of a sort; the mission id breaks the last ties so that
// pages are stable, across instances too.
func (ix *Index) searchOrder(c *compiledQuery) func(a, b *searchCand) bool {
	idLess := func(a, b *searchCand) bool { return ix.ms.recs[a.slot].m.ID < ix.ms.recs[b.slot].m.ID }
	switch {
	case c.sort == SortDistance && c.near:
		return func(a, b *searchCand) bool {
			if a.hasDist != b.hasDist {
				return a.hasDist // remote missions after on-site ones
			}
			if a.km != b.km {
				return a.km < b.km
			}
			if a.next != b.next {
				return a.next < b.next
			}
			return idLess(a, b)
		}
	case c.sort == SortRelevance:
		return func(a, b *searchCand) bool {
			if a.rel != b.rel {
				return a.rel > b.rel
			}
			if a.next != b.next {
				return a.next < b.next
			}
			return idLess(a, b)
		}
	}
	// SortDate, and SortDistance without a point to measure from.
	return func(a, b *searchCand) bool {
		if a.next != b.next {
			return a.next < b.next
		}
		return idLess(a, b)
	}
}
