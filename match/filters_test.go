package match

import (
	"slices"
	"testing"
	"time"
)

// hitIDs runs a search and returns the ids found, sorted.
func hitIDs(t *testing.T, ix *Index, q Query, now time.Time) []string {
	t.Helper()
	res, err := ix.Search(q, now)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, hit := range res.Items {
		ids = append(ids, hit.Mission.ID)
	}
	slices.Sort(ids)
	return ids
}

func recommendedIDs(t *testing.T, ix *Index, v Volunteer, now time.Time) []string {
	t.Helper()
	recs, err := ix.RecommendFor(v, MatchOptions{Now: now, Limit: 50})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, rec := range recs {
		ids = append(ids, rec.Mission.ID)
	}
	slices.Sort(ids)
	return ids
}

var (
	lyon = Point{Lat: 45.7640, Lon: 4.8357}
	day  = 24 * time.Hour
)

func shiftAt(id string, start time.Time, capacity, taken int) Shift {
	return Shift{ID: id, Start: start, End: start.Add(2 * time.Hour), Capacity: capacity, Taken: taken}
}

func TestPlacesAndTimeFilters(t *testing.T) {
	now := genBase
	ix := New(genConfig())
	missions := []Mission{
		{ID: "open", Shifts: []Shift{shiftAt("a", now.Add(day), 2, 1)}},
		{ID: "full", Shifts: []Shift{shiftAt("a", now.Add(day), 2, 2)}},
		{ID: "past", Shifts: []Shift{shiftAt("a", now.Add(-day), 2, 0)}},
		{ID: "mixed", Shifts: []Shift{shiftAt("old", now.Add(-day), 5, 0), shiftAt("full", now.Add(day), 1, 1),
			shiftAt("later", now.Add(3*day), 4, 1)}},
	}
	for _, m := range missions {
		m.Lat, m.Lon, m.HasLocation = lyon.Lat, lyon.Lon, true
		if err := ix.UpsertMission(m); err != nil {
			t.Fatal(err)
		}
	}
	vol := Volunteer{Lat: lyon.Lat, Lon: lyon.Lon, HasLocation: true}
	if got, want := hitIDs(t, ix, Query{}, now), []string{"mixed", "open"}; !slices.Equal(got, want) {
		t.Fatalf("search: %v, want %v", got, want)
	}
	if got, want := recommendedIDs(t, ix, vol, now), []string{"mixed", "open"}; !slices.Equal(got, want) {
		t.Fatalf("recommend: %v, want %v", got, want)
	}
	res, _ := ix.Search(Query{Text: "", Sort: SortDate}, now)
	for _, hit := range res.Items {
		if hit.Mission.ID == "mixed" && (hit.NextShift.ID != "later" || hit.PlacesLeft != 3) {
			t.Errorf("mixed: next shift %s with %d places, want later with 3", hit.NextShift.ID, hit.PlacesLeft)
		}
	}

	// The last place goes: the mission disappears; it comes back when a place is freed.
	if !ix.SetShiftTaken("open", "a", 2) {
		t.Fatal("set taken: shift not found")
	}
	if got := hitIDs(t, ix, Query{}, now); !slices.Equal(got, []string{"mixed"}) {
		t.Fatalf("after the last place went: %v", got)
	}
	if slices.Contains(recommendedIDs(t, ix, vol, now), "open") {
		t.Fatal("a full mission is recommended")
	}
	ix.SetShiftTaken("full", "a", 1)
	if got := hitIDs(t, ix, Query{}, now); !slices.Equal(got, []string{"full", "mixed"}) {
		t.Fatalf("after a place was freed: %v", got)
	}
	if m, _ := ix.Mission("full"); m.Shifts[0].Taken != 1 {
		t.Fatalf("Mission: taken %d, want 1", m.Shifts[0].Taken)
	}

	// Time passes: once its shifts have started, a mission is gone.
	if got := hitIDs(t, ix, Query{}, now.Add(2*day)); !slices.Equal(got, []string{"mixed"}) {
		t.Fatalf("two days later: %v", got)
	}
	if got := hitIDs(t, ix, Query{}, now.Add(4*day)); len(got) != 0 {
		t.Fatalf("four days later: %v", got)
	}
	if got := recommendedIDs(t, ix, vol, now.Add(4*day)); len(got) != 0 {
		t.Fatalf("recommended four days later: %v", got)
	}
}

