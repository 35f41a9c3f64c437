package e2e

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/entraide/entraide/seeds"
)

// publishWeeklyMission posts, through the API, a mission of the demo
// organisation with weeks weekly shifts, and has an admin publish it.
func (s *site) publishWeeklyMission(t *testing.T, title string, weeks int) string {
	t.Helper()
	orgToken := s.api(t, http.MethodPost, "/api/v1/auth/login",
		map[string]string{"email": demoOrgAccount, "password": seeds.DemoPassword}, http.StatusOK)["access_token"].(string)
	adminToken := s.token(t, s.newAdmin(t))
	first := time.Now().UTC().AddDate(0, 0, 2).Truncate(time.Hour)
	var shifts []any
	for i := range weeks {
		start := first.AddDate(0, 0, 7*i)
		shifts = append(shifts, map[string]any{"start": start.Format(time.RFC3339),
			"end": start.Add(2 * time.Hour).Format(time.RFC3339), "capacity": 4})
	}
	base := "/api/v1/organizations/" + demoOrgID + "/missions"
	m := s.apiAs(t, orgToken, http.MethodPost, base, map[string]any{
		"title": title, "description": "Chaque mardi, appeler les aînés isolés du quartier pour prendre de leurs nouvelles.",
		"category": "tele_volunteering", "skills": []string{}, "languages": []string{"fr"}, "remote": true, "shifts": shifts,
	}, http.StatusCreated)
	id := m["id"].(string)
	s.apiAs(t, orgToken, http.MethodPost, base+"/"+id+"/submit", nil, http.StatusOK)
	s.apiAs(t, adminToken, http.MethodPost, "/api/v1/admin/missions/"+id+"/publish", map[string]string{}, http.StatusOK)
	return id
}

// TestWeeklySeriesInOneAction: a volunteer applies to every date of a
// weekly mission in one action from its page, and sees the commitment as
// one line in "Mes missions", from which they step back from all dates.
func TestWeeklySeriesInOneAction(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	const title = "Appels du mardi aux aînés isolés"
	missionID := s.publishWeeklyMission(t, title, 4)
	email := s.newVolunteer(t, "Inès Moreau")

	vol := openTab(t, s, tabOptions{})
	problems := []*pageProblems{vol.watch()}
	vol.login(email, password, "/me")
	vol.open("/missions/" + missionID)
	vol.expectPath("/missions/"+missionID, title)
	vol.expectText("Plusieurs dates ? Engagez-vous en une fois", "Toutes les dates")
	checker := newHTMLChecker(t)
	axe, _ := loadAxe(t)
	vol.checkSeriesPage(checker, axe, "mission-series")
	vol.do(clickOn(`#f-all`))
	vol.fill("#f-series_message", "Je peux appeler chaque mardi.")
	vol.click(`form[aria-labelledby="series-form-title"] button[type=submit]`)
	if got := vol.path(); got != "/me/applications" {
		t.Fatalf("after applying to the series, at %q: %s", vol.url(), vol.text())
	}
	vol.expectText("Candidature envoyée pour vos dates", "Mes missions régulières", title, "4 dates", "Prochaine date")
	rows := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "tr" && attr(n, "data-series") == missionID {
			rows++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(vol.document())
	if rows != 1 {
		t.Fatalf("the series shows on %d lines, want one: %s", rows, vol.text())
	}
	vol.checkSeriesPage(checker, axe, "my-applications-series")
	// Its four dates are not listed one by one among the open applications.
	if n := strings.Count(vol.text(), title); n != 1 {
		t.Errorf("the mission's title shows %d times, want once", n)
	}

	// The organisation sees four applications, one per date.
	orgToken := s.api(t, http.MethodPost, "/api/v1/auth/login",
		map[string]string{"email": demoOrgAccount, "password": seeds.DemoPassword}, http.StatusOK)["access_token"].(string)
	list := s.apiAs(t, orgToken, http.MethodGet, "/api/v1/organizations/"+demoOrgID+"/missions/"+missionID+"/applications", nil, http.StatusOK)
	if total := list["total"].(float64); total != 4 {
		t.Fatalf("the organisation sees %v applications, want 4", total)
	}

	// Stepping back from all the dates at once.
	vol.click(`form[action="/me/missions/` + missionID + `/withdraw"] button[type=submit]`)
	vol.expectText("Vous êtes retiré·e de toutes les dates à venir de cette mission.")
	if strings.Contains(vol.text(), "Mes missions régulières") {
		t.Error("the series still shows as open after withdrawing from all its dates")
	}
	checker.check(t)
	reportProblems(t, problems)
}

// checkSeriesPage holds a page with a series to the key pages' bar: valid
// HTML, no raw code, no serious axe-core violation (when axe-core is
// installed), no sideways overflow at any viewport.
func (tb *tab) checkSeriesPage(checker *htmlChecker, axe, name string) {
	tb.t.Helper()
	checker.add(tb, name)
	tb.checkNoRawText(name)
	for _, v := range viewports {
		tb.setViewport(v.width, v.height, v.mobile)
		if axe != "" {
			tb.checkAxe(axe, name+" ("+v.name+")")
		}
		if width, inner := tb.pageWidth(); width > inner {
			tb.t.Errorf("%s (%s): the page is %d px wide, more than the window's %d", name, v.name, width, inner)
		}
		for _, table := range tb.scrollingTables() {
			tb.t.Errorf("%s (%s): the table %q scrolls sideways", name, v.name, table)
		}
		if screenshotsWanted() {
			tb.screenshot(filepath.Join(screenshotDir, name+"-"+v.name+".png"))
		}
	}
	tb.setViewport(1280, 800, false)
}
