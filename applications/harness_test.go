package applications_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// world is one test's store and applications service, with a clock the
// test moves and an organisation whose member is owner.
type world struct {
	t     *testing.T
	ctx   context.Context
	store *store.Store
	svc   *applications.Service
	org   *models.Organization
	owner string

	mu  sync.Mutex
	now time.Time
}

func newWorld(t *testing.T) *world {
	t.Helper()
	w := &world{t: t, ctx: context.Background(), store: storetest.Open(t),
		now: time.Date(2030, 3, 4, 8, 0, 0, 0, time.UTC)}
	w.svc = &applications.Service{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: w.clock}
	w.owner = w.volunteer("Owner").ID
	w.org = &models.Organization{ID: store.NewID(), Name: "Banque alimentaire", Status: models.OrgVerified,
		Members:   []models.Member{{UserID: w.owner, Role: models.MemberOwner, JoinedAt: w.now}},
		MemberIDs: []string{w.owner}, CreatedAt: w.now, UpdatedAt: w.now}
	if err := w.store.CreateOrganization(w.ctx, w.org); err != nil {
		t.Fatalf("create organisation: %v", err)
	}
	return w
}

func (w *world) clock() time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.now
}

func (w *world) advance(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.now = w.now.Add(d)
}

// volunteer creates an account.
func (w *world) volunteer(name string) applications.Volunteer {
	w.t.Helper()
	u := &models.User{ID: store.NewID(), Email: store.NewID() + "@example.org", Name: name,
		Role: models.RoleVolunteer, Status: models.UserActive, CreatedAt: w.now, UpdatedAt: w.now}
	if err := w.store.CreateUser(w.ctx, u); err != nil {
		w.t.Fatalf("create user: %v", err)
	}
	return applications.Volunteer{ID: u.ID, Name: name}
}

// mission publishes a mission with one shift per start, each of two
// hours with capacity places.
func (w *world) mission(autoAccept bool, capacity int, starts ...time.Time) (*models.Mission, []models.Shift) {
	w.t.Helper()
	return w.missionWith(func(m *models.Mission) { m.AutoAccept = autoAccept }, capacity, starts...)
}

// missionWith is mission with the fields edit sets.
func (w *world) missionWith(edit func(*models.Mission), capacity int, starts ...time.Time) (*models.Mission, []models.Shift) {
	w.t.Helper()
	m := &models.Mission{ID: store.NewID(), OrgID: w.org.ID, Title: "Distribution du mardi", Category: "food_aid",
		Status: models.MissionPublished, Remote: true, CreatedBy: w.owner,
		CreatedAt: w.now, UpdatedAt: w.now, Skills: []string{}, Tags: []string{}, Languages: []string{}}
	edit(m)
	shifts := make([]models.Shift, len(starts))
	for i, start := range starts {
		shifts[i] = models.Shift{ID: store.NewID(), MissionID: m.ID, OrgID: w.org.ID, Start: start,
			End: start.Add(2 * time.Hour), Capacity: capacity, CreatedAt: w.now}
		m.LastShiftEnd = shifts[i].End
	}
	if err := w.store.CreateMission(w.ctx, m, shifts); err != nil {
		w.t.Fatalf("create mission: %v", err)
	}
	return m, shifts
}

// weekly is n starts a week apart, the first in a day.
func (w *world) weekly(n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = w.now.Add(24*time.Hour + time.Duration(i)*7*24*time.Hour)
	}
	return out
}

func (w *world) taken(m *models.Mission, shiftID string) int {
	w.t.Helper()
	sh, err := w.store.ShiftByID(w.ctx, m.ID, shiftID)
	if err != nil {
		w.t.Fatalf("read shift: %v", err)
	}
	return sh.Taken
}

func (w *world) reread(id string) *models.Application {
	w.t.Helper()
	a, err := w.store.ApplicationByID(w.ctx, id)
	if err != nil {
		w.t.Fatalf("read application: %v", err)
	}
	return a
}

// refused fails unless err is the refusal code.
func refused(t *testing.T, err error, code string) {
	t.Helper()
	r, ok := applications.RefusalOf(err)
	if !ok || r.Code != code {
		t.Fatalf("want refusal %q, got %v", code, err)
	}
}

// inState fails unless err refuses a transition from state current.
func inState(t *testing.T, err error, current string) {
	t.Helper()
	var se *applications.StateError
	if !errors.As(err, &se) || se.Current != current {
		t.Fatalf("want state error %q, got %v", current, err)
	}
}
