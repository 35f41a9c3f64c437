package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
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
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()
	axe, missing := loadAxe(t)
	if missing != "" && !screenshotsWanted() {
		t.Skip(missing)
	}
	if missing != "" {
		t.Log(missing)
	}
	if screenshotsWanted() {
		if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	check := func(name string) {
		t.Helper()
		for _, v := range viewports {
			tb.setViewport(v.width, v.height, v.mobile)
			if axe != "" {
				tb.checkAxe(axe, name+" ("+v.name+")")
			}
			if screenshotsWanted() {
				tb.screenshot(filepath.Join(screenshotDir, name+"-"+v.name+".png"))
			}
		}
		tb.setViewport(1280, 800, false)
	}

	tb.open("/")
	check("home")
	tb.open("/login")
	check("login")
	tb.open("/no-such-page")
	check("not-found")
	tb.open("/signup")
	check("signup")
	tb.fill("#f-name", "Amina Benali")
	tb.fill("#f-email", "amina.benali@example")
	tb.click(`main form button[type=submit]`)
	tb.expectText("Il y a un problème")
	check("signup-errors")

	tb.fill("#f-email", "amina.benali@example.org") // a fresh database: the same address every run
	tb.fill("#f-password", password)
	tb.click(`main form button[type=submit]`)
	tb.expectPage("/account?notice=welcome", "Mon espace")
	check("account")
	tb.open("/account/delete")
	check("account-delete")

	tb.click(`.lang-switch button`)
	tb.expectPage("/account/delete", "Delete your account?")
	tb.open("/")
	check("home-en")

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
	// Let the page lay itself out again before anyone looks at it.
	time.Sleep(100 * time.Millisecond)
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
