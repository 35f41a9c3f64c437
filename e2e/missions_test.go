package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/net/html"

	"github.com/entraide/entraide/seeds"
)

// login signs in through the login page and checks where it lands.
func (tb *tab) login(email, pass, lands string) {
	tb.t.Helper()
	tb.open("/login")
	tb.fill("#f-email", email)
	tb.fill("#f-password", pass)
	tb.click(`main form button[type=submit]`)
	if got := tb.url(); !strings.HasPrefix(got, lands) {
		tb.t.Fatalf("after logging in at %q, want %q; page: %s", got, lands, tb.text())
	}
}

// path is the page shown without its query.
func (tb *tab) path() string {
	tb.t.Helper()
	p, _, _ := strings.Cut(tb.url(), "?")
	return p
}

func (tb *tab) expectPath(path, h1 string) {
	tb.t.Helper()
	if got := tb.path(); got != path {
		tb.t.Fatalf("at %q, want %q; page: %s", got, path, tb.text())
	}
	heading := find(tb.document(), func(n *html.Node) bool { return n.Data == "h1" })
	if heading == nil || strings.TrimSpace(textOf(heading)) != h1 {
		tb.t.Fatalf("<h1> is not %q; page: %s", h1, tb.text())
	}
}

// TestVisitorSearchesAppliesAndIsAccepted is the volunteer's journey: a
// visitor searches by postcode, opens a mission, signs up and applies; the
// organisation accepts; the volunteer sees it accepted.
func TestVisitorSearchesAppliesAndIsAccepted(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()

	tb.open("/")
	tb.fill("#f-where", demoPostcode)
	tb.click(`form[role=search] button[type=submit]`)
	tb.expectPath("/missions", "Chercher une mission")
	tb.expectText(demoMission, "autour de 13015", "km")
	if find(tb.document(), func(n *html.Node) bool { return n.Data == "svg" && strings.Contains(attr(n, "aria-label"), "Plan") }) == nil {
		t.Error("app.js did not draw the map of the results")
	}
	tb.click(`a[href="/missions/` + demoMissionID + `"]`)
	tb.expectPath("/missions/"+demoMissionID, demoMission)
	tb.expectText("Quand", "8 / 8", "Avoir au moins 16 ans.", "Banque alimentaire des Quartiers Nord")

	tb.click(`a[href^="/signup?next="]`)
	tb.expectPath("/signup", "Créer un compte")
	tb.fill("#f-name", "Amina Benali")
	tb.fill("#f-email", newEmail("journey"))
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPath("/missions/"+demoMissionID, demoMission)
	tb.fill("#f-message", "Je suis disponible tous les samedis.")
	tb.click(`form[action$="/apply"] button[type=submit]`)
	if !strings.HasPrefix(tb.path(), "/me/applications/") {
		t.Fatalf("applied, at %q: %s", tb.url(), tb.text())
	}
	application := tb.path()
	tb.expectText("Candidature envoyée", "en attente de réponse")

	// The organisation accepts, in its own browser.
	org := openTab(t, s, tabOptions{})
	orgProblems := org.watch()
	org.login(demoOrgAccount, seeds.DemoPassword, "/org")
	org.click(`a[href="/organizations/` + demoOrgID + `/missions"]`)
	org.click(`a[href="/organizations/` + demoOrgID + `/missions/` + demoMissionID + `"]`)
	org.click(`a[href$="/applications"]`)
	org.expectText("Amina Benali", "Je suis disponible tous les samedis.")
	org.do(clickOn(`input[name=ids]`))
	org.click(`button[value=accept]`)
	org.expectText("Fait : acceptée.")

	// The volunteer sees it.
	tb.open(application)
	tb.expectText("acceptée", "Ajouter à mon agenda")
	tb.open("/me")
	tb.expectText("Mes prochains créneaux", demoMission)

	for _, p := range append(problems.all(), orgProblems.all()...) {
		t.Error(p)
	}
}

