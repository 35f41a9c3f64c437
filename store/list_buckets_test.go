package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// Many entries spread over the buckets of their list, no bucket document
// grows with them, and the jobs' readers still find every entry. A
// database written before the buckets has its single documents replaced
// by the backfill.
func TestJobListBucketsStaySmall(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	if _, err := st.Migrate(ctx); err != nil { // the key indexes: reads by key without scans
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	const shifts, pending = 2000, 1000
	var apps []models.Application
	for i := range shifts + pending {
		a := models.Application{ID: NewID(), MissionID: NewID(), ShiftID: NewID(), OrgID: NewID(), VolunteerID: NewID(),
			Status: models.ApplicationWaitlisted, WaitlistRank: 1, ShiftStart: now.Add(48 * time.Hour), ShiftEnd: now.Add(50 * time.Hour),
			History: []models.StatusChange{}, Reminders: []string{}, CreatedAt: now.Add(-30 * time.Minute), UpdatedAt: now}
		if i >= shifts {
			a.Status, a.WaitlistRank = models.ApplicationPending, 0 // all made within one hour
		}
		a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
		apps = append(apps, a)
	}
	if err := st.InsertApplicationsBulk(ctx, apps); err != nil {
		t.Fatal(err)
	}
	// The single documents of the layout before buckets, as v4 left them.
	old := []string{openOffersKeyV4, waitlistedShiftsKeyV4, publishedKeyV4, pendingHoursKeyV4, missionQueuesKeyV1,
		"pending:" + hourKey(now), "accepted:" + hourKey(now.Add(48*time.Hour))}
	for _, key := range old {
		if err := st.writeJobList(ctx, key, bson.D{{Key: "$set", Value: bson.D{{Key: "apps.x", Value: true}}}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RedoBackfills(ctx, now); err != nil {
		t.Fatal(err)
	}
	for _, key := range old {
		var doc bson.M
		if err := st.findByKey(ctx, jobListsCol, key, nil, &doc); err != ErrNotFound {
			t.Errorf("the backfill left the unbucketed document %s: %v", key, err)
		}
	}

	// Every bucket holds a share of the entries, not all of them: three
	// times the mean is far above what a hash gives these counts.
	entries := func(key, field string) int {
		t.Helper()
		got, err := st.listEntries(ctx, key, field)
		if err != nil {
			t.Fatal(err)
		}
		return len(got)
	}
	total, most := 0, 0
	for _, key := range waitlistedShifts.keys() {
		n := entries(key, "shifts")
		total, most = total+n, max(most, n)
	}
	if total != shifts || most > 3*shifts/waitlistedShifts.buckets+3 {
		t.Errorf("waitlisted shifts: %d entries in all, %d in the largest bucket of %d", total, most, waitlistedShifts.buckets)
	}
	total, most = 0, 0
	for slot := range reminderSlots {
		n := entries(fmt.Sprintf("pending:%s#%02d", hourKey(now.Add(-30*time.Minute)), slot), "apps")
		total, most = total+n, max(most, n)
	}
	if total != pending || most > 3*pending/reminderSlots {
		t.Errorf("pending reminders of one hour: %d entries in all, %d in the largest sub-bucket of %d", total, most, reminderSlots)
	}
	if n := entries("pending_slots:"+hourKey(now.Add(-30*time.Minute)), "slots"); n != reminderSlots {
		t.Errorf("pending slots of the hour: %d listed, want %d", n, reminderSlots)
	}

	// A request lists its entry in its bucket; the readers find them all.
	extra := apps[0]
	extra.ID, extra.ShiftID, extra.VolunteerID = NewID(), NewID(), NewID()
	extra.VolunteerShift = extra.VolunteerID + ":" + extra.ShiftID
	if err := st.InsertApplication(ctx, &extra); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(waitlistedShifts.key(extra.ShiftID), "waitlisted_shifts#") {
		t.Fatalf("bucket key %q", waitlistedShifts.key(extra.ShiftID))
	}
	waiting, err := st.WaitlistedShifts(ctx, now)
	if err != nil || len(waiting) != shifts+1 || waiting[extra.ShiftID] != 1 {
		t.Fatalf("waitlisted shifts found by the job: %d of %d, %v", len(waiting), shifts+1, err)
	}
	due, err := st.PendingCreatedBefore(ctx, now, "", 2*pending)
	if err != nil || len(due) != pending {
		t.Fatalf("pending applications found by the reminder job: %d of %d, %v", len(due), pending, err)
	}
}
