package match

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// refResult is what a brute-force scan over the missions says a query returns.
type refResult struct {
	ids      map[string]bool
	catFacet map[string]int
	remFacet map[string]int
	next     map[string]int64
	km       map[string]float64
}

// refSearch evaluates q over missions without any index, straight from the documented
// semantics.
func refSearch(cfg Config, ix *Index, missions map[string]*Mission, q Query, now time.Time) refResult {
	in := func(list []string, s string) bool {
		return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
	}
	textFound := refText(ix, q.Text)
	radius := q.RadiusKm
	if radius == 0 {
		radius = DefaultSearchRadiusKm
	}
	radius = min(radius, MaxSearchRadiusKm)
	res := refResult{ids: map[string]bool{}, catFacet: map[string]int{}, remFacet: map[string]int{"true": 0, "false": 0},
		next: map[string]int64{}, km: map[string]float64{}}
	for _, m := range missions {
		next := int64(-1)
		inWin := false
		for _, sh := range m.Shifts {
			start, end := sh.Start.Unix(), max(sh.End.Unix(), sh.Start.Unix())
			if start <= now.Unix() || sh.Capacity-sh.Taken <= 0 {
				continue
			}
			if next < 0 || start < next {
				next = start
			}
			if (q.From.IsZero() || end > q.From.Unix()) && (q.To.IsZero() || start < q.To.Unix()) {
				inWin = true
			}
		}
		if next < 0 || ((!q.From.IsZero() || !q.To.IsZero()) && !inWin) {
			continue
		}
		if textFound != nil && !textFound(m) {
			continue
		}
		if len(q.Skills) > 0 && !slices.ContainsFunc(m.Skills, func(s string) bool { return in(cfg.Skills, s) && in(q.Skills, s) }) {
			continue
		}
		if len(q.Languages) > 0 && !slices.ContainsFunc(m.Languages, func(s string) bool { return in(q.Languages, s) }) {
			continue
		}
		if q.Age > 0 && m.MinAge > q.Age {
			continue
		}
		km := 0.0
		if q.Near != nil && !m.Remote {
			if !m.HasLocation {
				continue
			}
			if km = distanceKm(q.Near.Lat, q.Near.Lon, m.Lat, m.Lon); km > radius {
				continue
			}
		}
		catOK := len(q.Categories) == 0 || (m.Category != "" && in(q.Categories, m.Category))
		remOK := q.Remote == nil || *q.Remote == m.Remote
		if catOK {
			res.remFacet[strconv.FormatBool(m.Remote)]++
		}
		if remOK && m.Category != "" {
			res.catFacet[m.Category]++
		}
		if catOK && remOK {
			res.ids[m.ID] = true
			res.next[m.ID], res.km[m.ID] = next, km
		}
	}
	return res
}

// refText returns whether a mission is found by the text of a query, from the concepts
// and alternatives the index compiles but without its postings: a concept is had when
// every term of one of its alternatives is among the mission's terms, and a mission is
// found when the concepts it has weigh at least the query's threshold. Nil when the text
// does not filter.
func refText(ix *Index, text string) func(m *Mission) bool {
	tq := compileText(text, &ix.ms.text, ix.syn, len(ix.ms.ids))
	if len(tq.concepts) == 0 {
		return nil
	}
	return func(m *Mission) bool {
		terms := map[string]bool{}
		missionTexts(m, ix.voc, func(text string, _ uint32) {
			for _, t := range analyse(text) {
				terms[t] = true
			}
		})
		var weight float32
		for _, c := range tq.concepts {
			has := false
			for _, alt := range c.alts {
				all := true
				for _, union := range alt.terms {
					all = all && slices.ContainsFunc(union, func(p *posting) bool { return terms[p.term] })
				}
				has = has || all
			}
			if has {
				weight += c.idf
			}
		}
		return weight > 0 && weight >= tq.keepIdf
	}
}

// randomQuery draws a query mixing every filter.
func randomQuery(r *rand.Rand, now time.Time) Query {
	var q Query
	if r.Float64() < 0.35 {
		words := []string{genWords[r.IntN(len(genWords))]}
		if r.Float64() < 0.4 {
			words = append(words, genWords[r.IntN(len(genWords))])
		}
		if r.Float64() < 0.3 {
			words = append(words, strings.Fields(genTitles[r.IntN(len(genTitles))])...)
		}
		last := []rune(words[len(words)-1])
		if r.Float64() < 0.5 && len(last) > 3 {
			words[len(words)-1] = string(last[:2+r.IntN(len(last)-2)])
		}
		q.Text = strings.Join(words, " ")
		if r.Float64() < 0.3 {
			q.Text = strings.ToUpper(q.Text)
		}
	}
	if r.Float64() < 0.4 {
		q.Categories = []string{genCategories[r.IntN(len(genCategories))]}
		if r.Float64() < 0.3 {
			q.Categories = append(q.Categories, genCategories[r.IntN(len(genCategories))], "unknown-category")
		}
	}
	if r.Float64() < 0.5 {
		c := cities[r.IntN(len(cities))]
		q.Near = &Point{c.lat + r.NormFloat64()*0.05, c.lon + r.NormFloat64()*0.05}
		q.RadiusKm = []float64{0, 2, 5, 10, 20, 50, 150, 500}[r.IntN(8)]
	}
	if r.Float64() < 0.3 {
		b := r.Float64() < 0.5
		q.Remote = &b
	}
	if r.Float64() < 0.25 {
		q.From = now.Add(time.Duration(r.IntN(30*24)) * time.Hour)
		if r.Float64() < 0.7 {
			q.To = q.From.Add(time.Duration(1+r.IntN(10*24)) * time.Hour)
		}
	}
	if r.Float64() < 0.2 {
		q.Skills = []string{genSkills[r.IntN(len(genSkills))], genSkills[r.IntN(len(genSkills))]}
	}
	if r.Float64() < 0.2 {
		q.Languages = []string{genLanguages[r.IntN(len(genLanguages))].code}
	}
	if r.Float64() < 0.2 {
		q.Age = []int{14, 16, 17, 18, 30}[r.IntN(5)]
	}
	q.Sort = []string{"", SortRelevance, SortDistance, SortDate}[r.IntN(4)]
	q.PerPage = []int{0, 7, 50}[r.IntN(3)]
	return q
}

