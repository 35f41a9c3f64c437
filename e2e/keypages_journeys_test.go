package e2e

import (
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/entraide/entraide/seeds"
)

// attestationLink finds an attestation's public path in a page's text.
var attestationLink = regexp.MustCompile(`/attestations/[0-9a-z]{26}`)

// TestKeyPagesOfJourneys checks, like TestKeyPages, the pages where two
// people meet, on a platform where things happened: the members page with
// invitations to revoke or resend and the invitation as the invited person
// sees it; the reminder to confirm an address; the review of one
// application with the volunteer's details; the notifications; and, once
// the shift is over, the sign-in sheet, the attestation and its public
// verification; and the lesser pages met on the way (notification
// preferences, calendar, organisation profile, candidates). The site's clock moves past the shift.
func TestKeyPagesOfJourneys(t *testing.T) {
	clk := &testClock{now: time.Now().UTC()}
	s := startClockSite(t, clk)
	s.seed(t)
	if _, missing := loadAxe(t); missing != "" && !screenshotsWanted() {
		t.Skip(missing)
	}
	pages := newKeyPages(t)
	org := "/organizations/" + demoOrgID

	// The association invites two colleagues; the invited person opens
	// the link before having an account.
	owner := openTab(t, s, tabOptions{})
	problems := []*pageProblems{owner.watch()}
	owner.login(demoOrgAccount, seeds.DemoPassword, "/org")
	// A fresh database: the same readable addresses every run, for the
	// screenshots.
	link := owner.inviteFromMembersPage(demoOrgID, "lea.colin@example.org")
	owner.inviteFromMembersPage(demoOrgID, "hugo.roux@example.org")
	owner.open(org + "/members")
	owner.expectText("Renvoyer", "Retirer")
	pages.check(owner, "members-invitations")
	guest := openTab(t, s, tabOptions{})
	problems = append(problems, guest.watch())
	guest.open(link)
	guest.expectText("Banque alimentaire des Quartiers Nord")
	pages.check(guest, "invitation")

	// A volunteer who has not confirmed the address applies: every page
	// reminds them.
	const email = "amina.benali@example.org"
	s.api(t, http.MethodPost, "/api/v1/auth/signup", map[string]string{
		"email": email, "password": password, "name": "Amina Benali", "role": "volunteer",
	}, http.StatusCreated)
	s.apiAs(t, s.token(t, email), http.MethodPut, "/api/v1/me/profile", map[string]any{
		"skills": []string{"handling", "driving"}, "categories": []string{"food_aid"}, "languages": []string{"fr", "ar"},
		"postcode": "13002", "radius_km": 15,
		"availability": map[string][]string{"sat": {"morning"}, "sun": {"morning"}, "wed": {"evening"}},
	}, http.StatusOK)
	vol := openTab(t, s, tabOptions{})
	problems = append(problems, vol.watch())
	vol.login(email, password, "/me")
	vol.open("/missions/" + demoMissionID)
	vol.fill("#f-message", "Je suis disponible tous les samedis.")
	vol.click(`form[action$="/apply"] button[type=submit]`)
	application := vol.path()
	vol.open("/me")
	pages.check(vol, "confirm-email")

	// The association reviews the application with what it needs, accepts
	// and writes.
	owner.open(org + "/missions/" + demoMissionID + "/applications")
	owner.click(`a[href^="` + org + `/applications/"]`)
	owner.expectText("Amina Benali", "Pas encore confirmée", "Langues parlées")
	review := owner.path()
	pages.check(owner, "review-application")
	owner.click(`form[action$="/accept"] button[type=submit]`)
	owner.fill("#f-body", "Bonjour Amina, rendez-vous à l'entrée du dépôt.")
	owner.click(`form[action$="/messages"] button[type=submit]`)
	vol.open("/me/notifications")
	vol.expectText("Nouveau message de Banque alimentaire des Quartiers Nord")
	pages.check(vol, "notifications")
	vol.open("/me/notification-preferences")
	pages.check(vol, "notification-preferences")
	vol.open("/me/calendar")
	pages.check(vol, "calendar")
	owner.open(org + "/profile")
	pages.check(owner, "org-profile")
	owner.open(org + "/missions/" + demoMissionID + "/candidates")
	pages.check(owner, "candidates")

	// After the shift: attendance, the sign-in sheet, the attestation.
	shift := s.apiAs(t, s.token(t, email), http.MethodGet, "/api/v1"+application, nil, http.StatusOK)
	end, err := time.Parse(time.RFC3339, shift["shift_end"].(string))
	if err != nil {
		t.Fatalf("the application's shift end: %v (%v)", err, shift)
	}
	clk.advance(end.Sub(clk.Now()) + time.Hour)
	owner.open(review)
	owner.click(`form[action$="/attended"] button[type=submit]`)
	owner.open(org + "/missions/" + demoMissionID + "/attendance")
	owner.expectText("Amina Benali")
	pages.check(owner, "attendance-sheet")
	vol.open("/me/attestation")
	vol.expectText(demoMission, "Banque alimentaire des Quartiers Nord")
	pages.check(vol, "attestation")
	code := attestationLink.FindString(vol.text())
	if code == "" {
		t.Fatalf("no verification link on the attestation: %s", vol.text())
	}
	guest.open(code)
	guest.expectText("Attestation authentique", demoMission)
	pages.check(guest, "attestation-verify")

	pages.done()
	reportProblems(t, problems)
}
