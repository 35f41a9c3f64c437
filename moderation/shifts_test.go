package moderation_test

import (
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
)

// TestShiftRules: shifts are added to a published mission (which stays
// published) but not to a closed one; a shift keeps at least the places
// taken and within the maximum; a shift with a place taken stays.
func TestShiftRules(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	m := f.published(t, "Distribution de colis")
	_, err := f.svc.AddShifts(f.ctx, m, nil)
	wantFields(t, err, "shifts")

	start := time.Now().UTC().Add(72 * time.Hour).Truncate(time.Hour)
	added, err := f.svc.AddShifts(f.ctx, m, []models.ShiftInput{{Start: start, End: start.Add(2 * time.Hour), Capacity: 2}})
	if err != nil || len(added) != 1 {
		t.Fatalf("add a shift: %v %+v", err, added)
	}
	stored, err := f.st.MissionByID(f.ctx, m.ID)
	if err != nil || stored.Status != models.MissionPublished || !stored.LastShiftEnd.Equal(start.Add(2*time.Hour)) {
		t.Fatalf("mission after adding a shift: %v %+v", err, stored)
	}

	shift := added[0].ID
	_, err = f.svc.SetCapacity(f.ctx, m, shift, 0)
	wantFields(t, err, "capacity")
	_, err = f.svc.SetCapacity(f.ctx, m, shift, models.MaxShiftCapacity+1)
	wantFields(t, err, "capacity")
	if ok, err := f.st.TakePlace(f.ctx, shift); err != nil || !ok {
		t.Fatalf("take a place: %v %v", ok, err)
	}
	if _, err := f.svc.SetCapacity(f.ctx, m, shift, 1); err != nil {
		t.Fatalf("capacity down to the places taken: %v", err)
	}
	if ok, err := f.st.TakePlace(f.ctx, shift); err != nil || ok {
		t.Fatalf("a place was taken beyond the capacity: %v %v", ok, err)
	}
	if err := f.svc.RemoveShift(f.ctx, m, shift); !errors.Is(err, moderation.ErrShiftHasPlaces) {
		t.Fatalf("remove a shift with a place taken: %v", err)
	}

	closed, err := f.svc.Close(f.ctx, m)
	if err != nil {
		t.Fatalf("close: %v", err)
	}
	_, err = f.svc.AddShifts(f.ctx, closed, []models.ShiftInput{{Start: start, End: start.Add(time.Hour), Capacity: 1}})
	wantState(t, err, "closed")
}

// TestDuplicateCheckSeesANewDraftAtOnce: the siblings read for one check
// are kept, but a mission drafted since is a likely duplicate at the next
// check, with no wait.
func TestDuplicateCheckSeesANewDraftAtOnce(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	m := f.draft(t, "Distribution de colis")
	checks, err := f.svc.Check(f.ctx, m, nil)
	if err != nil || len(checks.LikelyDuplicates) != 0 {
		t.Fatalf("first check: %v %+v", err, checks)
	}
	twin := f.draft(t, "Distribution de colis !")
	checks, err = f.svc.Check(f.ctx, m, nil)
	if err != nil || len(checks.LikelyDuplicates) != 1 || checks.LikelyDuplicates[0].ID != twin.ID {
		t.Fatalf("check after a second draft: %v %+v", err, checks)
	}
	if err := f.svc.DeleteDraft(f.ctx, f.org, twin); err != nil {
		t.Fatal(err)
	}
	if checks, err = f.svc.Check(f.ctx, m, nil); err != nil || len(checks.LikelyDuplicates) != 0 {
		t.Fatalf("check after deleting the twin: %v %+v", err, checks)
	}
}

// TestRaisedCapacityOffersThePlaceAtOnce: a place added to a full shift
// goes to its waiting list with the change, not at the next sweep.
func TestRaisedCapacityOffersThePlaceAtOnce(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	in := input("Accueil du soir")
	auto := true
	in.AutoAccept = &auto
	in.Shifts[0].Capacity = 1
	m, err := f.svc.Draft(f.ctx, f.org, f.member, in)
	if err != nil {
		t.Fatalf("draft: %v", err)
	}
	if _, err := f.svc.Submit(f.ctx, f.org, m); err != nil {
		t.Fatalf("submit: %v", err)
	}
	if m, err = f.svc.DecideMission(f.ctx, f.admin, m.ID, models.MissionPublished, "publish", ""); err != nil {
		t.Fatalf("publish: %v", err)
	}
	shifts, err := f.st.ShiftsOfMissions(f.ctx, m.ID)
	if err != nil || len(shifts) != 1 {
		t.Fatalf("shifts: %v %+v", err, shifts)
	}
	apply := func(name string) *models.Application {
		t.Helper()
		u := &models.User{ID: store.NewID(), Email: store.NewID() + "@example.org", Name: name,
			Role: models.RoleVolunteer, Status: models.UserActive, CreatedAt: time.Now(), UpdatedAt: time.Now()}
		if err := f.st.CreateUser(f.ctx, u); err != nil {
			t.Fatalf("create user: %v", err)
		}
		a, _, err := f.svc.Apps.Apply(f.ctx, applications.Volunteer{ID: u.ID, Name: name}, m.ID, shifts[0].ID, "")
		if err != nil {
			t.Fatalf("apply %s: %v", name, err)
		}
		return a
	}
	if a := apply("Awa"); a.Status != models.ApplicationAccepted {
		t.Fatalf("first applicant: %s, want accepted", a.Status)
	}
	second := apply("Bruno")
	if second.Status != models.ApplicationWaitlisted {
		t.Fatalf("second applicant: %s, want waitlisted", second.Status)
	}
	if _, err := f.svc.SetCapacity(f.ctx, m, shifts[0].ID, 2); err != nil {
		t.Fatalf("raise the capacity: %v", err)
	}
	now, err := f.st.ApplicationByID(f.ctx, second.ID)
	if err != nil || now.Status != models.ApplicationOffered {
		t.Fatalf("waitlisted applicant after the capacity was raised: %v %+v, want offered", err, now)
	}
}
