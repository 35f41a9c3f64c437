package applications_test

import (
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

func TestApplySeriesAllWithPartialRefusal(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.weekly(4)...)
	v := w.volunteer("Awa")
	// The second date is already taken by someone else: waiting list.
	if _, _, err := w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shifts[1].ID, ""); err != nil {
		t.Fatalf("apply: %v", err)
	}
	// The volunteer holds an accepted place elsewhere at the time of the
	// third date, and already applied to the fourth alone.
	_, elsewhere := w.mission(true, 1, shifts[2].Start.Add(time.Hour))
	if _, _, err := w.svc.Apply(w.ctx, v, elsewhere[0].MissionID, elsewhere[0].ID, ""); err != nil {
		t.Fatalf("apply elsewhere: %v", err)
	}
	if _, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[3].ID, ""); err != nil {
		t.Fatalf("apply: %v", err)
	}
	_, made, refused, err := w.svc.ApplySeries(w.ctx, v, m.ID, nil, true, "Tous les mardis")
	if err != nil {
		t.Fatalf("series: %v", err)
	}
	// All the dates not applied to yet: the fourth is left out.
	if len(made) != 2 || len(refused) != 1 {
		t.Fatalf("made %d, refused %d; want 2 and 1", len(made), len(refused))
	}
	want := []struct {
		shift  string
		status models.ApplicationStatus
	}{{shifts[0].ID, models.ApplicationAccepted}, {shifts[1].ID, models.ApplicationWaitlisted}}
	for i, wnt := range want {
		if made[i].ShiftID != wnt.shift || made[i].Status != wnt.status || made[i].Message != "Tous les mardis" {
			t.Fatalf("application %d: shift %s status %s, want %s %s", i, made[i].ShiftID, made[i].Status, wnt.shift, wnt.status)
		}
	}
	if refused[0].ShiftID != shifts[2].ID {
		t.Fatalf("refused shift %s, want %s", refused[0].ShiftID, shifts[2].ID)
	}
	refusedAs(t, refused[0].Err, applications.CodeOverlap)
	// Again: only the third date is left, and refused again.
	_, made, refused, err = w.svc.ApplySeries(w.ctx, v, m.ID, nil, true, "")
	if err != nil || len(made) != 0 || len(refused) != 1 || refused[0].ShiftID != shifts[2].ID {
		t.Fatalf("second series: %v, made %d, refused %+v", err, len(made), refused)
	}
	// Once the other place is withdrawn, the third date is the only one
	// left; after that, every date is applied to.
	others, err := w.svc.SeriesOf(w.ctx, v.ID, elsewhere[0].MissionID)
	if err != nil {
		t.Fatalf("series of the other mission: %v", err)
	}
	if _, err := w.svc.Withdraw(w.ctx, v, &others[0], ""); err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	if _, made, _, err = w.svc.ApplySeries(w.ctx, v, m.ID, nil, true, ""); err != nil || len(made) != 1 {
		t.Fatalf("third series: %v, made %d", err, len(made))
	}
	_, _, _, err = w.svc.ApplySeries(w.ctx, v, m.ID, nil, true, "")
	refusedAs(t, err, applications.CodeAlreadyApplied)
}

func TestApplySeriesChosenShifts(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(false, 2, w.weekly(3)...)
	_, others := w.mission(false, 2, w.weekly(1)...)
	v := w.volunteer("Awa")
	// Given out of order, with a shift of another mission.
	_, made, refused, err := w.svc.ApplySeries(w.ctx, v, m.ID, []string{shifts[2].ID, shifts[0].ID, others[0].ID}, false, "")
	if err != nil {
		t.Fatalf("series: %v", err)
	}
	if len(made) != 2 || made[0].ShiftID != shifts[0].ID || made[1].ShiftID != shifts[2].ID {
		t.Fatalf("made %+v, want the first and third dates in order", made)
	}
	if len(refused) != 1 || !errors.Is(refused[0].Err, store.ErrNotFound) {
		t.Fatalf("refused %+v, want the other mission's shift not found", refused)
	}
	// The mission's own members do not apply.
	if _, _, _, err := w.svc.ApplySeries(w.ctx, applications.Volunteer{ID: w.owner}, m.ID, nil, true, ""); !errors.Is(err, applications.ErrOwnMission) {
		t.Fatalf("member: %v", err)
	}
	// Once every shift started, there is nothing to apply to.
	w.advance(30 * 24 * time.Hour)
	_, _, _, err = w.svc.ApplySeries(w.ctx, w.volunteer("Bruno"), m.ID, nil, true, "")
	refusedAs(t, err, applications.CodeNoShiftToCome)
}

func TestApplySeriesRespectsTheOpenCap(t *testing.T) {
	w := newWorld(t)
	m, _ := w.mission(false, 1, w.weekly(models.MaxOpenApplications+2)...)
	_, made, refused, err := w.svc.ApplySeries(w.ctx, w.volunteer("Awa"), m.ID, nil, true, "")
	if err != nil {
		t.Fatalf("series: %v", err)
	}
	if len(made) != models.MaxOpenApplications || len(refused) != 2 {
		t.Fatalf("made %d refused %d, want %d and 2", len(made), len(refused), models.MaxOpenApplications)
	}
	refusedAs(t, refused[0].Err, applications.CodeTooMany)
}

