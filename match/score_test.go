package match

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// refScore scores a volunteer for a mission straight from the documented formula, with the
// distance and the soonest shift they may take; ok is false when a hard filter fails.
func refScore(cfg Config, v *Volunteer, m *Mission, now time.Time) (score, km float64, next int64, ok bool) {
	in := func(list []string, s string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
	}
	radius := float64(DefaultRadiusKm)
	if v.RadiusKm > 0 {
		radius = float64(min(v.RadiusKm, MaxRadiusKm))
	}
	if m.RequiresVetting && !v.Vetted {
		return 0, 0, 0, false
	}
	distance := neutral
	if m.Remote {
		if !v.Remote {
			return 0, 0, 0, false
		}
	} else {
		if !m.HasLocation || !v.HasLocation {
			return 0, 0, 0, false
		}
		if km = distanceKm(v.Lat, v.Lon, m.Lat, m.Lon); km > radius {
			return 0, 0, 0, false
		}
		distance = max(0, 1-km/radius)
	}
	var shifts []Shift
	for _, sh := range m.Shifts {
		if sh.Start.Unix() <= now.Unix() || sh.Capacity-sh.Taken <= 0 {
			continue
		}
		if m.MinAge > 0 {
			if v.BirthDate.IsZero() {
				if m.MinAge > UnknownAgeMaxMinAge {
					continue
				}
			} else {
				b := v.BirthDate
				turns := time.Date(b.Year()+m.MinAge, b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
				y, mo, d := turns.Date()
				if int32(y*10000+int(mo)*100+d) > parisDate(sh.Start.Unix()) {
					continue
				}
			}
		}
		shifts = append(shifts, sh)
	}
	if len(shifts) == 0 {
		return 0, 0, 0, false
	}
	slices.SortStableFunc(shifts, func(a, b Shift) int { return a.Start.Compare(b.Start) })
	avail := neutral
	if v.Availability != 0 {
		avail = 0
		for _, sh := range shifts[:min(len(shifts), maxShiftsScored)] {
			avail = max(avail, availFit(slotMask(sh.Start.Unix(), max(sh.End.Unix(), sh.Start.Unix())), uint32(v.Availability)))
		}
	}
	interest := neutral
	if slices.ContainsFunc(v.Categories, func(c string) bool { return in(cfg.Categories[:MaxInterestCategories], c) }) {
		interest = 0
		if in(v.Categories, m.Category) && in(cfg.Categories[:MaxInterestCategories], m.Category) {
			interest = 1
		}
	}
	skills, need, have := neutral, 0, 0
	for _, s := range m.Skills {
		if in(cfg.Skills, s) {
			need++
			if in(v.Skills, s) {
				have++
			}
		}
	}
	if need > 0 {
		skills = float64(have) / float64(need)
	}
	lang := neutral
	if len(m.Languages) > 0 && len(v.Languages) > 0 {
		lang = 0
		if slices.ContainsFunc(m.Languages, func(l string) bool { return in(v.Languages, l) }) {
			lang = 1
		}
	}
	urgent := 0.0
	if m.Urgent {
		urgent = 1
	}
	p := parts{interest: interest, skills: skills, distance: distance, avail: avail, lang: lang, urgent: urgent}
	return p.score(), km, shifts[0].Start.Unix(), true
}

type scored struct {
	id    string
	score float64
	tie   float64
}

func sortScored(list []scored) {
	slices.SortFunc(list, func(a, b scored) int {
		switch {
		case a.score != b.score:
			return -cmpFloat(a.score, b.score)
		case a.tie != b.tie:
			return cmpFloat(a.tie, b.tie)
		}
		return strings.Compare(a.id, b.id)
	})
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestRecommendAndCandidatesMatchBruteForce(t *testing.T) {
	cfg := Config{Skills: genSkills, Categories: append(slices.Clone(genCategories), "a", "b", "c", "d", "e")}
	g := newGenerator(7)
	missions, vols := g.missions(1500), g.volunteers(3000)
	ix := New(cfg)
	if err := ix.BuildMissions(missions); err != nil {
		t.Fatal(err)
	}
	if err := ix.BuildVolunteers(vols); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(8, 9))
	for range 80 {
		v := &vols[r.IntN(len(vols))]
		now := genBase.Add(time.Duration(r.IntN(10*24)) * time.Hour)
		var want []scored
		for i := range missions {
			if s, _, next, ok := refScore(cfg, v, &missions[i], now); ok {
				want = append(want, scored{id: missions[i].ID, score: s, tie: float64(next)})
			}
		}
		sortScored(want)
		got, err := ix.Recommend(v.ID, MatchOptions{Now: now, Limit: 30})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != min(30, len(want)) {
			t.Fatalf("volunteer %s: %d recommendations, want %d", v.ID, len(got), min(30, len(want)))
		}
		for i, rec := range got {
			if rec.Mission.ID != want[i].id || rec.Score != want[i].score {
				t.Fatalf("volunteer %s rank %d: %s %.6f, want %s %.6f", v.ID, i, rec.Mission.ID, rec.Score, want[i].id, want[i].score)
			}
		}
	}
	for range 60 {
		m := &missions[r.IntN(len(missions))]
		now := genBase.Add(time.Duration(r.IntN(10*24)) * time.Hour)
		var wantVisible, wantAlerts []scored
		for i := range vols {
			if s, km, _, ok := refScore(cfg, &vols[i], m, now); ok {
				if vols[i].Visible {
					wantVisible = append(wantVisible, scored{id: vols[i].ID, score: s, tie: km})
				}
				if vols[i].Alerts {
					wantAlerts = append(wantAlerts, scored{id: vols[i].ID, score: s, tie: km})
				}
			}
		}
		sortScored(wantVisible)
		sortScored(wantAlerts)
		got, err := ix.Candidates(m.ID, MatchOptions{Now: now, Limit: 25})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != min(25, len(wantVisible)) {
			t.Fatalf("mission %s: %d candidates, want %d", m.ID, len(got), min(25, len(wantVisible)))
		}
		for i, c := range got {
			if c.VolunteerID != wantVisible[i].id || c.Score != wantVisible[i].score {
				t.Fatalf("mission %s rank %d: %s %.6f, want %s %.6f", m.ID, i, c.VolunteerID, c.Score, wantVisible[i].id, wantVisible[i].score)
			}
			// The same pair scores the same from the volunteer's side.
			recs, _ := ix.Recommend(c.VolunteerID, MatchOptions{Now: now, Limit: MaxLimit})
			for _, rec := range recs {
				if rec.Mission.ID == m.ID && rec.Score != c.Score {
					t.Fatalf("pair %s/%s: recommendation %.6f, candidate %.6f", m.ID, c.VolunteerID, rec.Score, c.Score)
				}
			}
		}
		alerts := ix.AlertTargets(m.ID, now, 40)
		if len(alerts) != min(40, len(wantAlerts)) {
			t.Fatalf("mission %s: %d alert targets, want %d", m.ID, len(alerts), min(40, len(wantAlerts)))
		}
		for i, id := range alerts {
			if id != wantAlerts[i].id {
				t.Fatalf("mission %s alert rank %d: %s, want %s", m.ID, i, id, wantAlerts[i].id)
			}
		}
	}
}
