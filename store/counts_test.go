package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// TestPlatformNumbersAreKeptByKey: the home page's figures count every
// active account that can volunteer (not admins, not suspended) and the
// verified organisations, and are read back by key after the count.
func TestPlatformNumbersAreKeptByKey(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	if _, ok, err := st.SavedPlatformNumbers(ctx); err != nil || ok {
		t.Fatalf("figures before any count: ok %v, %v", ok, err)
	}
	now := time.Now().UTC()
	for i, u := range []struct {
		role   models.Role
		status models.UserStatus
	}{{models.RoleVolunteer, models.UserActive}, {models.RoleVolunteer, models.UserSuspended},
		{models.RoleOrganization, models.UserActive}, {models.RoleAdmin, models.UserActive}} {
		user := &models.User{ID: store.NewID(), Email: "p" + string(rune('a'+i)) + "@example.org", Role: u.role,
			Status: u.status, CreatedAt: now, UpdatedAt: now}
		if err := st.CreateUser(ctx, user); err != nil {
			t.Fatal(err)
		}
	}
	for _, status := range []models.OrgStatus{models.OrgVerified, models.OrgPending} {
		org := &models.Organization{ID: store.NewID(), Name: "Asso " + string(status), Status: status, CreatedAt: now, UpdatedAt: now}
		if err := st.CreateOrganization(ctx, org); err != nil {
			t.Fatal(err)
		}
	}
	counted, err := st.CountPlatformNumbers(ctx, time.Now)
	if err != nil || counted.Volunteers != 2 || counted.Organizations != 1 || counted.At.IsZero() {
		t.Fatalf("counted %+v, %v: want 2 volunteers, 1 organisation", counted, err)
	}
	saved, ok, err := st.SavedPlatformNumbers(ctx)
	if err != nil || !ok || saved.Volunteers != 2 || saved.Organizations != 1 || !saved.At.Equal(counted.At.Truncate(time.Millisecond)) && !saved.At.Equal(counted.At) {
		t.Fatalf("saved %+v (ok %v, %v), counted %+v", saved, ok, err, counted)
	}
}