func TestWithdrawSeries(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.weekly(3)...)
	awa, bruno := w.volunteer("Awa"), w.volunteer("Bruno")
	if _, _, _, err := w.svc.ApplySeries(w.ctx, awa, m.ID, nil, true, ""); err != nil {
		t.Fatalf("series: %v", err)
	}
	waiting, _, err := w.svc.Apply(w.ctx, bruno, m.ID, shifts[2].ID, "")
	if err != nil || waiting.Status != models.ApplicationWaitlisted {
		t.Fatalf("apply: %v %v", err, waiting)
	}
	// Someone who never applied has no series to withdraw.
	if _, _, err := w.svc.WithdrawSeries(w.ctx, w.volunteer("Chloé"), m.ID, ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("stranger: %v", err)
	}
	// The first date started: it stays, the others go.
	w.advance(25 * time.Hour)
	withdrawn, kept, err := w.svc.WithdrawSeries(w.ctx, awa, m.ID, "déménagement")
	if err != nil {
		t.Fatalf("withdraw series: %v", err)
	}
	if len(withdrawn) != 2 || len(kept) != 1 || kept[0].ShiftID != shifts[0].ID {
		t.Fatalf("withdrawn %d kept %+v", len(withdrawn), kept)
	}
	refused(t, kept[0].Err, applications.CodeShiftStarted)
	for _, a := range withdrawn {
		if a.Status != models.ApplicationWithdrawn {
			t.Fatalf("status %s", a.Status)
		}
	}
	// The freed place went to the waiting list.
	if got := w.reread(waiting.ID); got.Status != models.ApplicationOffered {
		t.Fatalf("waiting list after the series left: %s", got.Status)
	}
}

func TestApplyAgainAfterWithdrawing(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 1, w.weekly(1)...)
	v := w.volunteer("Awa")
	first, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "Première fois")
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if _, err := w.svc.Withdraw(w.ctx, v, first, ""); err != nil {
		t.Fatalf("withdraw: %v", err)
	}
	if n := w.taken(m, shifts[0].ID); n != 0 {
		t.Fatalf("taken after withdrawal = %d", n)
	}
	again, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "Je reviens")
	if err != nil {
		t.Fatalf("apply again: %v", err)
	}
	if again.ID != first.ID || again.Status != models.ApplicationAccepted || again.Message != "Je reviens" {
		t.Fatalf("applied again: id %s (first %s), status %s, message %q", again.ID, first.ID, again.Status, again.Message)
	}
	var path []models.ApplicationStatus
	for _, h := range again.History {
		path = append(path, h.To)
	}
	wantPath := []models.ApplicationStatus{models.ApplicationPending, models.ApplicationAccepted, models.ApplicationWithdrawn,
		models.ApplicationPending, models.ApplicationAccepted}
	if len(path) != len(wantPath) {
		t.Fatalf("history %v, want %v", path, wantPath)
	}
	for i := range path {
		if path[i] != wantPath[i] {
			t.Fatalf("history %v, want %v", path, wantPath)
		}
	}
	if n := w.taken(m, shifts[0].ID); n != 1 {
		t.Fatalf("taken after applying again = %d", n)
	}
	// Once applied again, a third try is refused; another volunteer is
	// waitlisted behind.
	_, _, err = w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
	refused(t, err, applications.CodeAlreadyApplied)
	// Withdrawn again, it may come back once more, to the waiting list
	// if the place went meanwhile.
	if _, err := w.svc.Withdraw(w.ctx, v, again, ""); err != nil {
		t.Fatalf("withdraw again: %v", err)
	}
	if _, _, err := w.svc.Apply(w.ctx, w.volunteer("Bruno"), m.ID, shifts[0].ID, ""); err != nil {
		t.Fatalf("other volunteer: %v", err)
	}
	third, _, err := w.svc.Apply(w.ctx, v, m.ID, shifts[0].ID, "")
	if err != nil || third.ID != first.ID || third.Status != models.ApplicationWaitlisted || third.WaitlistRank == 0 {
		t.Fatalf("third time: %v %+v", err, third)
	}
	apps, err := w.svc.VolunteerApplications(w.ctx, v.ID)
	if err != nil || len(apps) != 1 {
		t.Fatalf("the volunteer has %d applications (%v), want one document", len(apps), err)
	}
}

func TestGroupSeries(t *testing.T) {
	now := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	day := 24 * time.Hour
	apps := []models.Application{
		{ID: "c", MissionID: "m1", ShiftStart: now.Add(14 * day)},
		{ID: "x", MissionID: "m2", ShiftStart: now.Add(day)},
		{ID: "a", MissionID: "m1", ShiftStart: now.Add(-day)},
		{ID: "b", MissionID: "m1", ShiftStart: now.Add(7 * day)},
	}
	series, single := applications.GroupSeries(apps, now)
	if len(series) != 1 || len(single) != 1 || single[0].ID != "x" {
		t.Fatalf("series %+v single %+v", series, single)
	}
	s := series[0]
	if s.MissionID != "m1" || len(s.Applications) != 3 || s.Applications[0].ID != "a" || s.Next == nil || s.Next.ID != "b" {
		t.Fatalf("series %+v", s)
	}
}

// refusedAs is refused, for tests with a variable of that name.
func refusedAs(t *testing.T, err error, code string) {
	t.Helper()
	refused(t, err, code)
}
