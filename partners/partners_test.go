package partners_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/partners"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

func newService(t *testing.T) (*partners.Service, *store.Store) {
	t.Helper()
	st := storetest.Open(t)
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	return &partners.Service{Store: st, Now: func() time.Time { return now }}, st
}

func fieldsOf(t *testing.T, err error) string {
	t.Helper()
	var verr *models.ValidationError
	if !errors.As(err, &verr) {
		t.Fatalf("want a validation error, got %v", err)
	}
	var out []string
	for _, f := range verr.Fields {
		out = append(out, f.Field+":"+f.Code)
	}
	return strings.Join(out, " ")
}

func TestKeysAuthenticateUntilRevoked(t *testing.T) {
	svc, st := newService(t)
	ctx := context.Background()
	if _, _, err := svc.CreateKey(ctx, " ", models.MaxFeedRate+1, "admin"); fieldsOf(t, err) != "name:required rate_per_minute:capacity_range" {
		t.Fatalf("bad key: %v", err)
	}
	key, raw, err := svc.CreateKey(ctx, "Mairie de Lille", 0, "admin")
	if err != nil || !strings.HasPrefix(raw, "ek_") || key.RatePerMinute != models.DefaultFeedRate || key.ID == raw {
		t.Fatalf("create: %+v %q %v", key, raw, err)
	}
	found, err := svc.Authenticate(ctx, " "+raw+" ")
	if err != nil || found.PublicID != key.PublicID {
		t.Fatalf("authenticate: %+v %v", found, err)
	}
	for _, bad := range []string{"", "ek_unknown", strings.Repeat("k", 201)} {
		if _, err := svc.Authenticate(ctx, bad); !errors.Is(err, partners.ErrKeyRequired) {
			t.Errorf("authenticate %q: %v", bad, err)
		}
	}
	if err := svc.RevokeKey(ctx, key.PublicID, "admin"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Authenticate(ctx, raw); !errors.Is(err, partners.ErrKeyRequired) {
		t.Fatalf("a revoked key works: %v", err)
	}
	entries, _, err := st.Audit(ctx, models.AuditFilter{}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range entries {
		actions = append(actions, e.Action)
	}
	if got := strings.Join(actions, ","); !strings.Contains(got, "api_key.create") || !strings.Contains(got, "api_key.revoke") {
		t.Fatalf("audit: %s", got)
	}
}

func TestFeedPagesWithACursor(t *testing.T) {
	svc, st := newService(t)
	ctx := context.Background()
	base := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	org := &models.Organization{ID: store.NewID(), Name: "Banque alimentaire", Status: models.OrgVerified, CreatedAt: base, UpdatedAt: base}
	if err := st.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	var want []string
	for i, status := range []models.MissionStatus{models.MissionPublished, models.MissionDraft, models.MissionClosed, models.MissionPublished, models.MissionCancelled} {
		m := &models.Mission{ID: store.NewID(), OrgID: org.ID, Title: "Mission", Status: status, CreatedAt: base,
			UpdatedAt: base.Add(time.Duration(i) * time.Minute)}
		shift := models.Shift{ID: store.NewID(), MissionID: m.ID, OrgID: org.ID, Start: base, End: base.Add(time.Hour), Capacity: 2, CreatedAt: base}
		if err := st.CreateMission(ctx, m, []models.Shift{shift}); err != nil {
			t.Fatal(err)
		}
		if status != models.MissionDraft {
			want = append(want, m.ID)
		}
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(want) {
			t.Fatal("the cursor never ends")
		}
		page, err := svc.Feed(ctx, time.Time{}, cursor, 2)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range page.Missions {
			got = append(got, m.ID)
			if len(page.Shifts[m.ID]) != 1 || page.Organizations[m.OrgID] == nil {
				t.Fatalf("mission %s without its shift or organisation", m.ID)
			}
		}
		if !page.HasMore {
			break
		}
		cursor = page.NextCursor
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("feed %v, want %v (no draft, change order, none twice)", got, want)
	}
	if _, err := svc.Feed(ctx, time.Time{}, "not-a-cursor", models.MaxFeedPage+1); fieldsOf(t, err) != "limit:invalid_per_page cursor:invalid_value" {
		t.Fatalf("bad limit and cursor: %v", err)
	}
	if _, err := svc.Feed(ctx, time.Time{}, "", -1); fieldsOf(t, err) != "limit:invalid_per_page" {
		t.Fatalf("negative limit: %v", err)
	}
}
