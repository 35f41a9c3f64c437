package watch

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

// fixture is a service on a fresh embedded database with one programme,
// one volunteer in it and one person assigned to them.
type fixture struct {
	svc       *Service
	st        *store.Store
	programme *models.WatchProgramme
	volunteer string
	person    *models.WatchPerson
	clock     time.Time
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{st: storetest.Open(t), clock: time.Date(2030, 3, 2, 9, 0, 0, 0, time.UTC), volunteer: store.NewID()}
	f.svc = New(f.st, nil, Options{Now: func() time.Time { return f.clock }})
	coordinator, orgID := store.NewID(), store.NewID()
	p, err := f.svc.CreateProgramme(ctx, orgID, coordinator, ProgrammeInput{Name: "Appels du quartier", RhythmDays: 7, EndsOn: "2030-09-01"})
	if err != nil {
		t.Fatal(err)
	}
	v := models.WatchVolunteer{UserID: f.volunteer, Name: "Samia", JoinedAt: f.clock}
	if err := f.st.AddWatchVolunteer(ctx, p.ID, v); err != nil {
		t.Fatal(err)
	}
	p.Volunteers = append(p.Volunteers, v)
	f.programme = p
	person, err := f.svc.AddPerson(ctx, p, coordinator, PersonInput{FirstName: "Jeanne", Phone: "0612345678", Languages: []string{"fr"},
		BestTimes: []string{"lundi matin"}, ConsentBy: "person", ConsentAt: "2030-03-01", ConsentHow: "phone"})
	if err != nil {
		t.Fatal(err)
	}
	if f.person, err = f.svc.Assign(ctx, p, coordinator, person.ID, f.volunteer); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCallsNewestFirst: coordinators and the volunteer read the log newest
// first; the volunteer never reads the notes.
func TestCallsNewestFirst(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for i, outcome := range []string{"no_answer", "reached"} {
		f.clock = f.clock.Add(time.Duration(i+1) * time.Hour)
		if _, err := f.svc.LogCall(ctx, f.volunteer, f.person.ID, CallInput{Outcome: outcome, Note: "note " + outcome}); err != nil {
			t.Fatal(err)
		}
	}
	calls, err := f.svc.Calls(ctx, f.programme, store.NewID(), f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) != 2 || calls[0].Outcome != models.OutcomeReached || calls[0].Note != "note reached" {
		t.Fatalf("coordinator's log %+v", calls)
	}
	mine, err := f.svc.MyCalls(ctx, f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(mine) != 2 || mine[0].Outcome != models.OutcomeReached || mine[0].Note != "" || mine[1].Note != "" {
		t.Fatalf("volunteer's log %+v", mine)
	}
}

// TestConcernClosedOnce: a closed concern cannot be handled or closed
// again, and says so with ErrConcernClosed.
func TestConcernClosedOnce(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	logged, err := f.svc.LogCall(ctx, f.volunteer, f.person.ID, CallInput{Outcome: "reached", Concern: "listen"})
	if err != nil || logged.Concern == nil {
		t.Fatalf("logged %+v, %v", logged, err)
	}
	coordinator := store.NewID()
	if _, err := f.svc.HandleConcern(ctx, f.programme, coordinator, logged.Concern.ID, true); err != nil {
		t.Fatal(err)
	}
	for _, closing := range []bool{true, false} {
		if _, err := f.svc.HandleConcern(ctx, f.programme, coordinator, logged.Concern.ID, closing); !errors.Is(err, ErrConcernClosed) {
			t.Errorf("closing=%v again: %v, want ErrConcernClosed", closing, err)
		}
	}
	if _, err := f.svc.HandleConcern(ctx, f.programme, coordinator, store.NewID(), true); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown concern: %v", err)
	}
}

// TestApplyPairsCount: an empty list of pairs is refused on the pairs field.
func TestApplyPairsCount(t *testing.T) {
	f := newFixture(t)
	_, err := f.svc.ApplyPairs(context.Background(), f.programme, store.NewID(), nil)
	var verr *models.ValidationError
	if !errors.As(err, &verr) || verr.Fields[0].Field != "pairs" || verr.Fields[0].Code != "watch.pairs_count" {
		t.Fatalf("err = %v", err)
	}
}

// TestLeaveHandsPeopleBack: a volunteer who leaves hands their people
// back; leaving a programme they are not in is a not-found.
func TestLeaveHandsPeopleBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.Leave(ctx, store.NewID(), f.programme.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a stranger leaving: %v", err)
	}
	if err := f.svc.Leave(ctx, f.volunteer, f.programme.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.svc.MyPerson(ctx, f.volunteer, f.person.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after leaving, the volunteer still reads the person: %v", err)
	}
	person, err := f.st.WatchPerson(ctx, f.person.ID)
	if err != nil || person.VolunteerID != "" {
		t.Fatalf("person %+v, %v", person, err)
	}
}

// TestOver: a programme is over after its end or once purged.
func TestOver(t *testing.T) {
	end := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	p := &models.WatchProgramme{EndsOn: end}
	if Over(p, end.AddDate(0, 0, -1)) || !Over(p, end.AddDate(0, 0, 2)) {
		t.Error("Over does not follow the end date")
	}
	purged := end.AddDate(0, 0, -10)
	p.PurgedAt = &purged
	if !Over(p, end.AddDate(0, 0, -20)) {
		t.Error("a purged programme is not over")
	}
}
