package match

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// offset returns the point km kilometres from p at the given bearing (degrees).
func offset(p Point, km, bearing float64) Point {
	b := bearing * math.Pi / 180
	lat := p.Lat + km*math.Cos(b)/kmPerDegree
	lon := p.Lon + km*math.Sin(b)/(kmPerDegree*math.Cos(p.Lat*math.Pi/180))
	return Point{Lat: float64(float32(lat)), Lon: float64(float32(lon))}
}

// TestCloserIsNeverWorse moves copies of one mission away from random volunteers and checks
// that, all else equal, the score never rises with the distance — from both sides.
func TestCloserIsNeverWorse(t *testing.T) {
	g := newGenerator(11)
	r := rand.New(rand.NewPCG(12, 13))
	now := genBase
	for trial := range 200 {
		v := g.volunteer(trial)
		v.HasLocation, v.Visible, v.Vetted = true, true, true
		base := g.mission(trial)
		base.Remote, base.HasLocation, base.MinAge = false, true, 0
		base.Shifts = []Shift{shiftAt("a", now.Add(day+time.Duration(r.IntN(100))*time.Hour), 3, 0)}
		home := Point{Lat: v.Lat, Lon: v.Lon}
		radius := float64(v.RadiusKm)
		if radius == 0 {
			radius = DefaultRadiusKm
		}
		bearing := r.Float64() * 360
		ix := New(genConfig())
		steps := 12
		for i := range steps {
			m := base
			m.ID = fmt.Sprintf("m%02d", i)
			p := offset(home, radius*float64(i)/float64(steps), bearing)
			m.Lat, m.Lon = p.Lat, p.Lon
			if err := ix.UpsertMission(m); err != nil {
				t.Fatal(err)
			}
		}
		if err := ix.UpsertVolunteer(v); err != nil {
			t.Fatal(err)
		}
		recs, err := ix.Recommend(v.ID, MatchOptions{Now: now, Limit: steps})
		if err != nil {
			t.Fatal(err)
		}
		byID := map[string]Recommendation{}
		for _, rec := range recs {
			byID[rec.Mission.ID] = rec
		}
		prev := math.Inf(1)
		for i := range steps {
			rec, ok := byID[fmt.Sprintf("m%02d", i)]
			if !ok {
				continue // at the very edge, rounding may put it outside the radius
			}
			if rec.Score > prev {
				t.Fatalf("trial %d: step %d at %.2f km scores %.6f, more than the closer %.6f", trial, i, rec.DistanceKm, rec.Score, prev)
			}
			prev = rec.Score
			cands, err := ix.Candidates(rec.Mission.ID, MatchOptions{Now: now})
			if err != nil || len(cands) != 1 || cands[0].Score != rec.Score {
				t.Fatalf("trial %d: candidates %+v %v, want the volunteer with score %.6f", trial, cands, err, rec.Score)
			}
		}
		if len(byID) < steps-1 {
			t.Fatalf("trial %d: only %d of %d missions within the radius", trial, len(byID), steps)
		}
	}
}

// TestCloserVolunteerIsNeverWorse ranks copies of one volunteer placed further and further
// from a mission: candidates come out nearest first with non-increasing scores.
func TestCloserVolunteerIsNeverWorse(t *testing.T) {
	now := genBase
	ix := New(genConfig())
	m := Mission{ID: "m", Category: "food-aid", Skills: []string{"driving"}, Lat: lyon.Lat, Lon: lyon.Lon,
		HasLocation: true, Shifts: []Shift{shiftAt("a", now.Add(day), 3, 0)}}
	if err := ix.UpsertMission(m); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		p := offset(lyon, float64(i)*2.4, 70)
		v := Volunteer{ID: fmt.Sprintf("%024x", i+1), Lat: p.Lat, Lon: p.Lon, HasLocation: true, RadiusKm: 50,
			Categories: []string{"food-aid"}, Skills: []string{"driving"}, Visible: true}
		if err := ix.UpsertVolunteer(v); err != nil {
			t.Fatal(err)
		}
	}
	cands, err := ix.Candidates("m", MatchOptions{Now: now, Limit: 50})
	if err != nil || len(cands) != 20 {
		t.Fatalf("candidates: %d, %v", len(cands), err)
	}
	for i, c := range cands {
		if want := fmt.Sprintf("%024x", i+1); c.VolunteerID != want {
			t.Fatalf("rank %d: %s, want %s", i, c.VolunteerID, want)
		}
		if i > 0 && c.Score > cands[i-1].Score {
			t.Fatalf("rank %d scores more than rank %d", i, i-1)
		}
	}
}