// TestOrganizationRegistersAndItsMissionIsPublished: an organisation
// registers, an admin verifies it, it posts a mission, the admin
// publishes it, and it appears in search. The organisation and the admin
// browse with JavaScript disabled: posting and moderating need none.
func TestOrganizationRegistersAndItsMissionIsPublished(t *testing.T) {
	s := startSite(t)
	adminEmail := s.newAdmin(t)
	org := openTab(t, s, tabOptions{noScript: true})
	problems := org.watch()

	org.open("/signup")
	org.do(clickOn(`#f-role-organization`))
	org.fill("#f-name", "Marc Durand")
	org.fill("#f-email", newEmail("org"))
	org.fill("#f-password", password)
	org.click(`main form button[type=submit]`)
	org.expectPath("/org", "Inscrire votre organisation")
	org.fill("#f-name", "Épicerie solidaire du Panier")
	org.fill("#f-siret", "73282932000074")
	org.fill("#f-address", "3 place de Lenche")
	org.fill("#f-postcode", "13002")
	org.fill("#f-description", "Une épicerie solidaire tenue par des habitants du Panier.")
	org.fill("#f-contact_email", "contact@epicerie.example.org")
	org.fill("#f-contact_phone", "04 91 00 00 00")
	org.click(`main form button[type=submit]`)
	org.expectText("Votre organisation est inscrite", "attend sa vérification")
	orgPath := org.path()

	admin := openTab(t, s, tabOptions{noScript: true})
	adminProblems := admin.watch()
	admin.login(adminEmail, password, "/admin")
	admin.click(`nav a[href="/admin/organizations"]`)
	admin.expectText("Épicerie solidaire du Panier", "73282932000074")
	admin.click(`form[action$="/verify"] button[type=submit]`)
	admin.expectText("L'organisation est vérifiée.")

	org.open(orgPath)
	org.click(`a[href$="/missions/new"]`)
	org.expectPath(orgPath+"/new", "Nouvelle mission")
	org.fill("#f-title", "Accueil des familles le mercredi")
	org.fill("#f-description", "Accueillir les familles, les aider à faire leurs courses et ranger les rayons.")
	org.fill("#f-address", "3 place de Lenche")
	next := time.Now().AddDate(0, 0, 5)
	org.fill("#f-dates", next.Format("02/01/2006")+"\n"+next.AddDate(0, 0, 7).Format("02/01/2006"))
	org.fill("#f-start_time", "1400")
	org.fill("#f-end_time", "1700")
	org.fill("#f-capacity", "3")
	org.click(`main form button[type=submit]`)
	org.expectText("Le brouillon est créé", "14 h 00 – 17 h 00", "0 / 3")
	org.click(`form[action$="/submit"] button[type=submit]`)
	org.expectText("La mission est soumise à la modération.")

	admin.click(`nav a[href="/admin/missions"]`)
	admin.expectText("Accueil des familles le mercredi", "Aucun mot interdit.", "Aucun doublon probable.")
	admin.click(`form[action$="/publish"] button[type=submit]`)
	admin.expectText("La mission est publiée.")

	visitor := openTab(t, s, tabOptions{})
	visitor.open("/missions?where=13002&q=familles")
	visitor.expectText("1 mission trouvée", "Accueil des familles le mercredi", "Épicerie solidaire du Panier")
	for _, p := range append(problems.all(), adminProblems.all()...) {
		t.Error(p)
	}
}

// TestApplyWithKeyboardOnly signs up from a mission and applies with
// Tab, typing, arrows and Enter only; every stop shows its focus.
func TestApplyWithKeyboardOnly(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()

	tb.open("/missions/" + demoMissionID)
	tb.press("\t")
	if f := tb.focused(); f.Class != "skip" || !f.Visible {
		t.Fatalf("first Tab stop is %+v, want the skip link", f)
	}
	tb.tabTo(func(f focus) bool { return strings.HasPrefix(f.Href, "/signup?next=") })
	tb.andWait(chromedp.KeyEvent("\r"))
	tb.expectPath("/signup", "Créer un compte")
	for _, stop := range []struct{ id, text string }{
		{"f-name", "Jules Clavier"}, {"f-email", newEmail("keys")}, {"f-password", password},
	} {
		tb.tabTo(func(f focus) bool { return f.ID == stop.id })
		tb.press(stop.text)
	}
	tb.andWait(chromedp.KeyEvent("\r"))
	tb.expectPath("/missions/"+demoMissionID, demoMission)

	// The first shift is chosen; the arrow picks the second.
	tb.tabTo(func(f focus) bool { return f.ID == "f-shift" })
	tb.press(kb.ArrowDown)
	if f := tb.focused(); f.Tag != "INPUT" || f.ID == "f-shift" {
		t.Errorf("the arrow did not move to the second shift: %+v", f)
	}
	tb.tabTo(func(f focus) bool { return f.ID == "f-message" })
	tb.press("Par le clavier seulement.")
	tb.tabTo(func(f focus) bool { return f.Tag == "BUTTON" && f.Type == "submit" && f.InMain })
	tb.andWait(chromedp.KeyEvent("\r"))
	if !strings.HasPrefix(tb.path(), "/me/applications/") {
		t.Fatalf("applied, at %q: %s", tb.url(), tb.text())
	}
	tb.expectText("Candidature envoyée", "Par le clavier seulement.")
	for _, p := range problems.all() {
		t.Error(p)
	}
}

// TestSearchAndApplyWithoutJavaScript searches, opens a mission, logs in
// and applies with scripts off: plain links and forms all the way.
func TestSearchAndApplyWithoutJavaScript(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	email := s.newVolunteer(t, "Nadia Sans-Script")
	tb := openTab(t, s, tabOptions{noScript: true})

	tb.open("/")
	tb.fill("#f-where", "Marseille")
	tb.click(`form[role=search] button[type=submit]`)
	tb.expectPath("/missions", "Chercher une mission")
	tb.expectText(demoMission, "autour de 13001")
	if find(tb.document(), func(n *html.Node) bool { return n.Data == "svg" }) != nil {
		t.Error("a map was drawn: scripts are not disabled")
	}
	// Filter with the form: the remote missions only.
	tb.do(clickOn(`details.filters summary`))
	tb.do(clickOn(`#f-remote-true`))
	tb.click(`form[role=search] button[type=submit]`)
	tb.expectText("Télé-bénévolat : appeler des aînés isolés")
	if strings.Contains(tb.text(), demoMission) {
		t.Error("the remote filter kept an on-site mission")
	}

	tb.open("/missions?where=" + demoPostcode)
	tb.click(`a[href="/missions/` + demoMissionID + `"]`)
	tb.click(`a[href^="/login?next="]`)
	tb.fill("#f-email", email)
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPath("/missions/"+demoMissionID, demoMission)
	tb.click(`form[action$="/apply"] button[type=submit]`)
	if !strings.HasPrefix(tb.path(), "/me/applications/") {
		t.Fatalf("applied, at %q: %s", tb.url(), tb.text())
	}
	tb.expectText("Candidature envoyée")
	tb.click(`a[href="/me/applications"]`)
	tb.expectText(demoMission, "en attente de réponse")
}
