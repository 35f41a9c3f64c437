package store

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// The reminder job's queries are answered from hour buckets that follow an
// application from pending to accepted and record the reminders sent.
func TestReminderBucketsFollowApplications(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 10, 9, 0, 0, 0, time.UTC)
	created := now.Add(-4 * 24 * time.Hour)
	a := &models.Application{ID: NewID(), MissionID: NewID(), ShiftID: NewID(), OrgID: NewID(), VolunteerID: NewID(),
		Status: models.ApplicationPending, ShiftStart: now.Add(20 * time.Hour), ShiftEnd: now.Add(22 * time.Hour),
		History: []models.StatusChange{}, Reminders: []string{}, CreatedAt: created, UpdatedAt: created}
	a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
	if err := st.InsertApplication(ctx, a); err != nil {
		t.Fatal(err)
	}
	ids := func(apps []models.Application, err error) []string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		out := []string{}
		for _, x := range apps {
			out = append(out, x.ID)
		}
		return out
	}
	if got := ids(st.PendingCreatedBefore(ctx, now.Add(-3*24*time.Hour), "k3", 10)); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("pending for 3 days: %v", got)
	}
	if got := ids(st.PendingCreatedBefore(ctx, now.Add(-7*24*time.Hour), "k7", 10)); len(got) != 0 {
		t.Fatalf("pending for 7 days: %v", got)
	}
	if ok, err := st.MarkReminder(ctx, a.ID, models.ApplicationPending, "k3"); err != nil || !ok {
		t.Fatalf("mark reminder: %v, %v", ok, err)
	}
	if got := ids(st.PendingCreatedBefore(ctx, now.Add(-3*24*time.Hour), "k3", 10)); len(got) != 0 {
		t.Fatalf("pending for 3 days once reminded: %v", got)
	}
	if got := ids(st.PendingCreatedBefore(ctx, now.Add(-3*24*time.Hour), "", 10)); len(got) != 1 {
		t.Fatalf("pending for 3 days, any reminder: %v", got)
	}
	_, err := st.TransitionApplication(ctx, a.ID, ApplicationChange{From: []models.ApplicationStatus{models.ApplicationPending},
		Entry: models.StatusChange{At: now, By: a.OrgID, Actor: models.ActorOrganization, From: models.ApplicationPending, To: models.ApplicationAccepted}, Decided: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(st.PendingCreatedBefore(ctx, now, "", 10)); len(got) != 0 {
		t.Fatalf("pending once accepted: %v", got)
	}
	if got := ids(st.AcceptedStartingBetween(ctx, now.Add(2*time.Hour), now.Add(24*time.Hour), "s24", 10)); len(got) != 1 || got[0] != a.ID {
		t.Fatalf("accepted starting within a day: %v", got)
	}
	if got := ids(st.AcceptedStartingBetween(ctx, now, now.Add(2*time.Hour), "s2", 10)); len(got) != 0 {
		t.Fatalf("accepted starting within 2 hours: %v", got)
	}
	if ok, err := st.MarkReminder(ctx, a.ID, models.ApplicationAccepted, "s24"); err != nil || !ok {
		t.Fatalf("mark reminder: %v, %v", ok, err)
	}
	if got := ids(st.AcceptedStartingBetween(ctx, now.Add(2*time.Hour), now.Add(24*time.Hour), "s24", 10)); len(got) != 0 {
		t.Fatalf("accepted starting within a day once reminded: %v", got)
	}
	// The pending hour emptied: the job's read takes it off every level
	// of the index.
	for _, e := range pendingIndex(a.CreatedAt, a.ID) {
		if entries, err := st.listEntries(ctx, e[0], e[1]); err != nil || len(entries) != 0 {
			t.Fatalf("%s once none is pending: %v, %v", e[0], entries, err)
		}
	}
}
