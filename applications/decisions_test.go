package applications_test

import (
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

func TestAcceptTakesAPlaceAndWaitlistsThePending(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(false, 1, w.weekly(1)...)
	a, _, err := w.svc.Apply(w.ctx, w.volunteer("Awa"), m.ID, shifts[0].ID, "")
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	b, _, err := w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shifts[0].ID, "")
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	accepted, err := w.svc.Accept(w.ctx, a, w.owner)
	if err != nil || accepted.Status != models.ApplicationAccepted {
		t.Fatalf("accept: %v %v", err, accepted)
	}
	if n := w.taken(m, shifts[0].ID); n != 1 {
		t.Fatalf("taken = %d, want 1", n)
	}
	// The shift is full: the other pending one waits, and cannot be
	// accepted.
	if got := w.reread(b.ID); got.Status != models.ApplicationWaitlisted {
		t.Fatalf("pending application of a full shift: %s, want waitlisted", got.Status)
	}
	_, err = w.svc.Accept(w.ctx, w.reread(b.ID), w.owner)
	refused(t, err, applications.CodeShiftFull)
	// Accepting twice names the state.
	_, err = w.svc.Accept(w.ctx, accepted, w.owner)
	inState(t, err, "accepted")
}

func TestDeclineAndAttendance(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(false, 2, w.weekly(1)...)
	a, _, _ := w.svc.Apply(w.ctx, w.volunteer("Awa"), m.ID, shifts[0].ID, "")
	b, _, _ := w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shifts[0].ID, "")
	declined, err := w.svc.Decline(w.ctx, a, w.owner, models.DeclineReasons[0], "")
	if err != nil || declined.Status != models.ApplicationDeclined {
		t.Fatalf("decline: %v %v", err, declined)
	}
	_, err = w.svc.Decline(w.ctx, declined, w.owner, models.DeclineReasons[0], "")
	inState(t, err, "declined")

	accepted, err := w.svc.Accept(w.ctx, b, w.owner)
	if err != nil {
		t.Fatalf("accept: %v", err)
	}
	_, err = w.svc.RecordAttendance(w.ctx, accepted, models.ApplicationAttended, w.owner)
	refused(t, err, applications.CodeShiftNotStarted)
	w.advance(25 * time.Hour)
	attended, err := w.svc.RecordAttendance(w.ctx, accepted, models.ApplicationAttended, w.owner)
	if err != nil || attended.Status != models.ApplicationAttended || attended.Hours != 2 {
		t.Fatalf("attendance: %v %+v", err, attended)
	}
}

func TestDecideByIDIsScopedToTheOrganisation(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(false, 2, w.weekly(1)...)
	a, _, _ := w.svc.Apply(w.ctx, w.volunteer("Awa"), m.ID, shifts[0].ID, "")
	for _, id := range []string{a.ID, "not-an-id", store.NewID()} {
		if _, err := w.svc.DecideByID(w.ctx, store.NewID(), id, w.owner, false, "", ""); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("another organisation deciding %s: %v", id, err)
		}
	}
	got, err := w.svc.DecideByID(w.ctx, w.org.ID, a.ID, w.owner, true, models.DeclineReasons[0], "")
	if err != nil || got.Status != models.ApplicationDeclined {
		t.Fatalf("decide: %v %v", err, got)
	}
}

func TestWithdrawFreesThePlaceForTheWaitingList(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.weekly(1)...)
	awa, bruno := w.volunteer("Awa"), w.volunteer("Bruno")
	a, _, _ := w.svc.Apply(w.ctx, awa, m.ID, shifts[0].ID, "")
	b, _, _ := w.svc.Apply(w.ctx, bruno, m.ID, shifts[0].ID, "")
	if b.Status != models.ApplicationWaitlisted {
		t.Fatalf("second: %s", b.Status)
	}
	// Someone else's application is not found.
	if _, err := w.svc.Withdraw(w.ctx, bruno, a, ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("withdrawing another's application: %v", err)
	}
	withdrawn, err := w.svc.Withdraw(w.ctx, awa, a, "empêchée")
	if err != nil || withdrawn.Status != models.ApplicationWithdrawn {
		t.Fatalf("withdraw: %v %v", err, withdrawn)
	}
	offered := w.reread(b.ID)
	if offered.Status != models.ApplicationOffered {
		t.Fatalf("waitlisted after a withdrawal: %s, want offered", offered.Status)
	}
	confirmed, err := w.svc.Confirm(w.ctx, offered)
	if err != nil || confirmed.Status != models.ApplicationAccepted {
		t.Fatalf("confirm: %v %v", err, confirmed)
	}
	if n := w.taken(m, shifts[0].ID); n != 1 {
		t.Fatalf("taken = %d, want 1", n)
	}
	_, err = w.svc.Withdraw(w.ctx, awa, withdrawn, "")
	inState(t, err, "withdrawn")
	// An accepted shift that started can no longer be withdrawn.
	w.advance(25 * time.Hour)
	if w.svc.CanWithdraw(confirmed) {
		t.Fatal("CanWithdraw after the start")
	}
	_, err = w.svc.Withdraw(w.ctx, bruno, confirmed, "")
	refused(t, err, applications.CodeShiftStarted)
}
