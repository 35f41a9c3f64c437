package organizations_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

// validSIRET is a real-format SIRET with a correct Luhn key.
const validSIRET = "73282932000074"

// world is the organisations domain on a fresh embedded store, with a
// clock the test moves and the invitation e-mails the bus carried.
type world struct {
	t     *testing.T
	ctx   context.Context
	store *store.Store
	svc   *organizations.Service
	clock time.Time
	// mailed are the invitation links the events bus was given.
	mailed []string
}

func newWorld(t *testing.T) *world {
	t.Helper()
	st := storetest.Open(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	w := &world{t: t, ctx: context.Background(), store: st, clock: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	now := func() time.Time { return w.clock }
	bus := &events.Bus{}
	bus.OnOrgInvitation(func(_ context.Context, _ *models.Organization, email, acceptURL string) error {
		w.mailed = append(w.mailed, email+" "+acceptURL)
		return nil
	})
	apps := &applications.Service{Store: st, Log: log, Now: now}
	w.svc = &organizations.Service{Store: st, Apps: apps, Events: bus, Gazetteer: geo.Default(),
		BaseURL: "https://entraide.example", Log: log, Now: now}
	return w
}

// user creates an account.
func (w *world) user(name, email string, role models.Role) *models.User {
	w.t.Helper()
	u := &models.User{ID: store.NewID(), Email: email, Name: name, Role: role, Status: models.UserActive,
		CreatedAt: w.clock, UpdatedAt: w.clock}
	if err := w.store.CreateUser(w.ctx, u); err != nil {
		w.t.Fatalf("create user: %v", err)
	}
	return u
}

func orgInput(name string) models.OrgInput {
	str := func(s string) *string { return &s }
	return models.OrgInput{Name: str(name), Kind: str("association"), SIRET: str(validSIRET),
		Address: str("12 rue de la République"), Postcode: str("13001"),
		Description:  str("Banque alimentaire de quartier, distributions hebdomadaires."),
		ContactEmail: str("contact@banque.example.org"), ContactPhone: str("04 91 00 00 00")}
}

// register creates an organisation owned by owner.
func (w *world) register(owner *models.User, name string) *models.Organization {
	w.t.Helper()
	org, err := w.svc.Register(w.ctx, owner.ID, orgInput(name))
	if err != nil {
		w.t.Fatalf("register: %v", err)
	}
	return org
}

// reload reads an organisation again from the store.
func (w *world) reload(id string) *models.Organization {
	w.t.Helper()
	org, err := w.store.OrganizationByID(w.ctx, id)
	if err != nil {
		w.t.Fatalf("read organisation: %v", err)
	}
	return org
}

// decide applies an admin decision that must succeed.
func (w *world) decide(admin *models.User, orgID string, d organizations.Decision, reason string) *models.Organization {
	w.t.Helper()
	w.clock = w.clock.Add(time.Minute) // one audit entry a minute: their order is the decisions'
	org, err := w.svc.Decide(w.ctx, admin.ID, orgID, d, reason)
	if err != nil {
		w.t.Fatalf("decide %s: %v", d, err)
	}
	return org
}

// audited lists the audit actions recorded about a target, oldest first.
func (w *world) audited(targetID string) []string {
	w.t.Helper()
	entries, _, err := w.store.Audit(w.ctx, models.AuditFilter{TargetID: targetID}, 0, 100)
	if err != nil {
		w.t.Fatalf("audit: %v", err)
	}
	out := make([]string, len(entries))
	for i, e := range entries {
		out[len(entries)-1-i] = e.Action // the store answers newest first
	}
	return out
}
