package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
)

// Demo data the journeys use (seeds/data.go): the first organisation, a
// food bank in 13015 that the demo organisation account owns, and its
// mission "Tri des denrées du samedi matin", reviewed by hand.
const (
	demoOrgID      = "64c000000000000000000001"
	demoMissionID  = "64d000000000000000000065"
	demoMission    = "Tri des denrées du samedi matin"
	demoOrgAccount = "asso@demo.entraide.fr"
	demoPostcode   = "13015"
)

// seed loads the demo data, as `entraide` does on its first start, and
// rebuilds the search index from it.
func (s *site) seed(t testing.TB) {
	t.Helper()
	ctx := context.Background()
	if _, err := seeds.Load(ctx, s.svc.Store, s.svc.Hasher, time.Now().UTC(), service.SeedLoaders()...); err != nil {
		t.Fatal(err)
	}
	if err := s.svc.Catalog.Load(ctx); err != nil {
		t.Fatal(err)
	}
}

// newAdmin creates an admin directly in the store, as the command line
// does (no page or API makes one), and returns its e-mail address; its
// password is the tests' password.
func (s *site) newAdmin(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	hash, err := s.svc.Hasher.Hash(ctx, password)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	u := &models.User{ID: store.NewID(), Email: newEmail("admin"), Name: "Claire Admin", Role: models.RoleAdmin,
		PasswordHash: hash, Language: "fr", Status: models.UserActive, EmailConfirmed: true, CreatedAt: now, UpdatedAt: now}
	if err := s.svc.Store.CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	return u.Email
}

// newVolunteer signs a volunteer up through the API and returns its
// e-mail address.
func (s *site) newVolunteer(t *testing.T, name string) string {
	t.Helper()
	email := newEmail("volunteer")
	s.api(t, http.MethodPost, "/api/v1/auth/signup", map[string]string{
		"email": email, "password": password, "name": name, "role": "volunteer",
	}, http.StatusCreated)
	return email
}

// api sends a JSON request to the site and checks the status.
func (s *site) api(t *testing.T, method, path string, body any, status int) map[string]any {
	t.Helper()
	data, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d: %v", method, path, resp.StatusCode, status, out)
	}
	return out
}
