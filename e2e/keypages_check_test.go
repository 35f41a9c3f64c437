package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageBudget is the most a key page's HTML may weigh, as sent (the
// style sheet and script are the same for every page, cached, and
// counted with the search page's whole budget in weight_test.go).
const pageBudget = 60 * 1024

// keyPages checks each key page the same way, wherever a test reaches it:
// no internal code or id in its text (French pages), valid HTML, no
// serious accessibility violation, no sideways scrolling (page or table)
// at 1280 and 375 px, under its size budget; and saves its screenshots
// when asked (make screenshots).
type keyPages struct {
	t    *testing.T
	axe  string
	html *htmlChecker
}

// newKeyPages loads axe-core and the HTML checker. Without axe-core the
// accessibility checks are skipped with a message (a failure in CI).
func newKeyPages(t *testing.T) *keyPages {
	t.Helper()
	axe, missing := loadAxe(t)
	if missing != "" {
		t.Log(missing)
	}
	if screenshotsWanted() {
		if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return &keyPages{t: t, axe: axe, html: newHTMLChecker(t)}
}

// check checks the page tb shows under name; names ending in "-en" are
// English pages, where the state words are English words.
func (k *keyPages) check(tb *tab, name string) {
	tb.t.Helper()
	k.html.add(tb, name)
	if !strings.HasSuffix(name, "-en") {
		tb.checkNoRawText(name)
	}
	if size := tb.htmlSize(); size > pageBudget {
		tb.t.Errorf("%s: the page weighs %d bytes, budget %d", name, size, pageBudget)
	}
	for _, v := range viewports {
		tb.setViewport(v.width, v.height, v.mobile)
		if k.axe != "" {
			tb.checkAxe(k.axe, name+" ("+v.name+")")
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

// done validates the HTML of every page checked.
func (k *keyPages) done() { k.html.check(k.t) }

// htmlSize is the size of the page's HTML as it came over the network
// (the navigation's encoded body), or as the browser holds it when the
// browser does not say (a page with scripts off).
func (tb *tab) htmlSize() int64 {
	tb.t.Helper()
	var size int64
	tb.call(func(ctx context.Context) error {
		var err error
		size, err = chromedp.Run(ctx, chromedp.Evaluate[int64](`(() => {
			const nav = performance.getEntriesByType("navigation")[0];
			return nav && nav.encodedBodySize > 0 ? nav.encodedBodySize : new Blob([document.documentElement.outerHTML]).size;
		})()`))
		return err
	})
	return size
}
