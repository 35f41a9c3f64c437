package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func profileBody() map[string]any {
	return map[string]any{
		"skills": []string{"handling", "driving"}, "categories": []string{"food_aid"}, "languages": []string{"fr", "ar"},
		"postcode": "13001", "radius_km": 15, "remote": true,
		"availability": map[string][]string{"sat": {"morning"}, "tue": {"morning", "evening"}},
		"birth_date":   "1990-04-12", "alerts": true, "visible_to_organizations": true,
	}
}

func TestProfileRoundTripAndValidation(t *testing.T) {
	e := newEnv(t)
	v := e.signup(models.RoleVolunteer)
	empty := e.get("/api/v1/me/profile", v.Access).expect(t, 200)
	if empty.Body["visible_to_organizations"] != false || empty.Body["radius_km"] != float64(10) {
		t.Fatalf("default profile: %s", empty.Raw)
	}
	r := e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: profileBody()}).expect(t, 200)
	if r.str("city") == "" || r.Body["lat"] == nil || r.str("birth_date") != "1990-04-12" {
		t.Fatalf("saved profile: %s", r.Raw)
	}
	got := e.get("/api/v1/me/profile", v.Access).expect(t, 200)
	if got.Body["radius_km"] != float64(15) || len(got.Body["availability"].(map[string]any)["tue"].([]any)) != 2 {
		t.Fatalf("profile: %s", got.Raw)
	}
	bad := func(field string, value any) {
		t.Helper()
		body := profileBody()
		body[field] = value
		r := e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: body}).expect(t, 400)
		if !strings.Contains(r.Raw, `"field":"`+field) {
			t.Fatalf("%s not named: %s", field, r.Raw)
		}
	}
	bad("radius_km", 0)
	bad("radius_km", 201)
	bad("postcode", "99999")
	bad("skills", []string{"juggling"})
	bad("categories", []string{"party"})
	bad("languages", []string{"klingon"})
	bad("availability", map[string][]string{"someday": {"morning"}})
	bad("availability", map[string][]string{"mon": {"night"}})
	bad("birth_date", "12/04/1990")
	bad("birth_date", time.Now().AddDate(-10, 0, 0).Format("2006-01-02"))
	bad("postcode", map[string]any{"$ne": nil})
	body := profileBody()
	delete(body, "postcode")
	body["lat"], body["lon"] = 43.3, 5.4
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: body}).expect(t, 200)
	body["postcode"] = "13001"
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: body}).expect(t, 400)

	// One account: whoever signed up for an organisation may volunteer
	// too; an admin account does not.
	org := e.signup(models.RoleOrganization)
	e.get("/api/v1/me/profile", org.Access).expect(t, 200)
	e.get("/api/v1/me/profile", e.admin().Access).expect(t, 403)
}

