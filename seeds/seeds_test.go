package seeds_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	storetest.Shutdown()
	os.Exit(code)
}

func TestLoadingTwiceChangesNothing(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	hasher := auth.NewHasher(auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32}, 1)
	now := time.Now().UTC()
	first, err := seeds.Load(ctx, st, hasher, now, seeds.LoadOrganizations)
	if err != nil || first != 3 {
		t.Fatalf("first load: %d users, %v", first, err)
	}
	counts := func() (int64, int, int64) {
		users, err := st.CountUsers(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		orgs, _, err := st.OrganizationsByStatus(ctx, "", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, missions, err := st.Missions(ctx, store.MissionFilter{}, "created_at", 0, 0)
		if err != nil {
			t.Fatal(err)
		}
		return users, len(orgs), missions
	}
	u1, o1, m1 := counts()
	if o1 < 15 || m1 < 60 {
		t.Fatalf("seeded %d organisations and %d missions", o1, m1)
	}
	again, err := seeds.Load(ctx, st, hasher, now.Add(time.Hour), seeds.LoadOrganizations)
	if err != nil || again != 0 {
		t.Fatalf("second load: %d users, %v", again, err)
	}
	if u2, o2, m2 := counts(); u2 != u1 || o2 != o1 || m2 != m1 {
		t.Fatalf("second load changed counts: %d/%d/%d → %d/%d/%d", u1, o1, m1, u2, o2, m2)
	}
	// Every category and every mission state is represented, and every
	// seeded mission passes the same validation as the API.
	missions, _, err := st.Missions(ctx, store.MissionFilter{}, "created_at", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	categories, states := map[models.Category]bool{}, map[models.MissionStatus]bool{}
	for _, m := range missions {
		categories[m.Category], states[m.Status] = true, true
		title, desc, cat := m.Title, m.Description, string(m.Category)
		skills, langs := append(m.Skills, m.Tags...), m.Languages
		remote, addr, pc := m.Remote, m.Address, m.Postcode
		in := models.MissionInput{Title: &title, Description: &desc, Category: &cat, Skills: &skills, Languages: &langs,
			Remote: &remote, Address: &addr, Postcode: &pc, RequiresVetting: &m.RequiresVetting, AutoAccept: &m.AutoAccept}
		if _, err := in.Apply(nil); err != nil {
			t.Errorf("seeded mission %q is invalid: %v", m.Title, err)
		}
	}
	if len(categories) != len(models.Categories) {
		t.Errorf("categories seeded: %v", categories)
	}
	if len(states) != 6 {
		t.Errorf("states seeded: %v", states)
	}
	orgs, _, _ := st.OrganizationsByStatus(ctx, "", 0, 0)
	for _, o := range orgs {
		if o.SIRET == "" && o.RNA == "" || o.SIRET != "" && !models.ValidSIRET(o.SIRET) {
			t.Errorf("organisation %q has no valid number", o.Name)
		}
	}
}
