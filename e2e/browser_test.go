package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"
)

// inCI reports whether a skipped browser test must fail instead: CI
// installs Chromium and axe-core, so their absence there is a bug.
func inCI() bool { return os.Getenv("CI") == "true" }

// chromiumPath finds Debian's Chromium: $CHROME_PATH, /usr/bin/chromium,
// then the usual names on PATH.
func chromiumPath() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		if _, err := os.Stat(p); err == nil {
			return p
		}
		return ""
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func requireChromium(t *testing.T) string {
	t.Helper()
	path := chromiumPath()
	if path != "" {
		return path
	}
	const msg = "no Chromium found (looked at $CHROME_PATH, /usr/bin/chromium, chromium and chromium-browser on PATH); " +
		"install it with `apt-get install chromium` to run the browser tests"
	if inCI() {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// tab is one browser, with one tab, for one test.
type tab struct {
	t    *testing.T
	ctx  context.Context
	site *site
}

type tabOptions struct {
	noScript bool // run the page with JavaScript disabled
}

// actionTimeout bounds each step: a page of this site loads in
// milliseconds, so a step that takes longer is stuck.
const actionTimeout = 20 * time.Second

// openTab starts a fresh Chromium (its own profile, so no cookie is
// shared between tests) on a 1280x800 window.
func openTab(t *testing.T, s *site, opts tabOptions) *tab {
	t.Helper()
	path := requireChromium(t)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
		// Without these Chromium calls home, and this network refuses it.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter"),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("font-render-hinting", "none"),
		// A French visitor: French is the site's first language.
		chromedp.Flag("lang", "fr-FR"),
		chromedp.Flag("accept-lang", "fr-FR,fr"),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	// The first call starts the browser; it must not carry a timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	tb := &tab{t: t, ctx: ctx, site: s}
	// Scrolling is instant, as for a person who asks for less motion: a
	// click computed on an element mid-way through a smooth scroll (the
	// style sheet's default) would land beside it.
	tb.call(func(ctx context.Context) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}})
		return err
	})
	if opts.noScript {
		tb.call(func(ctx context.Context) error {
			_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		})
	}
	return tb
}

// call runs f with a deadline and fails the test on error.
func (tb *tab) call(f func(ctx context.Context) error) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if err := f(ctx); err != nil {
		tb.t.Fatalf("browser: %v", err)
	}
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.call(func(ctx context.Context) error { return chromedp.Do(ctx, steps...) })
}

// open loads a path of the site and waits for the page.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do(chromedp.Navigate(tb.site.URL + path))
}

// andWait runs a step that loads a new page (a link, a form) and waits
// for that page's load event.
func (tb *tab) andWait(step chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	tb.call(func(ctx context.Context) error {
		_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, step))
		return err
	})
}

// click clicks the element that sel finds, with the mouse, and waits for
// the next page.
func (tb *tab) click(sel string) {
	tb.t.Helper()
	tb.andWait(clickOn(sel))
}

// fill types text into a field, as a person would, after emptying it.
func (tb *tab) fill(sel, text string) {
	tb.t.Helper()
	if len(text) > pasteAbove {
		// A long text (a CSV list) is pasted, as a person does: typed key
		// by key it is a DevTools round trip per character, which on a
		// loaded machine outlasts the step's deadline.
		paste := chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, input.InsertText, input.InsertTextParams{Text: text})
			return err
		})
		tb.do(focusOn(sel), selectAll(), chromedp.KeyEvent("\b"), paste)
		return
	}
	tb.do(focusOn(sel), selectAll(), chromedp.KeyEvent("\b"), chromedp.KeyEvent(text))
}

// pasteAbove is the length from which fill pastes instead of typing.
const pasteAbove = 200