func TestSearchFiltersAndErrors(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Épicerie Solidaire du Panier", admin)
	food := e.publishedMission(o, admin, "Distribution à l'épicerie")
	remote := missionBody("Appels aux aînés isolés")
	remote["category"], remote["remote"] = "tele_volunteering", true
	delete(remote, "address")
	delete(remote, "postcode")
	remoteID := e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, remote).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+o.id+"/missions/"+remoteID+"/submit", o.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+remoteID+"/publish", admin.Access, nil).expect(t, 200)
	lyon := missionBody("Tri à Lyon")
	lyon["postcode"] = "69001"
	lyonID := e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, lyon).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+o.id+"/missions/"+lyonID+"/submit", o.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+lyonID+"/publish", admin.Access, nil).expect(t, 200)
	draft := e.draftMission(o, "Brouillon invisible")

	ids := func(r response) map[string]bool {
		out := map[string]bool{}
		for _, it := range r.items(t) {
			out[it["id"].(string)] = true
		}
		return out
	}
	all := e.get("/api/v1/missions", "").expect(t, 200)
	if got := ids(all); !got[food] || !got[remoteID] || !got[lyonID] || got[draft] || all.Body["total"] != float64(3) {
		t.Fatalf("all: %s", all.Raw)
	}
	near := e.get("/api/v1/missions?category=food_aid&near=13001&radius_km=20", "").expect(t, 200)
	if got := ids(near); !got[food] || got[lyonID] || got[remoteID] {
		t.Fatalf("near Marseille: %s", near.Raw)
	}
	item := near.items(t)[0]
	if item["distance_km"] == nil || item["places_left"] != float64(10) || item["next_shift"] == nil || item["organization"].(map[string]any)["name"] == "" {
		t.Fatalf("item: %v", item)
	}
	facets := near.Body["facets"].(map[string]any)
	if facets["category"].(map[string]any)["food_aid"] != float64(1) {
		t.Fatalf("facets: %v", facets)
	}
	text := e.get("/api/v1/missions?q=EPICERIE", "").expect(t, 200)
	if got := ids(text); !got[food] || !got[remoteID] { // the organisation's name matches too
		t.Fatalf("accent-insensitive text: %s", text.Raw)
	}
	if got := ids(e.get("/api/v1/missions?remote=true", "").expect(t, 200)); len(got) != 1 || !got[remoteID] {
		t.Fatalf("remote: %v", got)
	}
	if got := ids(e.get("/api/v1/missions?age=15", "").expect(t, 200)); len(got) != 0 {
		t.Fatalf("age 15 sees %v", got)
	}
	for _, bad := range []string{"category=party", "near=99999", "near=91,200", "radius_km=0", "radius_km=abc", "remote=maybe",
		"from=tomorrow", "skills=juggling", "languages=xx", "age=-3", "sort=price", "sort=distance", "per_page=51", "page=0"} {
		r := e.get("/api/v1/missions?"+bad, "").expect(t, 400)
		field := strings.SplitN(bad, "=", 2)[0]
		if !strings.Contains(r.Raw, `"field":"`+field) {
			t.Fatalf("%s: field not named: %s", bad, r.Raw)
		}
	}
	page := e.get("/api/v1/missions?per_page=1&page=2&sort=date", "").expect(t, 200)
	if len(page.items(t)) != 1 || page.Body["page"] != float64(2) || page.Body["per_page"] != float64(1) {
		t.Fatalf("paging: %s", page.Raw)
	}
}

func TestRecommendationsCandidatesAndInvitations(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire", admin)
	mission := e.publishedMission(o, admin, "Tri des denrées")
	vol := e.signup(models.RoleVolunteer)
	rec := e.get("/api/v1/me/recommendations", vol.Access).expect(t, 200)
	if len(rec.items(t)) != 0 || rec.Body["profile_complete"] != false {
		t.Fatalf("without profile: %s", rec.Raw)
	}
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: vol.Access, body: profileBody()}).expect(t, 200)
	rec = e.do(req{method: "GET", path: "/api/v1/me/recommendations", token: vol.Access, header: map[string]string{"Accept-Language": "en"}}).expect(t, 200)
	items := rec.items(t)
	if len(items) != 1 || items[0]["id"] != mission || items[0]["score"].(float64) <= 0 {
		t.Fatalf("recommendations: %s", rec.Raw)
	}
	reasons := items[0]["reasons"].([]any)
	texts := []string{}
	for _, r := range reasons {
		texts = append(texts, r.(map[string]any)["text"].(string))
	}
	joined := strings.Join(texts, " | ")
	if !strings.Contains(joined, "km") || !strings.Contains(joined, "Arabic") {
		t.Fatalf("reasons: %s", joined)
	}
	frRec := e.get("/api/v1/me/recommendations", vol.Access).expect(t, 200)
	if !strings.Contains(frRec.Raw, "arabe") {
		t.Fatalf("French reasons: %s", frRec.Raw)
	}

	// Candidates: only opted-in volunteers, masked.
	hidden := e.signup(models.RoleVolunteer)
	body := profileBody()
	body["visible_to_organizations"] = false
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: hidden.Access, body: body}).expect(t, 200)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: vol.Access, body: map[string]string{"name": "Amina Benali", "phone": "0612345678"}}).expect(t, 200)
	cands := e.get("/api/v1/organizations/"+o.id+"/missions/"+mission+"/candidates", o.owner.Access).expect(t, 200)
	list := cands.items(t)
	if len(list) != 1 || list[0]["volunteer_id"] != vol.ID || list[0]["display_name"] != "Amina B." || len(list[0]["reasons"].([]any)) == 0 {
		t.Fatalf("candidates: %s", cands.Raw)
	}
	for _, leak := range []string{vol.Email, "0612345678", "Benali", hidden.ID, hidden.Email} {
		if strings.Contains(cands.Raw, leak) {
			t.Fatalf("candidates leak %q: %s", leak, cands.Raw)
		}
	}
	other := e.verifiedOrg("Autre", admin)
	e.get("/api/v1/organizations/"+other.id+"/missions/"+mission+"/candidates", other.owner.Access).expect(t, 404)
	e.get("/api/v1/organizations/"+o.id+"/missions/"+mission+"/candidates", vol.Access).expect(t, 404)

	invite := "/api/v1/organizations/" + o.id + "/missions/" + mission + "/candidates/" + vol.ID + "/invite"
	e.post(invite, o.owner.Access, nil).expect(t, 201)
	e.post(invite, o.owner.Access, nil).expect(t, 409)
	e.post("/api/v1/organizations/"+o.id+"/missions/"+mission+"/candidates/"+hidden.ID+"/invite", o.owner.Access, nil).expect(t, 404)
	// Five invitations a month across organisations, at most two from any
	// one, then no more.
	third := e.verifiedOrg("Troisième", admin)
	for i, from := range []orgFixture{other, other, third, third} {
		m := e.publishedMission(from, admin, "Mission supplémentaire "+string(rune('A'+i)))
		e.post("/api/v1/organizations/"+from.id+"/missions/"+m+"/candidates/"+vol.ID+"/invite", from.owner.Access, nil).expect(t, 201)
	}
	fourth := e.verifiedOrg("Quatrième", admin)
	sixth := e.publishedMission(fourth, admin, "Sixième mission")
	e.post("/api/v1/organizations/"+fourth.id+"/missions/"+sixth+"/candidates/"+vol.ID+"/invite", fourth.owner.Access, nil).expect(t, 422)
	notes := e.get("/api/v1/me/notifications", vol.Access).expect(t, 200)
	if notes.Body["total"].(float64) < 5 {
		t.Fatalf("invitation notifications: %s", notes.Raw)
	}
}

