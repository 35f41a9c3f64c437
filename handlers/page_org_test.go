package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// orgBrowser signs an organisation account up through the page and
// registers its organisation with the form; it returns the browser and
// the organisation's id.
func (e *env) orgBrowser(name string) (*browser, string) {
	e.t.Helper()
	b := e.browser()
	b.get("/signup")
	form := signupForm(uniqueEmail("orgpage"))
	form.Set("role", "organization")
	welcome := b.follow(b.post("/signup", form)).expect(e.t, 200)
	welcome.contains(e.t, "<h1>Inscrire votre organisation</h1>", "Bienvenue")
	checkPageStructure(e.t, "org registration", welcome.Body)
	done := b.post("/org", url.Values{
		"name": {name}, "kind": {"association"}, "siret": {validSIRET}, "rna": {""},
		"address": {"12 rue de la République"}, "postcode": {"13001"},
		"description":   {"Banque alimentaire de quartier, distributions hebdomadaires."},
		"contact_email": {"contact@banque.example.org"}, "contact_phone": {"04 91 00 00 00"},
	}).expect(e.t, http.StatusSeeOther)
	id := strings.Split(strings.TrimPrefix(done.Location, "/organizations/"), "/")[0]
	b.follow(done).expect(e.t, 200).contains(e.t, "Votre organisation est inscrite", "attend sa vérification")
	return b, id
}

// missionForm fills the mission editor with shifts on dates days ahead.
func missionForm(title string, days ...int) url.Values {
	var dates []string
	for _, d := range days {
		dates = append(dates, time.Now().AddDate(0, 0, d).Format("02/01/2006"))
	}
	return url.Values{
		"title": {title}, "description": {"Aider à trier et distribuer les colis alimentaires du samedi matin."},
		"category": {"food_aid"}, "address": {"12 rue de la République"}, "postcode": {"13001"},
		"skills": {"distribution", "food_sorting"}, "tags": {"bonne humeur"}, "languages": {"fr", "ar"},
		"min_age": {"16"}, "dates": {strings.Join(dates, "\n")}, "start_time": {"09:00"}, "end_time": {"12:00"},
		"capacity": {"4"},
	}
}

func TestOrganizationSpacePostsAMission(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	b, orgID := e.orgBrowser("Banque alimentaire du Panier")
	base := "/organizations/" + orgID

	// Refused: the errors of the mission and of its shifts, at once.
	b.get(base+"/missions/new").expect(t, 200)
	bad := missionForm("Hop", 3)
	bad.Set("dates", "31/02/2026\n")
	bad.Set("end_time", "")
	refused := b.post(base+"/missions", bad).expect(t, 400)
	refused.contains(t, `<a href="#f-title">`, `<a href="#f-dates">`, `<a href="#f-end_time">`, `value="bonne humeur"`)
	checkPageStructure(t, "mission editor refused", refused.Body)

	created := b.post(base+"/missions", missionForm("Distribution de colis", 3, 10)).expect(t, http.StatusSeeOther)
	missionPath := strings.Split(created.Location, "?")[0]
	page := b.follow(created).expect(t, 200)
	page.contains(t, "Le brouillon est créé", "0 / 4", "brouillon", "9 h 00 – 12 h 00")
	checkPageStructure(t, "org mission", page.Body)

	// Not verified yet: the page says why there is no submit button, and
	// the submission is refused.
	page.contains(t, "Vous pourrez soumettre cette mission").lacks(t, "Soumettre à la modération</button>")
	b.post(missionPath+"/submit", url.Values{}).expect(t, 409).contains(t, "L&#39;organisation doit être vérifiée")
	e.post("/api/v1/admin/organizations/"+orgID+"/verify", admin.Access, map[string]string{}).expect(t, 200)
	b.follow(b.post(missionPath+"/submit", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "soumise à la modération")

	// Several dates at once.
	added := b.post(missionPath+"/shifts", url.Values{
		"dates":      {time.Now().AddDate(0, 0, 20).Format("2006-01-02") + "\n" + time.Now().AddDate(0, 0, 27).Format("02/01/2006")},
		"start_time": {"22:00"}, "end_time": {"06:00"}, "capacity": {"2"},
	}).expect(t, http.StatusSeeOther)
	b.follow(added).expect(t, 200).contains(t, "22 h 00 – 6 h 00", "0 / 2")

	// Edit, then the list by state.
	b.get(missionPath+"/edit").expect(t, 200).contains(t, `value="Distribution de colis"`, `value="ar" checked`, `value="fr" checked`, `>arabe</label>`)
	edit := missionForm("Distribution de colis du samedi")
	b.post(missionPath+"/edit", edit).expect(t, http.StatusSeeOther)
	list := b.get(base+"/missions?status=submitted").expect(t, 200)
	list.contains(t, "Distribution de colis du samedi", `aria-current="page">En modération`)
	checkPageStructure(t, "org missions", list.Body)
	b.get(base+"/missions?status=draft").expect(t, 200).contains(t, "Aucune mission ici.")

	sheet := b.get(missionPath+"/attendance").expect(t, 200)
	sheet.contains(t, "Feuille d&#39;émargement — Distribution de colis du samedi", "Aucun bénévole accepté")
	checkPageStructure(t, "attendance sheet", sheet.Body)
	export := b.get(base+"/missions/export.csv").expect(t, 200)
	if !strings.Contains(export.Body, "Distribution de colis du samedi") || export.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("export %q %s", export.Header.Get("Cache-Control"), export.Body)
	}

	// Another organisation's member, or a volunteer, sees nothing.
	other, _ := e.orgBrowser("Autre association")
	other.get(missionPath).expect(t, 404)
	other.post(missionPath+"/cancel", url.Values{}).expect(t, 404)
	volunteer, _ := e.signedIn()
	volunteer.get(missionPath).expect(t, http.StatusNotFound)

	// Profile and members pages.
	profile := b.get(base+"/profile").expect(t, 200)
	checkPageStructure(t, "org profile", profile.Body)
	form := url.Values{}
	for _, f := range []string{"name", "kind", "siret", "rna", "address", "postcode", "description", "contact_email", "contact_phone"} {
		form.Set(f, "")
	}
	b.post(base+"/profile", form).expect(t, 400).contains(t, `<a href="#f-name">`)
}

