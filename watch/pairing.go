package watch

import (
	"context"
	"slices"
	"sort"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Pair is a proposed assignment with its reasons.
type Pair struct {
	PersonID, FirstName    string
	VolunteerID, Volunteer string
	Languages              []string // spoken by both
	Times                  []string // best times the volunteer is free
}

// Candidate is a volunteer's matching data for the pairing.
type Candidate struct {
	UserID, Name string
	Languages    []string
	Availability map[string][]string
	Load         int
}

// Propose pairs each unassigned person of p with a volunteer of p who
// speaks one of their languages and is free at one of their best times
// (any time when they gave none), the least loaded first. People nobody
// fits stay out of the proposal, for the coordinator to pair by hand.
func (s *Service) Propose(ctx context.Context, p *models.WatchProgramme) ([]Pair, error) {
	rows, err := s.store.WatchBoard(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	candidates := make([]Candidate, 0, len(p.Volunteers))
	for _, v := range p.Volunteers {
		prof, err := s.store.Profile(ctx, v.UserID)
		if err == store.ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		candidates = append(candidates, Candidate{UserID: v.UserID, Name: v.Name, Languages: prof.Languages, Availability: prof.Availability})
	}
	return ProposePairs(rows, candidates), nil
}

// ProposePairs is the pairing rule, apart from the store.
func ProposePairs(rows []models.WatchRow, candidates []Candidate) []Pair {
	load := map[string]int{}
	for _, r := range rows {
		if r.VolunteerID != "" {
			load[r.VolunteerID]++
		}
	}
	for i := range candidates {
		candidates[i].Load = load[candidates[i].UserID]
	}
	todo := []models.WatchRow{}
	for _, r := range rows {
		if r.VolunteerID == "" && r.LastOutcome != models.OutcomeDeclined {
			todo = append(todo, r)
		}
	}
	// The hardest to place first: fewest fitting volunteers.
	fits := func(r models.WatchRow, c Candidate) ([]string, []string) {
		langs := []string{}
		for _, l := range r.Languages {
			if slices.Contains(c.Languages, l) {
				langs = append(langs, l)
			}
		}
		if len(langs) == 0 {
			return nil, nil
		}
		times := []string{}
		for _, t := range freeTimes(r.BestTimes) {
			if free(c.Availability, t) {
				times = append(times, t)
			}
		}
		return langs, times
	}
	options := make(map[string]int, len(todo))
	for _, r := range todo {
		for _, c := range candidates {
			if l, t := fits(r, c); len(l) > 0 && len(t) > 0 {
				options[r.PersonID]++
			}
		}
	}
	sort.SliceStable(todo, func(i, j int) bool {
		if options[todo[i].PersonID] != options[todo[j].PersonID] {
			return options[todo[i].PersonID] < options[todo[j].PersonID]
		}
		return todo[i].PersonID < todo[j].PersonID
	})
	out := []Pair{}
	for _, r := range todo {
		best := -1
		var bestLangs, bestTimes []string
		for i, c := range candidates {
			langs, times := fits(r, c)
			if len(langs) == 0 || len(times) == 0 {
				continue
			}
			if best < 0 || c.Load < candidates[best].Load ||
				(c.Load == candidates[best].Load && len(times) > len(bestTimes)) {
				best, bestLangs, bestTimes = i, langs, times
			}
		}
		if best < 0 {
			continue
		}
		candidates[best].Load++
		c := candidates[best]
		out = append(out, Pair{PersonID: r.PersonID, FirstName: r.FirstName, VolunteerID: c.UserID, Volunteer: c.Name,
			Languages: bestLangs, Times: bestTimes})
	}
	return out
}

// freeTimes are the times a person may be called: their best times, or
// every time when they gave none.
func freeTimes(best []string) []string {
	if len(best) == 0 {
		return TimeCodes()
	}
	return best
}

func free(availability map[string][]string, t string) bool {
	for day, slots := range availability {
		for _, slot := range slots {
			if day+"-"+slot == t {
				return true
			}
		}
	}
	return false
}

// ApplyPairs assigns people as the coordinator confirmed (the proposal,
// adjusted); every pair is checked before any is written, and the writes
// are batched.
func (s *Service) ApplyPairs(ctx context.Context, p *models.WatchProgramme, actorID string, pairs [][2]string) (int, error) {
	if err := s.active(p); err != nil {
		return 0, err
	}
	if len(pairs) == 0 || len(pairs) > MaxPeople {
		var v models.Validator
		v.Add("pairs", "watch.pairs_count", MaxPeople)
		return 0, v.Err()
	}
	rows, err := s.store.WatchBoard(ctx, p.ID)
	if err != nil {
		return 0, err
	}
	current := make(map[string]string, len(rows))
	for _, r := range rows {
		current[r.PersonID] = r.VolunteerID
	}
	var v models.Validator
	var list []store.WatchAssignment
	seen := map[string]bool{}
	for i, pair := range pairs {
		if _, ok := p.Volunteer(pair[1]); pair[1] != "" && !ok {
			v.Add("pairs", "watch.not_a_volunteer", i+1)
		}
		from, ok := current[pair[0]]
		if !ok || seen[pair[0]] {
			v.Add("pairs", "watch.unknown_person", i+1)
			continue
		}
		seen[pair[0]] = true
		if from != pair[1] {
			list = append(list, store.WatchAssignment{PersonID: pair[0], From: from, To: pair[1]})
		}
	}
	if err := v.Err(); err != nil {
		return 0, err
	}
	if err := s.store.AssignWatchPeople(ctx, p.ID, list); err != nil {
		return 0, err
	}
	now := s.now()
	entries := make([]models.AuditEntry, len(list))
	for i, a := range list {
		entries[i] = models.AuditEntry{ID: store.NewID(), ActorID: actorID, Action: ActionPersonAssign, TargetType: "watch_person",
			TargetID: a.PersonID, After: map[string]any{"volunteer_id": a.To}, At: now}
	}
	return len(list), s.store.AppendAudits(ctx, entries)
}
