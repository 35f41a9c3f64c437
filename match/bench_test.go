package match

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// Benchmarks at the scale of the performance targets: 100,000 missions and 1,000,000
// volunteers. Run them with
//
//	go test -run XXX -bench . -benchtime 1x ./match/
//
// Each latency benchmark times many calls per iteration and reports percentiles; each build
// benchmark builds once per iteration and reports the heap it added per item.

const (
	benchMissions   = 100_000
	benchVolunteers = 1_000_000
)

type benchFixture struct {
	ix           *Index
	missionIDs   []string
	volunteerIDs []string
}

// fixture builds the shared index once; the generated inputs are dropped afterwards.
var fixture = sync.OnceValue(func() benchFixture {
	g := newGenerator(42)
	missions, vols := g.missions(benchMissions), g.volunteers(benchVolunteers)
	ix := New(genConfig())
	if err := ix.BuildMissions(missions); err != nil {
		panic(err)
	}
	if err := ix.BuildVolunteers(vols); err != nil {
		panic(err)
	}
	f := benchFixture{ix: ix}
	for i := range missions {
		f.missionIDs = append(f.missionIDs, missions[i].ID)
	}
	for i := range vols {
		f.volunteerIDs = append(f.volunteerIDs, vols[i].ID)
	}
	runtime.GC()
	return f
})

// heapAlloc returns the live heap after a collection.
func heapAlloc() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// timeCalls runs call n times after a warm-up and reports the p50, p99 and max wall-clock
// latencies, and the p50 and p99 of the CPU time of the calling thread (see threadCPU).
func timeCalls(b *testing.B, n int, call func(i int)) {
	b.Helper()
	// The thread CPU clock only follows the call if the goroutine stays on its thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for i := range 50 {
		call(i)
	}
	var wall, cpu []time.Duration
	b.ResetTimer()
	for range b.N {
		for i := range n {
			startCPU, start := threadCPU(), time.Now()
			call(i)
			wall = append(wall, time.Since(start))
			cpu = append(cpu, threadCPU()-startCPU)
		}
	}
	b.StopTimer()
	pct := func(all []time.Duration, q float64) float64 {
		return float64(all[int(q*float64(len(all)-1))].Microseconds())
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	b.ReportMetric(0, "ns/op")
	b.ReportMetric(pct(wall, 0.50), "p50_µs")
	b.ReportMetric(pct(wall, 0.99), "p99_µs")
	b.ReportMetric(pct(wall, 1), "max_µs")
	if cpu[len(cpu)-1] > 0 {
		b.ReportMetric(pct(cpu, 0.50), "cpu_p50_µs")
		b.ReportMetric(pct(cpu, 0.99), "cpu_p99_µs")
	}
}

// typicalQuery is one category near a city, weighted by population, within 20 km.
func typicalQuery(r *rand.Rand, g *generator) Query {
	x := r.Float64() * g.cumCity[len(g.cumCity)-1]
	i := 0
	for g.cumCity[i] < x {
		i++
	}
	c := cities[i]
	return Query{
		Categories: []string{genCategories[r.IntN(len(genCategories))]},
		Near:       &Point{Lat: c.lat + r.NormFloat64()*0.03, Lon: c.lon + r.NormFloat64()*0.03},
		RadiusKm:   20, PerPage: 20,
	}
}

func benchNow(r *rand.Rand) time.Time { return genBase.Add(time.Duration(r.IntN(48*60)) * time.Minute) }

func BenchmarkSearchTypical(b *testing.B) {
	f := fixture()
	r, g := rand.New(rand.NewPCG(1, 1)), newGenerator(1)
	timeCalls(b, 5000, func(int) {
		if _, err := f.ix.Search(typicalQuery(r, g), benchNow(r)); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkSearchText(b *testing.B) {
	f := fixture()
	r, g := rand.New(rand.NewPCG(2, 2)), newGenerator(2)
	timeCalls(b, 2000, func(int) {
		q := typicalQuery(r, g)
		q.Text = genWords[r.IntN(len(genWords))] + " " + genWords[r.IntN(len(genWords))][:2]
		if _, err := f.ix.Search(q, benchNow(r)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSearchTextTypos is a two-word text query with typos and synonyms on: two whole
// words of the generated texts, one of them with two letters swapped half of the time, near
// a city. Many of the words belong to synonym groups ("aînés", "repas", "courses"...).
func BenchmarkSearchTextTypos(b *testing.B) {
	f := fixture()
	r, g := rand.New(rand.NewPCG(6, 6)), newGenerator(6)
	timeCalls(b, 2000, func(int) {
		q := typicalQuery(r, g)
		first, second := []rune(genWords[r.IntN(len(genWords))]), genWords[r.IntN(len(genWords))]
		if len(first) >= 5 && r.IntN(2) == 0 {
			i := 1 + r.IntN(len(first)-2)
			first[i], first[i+1] = first[i+1], first[i]
		}
		q.Text = string(first) + " " + second
		if _, err := f.ix.Search(q, benchNow(r)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkSearchTextAnywhere is the same query without a place or a category: every
// mission with the words is scored.
func BenchmarkSearchTextAnywhere(b *testing.B) {
	f := fixture()
	r := rand.New(rand.NewPCG(7, 7))
	timeCalls(b, 1000, func(int) {
		q := Query{Text: genWords[r.IntN(len(genWords))] + " " + genWords[r.IntN(len(genWords))], PerPage: 20}
		if _, err := f.ix.Search(q, benchNow(r)); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkRecommend(b *testing.B) {
	f := fixture()
	r := rand.New(rand.NewPCG(3, 3))
	timeCalls(b, 5000, func(int) {
		id := f.volunteerIDs[r.IntN(len(f.volunteerIDs))]
		if _, err := f.ix.Recommend(id, MatchOptions{Now: benchNow(r)}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkCandidates(b *testing.B) {
	f := fixture()
	r := rand.New(rand.NewPCG(4, 4))
	timeCalls(b, 1000, func(int) {
		id := f.missionIDs[r.IntN(len(f.missionIDs))]
		if _, err := f.ix.Candidates(id, MatchOptions{Now: benchNow(r), Limit: 50}); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkAlertTargets(b *testing.B) {
	f := fixture()
	r := rand.New(rand.NewPCG(5, 5))
	timeCalls(b, 500, func(int) {
		f.ix.AlertTargets(f.missionIDs[r.IntN(len(f.missionIDs))], benchNow(r), 200)
	})
}

func BenchmarkBuildVolunteers(b *testing.B) {
	vols := newGenerator(43).volunteers(benchVolunteers)
	for range b.N {
		before := heapAlloc()
		start := time.Now()
		ix := New(genConfig())
		if err := ix.BuildVolunteers(vols); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build_s")
		b.ReportMetric(float64(heapAlloc()-before)/benchVolunteers, "B/volunteer")
		runtime.KeepAlive(ix)
	}
	runtime.KeepAlive(vols)
}

func BenchmarkBuildMissions(b *testing.B) {
	missions := newGenerator(44).missions(benchMissions)
	for range b.N {
		before := heapAlloc()
		start := time.Now()
		ix := New(genConfig())
		if err := ix.BuildMissions(missions); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build_s")
		b.ReportMetric(float64(heapAlloc()-before)/benchMissions, "B/mission")
		runtime.KeepAlive(ix)
	}
	runtime.KeepAlive(missions)
}
