package applications_test

import (
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// TestSweepOffersAPlaceNobodyOffered: a place freed without its offer (a
// crash between the release and the offer) goes to the waiting list at
// the next sweep; a shift that has begun leaves the sweep's list.
func TestSweepOffersAPlaceNobodyOffered(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.now.Add(48*time.Hour))
	shift := shifts[0].ID
	first, _, err := w.svc.Apply(w.ctx, w.volunteer("Awa"), m.ID, shift, "")
	if err != nil || first.Status != models.ApplicationAccepted {
		t.Fatalf("first applicant: %v %+v", err, first)
	}
	second, _, err := w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shift, "")
	if err != nil || second.Status != models.ApplicationWaitlisted {
		t.Fatalf("second applicant: %v %+v", err, second)
	}
	if moved, err := w.svc.FillWaitlists(w.ctx); err != nil || moved != 0 {
		t.Fatalf("sweep of a full shift: moved %d, %v", moved, err)
	}
	// The store gives the place back, and nothing offers it.
	if err := w.store.ReleasePlace(w.ctx, shift); err != nil {
		t.Fatal(err)
	}
	if moved, err := w.svc.FillWaitlists(w.ctx); err != nil || moved != 1 {
		t.Fatalf("sweep after a place freed without an offer: moved %d, %v", moved, err)
	}
	if a, err := w.store.ApplicationByID(w.ctx, second.ID); err != nil || a.Status != models.ApplicationOffered {
		t.Fatalf("waitlisted applicant after the sweep: %v %+v, want offered", err, a)
	}

	ids, err := w.store.WaitlistedShiftIDs(w.ctx)
	if err != nil || !slices.Contains(ids, shift) {
		t.Fatalf("listed shifts before the start: %v %v", ids, err)
	}
	w.advance(49 * time.Hour)
	if _, err := w.svc.FillWaitlists(w.ctx); err != nil {
		t.Fatal(err)
	}
	if ids, err := w.store.WaitlistedShiftIDs(w.ctx); err != nil || slices.Contains(ids, shift) {
		t.Fatalf("a shift that has begun is still listed: %v %v", ids, err)
	}
}
