package match

import (
	"errors"
	"testing"
	"unsafe"
)

func TestCompactRecords(t *testing.T) {
	if n := unsafe.Sizeof(volRec{}); n != 64 {
		t.Errorf("volRec is %d bytes, want 64", n)
	}
	if n := unsafe.Sizeof(missionHot{}); n != 24 {
		t.Errorf("missionHot is %d bytes, want 24", n)
	}
}

func TestUpdatesAndStats(t *testing.T) {
	ix := New(genConfig())
	g := newGenerator(31)
	if err := ix.UpsertVolunteer(Volunteer{ID: "not-an-id"}); !errors.Is(err, ErrInvalid) {
		t.Errorf("bad id: %v", err)
	}
	if err := ix.UpsertMission(Mission{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("mission without id: %v", err)
	}
	vols := g.volunteers(10)
	vols[3].ID = "zz"
	if err := ix.BuildVolunteers(vols); !errors.Is(err, ErrInvalid) {
		t.Errorf("build with a bad id: %v", err)
	}
	if st := ix.Stats(); st.Volunteers != 9 {
		t.Errorf("stats: %d volunteers, want 9", st.Volunteers)
	}
	if !ix.RemoveVolunteer(vols[0].ID) || ix.RemoveVolunteer(vols[0].ID) {
		t.Error("remove volunteer: wrong report")
	}
	if _, err := ix.Recommend(vols[0].ID, MatchOptions{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("recommend for a removed volunteer: %v", err)
	}
	if _, err := ix.Candidates("nope", MatchOptions{}); !errors.Is(err, ErrNotFound) {
		t.Errorf("candidates for an unknown mission: %v", err)
	}

	m := g.mission(1)
	if err := ix.UpsertMission(m); err != nil {
		t.Fatal(err)
	}
	got, ok := ix.Mission(m.ID)
	if !ok || got.Title != m.Title || len(got.Shifts) != len(m.Shifts) {
		t.Fatalf("Mission: %+v %v", got, ok)
	}
	got.Shifts[0].Taken = -5 // a copy: the index must not change
	if again, _ := ix.Mission(m.ID); again.Shifts[0].Taken == -5 {
		t.Error("Mission returned shared shifts")
	}
	m.Title = "Nouveau titre : cueillette"
	if err := ix.UpsertMission(m); err != nil {
		t.Fatal(err)
	}
	res, _ := ix.Search(Query{Text: "cueillette"}, genBase.AddDate(0, 0, -5))
	if res.Total != 1 {
		t.Errorf("search after the title changed: %d", res.Total)
	}
	if st := ix.Stats(); st.Missions != 1 || st.Tokens == 0 || st.ApproxBytes <= 0 {
		t.Errorf("stats: %+v", st)
	}
	if !ix.RemoveMission(m.ID) {
		t.Fatal("remove mission")
	}
	if st := ix.Stats(); st.Missions != 0 || st.Tokens != 0 {
		t.Errorf("stats after removal: %+v", st)
	}
}
