package applications_test

import (
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

func TestApplyAutoAcceptTakesAPlaceThenWaitlists(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.weekly(1)...)
	first, second := w.volunteer("Awa"), w.volunteer("Bruno")
	a, got, err := w.svc.Apply(w.ctx, first, m.ID, shifts[0].ID, "  Bonjour  ")
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if a.Status != models.ApplicationAccepted || got.ID != m.ID || a.Message != "Bonjour" {
		t.Fatalf("first application: status %s, message %q", a.Status, a.Message)
	}
	if n := w.taken(m, shifts[0].ID); n != 1 {
		t.Fatalf("taken = %d, want 1", n)
	}
	b, _, err := w.svc.Apply(w.ctx, second, m.ID, shifts[0].ID, "")
	if err != nil {
		t.Fatalf("apply to a full shift: %v", err)
	}
	if b.Status != models.ApplicationWaitlisted || b.WaitlistRank == 0 {
		t.Fatalf("second application: status %s rank %d, want waitlisted", b.Status, b.WaitlistRank)
	}
}

func TestApplyManualReviewIsPending(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(false, 2, w.weekly(1)...)
	a, _, err := w.svc.Apply(w.ctx, w.volunteer("Awa"), m.ID, shifts[0].ID, "")
	if err != nil || a.Status != models.ApplicationPending {
		t.Fatalf("apply: %v, status %v", err, a)
	}
	if n := w.taken(m, shifts[0].ID); n != 0 {
		t.Fatalf("a pending application took a place: taken = %d", n)
	}
}

func TestApplyRefusals(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Awa")
	m, shifts := w.mission(true, 3, w.weekly(2)...)

	if _, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, ""); err != nil {
		t.Fatalf("apply: %v", err)
	}
	_, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
	refused(t, err, applications.CodeAlreadyApplied)

	// Members run their mission; they do not apply to it.
	_, _, err = w.svc.Apply(w.ctx, applications.Volunteer{ID: w.owner}, m.ID, shifts[0].ID, "")
	if !errors.Is(err, applications.ErrOwnMission) {
		t.Fatalf("member applying: %v", err)
	}
	// A shift of another mission is not found.
	other, otherShifts := w.mission(true, 1, w.weekly(1)...)
	_, _, err = w.svc.Apply(w.ctx, v, m.ID, otherShifts[0].ID, "")
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("shift of another mission: %v", err)
	}
	// An overlapping accepted shift of another mission.
	_, _, err = w.svc.Apply(w.ctx, v, other.ID, otherShifts[0].ID, "")
	refused(t, err, applications.CodeOverlap)

	// A started shift.
	w.advance(8 * 24 * time.Hour)
	_, _, err = w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shifts[0].ID, "")
	refused(t, err, applications.CodeShiftStarted)
}

func TestApplyMissionNotOpen(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Awa")
	for status, want := range map[models.MissionStatus]string{models.MissionDraft: "", models.MissionSubmitted: "",
		models.MissionClosed: "closed", models.MissionCancelled: "cancelled"} {
		m, shifts := w.missionWith(func(m *models.Mission) { m.Status = status }, 1, w.weekly(1)...)
		_, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
		if want == "" {
			// Not public: volunteers cannot know it exists.
			if !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("%s mission: want not found, got %v", status, err)
			}
			continue
		}
		inState(t, err, want)
	}
}

func TestApplyAgeRules(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.missionWith(func(m *models.Mission) { m.MinAge = 21 }, 2, w.weekly(1)...)
	v := w.volunteer("Awa")
	_, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
	refused(t, err, applications.CodeBirthDateRequired)
	birth := w.now.AddDate(-19, 0, 0)
	if err := w.store.SetProfile(w.ctx, v.ID, models.Profile{BirthDate: &birth}, w.now); err != nil {
		t.Fatalf("set profile: %v", err)
	}
	_, _, err = w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
	refused(t, err, applications.CodeTooYoung)
	birth = w.now.AddDate(-30, 0, 0)
	if err := w.store.SetProfile(w.ctx, v.ID, models.Profile{BirthDate: &birth}, w.now); err != nil {
		t.Fatalf("set profile: %v", err)
	}
	if _, _, err = w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, ""); err != nil {
		t.Fatalf("old enough: %v", err)
	}
}

func TestApplyTooManyOpen(t *testing.T) {
	w := newWorld(t)
	v := w.volunteer("Awa")
	m, shifts := w.mission(false, 1, w.weekly(models.MaxOpenApplications+1)...)
	for i := range models.MaxOpenApplications {
		if _, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[i].ID, ""); err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
	}
	_, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[models.MaxOpenApplications].ID, "")
	r, ok := applications.RefusalOf(err)
	if !ok || r.Code != applications.CodeTooMany || r.Kind != applications.KindUnprocessable {
		t.Fatalf("want an unprocessable too_many refusal, got %v", err)
	}
}