func TestUrgentMissionAlertsOptedInVolunteers(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Croix-Rouge", admin)
	alerted := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: alerted.Access, body: profileBody()}).expect(t, 200)
	quiet := e.signup(models.RoleVolunteer)
	body := profileBody()
	body["alerts"] = false
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: quiet.Access, body: body}).expect(t, 200)
	m := missionBody("Livraison urgente de courses")
	m["urgent"] = true
	id := e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, m).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+o.id+"/missions/"+id+"/submit", o.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 200)
	if n := e.get("/api/v1/me/notifications", alerted.Access).expect(t, 200).Body["total"]; n != float64(1) {
		t.Fatalf("alerted volunteer has %v notifications", n)
	}
	if n := e.get("/api/v1/me/notifications", quiet.Access).expect(t, 200).Body["total"]; n != float64(0) {
		t.Fatalf("volunteer without alerts has %v notifications", n)
	}
}

func TestSecondInstanceSeesChanges(t *testing.T) {
	e := newEnv(t)
	other := e.sibling()
	admin := e.admin()
	o := e.verifiedOrg("Asso", admin)
	id := e.publishedMission(o, admin, "Publiée sur la première instance")
	if got := other.get("/api/v1/missions", "").expect(t, 200); got.Body["total"] != float64(0) {
		t.Fatalf("the second instance saw it before polling: %s", got.Raw)
	}
	if err := other.svc.Catalog.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	got := other.get("/api/v1/missions", "").expect(t, 200)
	if got.Body["total"] != float64(1) || got.items(t)[0]["id"] != id {
		t.Fatalf("after polling: %s", got.Raw)
	}
	// And back: a cancellation on the second instance leaves the first.
	e.post("/api/v1/organizations/"+o.id+"/missions/"+id+"/cancel", o.owner.Access, nil).expect(t, 200)
	if err := other.svc.Catalog.Poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := other.get("/api/v1/missions", "").expect(t, 200); got.Body["total"] != float64(0) {
		t.Fatalf("after cancellation: %s", got.Raw)
	}
}
