package moderation_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// fixture is a moderation service on a fresh embedded store, with one
// organisation (its member, and an admin) and the events it published.
type fixture struct {
	ctx       context.Context
	st        *store.Store
	svc       *moderation.Service
	org       *models.Organization
	member    string
	admin     string
	cancelled []string // missions whose cancellation was announced
	urgent    []string // urgent missions announced as published
}

func newFixture(t *testing.T, status models.OrgStatus) *fixture {
	t.Helper()
	st := storetest.Open(t)
	f := &fixture{ctx: context.Background(), st: st, member: store.NewID(), admin: store.NewID()}
	bus := &events.Bus{}
	bus.OnMissionCancelled(func(_ context.Context, m *models.Mission) error {
		f.cancelled = append(f.cancelled, m.ID)
		return nil
	})
	bus.OnUrgentPublished(func(_ context.Context, m *models.Mission) error {
		f.urgent = append(f.urgent, m.ID)
		return nil
	})
	now := time.Now().UTC()
	f.svc = &moderation.Service{Store: st, Events: bus, Gazetteer: geo.Default(),
		Apps: &applications.Service{Store: st, Now: time.Now}}
	f.org = &models.Organization{ID: store.NewID(), Name: "Banque alimentaire", Kind: "association", Postcode: "75011",
		Status: status, Members: []models.Member{{UserID: f.member, Role: models.MemberOwner, JoinedAt: now}},
		MemberIDs: []string{f.member}, CreatedBy: f.member, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateOrganization(f.ctx, f.org); err != nil {
		t.Fatalf("create organisation: %v", err)
	}
	return f
}

// input is a valid on-site mission with one shift in two days.
func input(title string) models.MissionInput {
	desc, cat, addr, pc := "Trier et distribuer des colis alimentaires le samedi matin.", "food_aid", "12 rue Oberkampf", "75011"
	start := time.Now().UTC().Add(48 * time.Hour).Truncate(time.Hour)
	return models.MissionInput{Title: &title, Description: &desc, Category: &cat, Address: &addr, Postcode: &pc,
		Shifts: []models.ShiftInput{{Start: start, End: start.Add(3 * time.Hour), Capacity: 4}}}
}

// draft creates a draft mission of the fixture's organisation.
func (f *fixture) draft(t *testing.T, title string) *models.Mission {
	t.Helper()
	m, err := f.svc.Draft(f.ctx, f.org, f.member, input(title))
	if err != nil {
		t.Fatalf("draft: %v", err)
	}
	return m
}

// published drafts, submits and publishes a mission.
func (f *fixture) published(t *testing.T, title string) *models.Mission {
	t.Helper()
	m := f.draft(t, title)
	if _, err := f.svc.Submit(f.ctx, f.org, m); err != nil {
		t.Fatalf("submit: %v", err)
	}
	m, err := f.svc.DecideMission(f.ctx, f.admin, m.ID, models.MissionPublished, "publish", "")
	if err != nil {
		t.Fatalf("publish: %v", err)
	}
	return m
}

// audited returns the one audit entry of action on target.
func (f *fixture) audited(t *testing.T, targetID, action string) models.AuditEntry {
	t.Helper()
	entries, _, err := f.st.Audit(f.ctx, models.AuditFilter{TargetID: targetID, Action: action}, 0, 50)
	if err != nil {
		t.Fatalf("audit: %v", err)
	}
	if len(entries) != 1 {
		t.Fatalf("%d audit entries %s on %s, want 1", len(entries), action, targetID)
	}
	return entries[0]
}

// wantState fails unless err refuses the change naming state.
func wantState(t *testing.T, err error, state string) {
	t.Helper()
	var se *moderation.StateError
	if !errors.As(err, &se) || se.Current != state {
		t.Fatalf("error %v, want a refusal in state %s", err, state)
	}
}

// wantFields fails unless err is a validation error on exactly fields.
func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	var ve *models.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v, want a validation error on %v", err, fields)
	}
	got := map[string]bool{}
	for _, f := range ve.Fields {
		got[f.Field] = true
	}
	for _, f := range fields {
		if !got[f] {
			t.Errorf("no error on %s in %v", f, ve.Fields)
		}
	}
	if len(got) != len(fields) {
		t.Errorf("errors on %v, want only %v", ve.Fields, fields)
	}
}