// element finds sel. chromedp's own queries wait for the page's script
// context, which never comes when scripts are off; the DevTools protocol's
// evaluation still works then, and only reads the document.
func element(ctx context.Context, sel string) (runtime.RemoteObjectID, error) {
	quoted, err := json.Marshal(sel)
	if err != nil {
		return "", err
	}
	for {
		obj, err := chromedp.Run(ctx, chromedp.Evaluate[*runtime.RemoteObject]("document.querySelector("+string(quoted)+")"))
		if err != nil {
			return "", err
		}
		if obj.ObjectID != "" {
			return obj.ObjectID, nil
		}
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("no element matches %s: %w", sel, ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// clickOn clicks the middle of the element with real mouse events.
func clickOn(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		id, err := element(ctx, sel)
		if err != nil {
			return err
		}
		if _, err := chromedp.Call(ctx, dom.ScrollIntoViewIfNeeded, dom.ScrollIntoViewIfNeededParams{ObjectID: id}); err != nil {
			return err
		}
		quads, err := chromedp.Call(ctx, dom.GetContentQuads, dom.GetContentQuadsParams{ObjectID: id})
		if err != nil {
			return err
		}
		if len(quads.Quads) == 0 || len(quads.Quads[0]) != 8 {
			return fmt.Errorf("%s is not displayed", sel)
		}
		q := quads.Quads[0]
		x, y := (q[0]+q[2]+q[4]+q[6])/4, (q[1]+q[3]+q[5]+q[7])/4
		_, err = chromedp.MouseClickXY(x, y)(ctx, t)
		return err
	})
}

// focusOn puts the keyboard focus on the element.
func focusOn(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		id, err := element(ctx, sel)
		if err != nil {
			return err
		}
		_, err = chromedp.Call(ctx, dom.Focus, dom.FocusParams{ObjectID: id})
		return err
	})
}

// selectAll selects the text of the focused field with Ctrl+A, which works
// with JavaScript disabled.
func selectAll() chromedp.Action[chromedp.Void] {
	return chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl))
}

// url is the address of the page shown, read from the browser rather than
// from the page's scripts, which may be off.
func (tb *tab) url() string {
	tb.t.Helper()
	var u string
	tb.call(func(ctx context.Context) error {
		info, err := chromedp.Call(ctx, target.GetTargetInfo, target.GetTargetInfoParams{})
		if err != nil {
			return err
		}
		u = strings.TrimPrefix(info.TargetInfo.URL, tb.site.URL)
		return nil
	})
	return u
}

// document is the page's HTML as the browser holds it now.
func (tb *tab) document() *html.Node {
	tb.t.Helper()
	var doc *html.Node
	tb.call(func(ctx context.Context) error {
		root, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{})
		if err != nil {
			return err
		}
		outer, err := chromedp.Call(ctx, dom.GetOuterHTML, dom.GetOuterHTMLParams{BackendNodeID: root.Root.BackendNodeID})
		if err != nil {
			return err
		}
		doc, err = html.Parse(strings.NewReader(outer.OuterHTML))
		return err
	})
	return doc
}

// text is the visible text of the page's <main>, spaces collapsed.
func (tb *tab) text() string {
	tb.t.Helper()
	main := find(tb.document(), func(n *html.Node) bool { return n.Data == "main" })
	if main == nil {
		tb.t.Fatal("the page has no <main>")
	}
	return strings.Join(strings.Fields(textOf(main)), " ")
}

// title is the document's <title>.
func (tb *tab) title() string {
	tb.t.Helper()
	n := find(tb.document(), func(n *html.Node) bool { return n.Data == "title" })
	if n == nil {
		return ""
	}
	return strings.TrimSpace(textOf(n))
}

// expectPage checks where the browser is and what its <h1> says.
func (tb *tab) expectPage(path, h1 string) {
	tb.t.Helper()
	if got := tb.url(); got != path {
		tb.t.Fatalf("at %q, want %q; page: %s", got, path, tb.text())
	}
	heading := find(tb.document(), func(n *html.Node) bool { return n.Data == "h1" })
	if heading == nil || strings.TrimSpace(textOf(heading)) != h1 {
		tb.t.Fatalf("<h1> is not %q; page: %s", h1, tb.text())
	}
}

func (tb *tab) expectText(parts ...string) {
	tb.t.Helper()
	text := tb.text()
	for _, p := range parts {
		if !strings.Contains(text, p) {
			tb.t.Errorf("the page does not say %q; it says: %s", p, text)
		}
	}
}

func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := find(c, match); found != nil {
			return found
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.Data == "script" || c.Data == "style") {
			continue
		}
		b.WriteString(textOf(c))
		b.WriteString(" ")
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