func TestOrganizationMembersAndInvitations(t *testing.T) {
	e := newEnv(t)
	b, orgID := e.orgBrowser("Banque alimentaire du Panier")
	base := "/organizations/" + orgID
	members := b.get(base+"/members").expect(t, 200)
	checkPageStructure(t, "members", members.Body)
	members.contains(t, "Responsable", "Envoyer l&#39;invitation")

	colleague := e.signup(models.RoleOrganization)
	b.post(base+"/invitations", url.Values{"email": {"not an email"}, "role": {"member"}}).expect(t, 400).contains(t, `<a href="#f-email">`)
	invited := b.post(base+"/invitations", url.Values{"email": {colleague.Email}, "role": {"member"}}).expect(t, 201)
	invited.contains(t, "Invitation envoyée", colleague.Email, "/invitations/")
	link := invited.Body[strings.Index(invited.Body, "/invitations/"):]
	token := strings.TrimPrefix(link[:strings.IndexAny(link, "<\"")], "/invitations/")

	c := e.browser()
	c.get("/login")
	c.post("/login", url.Values{"email": {colleague.Email}, "password": {colleague.Password}})
	c.get("/invitations/"+token).expect(t, 200).contains(t, "Rejoindre l&#39;organisation")
	joined := c.post("/invitations/"+token, url.Values{}).expect(t, http.StatusSeeOther)
	c.follow(joined).expect(t, 200).contains(t, "Bienvenue dans l&#39;organisation.")
	c.post("/invitations/"+token, url.Values{}).expect(t, 409).contains(t, "déjà été utilisée")

	// The colleague, a member, cannot invite; they may leave.
	c.get(base+"/members").expect(t, 200).lacks(t, "Envoyer l&#39;invitation")
	b.get(base+"/members").expect(t, 200).contains(t, colleague.Email)
	c.follow(c.post(base+"/members/"+colleague.ID+"/remove", url.Values{}).expect(t, http.StatusSeeOther))
	c.get(base+"/members").expect(t, 404)
}

func TestCandidatesPageInvitesAVolunteer(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 3, nil)
	vol := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: vol.Access, body: map[string]any{
		"postcode": "13002", "visible_to_organizations": true, "categories": []string{"food_aid"}, "skills": []string{"distribution"},
		"availability": map[string][]string{"sat": {"morning"}},
	}}).expect(t, 200)
	org := e.orgSignedIn(f)
	path := "/organizations/" + f.org.id + "/missions/" + f.missionID + "/candidates"
	page := org.get(path).expect(t, 200)
	checkPageStructure(t, "candidates", page.Body)
	page.contains(t, "Test V.", "Inviter à postuler").lacks(t, vol.Email)
	org.follow(org.post(path+"/"+vol.ID+"/invite", url.Values{}).expect(t, http.StatusSeeOther)).
		expect(t, 200).contains(t, "L&#39;invitation est envoyée.", "Invité·e")
	org.post(path+"/"+vol.ID+"/invite", url.Values{}).expect(t, 409)
}
