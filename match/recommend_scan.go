package match

import (
	"math"
	"math/bits"
)

// recommender ranks the missions for one volunteer. Its score is bounded before each
// costly part of a mission is read, so that most missions are dismissed from a few bytes:
// see visit.
type recommender struct {
	ms               *missionStore
	v                *volRec
	exclude          map[string]bool
	now              int64
	lat, lon, radius float64
	area             disc
	best             parts // the best components the volunteer can reach, distance aside
	top              *topK[missionCand]
}

// interestFilter selects missions by the volunteer's interests.
type interestFilter int

const (
	allMissions interestFilter = iota
	skipInterests
)

// nearCell is a grid cell within reach, with a lower bound of its distance.
type nearCell struct {
	km    float64
	key   cellKey
	slots []int32
}

// cellBuckets orders the cells by distance in rings, which is as good as sorting them
// for pruning and costs nothing.
const cellBuckets = 32

// beaten reports whether a mission whose score is at most that of p cannot enter.
func (r *recommender) beaten(p *parts) bool {
	return r.top.full() && p.score() < r.top.worst().score
}

// interest reports whether a category is one of the volunteer's interests.
func (r *recommender) interest(cat uint8) bool {
	return cat < MaxInterestCategories && r.v.cats&(1<<cat) != 0
}

// offTopicBeaten reports whether a mission outside the volunteer's interests cannot enter
// when the distance component is at most distUB, whatever its other fields.
func (r *recommender) offTopicBeaten(distUB float64) bool {
	p := r.best
	p.interest, p.distance = 0, distUB
	return r.v.cats != 0 && r.beaten(&p)
}

// visitCells visits the on-site missions within the volunteer's radius, nearest cells
// first: good scores come early, and once even a perfect mission at a ring's nearest point
// cannot enter, no further ring can.
func (r *recommender) visitCells() {
	var rings [cellBuckets][]nearCell
	width := r.radius / cellBuckets
	around := missionGrid.around(r.lat, r.lon, r.radius)
	bound := newFlatBound(r.lat, r.lon, max(around.maxAbsLat(missionGrid), math.Abs(r.lat)))
	forEachCell(r.ms.grid, around, func(k cellKey, slots []int32) {
		if km := bound.toBoxKm(missionGrid.box(k)); km <= r.radius {
			ring := min(int(km/width), cellBuckets-1)
			rings[ring] = append(rings[ring], nearCell{km: km, key: k, slots: slots})
		}
	})
	for ring, cells := range rings {
		p := r.best
		if p.distance = distanceFit(float64(ring)*width*(1-1e-9), r.v.radius); r.beaten(&p) {
			return
		}
		for _, cell := range cells {
			r.visitCell(&cell)
		}
	}
}

// visitCell visits the missions of one cell that may still enter.
func (r *recommender) visitCell(cell *nearCell) {
	distUB := distanceFit(cell.km, r.v.radius)
	p := r.best
	if p.distance = distUB; r.beaten(&p) {
		return
	}
	if r.v.cats == 0 {
		for _, slot := range cell.slots {
			r.visit(slot, distUB, allMissions)
		}
		return
	}
	// The missions in the volunteer's interests first, urgent ones first: they can score
	// highest, so the others may then be skipped without being read.
	p.urgent = 0
	withCalm := !r.beaten(&p)
	for cats := r.v.cats; cats != 0; cats &= cats - 1 {
		cat := uint8(bits.TrailingZeros16(cats))
		for _, slot := range r.ms.catGrid[catCell(cell.key, cat, true)] {
			r.visit(slot, distUB, allMissions)
		}
		if withCalm {
			for _, slot := range r.ms.catGrid[catCell(cell.key, cat, false)] {
				r.visit(slot, distUB, allMissions)
			}
		}
	}
	if !r.offTopicBeaten(distUB) {
		for _, slot := range cell.slots {
			r.visit(slot, distUB, skipInterests)
		}
	}
}

// visitRemote visits the remote missions that may enter, those in the volunteer's
// interests first.
func (r *recommender) visitRemote() {
	p := r.best
	if p.distance = neutral; r.beaten(&p) {
		return
	}
	if r.v.cats == 0 {
		for _, slot := range r.ms.remote {
			r.visit(slot, neutral, allMissions)
		}
		return
	}
	for cats := r.v.cats; cats != 0; cats &= cats - 1 {
		for _, slot := range r.ms.remoteByCat[bits.TrailingZeros16(cats)].slots {
			r.visit(slot, neutral, allMissions)
		}
	}
	if !r.offTopicBeaten(neutral) {
		for _, slot := range r.ms.remote {
			r.visit(slot, neutral, skipInterests)
		}
	}
}

// visit ranks one mission. Its score is bounded before each costly part: its other fields,
// its position, its shifts, the exact distance. distUB bounds its distance component (from
// its cell); which tells whether to skip the missions in the volunteer's interests, already
// visited.
func (r *recommender) visit(slot int32, distUB float64, which interestFilter) {
	ms, v := r.ms, r.v
	h := &ms.hot[slot]
	if h.flags&mAlive == 0 || h.lastOpen <= r.now ||
		(h.flags&mVetting != 0 && v.flags&vVetted == 0) ||
		!oldEnough(v.birth, int(h.minAge), h.lastOpenDay) ||
		(which == skipInterests && r.interest(h.cat)) {
		return
	}
	t := &ms.tags[slot]
	p := staticParts(v, h, t, 0)
	p.avail, p.distance = 1, distUB
	if r.beaten(&p) {
		return
	}
	remote := h.flags&mRemote != 0
	g := &ms.geo[slot]
	if !remote {
		c2 := r.area.chord2(g.x, g.y, g.z)
		if !r.area.contains(c2, g.lat, g.lon) {
			return
		}
		if p.distance = distanceFit(chordKm(c2), v.radius); r.beaten(&p) {
			return
		}
	}
	rec := &ms.recs[slot]
	if len(r.exclude) > 0 && r.exclude[rec.m.ID] {
		return
	}
	fit, ok := fitShifts(rec.shifts, r.now, v.birth, int(h.minAge), v.avail)
	if !ok {
		return
	}
	km := 0.0
	if !remote {
		km = distanceKm(r.lat, r.lon, g.lat, g.lon)
	}
	p = staticParts(v, h, t, km)
	p.avail = fit.avail
	r.top.push(missionCand{score: p.score(), next: fit.next.start, km: km, slot: slot})
}
