package handlers_test

import (
	"fmt"
	"testing"

	"github.com/entraide/entraide/models"
)

// TestStatisticsAgreeWithTheHomePage builds a known platform and checks
// that every figure is counted once: the states of each collection add up
// to its total, and the home page, the statistics API and the statistics
// page show the same open missions, volunteers and verified organisations.
func TestStatisticsAgreeWithTheHomePage(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 5, nil) // a verified organisation, its owner, a published mission
	admin := f.admin
	second := e.publishedMission(f.org, admin, "Appels aux voisins isolés")
	e.draftMission(f.org, "Brouillon de collecte")
	submitted := e.draftMission(f.org, "Collecte en modération")
	e.post("/api/v1/organizations/"+f.org.id+"/missions/"+submitted+"/submit", f.org.owner.Access, nil).expect(t, 200)
	pending := e.newOrg("Association en attente")
	gone := e.verifiedOrg("Association suspendue", admin)
	e.publishedMission(gone, admin, "Mission d'une organisation suspendue")
	e.post("/api/v1/admin/organizations/"+gone.id+"/suspend", admin.Access, map[string]string{"reason": "Enquête"}).expect(t, 200)

	// Volunteers: one active, one who erased their account, one suspended.
	v1, erased, suspended := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	e.do(req{method: "DELETE", path: "/api/v1/me", token: erased.Access}).expect(t, 204)
	e.post("/api/v1/admin/users/"+suspended.ID+"/suspend", admin.Access, map[string]string{"reason": "Abus"}).expect(t, 200)

	// Applications: accepted, pending, withdrawn (by an organisation's
	// owner, who volunteers too).
	accepted := e.post(f.applyPath(), v1.Access, nil).expect(t, 201).str("id")
	e.post(f.appPath(accepted)+"/accept", f.org.owner.Access, nil).expect(t, 200)
	// Its second shift: the first is at the same time as f's.
	shift := e.get("/api/v1/missions/"+second, "").expect(t, 200).Body["shifts"].([]any)[1].(map[string]any)["id"].(string)
	e.post("/api/v1/missions/"+second+"/shifts/"+shift+"/applications", v1.Access, nil).expect(t, 201)
	withdrawn := e.post(f.applyPath(), pending.owner.Access, nil).expect(t, 201).str("id")
	e.post("/api/v1/me/applications/"+withdrawn+"/withdraw", pending.owner.Access, nil).expect(t, 200)

	// What a person can count by hand: v1 and the three organisations'
	// owners can volunteer; two missions are open; one organisation is
	// verified; three applications, one in each state.
	const volunteers, open, verified = 4, 2, 1
	stats := e.get("/api/v1/admin/stats", admin.Access).expect(t, 200)
	number := func(key string) int64 {
		v, ok := stats.Body[key].(float64)
		if !ok {
			t.Fatalf("stats lack %s: %s", key, stats.Raw)
		}
		return int64(v)
	}
	counts := func(key string) (map[string]int64, int64) {
		raw, _ := stats.Body[key].(map[string]any)
		out, total := map[string]int64{}, int64(0)
		for k, v := range raw {
			out[k] = int64(v.(float64))
			total += out[k]
		}
		return out, total
	}
	if n := number("volunteers"); n != volunteers {
		t.Errorf("volunteers: %d, want %d", n, volunteers)
	}
	if n := number("open_missions"); n != open {
		t.Errorf("open missions: %d, want %d", n, open)
	}
	if _, total := counts("open_missions_by_category"); total != open {
		t.Errorf("open missions by field add up to %d, want %d", total, open)
	}
	orgs, orgTotal := counts("organizations")
	if orgs["verified"] != verified || orgs["pending"] != 1 || orgs["suspended"] != 1 || orgTotal != 3 {
		t.Errorf("organisations: %v", orgs)
	}
	if number("organizations_awaiting_verification") != orgs["pending"] {
		t.Errorf("awaiting verification %d, pending %d", number("organizations_awaiting_verification"), orgs["pending"])
	}
	// The suspended organisation's mission went back to moderation.
	missions, missionTotal := counts("missions")
	if _, byField := counts("missions_by_category"); missionTotal != 5 || byField != missionTotal || missions["published"] != 2 || missions["draft"] != 1 || missions["submitted"] != 2 {
		t.Errorf("missions: %v (%d by field)", missions, byField)
	}
	apps, appTotal := counts("applications")
	if appTotal != 3 || apps["accepted"] != 1 || apps["pending"] != 1 || apps["withdrawn"] != 1 {
		t.Errorf("applications: %v", apps)
	}
	users, _ := counts("users")
	if users["volunteer"]+users["organization"] != volunteers || users["admin"] != 1 {
		t.Errorf("accounts in use by role: %v, want %d who can volunteer", users, volunteers)
	}

	// The home page (its first count is made while it is asked) and the
	// statistics page show the same figures, in the same words.
	figures := []string{
		fmt.Sprintf("<strong>%d</strong> missions ouvertes", open),
		fmt.Sprintf("<strong>%d</strong> bénévoles inscrits", volunteers),
		fmt.Sprintf("<strong>%d</strong> organisations vérifiées", verified),
	}
	e.browser().get("/").expect(t, 200).contains(t, figures...)
	b := e.browserAs(admin)
	page := b.get("/admin/stats").expect(t, 200).contains(t, figures...)
	page.contains(t, "Missions ouvertes par domaine</strong> — 2 au total", "Toutes les missions, par état</strong> — 5 au total",
		"Candidatures, par état</strong> — 3 au total", "acceptée", "retirée", "en attente de réponse").lacks(t, ">withdrawn<", ">accepted<")
	checkPageStructure(t, "admin stats", page.Body)
	// The administration's home counts the organisations awaiting
	// verification as the statistics do.
	awaiting := fmt.Sprintf("<strong>%d</strong> organisations à vérifier", orgs["pending"])
	page.contains(t, awaiting)
	b.get("/admin").expect(t, 200).contains(t, awaiting)
}
