package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/entraide/entraide/seeds"
)

// screenshotDir is where ENTRAIDE_SCREENSHOTS=1 (make screenshots) saves
// the key pages.
var screenshotDir = filepath.Join("..", "docs", "screenshots")

func screenshotsWanted() bool { return os.Getenv("ENTRAIDE_SCREENSHOTS") == "1" }

// viewports are the widths the key pages are shown at: a laptop and an
// old, small phone.
var viewports = []struct {
	name          string
	width, height int64
	mobile        bool
}{
	{"desktop", 1280, 800, false},
	{"mobile", 375, 740, true},
}

// TestKeyPages shows each key page in the browser, checks it with axe-core
// at both widths and, when asked, saves its screenshots.
func TestKeyPages(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	if _, missing := loadAxe(t); missing != "" && !screenshotsWanted() {
		t.Skip(missing)
	}
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()
	pages := newKeyPages(t)
	check := func(name string) {
		t.Helper()
		pages.check(tb, name)
	}

	// Public pages, on the demo data.
	tb.open("/")
	check("home")
	tb.open("/missions?where=Marseille")
	check("search")
	tb.open("/missions/" + demoMissionID)
	check("mission")
	tb.open("/organizations/" + demoOrgID)
	check("organization")
	tb.open("/login")
	check("login")
	tb.open("/password-reset")
	check("password-reset")
	tb.open("/no-such-page")
	check("not-found")

	// A volunteer signs up from a mission, applies, fills the profile.
	tb.open("/signup?next=/missions/" + demoMissionID)
	check("signup")
	tb.fill("#f-name", "Amina Benali")
	tb.fill("#f-email", "amina.benali@example")
	tb.click(`main form button[type=submit]`)
	tb.expectText("Il y a un problème")
	check("signup-errors")
	tb.fill("#f-email", "amina.benali@example.org") // a fresh database: the same address every run
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPage("/missions/"+demoMissionID, demoMission)
	tb.fill("#f-message", "Je suis disponible tous les samedis.")
	tb.click(`form[action$="/apply"] button[type=submit]`)
	check("application")
	tb.open("/me/profile")
	check("profile")
	tb.fill("#f-postcode", "13002")
	for _, cell := range []string{"sat-morning", "sat-afternoon", "sun-morning", "wed-evening"} {
		tb.do(clickOn("#f-availability-" + cell))
	}
	tb.do(clickOn("#f-categories"))
	tb.click(`form[action="/me/profile"] button[type=submit]`)
	tb.expectText("Pourquoi cette mission")
	check("space")
	tb.open("/me/applications")
	check("applications")
	tb.open("/account")
	check("account")
	tb.open("/account/delete")
	check("account-delete")

	// The organisation's space, with the demo organisation account.
	tb.click(`nav form[action="/logout"] button`)
	tb.login(demoOrgAccount, seeds.DemoPassword, "/org")
	check("org-home")
	org := "/organizations/" + demoOrgID
	tb.open(org + "/missions")
	check("org-missions")
	tb.open(org + "/missions/" + demoMissionID)
	check("org-mission")
	tb.open(org + "/missions/new")
	check("mission-editor")
	tb.open(org + "/missions/" + demoMissionID + "/applications")
	check("review")
	tb.open(org + "/members")
	check("members")

	// The administration.
	tb.click(`nav form[action="/logout"] button`)
	tb.login(s.newAdmin(t), password, "/admin")
	check("admin")
	tb.open("/admin/organizations?status=verified#orgs-all")
	check("admin-organizations")
	// Suspending without a reason: the error is on that form's field.
	tb.click(`form[action="/admin/organizations/` + demoOrgID + `/suspend"] button[type=submit]`)
	tb.expectText("Il y a un problème", "Ce champ est obligatoire.")
	if find(tb.document(), func(n *html.Node) bool {
		return n.Data == "textarea" && attr(n, "id") == "f-reason-all-"+demoOrgID && attr(n, "aria-invalid") == "true"
	}) == nil {
		t.Error("the suspend form's reason is not marked invalid")
	}
	check("admin-organizations-suspend-error")
	tb.open("/admin/missions")
	check("admin-missions")
	tb.open("/admin/reports")
	check("admin-reports")
	tb.open("/admin/audit")
	check("admin-audit")
	tb.open("/admin/stats")
	check("admin-stats")
	tb.open("/admin/blocklist")
	check("admin-blocklist")
	tb.open("/admin/users")
	check("admin-users")
	tb.open("/admin/synonyms")
	check("admin-synonyms")

	tb.click(`.lang-switch button`)
	tb.open("/")
	check("home-en")

	pages.done()
	for _, p := range problems.all() {
		t.Error(p)
	}
}

// setViewport resizes the page as a device of that width would show it.
func (tb *tab) setViewport(width, height int64, mobile bool) {
	tb.t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if mobile {
		opts = append(opts, chromedp.EmulateMobile)
	}
	tb.do(chromedp.EmulateViewport(width, height, opts...))
	// The renderer applies the new size asynchronously: wait until the page
	// sees it before anyone measures or photographs it.
	tb.call(func(ctx context.Context) error {
		for {
			seen, err := chromedp.Run(ctx, chromedp.Evaluate[int64](`window.innerWidth`))
			if err != nil {
				return err
			}
			if seen == width {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("the page is %d px wide, not %d: %w", seen, width, ctx.Err())
			case <-time.After(20 * time.Millisecond):
			}
		}
	})
}

// pageWidth is the width of the page's content and the window's: content
// wider than the window makes a phone scroll sideways.
func (tb *tab) pageWidth() (width, inner int64) {
	tb.t.Helper()
	tb.call(func(ctx context.Context) error {
		sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]int64](`[document.documentElement.scrollWidth, window.innerWidth]`))
		if err == nil && len(sizes) == 2 {
			width, inner = sizes[0], sizes[1]
		}
		return err
	})
	return width, inner
}

// scrollingTables names the tables wider than their box: on a phone, a
// column (the state of an application, Sunday of the availability grid)
// would be out of sight.
func (tb *tab) scrollingTables() []string {
	tb.t.Helper()
	var names []string
	tb.call(func(ctx context.Context) error {
		var err error
		names, err = chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("main table")].filter(t => {
			const box = t.closest(".table-wrap") || t.parentElement;
			return t.scrollWidth > box.clientWidth + 1;
		}).map(t => (t.querySelector("caption") || t).textContent.trim().slice(0, 60))`))
		return err
	})
	return names
}

// screenshot saves what the viewport shows as a PNG.
func (tb *tab) screenshot(path string) {
	tb.t.Helper()
	var png []byte
	tb.call(func(ctx context.Context) error {
		var err error
		png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		return err
	})
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
}