func TestAgeFilters(t *testing.T) {
	now := time.Date(2026, 5, 1, 8, 0, 0, 0, time.UTC)
	ix := New(genConfig())
	for _, m := range []Mission{
		{ID: "any", Shifts: []Shift{shiftAt("a", now.Add(day), 5, 0)}},
		{ID: "16", MinAge: 16, Shifts: []Shift{shiftAt("a", now.Add(day), 5, 0)}},
		{ID: "18", MinAge: 18, Shifts: []Shift{shiftAt("a", now.Add(day), 5, 0)}},
		// The volunteer below turns 18 on 15 June 2026: only the second shift suits them.
		{ID: "18-later", MinAge: 18, Shifts: []Shift{shiftAt("june1", time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC), 5, 0),
			shiftAt("june20", time.Date(2026, 6, 20, 8, 0, 0, 0, time.UTC), 5, 0)}},
	} {
		m.Lat, m.Lon, m.HasLocation = lyon.Lat, lyon.Lon, true
		if err := ix.UpsertMission(m); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		age  int
		want []string
	}{
		{0, []string{"16", "18", "18-later", "any"}},
		{15, []string{"any"}},
		{16, []string{"16", "any"}},
		{18, []string{"16", "18", "18-later", "any"}},
	} {
		if got := hitIDs(t, ix, Query{Age: tc.age}, now); !slices.Equal(got, tc.want) {
			t.Errorf("search age %d: %v, want %v", tc.age, got, tc.want)
		}
	}
	vol := Volunteer{Lat: lyon.Lat, Lon: lyon.Lon, HasLocation: true}
	for _, tc := range []struct {
		birth time.Time
		want  []string
	}{
		{time.Time{}, []string{"16", "any"}}, // unknown: MinAge up to 16
		{time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC), []string{"any"}},
		{time.Date(2008, 6, 15, 0, 0, 0, 0, time.UTC), []string{"16", "18-later", "any"}},
		{time.Date(1990, 6, 15, 0, 0, 0, 0, time.UTC), []string{"16", "18", "18-later", "any"}},
	} {
		vol.BirthDate = tc.birth
		if got := recommendedIDs(t, ix, vol, now); !slices.Equal(got, tc.want) {
			t.Errorf("recommend born %v: %v, want %v", tc.birth.Format(time.DateOnly), got, tc.want)
		}
	}
	vol.BirthDate = time.Date(2008, 6, 15, 0, 0, 0, 0, time.UTC)
	recs, _ := ix.RecommendFor(vol, MatchOptions{Now: now})
	for _, rec := range recs {
		if rec.Mission.ID == "18-later" && rec.NextShift.ID != "june20" {
			t.Errorf("18-later: next shift %s, want june20 (the first one after the 18th birthday)", rec.NextShift.ID)
		}
	}
}

func TestVettingAndRadius(t *testing.T) {
	now := genBase
	ix := New(genConfig())
	near := Mission{ID: "near", Lat: lyon.Lat + 0.05, Lon: lyon.Lon, HasLocation: true, // 5.6 km north
		Shifts: []Shift{shiftAt("a", now.Add(day), 5, 0)}}
	far := near
	far.ID, far.Lat = "far", lyon.Lat+0.2 // 22 km north
	vetting := near
	vetting.ID, vetting.RequiresVetting = "vetting", true
	remote := Mission{ID: "remote", Remote: true, Shifts: near.Shifts}
	unlocated := Mission{ID: "unlocated", Shifts: near.Shifts}
	for _, m := range []Mission{near, far, vetting, remote, unlocated} {
		if err := ix.UpsertMission(m); err != nil {
			t.Fatal(err)
		}
	}
	vol := Volunteer{Lat: lyon.Lat, Lon: lyon.Lon, HasLocation: true, RadiusKm: 10}
	if got := recommendedIDs(t, ix, vol, now); !slices.Equal(got, []string{"near"}) {
		t.Errorf("radius 10: %v", got)
	}
	vol.RadiusKm, vol.Remote, vol.Vetted = 30, true, true
	if got, want := recommendedIDs(t, ix, vol, now), []string{"far", "near", "remote", "vetting"}; !slices.Equal(got, want) {
		t.Errorf("radius 30, remote, vetted: %v, want %v", got, want)
	}
	vol.HasLocation = false
	if got := recommendedIDs(t, ix, vol, now); !slices.Equal(got, []string{"remote"}) {
		t.Errorf("no location: %v", got)
	}
	// Search: near a point, remote missions are included unless Remote says otherwise.
	if got, want := hitIDs(t, ix, Query{Near: &lyon, RadiusKm: 10}, now), []string{"near", "remote", "vetting"}; !slices.Equal(got, want) {
		t.Errorf("search near: %v, want %v", got, want)
	}
	onSite := false
	if got, want := hitIDs(t, ix, Query{Near: &lyon, RadiusKm: 10, Remote: &onSite}, now), []string{"near", "vetting"}; !slices.Equal(got, want) {
		t.Errorf("search near, on site: %v, want %v", got, want)
	}
	if got, want := hitIDs(t, ix, Query{Remote: &onSite}, now), []string{"far", "near", "unlocated", "vetting"}; !slices.Equal(got, want) {
		t.Errorf("search on site: %v, want %v", got, want)
	}
}
