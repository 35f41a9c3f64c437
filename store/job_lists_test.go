package store

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// The job lists follow an application through waitlisted, offered and
// expired, so that the per-minute jobs find the waiting lists and the
// lapsed offers by key; entries left stale are dropped by the jobs' reads.
func TestJobListsFollowApplicationStates(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	shiftID, volunteer := NewID(), NewID()
	a := &models.Application{ID: NewID(), MissionID: NewID(), ShiftID: shiftID, OrgID: NewID(), VolunteerID: volunteer,
		VolunteerShift: volunteer + ":" + shiftID, Status: models.ApplicationWaitlisted, WaitlistRank: 1,
		ShiftStart: now.Add(48 * time.Hour), ShiftEnd: now.Add(50 * time.Hour), CreatedAt: now, UpdatedAt: now,
		History: []models.StatusChange{}, Reminders: []string{}}
	if err := st.InsertApplication(ctx, a); err != nil {
		t.Fatal(err)
	}
	waiting, err := st.WaitlistedShifts(ctx, now)
	if err != nil || waiting[shiftID] != 1 {
		t.Fatalf("waitlisted shifts after a waitlisted application: %v, %v", waiting, err)
	}

	expires := now.Add(time.Hour)
	change := func(from, to models.ApplicationStatus, ch ApplicationChange) {
		t.Helper()
		ch.From = []models.ApplicationStatus{from}
		ch.Entry = models.StatusChange{At: now, By: "system", Actor: models.ActorSystem, From: from, To: to}
		if _, err := st.TransitionApplication(ctx, a.ID, ch); err != nil {
			t.Fatalf("%s -> %s: %v", from, to, err)
		}
	}
	change(models.ApplicationWaitlisted, models.ApplicationOffered, ApplicationChange{OfferExpiresAt: &expires, ClearRank: true})
	if lapsed, err := st.LapsedOffers(ctx, now, 10); err != nil || len(lapsed) != 0 {
		t.Fatalf("offers lapsed before the deadline: %v, %v", lapsed, err)
	}
	lapsed, err := st.LapsedOffers(ctx, expires, 10)
	if err != nil || len(lapsed) != 1 || lapsed[0].ID != a.ID {
		t.Fatalf("offers lapsed at the deadline: %v, %v", lapsed, err)
	}
	waiting, err = st.WaitlistedShifts(ctx, now)
	if err != nil || len(waiting) != 0 {
		t.Fatalf("waitlisted shifts once the only applicant is offered the place: %v, %v", waiting, err)
	}
	if doc, err := st.jobList(ctx, waitlistedShifts); err != nil || doc.Shifts[shiftID] {
		t.Fatalf("a shift whose waiting list emptied stays listed: %v, %v", doc, err)
	}

	change(models.ApplicationOffered, models.ApplicationExpired, ApplicationChange{OfferLapsedAt: expires, ClearOffer: true})
	if lapsed, err := st.LapsedOffers(ctx, expires, 10); err != nil || len(lapsed) != 0 {
		t.Fatalf("offers lapsed once expired: %v, %v", lapsed, err)
	}
	if doc, err := st.jobList(ctx, openOffers); err != nil || len(doc.Offers) != 0 {
		t.Fatalf("open offers once expired: %v, %v", doc, err)
	}

	// An entry left behind (a crash between two writes) is dropped by the
	// job's read, and a shift that has begun leaves the waiting lists.
	if err := st.setListEntry(ctx, openOffers, a.ID, expires); err != nil {
		t.Fatal(err)
	}
	if lapsed, err := st.LapsedOffers(ctx, expires, 10); err != nil || len(lapsed) != 0 {
		t.Fatalf("a stale offer entry is returned: %v, %v", lapsed, err)
	}
	if doc, err := st.jobList(ctx, openOffers); err != nil || len(doc.Offers) != 0 {
		t.Fatalf("a stale offer entry stays: %v, %v", doc, err)
	}
	b := *a
	b.ID, b.VolunteerID, b.VolunteerShift, b.Status, b.OfferExpiresAt = NewID(), NewID(), "", models.ApplicationWaitlisted, nil
	b.VolunteerShift = b.VolunteerID + ":" + shiftID
	if err := st.InsertApplication(ctx, &b); err != nil {
		t.Fatal(err)
	}
	if waiting, err := st.WaitlistedShifts(ctx, now); err != nil || waiting[shiftID] != 1 {
		t.Fatalf("waitlisted shifts after a second applicant: %v, %v", waiting, err)
	}
	if waiting, err := st.WaitlistedShifts(ctx, b.ShiftStart); err != nil || len(waiting) != 0 {
		t.Fatalf("waitlisted shifts once the shift began: %v, %v", waiting, err)
	}
	if doc, err := st.jobList(ctx, waitlistedShifts); err != nil || doc.Shifts[shiftID] {
		t.Fatalf("a shift that began stays listed: %v, %v", doc, err)
	}
}

