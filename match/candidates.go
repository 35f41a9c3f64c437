package match

import (
	"encoding/hex"
	"time"
)

// Candidate is a volunteer who matches a mission. The index holds nothing personal: the
// handler fetches the masked name of the volunteers it shows.
type Candidate struct {
	VolunteerID string
	Score       float64  // in [0, 1], the same as the mission's score in their recommendations
	Reasons     []Reason // strongest first
	DistanceKm  float64
	HasDistance bool // false for remote missions
}

// Candidates ranks the volunteers who let organisations find them (Visible) for a mission,
// best first.
func (ix *Index) Candidates(missionID string, opts MatchOptions) ([]Candidate, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.ms.ids[missionID]
	if !ok {
		return nil, ErrNotFound
	}
	var exclude map[[12]byte]bool
	if len(opts.Exclude) > 0 {
		exclude = make(map[[12]byte]bool, len(opts.Exclude))
		for id, on := range opts.Exclude {
			if key, err := parseID(id); err == nil && on {
				exclude[key] = true
			}
		}
	}
	now := opts.Now.Unix()
	ranked := ix.rankVolunteers(slot, now, vVisible, exclude, opts.limit())
	h, t, rec := &ix.ms.hot[slot], &ix.ms.tags[slot], &ix.ms.recs[slot]
	out := make([]Candidate, 0, len(ranked))
	for _, c := range ranked {
		v := &ix.vs.recs[c.slot]
		fit, _ := fitShifts(rec.shifts, now, v.birth, int(h.minAge), v.avail)
		p := staticParts(v, h, t, c.km)
		p.avail = fit.avail
		out = append(out, Candidate{
			VolunteerID: hex.EncodeToString(v.id[:]), Score: c.score,
			Reasons:    reasons(&p, v, h, t, fit.slots, ix.voc),
			DistanceKm: c.km, HasDistance: h.flags&mRemote == 0,
		})
	}
	return out, nil
}

// AlertTargets returns the ids of the volunteers who accept alerts and best match a mission,
// at most limit of them, best first; for broadcasting an urgent need.
func (ix *Index) AlertTargets(missionID string, now time.Time, limit int) []string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.ms.ids[missionID]
	if !ok || limit <= 0 {
		return nil
	}
	ranked := ix.rankVolunteers(slot, now.Unix(), vAlerts, nil, limit)
	ids := make([]string, len(ranked))
	for i, c := range ranked {
		ids[i] = hex.EncodeToString(ix.vs.recs[c.slot].id[:])
	}
	return ids
}
