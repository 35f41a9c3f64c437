package e2e

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/entraide/entraide/seeds"
)

// inviteFromMembersPage invites email from the organisation's members
// page and returns the path of the link the page shows once.
func (tb *tab) inviteFromMembersPage(orgID, email string) string {
	tb.t.Helper()
	tb.open("/organizations/" + orgID + "/members")
	tb.fill("#f-email", email)
	tb.click(`form[action$="/invitations"] button[type=submit]`)
	tb.expectText("Invitation envoyée")
	code := find(tb.document(), func(n *html.Node) bool { return n.Data == "code" && strings.Contains(textOf(n), "/invitations/") })
	if code == nil {
		tb.t.Fatalf("no invitation link shown: %s", tb.text())
	}
	link := strings.TrimSpace(textOf(code))
	return link[strings.Index(link, "/invitations/"):]
}

// postMission creates a draft mission from the organisation's space.
func (tb *tab) postMission(orgID, title string) {
	tb.t.Helper()
	tb.open("/organizations/" + orgID + "/missions/new")
	tb.fill("#f-title", title)
	tb.fill("#f-description", "Préparer les colis avec l'équipe et accueillir les familles à la distribution.")
	tb.fill("#f-address", "3 place de Lenche")
	next := time.Now().AddDate(0, 0, 5)
	tb.fill("#f-dates", next.Format("02/01/2006"))
	tb.fill("#f-start_time", "1400")
	tb.fill("#f-end_time", "1700")
	tb.fill("#f-capacity", "3")
	tb.click(`main form button[type=submit]`)
	tb.expectText("Le brouillon est créé", title)
}

// TestInvitedColleaguesJoinAndPost: the demo association invites two
// colleagues at once: one without an account, who signs up through the
// link and lands in the organisation; one who already volunteers, who logs
// in through the link and joins. Both post a mission, and both reach their
// volunteer space and the organisation's from the menu.
func TestInvitedColleaguesJoinAndPost(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	owner := openTab(t, s, tabOptions{})
	problems := []*pageProblems{owner.watch()}
	owner.login(demoOrgAccount, seeds.DemoPassword, "/org")

	newcomer := newEmail("newcomer")
	newLink := owner.inviteFromMembersPage(demoOrgID, newcomer)
	volunteerEmail := s.newVolunteer(t, "Youssef Amrani")
	oldLink := owner.inviteFromMembersPage(demoOrgID, volunteerEmail)

	// A person without an account signs up through the link.
	fresh := openTab(t, s, tabOptions{})
	problems = append(problems, fresh.watch())
	fresh.open(newLink)
	fresh.expectText("Banque alimentaire des Quartiers Nord", newcomer)
	fresh.click(`a[href^="/signup?next="]`)
	fresh.expectPath("/signup", "Créer un compte")
	fresh.fill("#f-name", "Léa Colin")
	fresh.fill("#f-password", password)
	fresh.click(`main form button[type=submit]`)
	if got := fresh.path(); got != "/organizations/"+demoOrgID+"/missions" {
		t.Fatalf("after signing up through the link, at %q: %s", got, fresh.text())
	}
	fresh.expectText("Bienvenue dans l'organisation.")
	for _, link := range []string{`nav a[href="/me"]`, `nav a[href="/org"]`} {
		if find(fresh.document(), func(n *html.Node) bool { return n.Data == "a" && attr(n, "href") == strings.Split(link, `"`)[1] }) == nil {
			t.Errorf("the menu lacks %s", link)
		}
	}
	fresh.postMission(demoOrgID, "Accueil des familles du mardi")

	// A volunteer logs in through the link and joins.
	vol := openTab(t, s, tabOptions{})
	problems = append(problems, vol.watch())
	vol.open(oldLink)
	vol.click(`a[href^="/login?next="]`)
	vol.fill("#f-email", volunteerEmail)
	vol.fill("#f-password", password)
	vol.click(`main form button[type=submit]`)
	vol.expectText("Marc Durand vous invite à rejoindre Banque alimentaire des Quartiers Nord", "Rejoindre l'organisation")
	vol.click(`form[action^="/invitations/"] button[type=submit]`)
	vol.expectText("Bienvenue dans l'organisation.")
	vol.postMission(demoOrgID, "Collecte au supermarché")
	vol.click(`nav a[href="/me"]`)
	vol.expectPath("/me", "Mon espace")

	// The owner sees who invited whom, and was told.
	owner.open("/organizations/" + demoOrgID + "/members")
	owner.expectText("Léa Colin", "Youssef Amrani", "Invité·e par")
	owner.open("/me/notifications")
	owner.expectText("Léa Colin a rejoint Banque alimentaire des Quartiers Nord", "Youssef Amrani a rejoint")
	reportProblems(t, problems)
}

