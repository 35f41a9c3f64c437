package match

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestTextBitsMatchesScoring checks that a text search near a point with bitsets
// (searchTextNear) gives exactly the page, total, facets and concepts that scoring every
// mission one by one gives. An age of 255 hides no mission but makes the search take the plain way.
// The index is changed between queries, so that remote slots are out of order, and the
// postings large enough to keep bitsets.
func TestTextBitsMatchesScoring(t *testing.T) {
	g := newGenerator(9)
	missions := g.missions(6000)
	ix := New(genConfig())
	if err := ix.BuildMissions(missions[:5000]); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(9, 10))
	next := 5000
	for round := range 300 {
		switch x := r.IntN(10); {
		case x < 3 && next < len(missions):
			if err := ix.UpsertMission(missions[next]); err != nil {
				t.Fatal(err)
			}
			next++
		case x < 4:
			ix.RemoveMission(missions[r.IntN(next)].ID)
		case x < 6:
			m := missions[r.IntN(next)]
			sh := m.Shifts[r.IntN(len(m.Shifts))]
			ix.SetShiftTaken(m.ID, sh.ID, r.IntN(sh.Capacity+1))
		}
		now := genBase.Add(time.Duration(r.IntN(20*24*60)) * time.Minute)
		c := cities[r.IntN(len(cities))]
		q := Query{Near: &Point{Lat: c.lat + r.NormFloat64()*0.05, Lon: c.lon + r.NormFloat64()*0.05},
			RadiusKm: float64(5 + r.IntN(60)), Page: 1 + r.IntN(3), PerPage: 5 + r.IntN(20)}
		words := []string{}
		for range 1 + r.IntN(4) {
			w := []rune(genWords[r.IntN(len(genWords))])
			if len(w) >= 5 && r.IntN(3) == 0 {
				i := 1 + r.IntN(len(w)-2)
				w[i], w[i+1] = w[i+1], w[i]
			}
			if r.IntN(5) == 0 {
				w = w[:min(len(w), 2+r.IntN(3))]
			}
			words = append(words, string(w))
		}
		q.Text = strings.Join(words, " ")
		for range r.IntN(3) {
			q.Categories = append(q.Categories, genCategories[r.IntN(len(genCategories))])
		}
		if x := r.IntN(4); x < 2 {
			remote := x == 0
			q.Remote = &remote
		}
		q.Sort = []string{SortRelevance, SortDistance, SortDate}[r.IntN(3)]
		fast, err := ix.Search(q, now)
		if err != nil {
			t.Fatal(err)
		}
		plainQ := q
		plainQ.Age = 255
		plain, err := ix.Search(plainQ, now)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(fast, plain) {
			t.Fatalf("round %d query %+v:\n bitsets: total %d facets %v\n scoring: total %d facets %v",
				round, q, fast.Total, fast.Facets, plain.Total, plain.Facets)
		}
	}
}