// searchAll walks every page of q and checks each page's order against the reference keys.
func searchAll(t *testing.T, ix *Index, q Query, now time.Time, ref refResult) (ids []string, total int, facets Facets) {
	t.Helper()
	var prev *Hit
	for page := 1; ; page++ {
		q.Page = page
		res, err := ix.Search(q, now)
		if err != nil {
			t.Fatalf("search %+v: %v", q, err)
		}
		total, facets = res.Total, res.Facets
		for i := range res.Items {
			hit := &res.Items[i]
			id := hit.Mission.ID
			ids = append(ids, id)
			if hit.NextShift.Start.Unix() != ref.next[id] {
				t.Fatalf("query %+v: %s next shift %v, want %v", q, id, hit.NextShift.Start.Unix(), ref.next[id])
			}
			if prev != nil && !inOrder(q, prev, hit) {
				t.Fatalf("query %+v: %s before %s breaks the %q order", q, prev.Mission.ID, id, q.Sort)
			}
			prev = hit
		}
		if len(res.Items) == 0 || len(ids) >= total {
			return ids, total, facets
		}
	}
}

// inOrder reports whether a may come before b in the results of q.
func inOrder(q Query, a, b *Hit) bool {
	an, bn := a.NextShift.Start.Unix(), b.NextShift.Start.Unix()
	tie := an < bn || (an == bn && a.Mission.ID < b.Mission.ID)
	switch {
	case q.Sort == SortDistance && q.Near != nil:
		if a.HasDistance != b.HasDistance {
			return a.HasDistance
		}
		return a.DistanceKm < b.DistanceKm || (a.DistanceKm == b.DistanceKm && tie)
	case q.Sort == SortDate || q.Sort == SortDistance:
		return tie
	}
	return a.Relevance > b.Relevance || (a.Relevance == b.Relevance && tie)
}

func TestSearchMatchesBruteForce(t *testing.T) {
	cfg := genConfig()
	g := newGenerator(1)
	missions := g.missions(1500)
	ix := New(cfg)
	if err := ix.BuildMissions(missions[:1000]); err != nil {
		t.Fatal(err)
	}
	current := map[string]*Mission{}
	for i := range missions[:1000] {
		current[missions[i].ID] = &missions[i]
	}
	r := rand.New(rand.NewPCG(2, 3))
	next := 1000
	for round := range 400 {
		// Change the index between queries, the way handlers do.
		switch x := r.IntN(10); {
		case x < 3 && next < len(missions):
			m := missions[next]
			next++
			if err := ix.UpsertMission(m); err != nil {
				t.Fatal(err)
			}
			current[m.ID] = &m
		case x < 4:
			id := missions[r.IntN(next)].ID
			if ix.RemoveMission(id) != (current[id] != nil) {
				t.Fatalf("remove %s: wrong report", id)
			}
			delete(current, id)
		case x < 6:
			m := current[missions[r.IntN(next)].ID]
			if m == nil {
				break
			}
			cp := *m
			cp.Shifts = slices.Clone(m.Shifts)
			sh := &cp.Shifts[r.IntN(len(cp.Shifts))]
			sh.Taken = r.IntN(sh.Capacity + 1)
			if !ix.SetShiftTaken(cp.ID, sh.ID, sh.Taken) {
				t.Fatalf("set taken %s/%s: not found", cp.ID, sh.ID)
			}
			current[cp.ID] = &cp
		}
		now := genBase.Add(time.Duration(r.IntN(20*24*60)) * time.Minute)
		q := randomQuery(r, now)
		ref := refSearch(cfg, ix, current, q, now)
		ids, total, facets := searchAll(t, ix, q, now, ref)
		if total != len(ref.ids) || len(ids) != total {
			t.Fatalf("round %d query %+v: total %d, %d ids, want %d", round, q, total, len(ids), len(ref.ids))
		}
		for _, id := range ids {
			if !ref.ids[id] {
				t.Fatalf("round %d query %+v: %s should not match", round, q, id)
			}
		}
		if !mapsEqual(facets.Category, ref.catFacet) || !mapsEqual(facets.Remote, ref.remFacet) {
			t.Fatalf("round %d query %+v: facets %v %v, want %v %v", round, q, facets.Category, facets.Remote, ref.catFacet, ref.remFacet)
		}
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

func TestSearchRejectsBadQueries(t *testing.T) {
	ix := New(genConfig())
	for _, q := range []Query{
		{Sort: "price"},
		{Near: &Point{Lat: 91, Lon: 0}},
		{Near: &Point{Lat: 45, Lon: 2}, RadiusKm: -1},
		{From: genBase.Add(time.Hour), To: genBase},
	} {
		if _, err := ix.Search(q, genBase); err == nil {
			t.Errorf("query %+v: want an error", q)
		}
	}
}