// TestMessagesGoBothWays: the organisation writes to a volunteer who
// applied; the volunteer sees the notification, opens it, answers; the
// organisation sees the answer's notification.
func TestMessagesGoBothWays(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	volunteerEmail := s.newVolunteer(t, "Amina Benali")
	vol := openTab(t, s, tabOptions{})
	problems := []*pageProblems{vol.watch()}
	vol.login(volunteerEmail, password, "/me")
	vol.open("/missions/" + demoMissionID)
	vol.click(`form[action$="/apply"] button[type=submit]`)
	if !strings.HasPrefix(vol.path(), "/me/applications/") {
		t.Fatalf("applied, at %q: %s", vol.url(), vol.text())
	}
	// Each application reminds an unconfirmed address (outside <main>).
	if find(vol.document(), func(n *html.Node) bool {
		return n.Data == "aside" && strings.Contains(attr(n, "class"), "confirm-email")
	}) == nil {
		t.Error("no reminder to confirm the e-mail address after applying")
	}
	application := vol.path()

	org := openTab(t, s, tabOptions{})
	problems = append(problems, org.watch())
	org.login(demoOrgAccount, seeds.DemoPassword, "/org")
	org.open("/organizations/" + demoOrgID + "/missions/" + demoMissionID + "/applications")
	org.click(`a[href*="/applications/"][href^="/organizations/` + demoOrgID + `/applications/"]`)
	org.expectText("Amina Benali", "Pas encore confirmée", "Langues parlées")
	reviewPath := org.path()
	org.fill("#f-body", "Bonjour, pouvez-vous venir à 9 h ?")
	org.click(`form[action$="/messages"] button[type=submit]`)
	org.expectText("Bonjour, pouvez-vous venir à 9 h ?")

	vol.open("/me/notifications")
	vol.expectText("Nouveau message de Banque alimentaire des Quartiers Nord")
	vol.open(application)
	vol.expectText("Bonjour, pouvez-vous venir à 9 h ?")
	vol.fill("#f-body", "Oui, avec plaisir.")
	vol.click(`form[action$="/messages"] button[type=submit]`)
	vol.expectText("Oui, avec plaisir.")

	org.open("/me/notifications")
	org.expectText("Nouveau message de Amina Benali")
	org.open(reviewPath)
	org.expectText("Oui, avec plaisir.")
	reportProblems(t, problems)
}

// TestSuspensionReachesTheVolunteers: a volunteer holds a place; an admin
// finds the organisation in the list and suspends it with a reason; the
// volunteer is told, the place is cancelled, and the mission's link says
// it is no longer available.
func TestSuspensionReachesTheVolunteers(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	adminEmail := s.newAdmin(t)
	volunteerEmail := s.newVolunteer(t, "Jules Martin")
	vol := openTab(t, s, tabOptions{})
	problems := []*pageProblems{vol.watch()}
	vol.login(volunteerEmail, password, "/me")
	vol.open("/missions/" + demoMissionID)
	vol.click(`form[action$="/apply"] button[type=submit]`)
	application := vol.path()

	org := openTab(t, s, tabOptions{})
	problems = append(problems, org.watch())
	org.login(demoOrgAccount, seeds.DemoPassword, "/org")
	org.open("/organizations/" + demoOrgID + "/missions/" + demoMissionID + "/applications")
	org.click(`a[href^="/organizations/` + demoOrgID + `/applications/"]`)
	org.click(`form[action$="/accept"] button[type=submit]`)

	admin := openTab(t, s, tabOptions{noScript: true})
	problems = append(problems, admin.watch())
	admin.login(adminEmail, password, "/admin")
	admin.open("/admin/organizations?q=quartiers&status=verified")
	admin.expectText("1 organisation(s) trouvée(s)", "Banque alimentaire des Quartiers Nord")
	admin.fill("#f-reason-all-"+demoOrgID, "Plaintes de bénévoles")
	admin.click(`form[action="/admin/organizations/` + demoOrgID + `/suspend"] button[type=submit]`)
	admin.expectText("Suspendue")

	vol.open("/me/notifications")
	vol.expectText("Place annulée", "Banque alimentaire des Quartiers Nord est suspendue")
	vol.open(application)
	vol.expectText("Plaintes de bénévoles")
	vol.open("/missions/" + demoMissionID)
	vol.expectText("Mission plus disponible", "son organisation est suspendue")
	resp, err := http.Get(s.URL + "/missions/" + demoMissionID)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusGone {
		t.Errorf("the mission's link answers %d, want 410", resp.StatusCode)
	}
	reportProblems(t, problems)
}

// reportProblems fails the test with what the tabs' pages reported
// (console errors, failed requests).
func reportProblems(t *testing.T, watched []*pageProblems) {
	t.Helper()
	for _, w := range watched {
		for _, p := range w.all() {
			t.Error(p)
		}
	}
}
