package match

import (
	"fmt"
	"time"
)

// Result sizes for recommendations and candidates.
const (
	DefaultLimit = 20
	MaxLimit     = 500
)

// MatchOptions tunes Recommend, RecommendFor and Candidates.
type MatchOptions struct {
	Now   time.Time // shifts that start at or before Now are past
	Limit int       // how many results; DefaultLimit when 0, at most MaxLimit
	// Exclude lists ids to leave out: missions already applied to (Recommend) or volunteers
	// already applied or invited (Candidates).
	Exclude map[string]bool
}

func (o MatchOptions) limit() int {
	if o.Limit <= 0 {
		return DefaultLimit
	}
	return min(o.Limit, MaxLimit)
}

// Recommendation is a mission recommended to a volunteer.
type Recommendation struct {
	Mission     *Mission // a read-only snapshot: do not modify
	Score       float64  // in [0, 1]
	Reasons     []Reason // strongest first
	DistanceKm  float64
	HasDistance bool  // false for remote missions
	NextShift   Shift // the soonest shift the volunteer may take
	PlacesLeft  int   // places left over all future shifts
}

// Recommend returns the missions that best match an indexed volunteer, best first.
func (ix *Index) Recommend(volunteerID string, opts MatchOptions) ([]Recommendation, error) {
	id, err := parseID(volunteerID)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.vs.ids[id]
	if !ok {
		return nil, ErrNotFound
	}
	rec := ix.vs.recs[slot]
	return ix.recommend(&rec, opts), nil
}

// RecommendFor scores a profile that need not be indexed (a new or private one); its ID
// may be empty.
func (ix *Index) RecommendFor(v Volunteer, opts MatchOptions) ([]Recommendation, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	// Languages are only looked up: one no mission uses cannot change a score.
	rec, err := packVolunteer(&v, ix.voc, false, false)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return ix.recommend(&rec, opts), nil
}

// missionCand is a mission being ranked for a volunteer.
type missionCand struct {
	score float64
	next  int64 // start of the next shift the volunteer may take
	km    float64
	slot  int32
}

// recommend ranks the missions within the volunteer's radius, and remote ones if they
// accept them. The caller holds the read lock.
func (ix *Index) recommend(v *volRec, opts MatchOptions) []Recommendation {
	ms := ix.ms
	r := &recommender{ms: ms, v: v, exclude: opts.Exclude, now: opts.Now.Unix(),
		lat: float64(v.lat), lon: float64(v.lon), radius: float64(v.radius), best: bestParts(v)}
	r.area = newDisc(r.lat, r.lon, r.radius)
	r.top = newTopK(opts.limit(), func(a, b *missionCand) bool {
		if a.score != b.score {
			return a.score > b.score
		}
		if a.next != b.next {
			return a.next < b.next
		}
		return ms.recs[a.slot].m.ID < ms.recs[b.slot].m.ID
	})
	if v.flags&vLocated != 0 {
		r.visitCells()
	}
	if v.flags&vRemote != 0 {
		r.visitRemote()
	}
	ranked := r.top.sorted()
	out := make([]Recommendation, 0, len(ranked))
	for _, c := range ranked {
		h, t, rec := &ms.hot[c.slot], &ms.tags[c.slot], &ms.recs[c.slot]
		fit, _ := fitShifts(rec.shifts, r.now, v.birth, int(h.minAge), v.avail)
		p := staticParts(v, h, t, c.km)
		p.avail = fit.avail
		out = append(out, Recommendation{
			Mission: rec.m, Score: c.score, Reasons: reasons(&p, v, h, t, fit.slots, ix.voc),
			DistanceKm: c.km, HasDistance: h.flags&mRemote == 0,
			NextShift: rec.m.Shifts[fit.next.idx], PlacesLeft: placesLeft(rec.shifts, r.now),
		})
	}
	return out
}

// placesLeft sums the places left on shifts starting after now.
func placesLeft(shifts []shiftRec, now int64) int {
	n := 0
	for _, sh := range shifts[firstFuture(shifts, now):] {
		n += int(sh.open)
	}
	return n
}
