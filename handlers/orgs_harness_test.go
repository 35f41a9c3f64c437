package handlers_test

import (
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// validSIRET is a real-format SIRET with a correct Luhn key.
const validSIRET = "73282932000074"

func orgBody(name string) map[string]any {
	return map[string]any{
		"name": name, "kind": "association", "siret": validSIRET, "address": "12 rue de la République",
		"postcode": "13001", "description": "Banque alimentaire de quartier, distributions hebdomadaires.",
		"contact_email": "contact@banque.example.org", "contact_phone": "04 91 00 00 00",
	}
}

// orgFixture is an organisation account with a registered organisation.
type orgFixture struct {
	owner user
	id    string
}

func (e *env) newOrg(name string) orgFixture {
	e.t.Helper()
	owner := e.signup(models.RoleOrganization)
	r := e.post("/api/v1/organizations", owner.Access, orgBody(name)).expect(e.t, 201)
	return orgFixture{owner: owner, id: r.str("id")}
}

// verifiedOrg registers an organisation and has an admin verify it.
func (e *env) verifiedOrg(name string, admin user) orgFixture {
	e.t.Helper()
	o := e.newOrg(name)
	e.post("/api/v1/admin/organizations/"+o.id+"/verify", admin.Access, map[string]string{}).expect(e.t, 200)
	return o
}

func futureShift(days, capacity int) map[string]any {
	start := time.Now().UTC().Add(time.Duration(days) * 24 * time.Hour).Truncate(time.Hour)
	return map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(3 * time.Hour).Format(time.RFC3339), "capacity": capacity}
}

func missionBody(title string) map[string]any {
	return map[string]any{
		"title": title, "description": "Aider à trier et distribuer les colis alimentaires du samedi matin.",
		"category": "food_aid", "skills": []string{"handling", "distribution", "bonne humeur"}, "languages": []string{"fr", "ar"},
		"remote": false, "address": "12 rue de la République", "postcode": "13001",
		"shifts": []any{futureShift(3, 5), futureShift(10, 5)},
	}
}

// draftMission creates a draft mission in org.
func (e *env) draftMission(o orgFixture, title string) string {
	e.t.Helper()
	return e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, missionBody(title)).expect(e.t, 201).str("id")
}

// publishedMission creates, submits and publishes a mission.
func (e *env) publishedMission(o orgFixture, admin user, title string) string {
	e.t.Helper()
	id := e.draftMission(o, title)
	e.post("/api/v1/organizations/"+o.id+"/missions/"+id+"/submit", o.owner.Access, nil).expect(e.t, 200)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, map[string]string{}).expect(e.t, 200)
	return id
}

func (r response) items(t *testing.T) []map[string]any {
	t.Helper()
	raw, ok := r.Body["items"].([]any)
	if !ok {
		t.Fatalf("no items in %s", r.Raw)
	}
	out := make([]map[string]any, len(raw))
	for i, it := range raw {
		out[i] = it.(map[string]any)
	}
	return out
}
