package seeds_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// TestSyntheticYearOfUse: the synthetic set holds applications in every
// state, consistent with the shifts' places and the volunteers' lists, the
// other collections of a year of use, and records what it is.
func TestSyntheticYearOfUse(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	var progress bytes.Buffer
	counts, err := seeds.Synthetic(ctx, st, "hash", time.Now().UTC(), seeds.SyntheticOptions{
		Missions: 60, Volunteers: 300, Seed: 11, Progress: &progress})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "100%") || !strings.Contains(progress.String(), "time left") {
		t.Errorf("progress: %q", progress.String())
	}
	if counts.Volunteers != 300 || counts.Applications < 400 || counts.Applications > 800 {
		t.Errorf("counts: %+v", counts)
	}
	for _, s := range []models.ApplicationStatus{models.ApplicationPending, models.ApplicationAccepted, models.ApplicationDeclined,
		models.ApplicationWithdrawn, models.ApplicationWaitlisted, models.ApplicationAttended, models.ApplicationNoShow} {
		if counts.ByStatus[s] == 0 {
			t.Errorf("no application %s", s)
		}
	}
	if counts.Messages == 0 || counts.Notifications == 0 || counts.Reports == 0 || counts.Audit == 0 {
		t.Errorf("a year of use lacks something: %+v", counts)
	}
	apps, total, err := st.Applications(ctx, store.ApplicationFilter{}, "created_at", 0, 0)
	if err != nil || total != int64(counts.Applications) {
		t.Fatalf("%d applications stored, %d counted (%v)", total, counts.Applications, err)
	}
	holding := map[string]int{}
	perVolunteer := map[string]int{}
	for _, a := range apps {
		if a.Status.HoldsPlace() {
			holding[a.ShiftID]++
		}
		perVolunteer[a.VolunteerID]++
	}
	missions, _, err := st.Missions(ctx, store.MissionFilter{}, "created_at", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range missions {
		shifts, err := st.ShiftsOfMissions(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, sh := range shifts {
			if sh.Taken != holding[sh.ID] || sh.Taken > sh.Capacity {
				t.Errorf("shift %s: taken %d, capacity %d, %d applications hold a place", sh.ID, sh.Taken, sh.Capacity, holding[sh.ID])
			}
		}
	}
	checked := 0
	for volunteerID, n := range perVolunteer {
		if checked++; checked > 10 { // a sample: each list is several reads
			break
		}
		list, err := st.ApplicationsOfVolunteer(ctx, volunteerID, time.Time{})
		if err != nil || len(list) != n {
			t.Fatalf("volunteer %s: %d in the list, %d stored (%v)", volunteerID, len(list), n, err)
		}
	}
	ds, err := st.Dataset(ctx)
	if err != nil || ds == nil || ds.Kind != store.DatasetSynthetic || ds.Volunteers != 300 {
		t.Errorf("dataset: %+v %v", ds, err)
	}
	if first, err := st.MarkOnce(ctx, "demo-seeds", time.Now()); err != nil || first {
		t.Errorf("the demo data could still be loaded on top (first %v, %v)", first, err)
	}
}
