package match

import (
	"bytes"
	"math"
	"slices"
	"sort"
)

// volCand is a volunteer being ranked for a mission.
type volCand struct {
	score float64
	km    float64
	slot  int32
}

// candidateRanker ranks the volunteers for one mission, under the same hard filters and
// score as recommendations. Like the recommender, it bounds each score before reading or
// computing more.
type candidateRanker struct {
	vs       *volunteerStore
	h        *missionHot
	g        *missionGeo
	t        *missionTags
	need     uint8 // vVisible or vAlerts
	exclude  map[[12]byte]bool
	remote   bool
	minAge   int
	lastDay  int32      // date of the last open shift: the hard filter on age
	open     []shiftRec // future shifts with places left, their dates never decreasing
	patterns []uint32   // distinct slot sets of the first of them
	best     parts      // the best components any volunteer can reach but interest and distance
	bound    flatBound
	top      *topK[volCand]
}

// rankVolunteers ranks the volunteers with the need flag for the mission in mslot. The
// caller holds the read lock.
func (ix *Index) rankVolunteers(mslot int32, now int64, need uint8, exclude map[[12]byte]bool, limit int) []volCand {
	ms, vs := ix.ms, ix.vs
	h := &ms.hot[mslot]
	remote := h.flags&mRemote != 0
	if h.flags&mAlive == 0 || h.lastOpen <= now || (!remote && h.flags&mLocated == 0) {
		return nil
	}
	r := &candidateRanker{vs: vs, h: h, g: &ms.geo[mslot], t: &ms.tags[mslot], need: need,
		exclude: exclude, remote: remote, minAge: int(h.minAge)}
	for _, sh := range ms.recs[mslot].shifts[firstFuture(ms.recs[mslot].shifts, now):] {
		if sh.open > 0 {
			r.open = append(r.open, sh)
		}
	}
	r.lastDay = r.open[len(r.open)-1].day
	// Most volunteers may take every shift; for them the distinct slot sets of the first
	// shifts are enough (a weekly mission has one).
	for _, sh := range r.open[:min(len(r.open), maxShiftsScored)] {
		if !slices.Contains(r.patterns, sh.slots) {
			r.patterns = append(r.patterns, sh.slots)
		}
	}
	r.best = parts{skills: neutral, lang: neutral, avail: 1}
	if !r.t.skills.empty() {
		r.best.skills = 1
	}
	if !r.t.langs.empty() {
		r.best.lang = 1
	}
	if h.flags&mUrgent != 0 {
		r.best.urgent = 1
	}
	r.top = newTopK(limit, func(a, b *volCand) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.km != b.km {
			return a.km < b.km
		}
		return bytes.Compare(vs.recs[a.slot].id[:], vs.recs[b.slot].id[:]) < 0
	})
	if remote {
		r.visitRemote()
	} else {
		for t, tier := range volunteerTiers {
			cells := tier.grid.around(r.g.lat, r.g.lon, float64(tier.maxKm))
			r.bound = newFlatBound(r.g.lat, r.g.lon, max(cells.maxAbsLat(tier.grid), math.Abs(r.g.lat)))
			forEachCell(vs.tiers[t], cells, func(k cellKey, slots []int32) {
				// Nobody in a cell beyond the tier's largest radius can reach the mission.
				if r.bound.toBoxKm(tier.grid.box(k)) <= float64(tier.maxKm) {
					r.visit(slots, false)
				}
			})
		}
	}
	return r.top.sorted()
}

// visitRemote visits the volunteers who accept remote missions: first those whose
// interests include the mission's category, or who declared none, then the others if one
// of them can still enter.
func (r *candidateRanker) visitRemote() {
	lists := &r.vs.remoteByInterest
	if cat := r.h.cat; cat < MaxInterestCategories {
		r.visit(lists[cat], false)
	}
	r.visit(lists[MaxInterestCategories], false)
	p := r.best
	p.interest, p.distance = 0, neutral
	if !r.beaten(&p) {
		r.visit(r.vs.remote, true)
	}
}

func (r *candidateRanker) beaten(p *parts) bool {
	return r.top.full() && p.score() < r.top.worst().score
}

// interest is the interest component of a volunteer for the mission.
func (r *candidateRanker) interest(v *volRec) float64 {
	switch {
	case v.cats == 0:
		return neutral
	case r.h.cat < MaxInterestCategories && v.cats&(1<<r.h.cat) != 0:
		return 1
	}
	return 0
}

// visit ranks the volunteers in slots; onlyOffTopic skips those visited first by
// visitRemote (interested, or without interests).
func (r *candidateRanker) visit(slots []int32, onlyOffTopic bool) {
	h := r.h
	for _, slot := range slots {
		v := &r.vs.recs[slot]
		if v.flags&r.need == 0 || v.flags&vAlive == 0 ||
			(h.flags&mVetting != 0 && v.flags&vVetted == 0) ||
			!oldEnough(v.birth, r.minAge, r.lastDay) {
			continue
		}
		p := r.best
		if p.interest = r.interest(v); onlyOffTopic && p.interest != 0 {
			continue
		}
		// The flat distance is shorter than the real one, and availability at most 1.
		km := 0.0
		p.distance = neutral
		if !r.remote {
			if km = r.bound.minKm(float64(v.lat), float64(v.lon)); km > float64(v.radius) {
				continue
			}
			p.distance = distanceFit(km, v.radius)
		}
		if r.beaten(&p) {
			continue
		}
		p = staticParts(v, h, r.t, km)
		if p.avail = 1; r.beaten(&p) {
			continue
		}
		if !r.remote {
			if km = distanceKm(float64(v.lat), float64(v.lon), r.g.lat, r.g.lon); km > float64(v.radius) {
				continue
			}
			if p.distance = distanceFit(km, v.radius); r.beaten(&p) {
				continue
			}
		}
		if r.exclude[v.id] {
			continue
		}
		p.avail = r.bestAvail(v)
		r.top.push(volCand{score: p.score(), km: km, slot: slot})
	}
}

// bestAvail matches fitShifts: the shifts a volunteer may take are a suffix of open,
// because age only grows with the date.
func (r *candidateRanker) bestAvail(v *volRec) float64 {
	if v.avail == 0 {
		return neutral
	}
	best := -1.0
	if oldEnough(v.birth, r.minAge, r.open[0].day) {
		for _, slots := range r.patterns {
			best = max(best, availFit(slots, v.avail))
		}
		return best
	}
	k := sort.Search(len(r.open), func(i int) bool { return oldEnough(v.birth, r.minAge, r.open[i].day) })
	for _, sh := range r.open[k:min(len(r.open), k+maxShiftsScored)] {
		best = max(best, availFit(sh.slots, v.avail))
	}
	return best
}
