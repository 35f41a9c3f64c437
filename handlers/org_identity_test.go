package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func identityChangeOf(t *testing.T, r response) map[string]any {
	t.Helper()
	ch, ok := r.Body["identity_change"].(map[string]any)
	if !ok {
		t.Fatalf("no identity change in %s", r.Raw)
	}
	return ch
}

// Issue 12, point 4: a verified organisation that renames itself or
// changes its SIRET/RNA or contact details goes back to verification for
// that change, and keeps working under its verified identity meanwhile.
func TestVerifiedOrganizationIdentityChangeIsVerifiedAgain(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire du Panier", admin)
	missionID := e.publishedMission(o, admin, "Tri des denrées du samedi")
	path := "/api/v1/organizations/" + o.id
	patch := func(body map[string]any) response {
		return e.do(req{method: "PATCH", path: path, token: o.owner.Access, body: body})
	}

	r := patch(map[string]any{"name": "Croix-Rouge française", "contact_email": "dons@croix-rouge.example.org",
		"description": "Distributions alimentaires chaque samedi dans le quartier du Panier."}).expect(t, 200)
	if r.str("name") != "Banque alimentaire du Panier" || r.str("status") != "verified" {
		t.Fatalf("identity changed without verification: %s", r.Raw)
	}
	if r.str("description") != "Distributions alimentaires chaque samedi dans le quartier du Panier." {
		t.Fatalf("the description changes directly: %s", r.Raw)
	}
	ch := identityChangeOf(t, r)
	if ch["state"] != "pending" || !slices.Equal(toStrings(ch["changed_fields"]), []string{"name", "contact_email"}) {
		t.Fatalf("identity change: %v", ch)
	}
	public := e.get(path, "").expect(t, 200)
	if public.str("name") != "Banque alimentaire du Panier" || public.str("contact_email") != "contact@banque.example.org" || public.Body["identity_change"] != nil {
		t.Fatalf("public page shows the unverified identity: %s", public.Raw)
	}
	mission := e.get("/api/v1/missions/"+missionID, "").expect(t, 200)
	if mission.str("status") != "published" || mission.Body["organization"].(map[string]any)["name"] != "Banque alimentaire du Panier" {
		t.Fatalf("mission while the change waits: %s", mission.Raw)
	}

	queue := e.get("/api/v1/admin/queue/identity-changes", admin.Access).expect(t, 200)
	items := queue.items(t)
	if len(items) != 1 || items[0]["id"] != o.id {
		t.Fatalf("identity queue: %s", queue.Raw)
	}
	first := items[0]["identity_change"].(map[string]any)["changes"].([]any)[0].(map[string]any)
	if first["field"] != "name" || first["old"] != "Banque alimentaire du Panier" || first["new"] != "Croix-Rouge française" {
		t.Fatalf("old → new: %v", first)
	}

	e.post("/api/v1/admin/organizations/"+o.id+"/identity/reject", admin.Access, map[string]string{}).expect(t, 400)
	e.post("/api/v1/admin/organizations/"+o.id+"/identity/reject", admin.Access, map[string]string{"reason": "Ce nom est celui d'une autre organisation."}).expect(t, 200)
	e.post("/api/v1/admin/organizations/"+o.id+"/identity/approve", admin.Access, nil).expect(t, 409)
	ch = identityChangeOf(t, e.get(path, o.owner.Access).expect(t, 200))
	if ch["state"] != "rejected" || ch["reason"] != "Ce nom est celui d'une autre organisation." {
		t.Fatalf("rejected: %v", ch)
	}
	if e.get(path, "").expect(t, 200).str("name") != "Banque alimentaire du Panier" {
		t.Fatal("rejected name applied")
	}

	// A legitimate change, approved, becomes the verified identity.
	patch(map[string]any{"name": "Banque alimentaire du Panier et de la Joliette", "contact_phone": "04 91 11 22 33"}).expect(t, 200)
	approved := e.post("/api/v1/admin/organizations/"+o.id+"/identity/approve", admin.Access, nil).expect(t, 200)
	if approved.str("name") != "Banque alimentaire du Panier et de la Joliette" || approved.Body["identity_change"] != nil || approved.str("status") != "verified" {
		t.Fatalf("approved: %s", approved.Raw)
	}
	if got := e.get("/api/v1/missions/"+missionID, "").expect(t, 200); got.Body["organization"].(map[string]any)["name"] != "Banque alimentaire du Panier et de la Joliette" {
		t.Fatalf("mission shows the old name after approval: %s", got.Raw)
	}

	audit := e.get("/api/v1/admin/audit?target="+o.id, admin.Access).expect(t, 200)
	count := map[string]int{}
	for _, it := range audit.items(t) {
		count[it["action"].(string)]++
		if strings.Contains(it["action"].(string), "identity") && strings.Contains(mustJSON(t, it), "04 91 11 22 33") {
			t.Fatalf("the audit log keeps contact details: %v", it)
		}
	}
	if count["organization.identity_reject"] != 1 || count["organization.identity_approve"] != 1 {
		t.Fatalf("audit: %v", count)
	}

	// A pending organisation is being verified anyway: it edits directly.
	pending := e.newOrg("Asso en attente")
	r = e.do(req{method: "PATCH", path: "/api/v1/organizations/" + pending.id, token: pending.owner.Access, body: map[string]any{"name": "Asso renommée"}}).expect(t, 200)
	if r.str("name") != "Asso renommée" || r.Body["identity_change"] != nil {
		t.Fatalf("pending organisation edit: %s", r.Raw)
	}
}

// The organisation's profile page shows its pending identity change; the
// admin decides from the verification page.
func TestIdentityChangeThroughPages(t *testing.T) {
	e := newEnv(t)
	adminPage, admin := e.adminBrowser()
	o := e.verifiedOrg("Banque alimentaire du Panier", admin)
	orgPage := e.browser()
	orgPage.get("/login")
	orgPage.post("/login", url.Values{"email": {o.owner.Email}, "password": {o.owner.Password}}).expect(t, http.StatusSeeOther)

	saved := orgPage.post("/organizations/"+o.id+"/profile", url.Values{
		"name": {"Croix-Rouge française"}, "kind": {"association"}, "siret": {validSIRET}, "rna": {""},
		"address": {"12 rue de la République"}, "postcode": {"13001"},
		"description":   {"Banque alimentaire de quartier, distributions hebdomadaires."},
		"contact_email": {"contact@banque.example.org"}, "contact_phone": {"04 91 00 00 00"},
	}).expect(t, http.StatusSeeOther)
	profile := orgPage.follow(saved).expect(t, 200)
	checkPageStructure(t, "org profile with identity change", profile.Body)
	profile.contains(t, "Changement d&#39;identité en attente de vérification", "Croix-Rouge française")

	queue := adminPage.get("/admin/organizations").expect(t, 200)
	checkPageStructure(t, "admin organizations with identity change", queue.Body)
	queue.contains(t, "Changements d&#39;identité à vérifier : 1", "Croix-Rouge française", "Banque alimentaire du Panier")
	done := adminPage.post("/admin/organizations/"+o.id+"/identity/reject", url.Values{"reason": {"Nom d'une autre organisation."}}).expect(t, http.StatusSeeOther)
	adminPage.follow(done).expect(t, 200).contains(t, "Changement d&#39;identité refusé.")
	orgPage.get("/organizations/"+o.id+"/profile").expect(t, 200).contains(t, "Nom d&#39;une autre organisation.")
}

func toStrings(v any) []string {
	var out []string
	for _, s := range v.([]any) {
		out = append(out, s.(string))
	}
	return out
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
