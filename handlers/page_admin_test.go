package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

// adminBrowser signs an admin (made in the store) in through the page.
func (e *env) adminBrowser() (*browser, user) {
	e.t.Helper()
	admin := e.admin()
	b := e.browser()
	b.get("/login")
	in := b.post("/login", url.Values{"email": {admin.Email}, "password": {admin.Password}}).expect(e.t, http.StatusSeeOther)
	if in.Location != "/admin?notice=logged_in" {
		e.t.Fatalf("an admin lands on %q", in.Location)
	}
	return b, admin
}

func TestAdminModeratesOrganizationsAndMissions(t *testing.T) {
	e := newEnv(t)
	b, _ := e.adminBrowser()
	o := e.newOrg("Banque alimentaire du Panier")

	queue := b.get("/admin/organizations").expect(t, 200)
	checkPageStructure(t, "admin organizations", queue.Body)
	queue.contains(t, "Banque alimentaire du Panier", "73282932000074", `id="f-reason-`+o.id+`"`)

	// A rejection needs its reason, shown on that organisation's field.
	refused := b.post("/admin/organizations/"+o.id+"/reject", url.Values{"reason": {""}}).expect(t, 400)
	refused.contains(t, `<a href="#f-reason-`+o.id+`">`, `aria-invalid="true"`)
	checkPageStructure(t, "admin organizations refused", refused.Body)
	b.follow(b.post("/admin/organizations/"+o.id+"/verify", url.Values{}).expect(t, http.StatusSeeOther)).
		expect(t, 200).contains(t, "est vérifiée", "Rien en attente.")

	// A mission with a blocked word and a likely duplicate.
	first := e.draftMission(o, "Distribution de colis")
	e.post("/api/v1/organizations/"+o.id+"/missions/"+first+"/submit", o.owner.Access, nil).expect(t, 200)
	body := missionBody("Distribution de colis !")
	body["description"] = "Aider à la distribution des colis alimentaires, mission rémunérée en espèces."
	second := e.post("/api/v1/organizations/"+o.id+"/missions", o.owner.Access, body).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+o.id+"/missions/"+second+"/submit", o.owner.Access, nil).expect(t, 200)
	missions := b.get("/admin/missions").expect(t, 200)
	checkPageStructure(t, "admin missions", missions.Body)
	missions.contains(t, "Doublons probables", "/missions/"+first, "Mots interdits")

	b.post("/admin/missions/"+second+"/reject", url.Values{}).expect(t, 400).contains(t, `<a href="#f-reason-`+second+`">`)
	b.post("/admin/missions/"+second+"/reject", url.Values{"reason": {"Doublon, et la rémunération est interdite."}}).expect(t, http.StatusSeeOther)
	published := b.follow(b.post("/admin/missions/"+first+"/publish", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200)
	published.contains(t, "La mission est publiée.")
	e.get("/api/v1/missions/"+first, "").expect(t, 200)

	// The audit log shows it all, filtered.
	audit := b.get("/admin/audit?action=mission.publish").expect(t, 200)
	checkPageStructure(t, "admin audit", audit.Body)
	audit.contains(t, "1 action(s).", "Mission publiée", "de « en modération » à « publiée »").lacks(t, "mission.reject", "submitted → published", ">mission.publish<")
	b.get("/admin/audit?actor=nope").expect(t, 400).contains(t, `<a href="#f-actor">`)

	stats := b.get("/admin/stats").expect(t, 200)
	checkPageStructure(t, "admin stats", stats.Body)
	stats.contains(t, `<svg viewBox="0 0 640`, `role="img"`, "Missions ouvertes par domaine", "Aide alimentaire", "Voir les chiffres")

	home := b.get("/admin").expect(t, 200)
	checkPageStructure(t, "admin home", home.Body)

	// Volunteers and organisations are sent to their own space.
	v, _ := e.signedIn()
	if r := v.get("/admin/missions").expect(t, http.StatusSeeOther); r.Location != "/me" {
		t.Errorf("a volunteer is sent to %q", r.Location)
	}
	v.post("/admin/missions/"+first+"/reject", url.Values{"reason": {"x"}}).expect(t, http.StatusSeeOther)
}

func TestAdminReportsAndUsers(t *testing.T) {
	e := newEnv(t)
	b, admin := e.adminBrowser()
	o := e.verifiedOrg("Banque alimentaire du Panier", admin)
	reporter := e.signup(models.RoleVolunteer)
	e.post("/api/v1/reports", reporter.Access, map[string]string{"target_type": "organization", "target_id": o.id, "reason": "Demande de l'argent aux bénévoles."}).expect(t, 201)

	reports := b.get("/admin/reports").expect(t, 200)
	checkPageStructure(t, "admin reports", reports.Body)
	reports.contains(t, "Banque alimentaire du Panier", "Demande de l&#39;argent", "Suspendre l&#39;organisation")
	b.post("/admin/organizations/"+o.id+"/suspend", url.Values{"back": {"/admin/reports"}}).expect(t, 400).contains(t, `<a href="#f-reason-`+o.id+`">`)
	suspended := b.post("/admin/organizations/"+o.id+"/suspend", url.Values{"back": {"/admin/reports"}, "reason": {"Demandes d'argent."}}).expect(t, http.StatusSeeOther)
	if !strings.HasPrefix(suspended.Location, "/admin/reports?notice=org_suspend") {
		t.Errorf("back to %q", suspended.Location)
	}
	id := reports.Body[strings.Index(reports.Body, "/admin/reports/")+len("/admin/reports/"):]
	id = id[:strings.Index(id, "/")]
	b.follow(b.post("/admin/reports/"+id+"/resolve", url.Values{"resolution": {"Organisation suspendue."}}).expect(t, http.StatusSeeOther)).
		expect(t, 200).contains(t, "Le signalement est traité.", "Aucun signalement.")
	b.get("/admin/organizations").expect(t, 200).contains(t, "Organisations suspendues", "Banque alimentaire du Panier")

	// Find an account, suspend it with a reason, restore it.
	users := b.get("/admin/users?email="+url.QueryEscape(reporter.Email)).expect(t, 200)
	checkPageStructure(t, "admin users", users.Body)
	users.contains(t, "Suspendre le compte", "actif")
	b.post("/admin/users/"+reporter.ID+"/suspend", url.Values{"email": {reporter.Email}}).expect(t, 400).contains(t, `<a href="#f-reason">`)
	done := b.post("/admin/users/"+reporter.ID+"/suspend", url.Values{"email": {reporter.Email}, "reason": {"Abus."}}).expect(t, http.StatusSeeOther)
	b.follow(done).expect(t, 200).contains(t, "Le compte est suspendu.", "suspendu", "Rétablir le compte")
	e.post("/api/v1/auth/login", "", map[string]string{"email": reporter.Email, "password": reporter.Password}).expect(t, 403)
	b.follow(b.post("/admin/users/"+reporter.ID+"/restore", url.Values{"email": {reporter.Email}}).expect(t, http.StatusSeeOther)).
		expect(t, 200).contains(t, "Le compte est rétabli.")
	b.get("/admin/users?email=nobody@example.org").expect(t, 400).contains(t, "Aucun compte avec cette adresse.")
}
