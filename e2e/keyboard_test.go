package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// After a search with filters, the filter panel is closed, so that a
// keyboard user reaches the first result in a few Tab presses: the skip
// link, then the main fields and the search button.
func TestSearchResultsAreAFewTabsAway(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	tb := openTab(t, s, tabOptions{})
	tb.open("/missions?near=Marseille&category=food_aid&remote=false")
	if find(tb.document(), func(n *html.Node) bool { return n.Data == "ol" && attr(n, "class") == "cards" }) == nil {
		t.Fatal("the search found nothing: the test needs results")
	}
	inResults := func() bool {
		var in bool
		tb.call(func(ctx context.Context) error {
			var err error
			in, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`!!(document.activeElement && document.activeElement.closest("[data-results]"))`))
			return err
		})
		return in
	}
	const most = 10
	// Tab to the skip link and follow it, then Tab on.
	tb.do(chromedp.KeyEvent("\t"))
	tb.do(chromedp.KeyEvent("\r"))
	presses := 2
	for ; presses <= most && !inResults(); presses++ {
		tb.do(chromedp.KeyEvent("\t"))
	}
	if !inResults() {
		t.Fatalf("the first result is not reached in %d key presses", most)
	}
	t.Logf("first result reached in %d key presses", presses)
}
