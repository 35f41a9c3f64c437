package calendar_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/calendar"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

// fixture is the calendar on a fresh database: one organisation, one
// mission in Paris, and a volunteer whose applications the test adds.
type fixture struct {
	t         *testing.T
	st        *store.Store
	svc       *calendar.Service
	now       time.Time
	org       *models.Organization
	mission   *models.Mission
	volunteer string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{t: t, st: storetest.Open(t), now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), volunteer: store.NewID()}
	clock := func() time.Time { return f.now }
	f.svc = &calendar.Service{Store: f.st, Applications: &applications.Service{Store: f.st, Now: clock},
		BaseURL: "https://entraide.example", Now: clock}
	f.org = &models.Organization{ID: store.NewID(), Name: "Banque alimentaire, Paris", Status: models.OrgVerified, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateOrganization(ctx, f.org); err != nil {
		t.Fatal(err)
	}
	f.mission = &models.Mission{ID: store.NewID(), OrgID: f.org.ID, Title: "Distribution du samedi; colis, légumes et pain frais pour les familles du quartier",
		Address: "12 rue des Lilas", Postcode: "75011", City: "Paris", Status: models.MissionPublished, CreatedAt: f.now, UpdatedAt: f.now}
	if err := f.st.CreateMission(ctx, f.mission, nil); err != nil {
		t.Fatal(err)
	}
	return f
}

// apply adds an application of the volunteer in status to a shift that
// starts after days (negative: in the past) and lasts three hours.
func (f *fixture) apply(status models.ApplicationStatus, days int, hours float64) models.Application {
	f.t.Helper()
	start := f.now.AddDate(0, 0, days)
	a := models.Application{ID: store.NewID(), MissionID: f.mission.ID, ShiftID: store.NewID(), OrgID: f.org.ID,
		VolunteerID: f.volunteer, Status: status, ShiftStart: start, ShiftEnd: start.Add(3 * time.Hour), Hours: hours,
		CreatedAt: f.now, UpdatedAt: f.now}
	a.VolunteerShift = a.VolunteerID + ":" + a.ShiftID
	// Written as seeds write them: inserted, then indexed by volunteer.
	if err := f.st.InsertApplication(context.Background(), &a); err != nil {
		f.t.Fatal(err)
	}
	if err := f.st.IndexApplication(context.Background(), &a); err != nil {
		f.t.Fatal(err)
	}
	return a
}

func TestICSEscapesFoldsAndPlaces(t *testing.T) {
	start := time.Date(2026, 3, 7, 9, 0, 0, 0, time.UTC)
	missions := map[string]models.Mission{
		"m1": {ID: "m1", Title: strings.Repeat("Épicerie solidaire, accueil; tri ", 4), Address: "3 place d'Italie", Postcode: "75013", City: "Paris"},
		"m2": {ID: "m2", Title: "Appels aux aînés", Remote: true, Address: "ignored"},
	}
	orgs := map[string]models.Organization{"o1": {ID: "o1", Name: "Secours\\Entraide"}}
	apps := []models.Application{
		{ID: "a1", MissionID: "m1", OrgID: "o1", ShiftStart: start, ShiftEnd: start.Add(2 * time.Hour)},
		{ID: "a2", MissionID: "m2", OrgID: "o1", ShiftStart: start, ShiftEnd: start.Add(time.Hour)},
	}
	doc := calendar.ICS(apps, missions, orgs, "https://entraide.example", start)
	if !strings.HasPrefix(doc, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(doc, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", doc)
	}
	for _, line := range strings.Split(strings.TrimSuffix(doc, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line of %d octets: %q", len(line), line)
		}
		if strings.ContainsRune(line, '\n') {
			t.Errorf("bare newline in %q", line)
		}
	}
	unfolded := strings.ReplaceAll(doc, "\r\n ", "")
	for _, want := range []string{
		"UID:a1@entraide", "DTSTART:20260307T090000Z", "DTEND:20260307T110000Z",
		`SUMMARY:Épicerie solidaire\, accueil\; tri`, `LOCATION:3 place d'Italie\, 75013 Paris`,
		`DESCRIPTION:Secours\\Entraide\nhttps://entraide.example/missions/m1`, "X-WR-TIMEZONE:Europe/Paris",
	} {
		if !strings.Contains(unfolded, want) {
			t.Errorf("calendar lacks %q:\n%s", want, unfolded)
		}
	}
	if strings.Count(unfolded, "LOCATION:") != 1 {
		t.Errorf("a remote mission has a location:\n%s", unfolded)
	}
	// A fold never splits a character.
	for _, part := range strings.Split(doc, "\r\n ") {
		if !utf8.ValidString(part) {
			t.Errorf("fold split a character: %q", part)
		}
	}
}

func TestFeedTokenIsTheCredential(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	accepted := f.apply(models.ApplicationAccepted, 3, 0)
	declined := f.apply(models.ApplicationDeclined, 4, 0)
	if on, err := f.svc.HasFeed(ctx, f.volunteer); err != nil || on {
		t.Fatalf("feed before any: %v %v", on, err)
	}
	url, err := f.svc.NewFeed(ctx, f.volunteer)
	if err != nil || !strings.HasPrefix(url, "https://entraide.example"+calendar.FeedPath) || !strings.HasSuffix(url, ".ics") {
		t.Fatalf("feed URL %q: %v", url, err)
	}
	token := strings.TrimPrefix(url, "https://entraide.example"+calendar.FeedPath)
	doc, err := f.svc.Feed(ctx, token)
	if err != nil || !strings.Contains(doc, "UID:"+accepted.ID+"@entraide") || strings.Contains(doc, declined.ID) {
		t.Fatalf("feed: %v\n%s", err, doc)
	}
	for _, bad := range []string{"short.ics", strings.Repeat("x", 101), strings.Repeat("x", 40) + ".ics"} {
		if _, err := f.svc.Feed(ctx, bad); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("feed of %q: %v", bad, err)
		}
	}
	// A new link ends the old one; revoking ends the new one.
	again, err := f.svc.NewFeed(ctx, f.volunteer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Feed(ctx, token); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the replaced link still works: %v", err)
	}
	if err := f.svc.RevokeFeed(ctx, f.volunteer); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Feed(ctx, strings.TrimPrefix(again, "https://entraide.example"+calendar.FeedPath)); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the revoked link still works: %v", err)
	}
	if on, err := f.svc.HasFeed(ctx, f.volunteer); err != nil || on {
		t.Fatalf("feed after revoking: %v %v", on, err)
	}
}
