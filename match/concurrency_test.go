package match

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// TestConcurrentReadsAndWrites is meant for -race: readers use every query, and what they
// got back, while writers change and rebuild the index.
func TestConcurrentReadsAndWrites(t *testing.T) {
	g := newGenerator(21)
	missions, vols := g.missions(600), g.volunteers(1500)
	ix := New(genConfig())
	if err := ix.BuildMissions(missions[:400]); err != nil {
		t.Fatal(err)
	}
	if err := ix.BuildVolunteers(vols[:1000]); err != nil {
		t.Fatal(err)
	}
	now := genBase
	var writers, readers sync.WaitGroup
	stop := make(chan struct{})
	for w := range 2 {
		writers.Add(1)
		go func() {
			defer writers.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			for i := 0; i < 400; i++ {
				m := missions[r.IntN(len(missions))]
				v := vols[r.IntN(len(vols))]
				switch i % 8 {
				case 0, 1:
					_ = ix.UpsertMission(m)
				case 2:
					ix.RemoveMission(m.ID)
				case 3, 4:
					ix.SetShiftTaken(m.ID, m.Shifts[0].ID, r.IntN(m.Shifts[0].Capacity+1))
				case 5:
					_ = ix.UpsertVolunteer(v)
				case 6:
					ix.RemoveVolunteer(v.ID)
				case 7:
					if i%80 == 7 {
						_ = ix.BuildMissions(missions[r.IntN(200):])
						_ = ix.BuildVolunteers(vols[r.IntN(500):])
					}
					if i%40 == 15 {
						_ = ix.SetExtraSynonyms("jardin / potager\nquartier / voisinage\n")
					}
				}
			}
		}()
	}
	for rd := range 3 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			r := rand.New(rand.NewPCG(uint64(rd), 2))
			for {
				select {
				case <-stop:
					return
				default:
				}
				res, err := ix.Search(randomQuery(r, now), now)
				if err != nil {
					t.Error(err)
					return
				}
				for _, hit := range res.Items {
					_ = hit.Mission.Shifts[0].Taken + len(hit.Mission.Title)
				}
				v := vols[r.IntN(len(vols))]
				recs, _ := ix.Recommend(v.ID, MatchOptions{Now: now})
				for _, rec := range recs {
					_ = rec.Mission.Shifts[0].Taken
				}
				m := missions[r.IntN(len(missions))]
				_, _ = ix.Candidates(m.ID, MatchOptions{Now: now})
				ix.AlertTargets(m.ID, now, 50)
				ix.Mission(m.ID)
				ix.Stats()
			}
		}()
	}
	writers.Wait()
	close(stop)
	readers.Wait()
}
