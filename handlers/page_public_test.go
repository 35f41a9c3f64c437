package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestSearchPageFiltersAndPages(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	org := e.verifiedOrg("Banque alimentaire du Panier", admin)
	for _, title := range []string{"Distribution de colis", "Tri des denrées du marché", "Collecte au supermarché"} {
		e.publishedMission(org, admin, title)
	}
	visitor := e.browser()
	all := visitor.get("/missions").expect(t, 200)
	all.contains(t, "3 missions trouvées", "Distribution de colis", "Aide alimentaire (3)", `data-lat="`)
	checkPageStructure(t, "search", all.Body)

	// The home page's form sends "where", with a town's name.
	near := visitor.get("/missions?q=supermarche&where=Marseille").expect(t, 200)
	near.contains(t, "1 mission trouvée", "autour de 13", `value="Marseille"`, " km</strong>")
	near.lacks(t, "Tri des denrées", "Distribution de colis")

	// One per page: three pages, the filters kept from one to the next.
	paged := visitor.get("/missions?category=food_aid&per_page=1&page=2").expect(t, 200)
	paged.contains(t, `rel="prev"`, `rel="next"`, `aria-current="page"`, "page=3")
	if !strings.Contains(paged.Body, "category=food_aid") {
		t.Error("the page links lose the filters")
	}

	bad := visitor.get("/missions?near=99999&radius_km=0").expect(t, 400)
	bad.contains(t, `<a href="#f-near">`, `<a href="#f-radius_km">`, `aria-invalid="true"`)
	if !strings.HasPrefix(bad.title(), "Erreur : ") {
		t.Errorf("title %q", bad.title())
	}
	checkPageStructure(t, "search refused", bad.Body)
}

var jsonLD = regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)

func TestMissionPageDescribesTheMission(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	org := e.verifiedOrg("Banque <alimentaire> & Co", admin)
	body := missionBody(`Distribution </script><script>alert(1)</script>`)
	body["min_age"] = 18
	body["requires_vetting"] = true
	id := e.post("/api/v1/organizations/"+org.id+"/missions", org.owner.Access, body).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+org.id+"/missions/"+id+"/submit", org.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, map[string]string{}).expect(t, 200)
	other := e.publishedMission(org, admin, "Tri des denrées du marché")

	visitor := e.browser()
	page := visitor.get("/missions/"+id).expect(t, 200)
	checkPageStructure(t, "mission", page.Body)
	page.contains(t,
		`<link rel="canonical" href="`, "/missions/"+id+`">`,
		`<meta property="og:type" content="website">`, `<meta name="description" content="Aider à trier`,
		"Avoir au moins 18 ans.", "Vérification requise", "12 rue de la République", "5 / 5",
		"Banque &lt;alimentaire&gt; &amp; Co", "Délai de réponse", "/signup?next=%2Fmissions%2F"+id,
		"Missions similaires", "/missions/"+other,
	)
	page.lacks(t, "<script>alert(1)</script>")
	if !strings.HasPrefix(page.title(), "Distribution &lt;/script&gt;") {
		t.Errorf("title %q", page.title())
	}
	m := jsonLD.FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatal("no JSON-LD")
	}
	if strings.Contains(m[1], "</script") || strings.Contains(m[1], "<") {
		t.Errorf("JSON-LD not escaped: %s", m[1])
	}
	var ld map[string]any
	if err := json.Unmarshal([]byte(m[1]), &ld); err != nil {
		t.Fatalf("JSON-LD %v: %s", err, m[1])
	}
	if ld["@type"] != "JobPosting" || ld["employmentType"] != "VOLUNTEER" || !strings.Contains(ld["title"].(string), "</script>") {
		t.Errorf("JSON-LD %v", ld)
	}

	// A draft is not found, except by its organisation.
	draft := e.draftMission(org, "Brouillon de mission")
	visitor.get("/missions/"+draft).expect(t, 404)
	visitor.get("/missions/not-an-id").expect(t, 404)

	// A volunteer sees the form to apply.
	b, _ := e.signedIn()
	b.get("/missions/"+id).expect(t, 200).contains(t, `action="/missions/`+id+`/apply"`, `name="shift"`, `id="f-message"`)

	// Reporting needs a reason, then reaches the moderators.
	refused := b.post("/missions/"+id+"/report", url.Values{"reason": {""}}).expect(t, 400)
	refused.contains(t, `<details class="report" open>`, `<a href="#f-reason">`)
	done := b.post("/missions/"+id+"/report", url.Values{"reason": {"Cette annonce demande de l'argent."}}).expect(t, http.StatusSeeOther)
	b.follow(done).expect(t, 200).contains(t, "votre signalement est transmis")
	reports := e.get("/api/v1/admin/reports", admin.Access).expect(t, 200)
	if reports.items(t)[0]["target_id"] != id {
		t.Errorf("reports %s", reports.Raw)
	}
}

func TestOrganizationPage(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	org := e.verifiedOrg("Banque alimentaire du Panier", admin)
	e.publishedMission(org, admin, "Distribution de colis")
	page := e.browser().get("/organizations/"+org.id).expect(t, 200)
	checkPageStructure(t, "organization", page.Body)
	page.contains(t, "<h1>Banque alimentaire du Panier</h1>", "Association", "Distribution de colis", "contact@banque.example.org")

	pending := e.newOrg("Pas encore vérifiée")
	e.browser().get("/organizations/"+pending.id).expect(t, 404)
	// Its members see it, with its state.
	b := e.browser()
	b.get("/login")
	b.post("/login", url.Values{"email": {pending.owner.Email}, "password": {pending.owner.Password}})
	b.get("/organizations/"+pending.id).expect(t, 200).contains(t, "en attente de vérification")
}

func TestHomePageShowsUrgentMissionsNearby(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	org := e.verifiedOrg("Banque alimentaire du Panier", admin)
	body := missionBody("Renfort urgent pour la distribution")
	body["urgent"] = true
	id := e.post("/api/v1/organizations/"+org.id+"/missions", org.owner.Access, body).expect(t, 201).str("id")
	e.post("/api/v1/organizations/"+org.id+"/missions/"+id+"/submit", org.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, map[string]string{}).expect(t, 200)
	e.publishedMission(org, admin, "Tri des denrées du marché")

	home := e.browser().get("/?near=13002").expect(t, 200)
	home.contains(t, "Missions urgentes près de 13002", "Renfort urgent", "<strong>2</strong> missions ouvertes", "Aide alimentaire <span class=\"count\">2 missions</span>")
	home.lacks(t, "Tri des denrées")
	e.browser().get("/?near=Lille").expect(t, 200).contains(t, "Aucune mission urgente")
	e.browser().get("/?near=nowhere").expect(t, 400).contains(t, "Code postal ou ville inconnus.")
}