// The backfill lists offers and waiting lists written before the lists
// existed (or by a bulk load).
func TestBackfillJobLists(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	expires := now.Add(time.Hour)
	offered := models.Application{ID: NewID(), ShiftID: NewID(), VolunteerID: NewID(), Status: models.ApplicationOffered,
		OfferExpiresAt: &expires, ShiftStart: now.Add(24 * time.Hour)}
	offered.VolunteerShift = offered.VolunteerID + ":" + offered.ShiftID
	waitlisted := models.Application{ID: NewID(), ShiftID: NewID(), VolunteerID: NewID(), Status: models.ApplicationWaitlisted,
		ShiftStart: now.Add(24 * time.Hour)}
	waitlisted.VolunteerShift = waitlisted.VolunteerID + ":" + waitlisted.ShiftID
	// Two on one shift and one day: each list field is written once.
	second := waitlisted
	second.ID, second.VolunteerID = NewID(), NewID()
	second.VolunteerShift = second.VolunteerID + ":" + second.ShiftID
	pendingA := models.Application{ID: NewID(), ShiftID: NewID(), OrgID: NewID(), VolunteerID: NewID(), Status: models.ApplicationPending,
		CreatedAt: now.Add(-4 * 24 * time.Hour), ShiftStart: now.Add(24 * time.Hour)}
	pendingA.VolunteerShift = pendingA.VolunteerID + ":" + pendingA.ShiftID
	pendingB := pendingA
	pendingB.ID, pendingB.VolunteerID = NewID(), NewID()
	pendingB.VolunteerShift = pendingB.VolunteerID + ":" + pendingB.ShiftID
	if err := st.InsertApplicationsBulk(ctx, []models.Application{offered, waitlisted, second, pendingA, pendingB}); err != nil {
		t.Fatal(err)
	}
	if err := st.RedoBackfills(ctx, now); err != nil {
		t.Fatal(err)
	}
	if lapsed, err := st.LapsedOffers(ctx, expires, 10); err != nil || len(lapsed) != 1 || lapsed[0].ID != offered.ID {
		t.Fatalf("lapsed offers after the backfill: %v, %v", lapsed, err)
	}
	if waiting, err := st.WaitlistedShifts(ctx, now); err != nil || waiting[waitlisted.ShiftID] != 2 {
		t.Fatalf("waitlisted shifts after the backfill: %v, %v", waiting, err)
	}
	if n, err := st.CountPendingApplicationsOfOrg(ctx, pendingA.OrgID); err != nil || n != 2 {
		t.Fatalf("organisation's pending count after the backfill: %d, %v", n, err)
	}
	if due, err := st.PendingCreatedBefore(ctx, now.Add(-3*24*time.Hour), "k3", 10); err != nil || len(due) != 2 {
		t.Fatalf("pending reminders due after the backfill: %v, %v", due, err)
	}
}

// published_missions follows a mission's publication and last shift, so
// that auto-close finds the ended missions by key.
func TestPublishedMissionsListForAutoClose(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	m := &models.Mission{ID: NewID(), OrgID: NewID(), Title: "Distribution", Status: models.MissionPublished,
		LastShiftEnd: now.Add(time.Hour), CreatedAt: now, UpdatedAt: now}
	if err := st.CreateMission(ctx, m, nil); err != nil {
		t.Fatal(err)
	}
	ended := func(at time.Time) []models.Mission {
		t.Helper()
		out, err := st.EndedPublishedMissions(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	if got := ended(now); len(got) != 0 {
		t.Fatalf("ended before its last shift: %v", got)
	}
	if got := ended(now.Add(time.Hour)); len(got) != 1 || got[0].ID != m.ID {
		t.Fatalf("ended at its last shift's end: %v", got)
	}
	if err := st.SetLastShiftEnd(ctx, m.ID, now.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got := ended(now.Add(2 * time.Hour)); len(got) != 0 {
		t.Fatalf("ended before a shift added later: %v", got)
	}
	if _, err := st.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "test", now); err != nil {
		t.Fatal(err)
	}
	if got := ended(now.Add(5 * time.Hour)); len(got) != 0 {
		t.Fatalf("a closed mission listed as ended: %v", got)
	}
	if doc, err := st.jobList(ctx, publishedMissions); err != nil || len(doc.Ends) != 0 {
		t.Fatalf("a closed mission stays listed: %v, %v", doc, err)
	}
}

// The sweep no longer needs the waiting lists' lengths (it reads the
// shifts: applications.FillWaitlists); the tests still read them through
// this, to check the list follows the applications.

// WaitlistedShifts counts, per shift id, the applications on the waiting
// list of the shifts listed in waitlisted_shifts that have not started at
// now: one key read per bucket of the list, two per shift. Shifts whose waiting list
// has emptied or that have started are dropped from the list.
func (s *Store) WaitlistedShifts(ctx context.Context, now time.Time) (map[string]int64, error) {
	doc, err := s.jobList(ctx, waitlistedShifts)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for shiftID := range doc.Shifts {
		n, started, err := s.waitlistedOn(ctx, shiftID, now)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out[shiftID] = n
			continue
		}
		if err := s.setListEntry(ctx, waitlistedShifts, shiftID, nil); err != nil {
			return nil, err
		}
		if started {
			continue // no place is offered on a shift that has begun
		}
		// Look again: an applicant waitlisted meanwhile (whose own write
		// may have come before this removal) puts the shift back.
		if n, _, err = s.waitlistedOn(ctx, shiftID, now); err != nil {
			return nil, err
		}
		if n > 0 {
			out[shiftID] = n
			if err := s.setListEntry(ctx, waitlistedShifts, shiftID, true); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// waitlistedOn returns the length of a shift's waiting list (0 once the
// shift has started at now, reported by started). The list's first
// application tells the shift's start; entries that a crash left behind
// are skipped by the promotion that reads them (OldestWaitlisted).
func (s *Store) waitlistedOn(ctx context.Context, shiftID string, now time.Time) (n int64, started bool, err error) {
	list, err := s.shiftApps(ctx, shiftID)
	if err != nil || len(list.Waitlisted) == 0 {
		return 0, false, err
	}
	for _, id := range list.Waitlisted {
		a, err := s.ApplicationByID(ctx, id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return 0, false, err
		}
		if !a.ShiftStart.IsZero() && !a.ShiftStart.After(now) {
			return 0, true, nil
		}
		return int64(len(list.Waitlisted)), false, nil
	}
	return 0, false, nil
}
