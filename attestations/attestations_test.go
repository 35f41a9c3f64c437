package attestations_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/attestations"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

const secret = "a secret of at least thirty-two bytes"

type fixture struct {
	t       *testing.T
	st      *store.Store
	apps    *applications.Service
	svc     *attestations.Service
	now     time.Time
	user    *models.User
	org     *models.Organization
	mission *models.Mission
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, st: storetest.Open(t), now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	clock := func() time.Time { return f.now }
	f.apps = &applications.Service{Store: f.st, Now: clock}
	f.svc = attestations.New(f.st, f.apps, []byte(secret), "https://entraide.example", clock)
	f.user = &models.User{ID: store.NewID(), Email: "amina@example.org", Name: "Amina Benali", Role: models.RoleVolunteer,
		Status: models.UserActive, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateUser(ctx, f.user); err != nil {
		t.Fatal(err)
	}
	f.org = &models.Organization{ID: store.NewID(), Name: "Banque alimentaire", Status: models.OrgVerified, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateOrganization(ctx, f.org); err != nil {
		t.Fatal(err)
	}
	f.mission = &models.Mission{ID: store.NewID(), OrgID: f.org.ID, Title: "Distribution du samedi", Status: models.MissionPublished,
		CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateMission(ctx, f.mission, nil); err != nil {
		t.Fatal(err)
	}
	return f
}

// attended adds a three-hour shift attended days ago, with hours recorded
// (zero: not recorded).
func (f *fixture) attended(days int, hours float64) {
	f.t.Helper()
	start := f.now.AddDate(0, 0, -days)
	a := models.Application{ID: store.NewID(), MissionID: f.mission.ID, ShiftID: store.NewID(), OrgID: f.org.ID,
		VolunteerID: f.user.ID, Status: models.ApplicationAttended, ShiftStart: start, ShiftEnd: start.Add(3 * time.Hour),
		Hours: hours, CreatedAt: f.now, UpdatedAt: f.now}
	a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
	ctx := context.Background()
	if err := f.st.InsertApplication(ctx, &a); err != nil {
		f.t.Fatal(err)
	}
	if err := f.st.IndexApplication(ctx, &a); err != nil {
		f.t.Fatal(err)
	}
}

func TestIssueKeepsOneCodePerContent(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	f.attended(10, 2.5)
	f.attended(3, 0) // hours not recorded: the shift's three hours count
	cert, err := f.svc.Issue(ctx, f.user)
	if err != nil {
		t.Fatal(err)
	}
	att := cert.Issued
	if len(att.ID) != attestations.CodeLen || cert.VerifyURL != "https://entraide.example"+attestations.VerifyPath+att.ID {
		t.Fatalf("code %q, link %q", att.ID, cert.VerifyURL)
	}
	if att.TotalMinutes != 330 || len(att.Lines) != 1 || att.Lines[0].Shifts != 2 || att.Lines[0].MissionTitle != f.mission.Title ||
		att.Lines[0].OrgName != f.org.Name || !att.Lines[0].First.Before(att.Lines[0].Last) {
		t.Fatalf("attestation %+v", att)
	}
	if cert.Name != f.user.Name || cert.TotalHours != 2.5 || len(cert.Organizations) != 1 {
		t.Fatalf("certificate %+v", cert)
	}
	// Printed again, later: the same content has the same code.
	f.now = f.now.Add(time.Hour)
	again, err := f.svc.Issue(ctx, f.user)
	if err != nil || again.Issued.ID != att.ID {
		t.Fatalf("issued again: %v, code %q then %q", err, att.ID, again.Issued.ID)
	}
	// A new attended shift makes a new code; the old one still verifies.
	f.attended(1, 1)
	third, err := f.svc.Issue(ctx, f.user)
	if err != nil || third.Issued.ID == att.ID || third.Issued.TotalMinutes != 390 {
		t.Fatalf("after another shift: %v %+v", err, third.Issued)
	}
	kept, err := f.svc.Verify(ctx, att.ID)
	if err != nil || kept.TotalMinutes != 330 || kept.Name != f.user.Name {
		t.Fatalf("verify: %+v %v", kept, err)
	}
	// Another key makes other codes: a code cannot be made up.
	other := attestations.New(f.st, f.apps, []byte(strings.Repeat("k", 32)), "", func() time.Time { return f.now })
	if forged, err := other.Issue(ctx, f.user); err != nil || forged.Issued.ID == third.Issued.ID {
		t.Fatalf("another key: %v, same code %q", err, third.Issued.ID)
	}
}

func TestVerifyRefusesUnknownCodes(t *testing.T) {
	f := newFixture(t)
	for _, code := range []string{"", "short", strings.Repeat("a", attestations.CodeLen), strings.Repeat("a", attestations.CodeLen+1)} {
		if _, err := f.svc.Verify(context.Background(), code); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("verify %q: %v", code, err)
		}
	}
}
