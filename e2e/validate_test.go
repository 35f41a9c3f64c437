package e2e

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/chromedp"
)

// vnuPath is where `npm ci` at the repository root puts the Nu HTML
// Checker (the W3C validator).
var vnuPath = filepath.Join("..", "node_modules", "vnu-jar", "build", "dist", "vnu.jar")

// htmlChecker collects pages and validates them in one run of the Nu
// HTML Checker: a Java start per page would cost seconds each.
type htmlChecker struct {
	dir     string
	missing string
}

// newHTMLChecker finds Java and the checker; without them validation is
// skipped with a message, except in CI.
func newHTMLChecker(t *testing.T) *htmlChecker {
	t.Helper()
	c := &htmlChecker{dir: t.TempDir()}
	if _, err := exec.LookPath("java"); err != nil {
		c.missing = "no java on PATH: HTML validation skipped"
	} else if _, err := os.Stat(vnuPath); err != nil {
		c.missing = "vnu.jar not found at " + vnuPath + " (run `npm ci` at the repository root): HTML validation skipped"
	}
	if c.missing != "" && inCI() {
		t.Fatal(c.missing)
	}
	return c
}

// add keeps the page shown, as the browser holds it (scripts' additions
// included), under name.
func (c *htmlChecker) add(tb *tab, name string) {
	tb.t.Helper()
	if c.missing != "" {
		return
	}
	var page string
	tb.call(func(ctx context.Context) error {
		root, err := chromedp.Call(ctx, dom.GetDocument, dom.GetDocumentParams{})
		if err != nil {
			return err
		}
		outer, err := chromedp.Call(ctx, dom.GetOuterHTML, dom.GetOuterHTMLParams{BackendNodeID: root.Root.BackendNodeID})
		page = outer.OuterHTML
		return err
	})
	if err := os.WriteFile(filepath.Join(c.dir, name+".html"), []byte(page), 0o644); err != nil {
		tb.t.Fatal(err)
	}
}

// check validates every page kept and reports each error.
func (c *htmlChecker) check(t *testing.T) {
	t.Helper()
	if c.missing != "" {
		t.Log(c.missing)
		return
	}
	files, err := filepath.Glob(filepath.Join(c.dir, "*.html"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no page to validate: %v", err)
	}
	args := append([]string{"-jar", vnuPath, "--errors-only", "--format", "json", "--exit-zero-always"}, files...)
	out, err := exec.Command("java", args...).CombinedOutput()
	if err != nil {
		t.Fatalf("vnu: %v: %s", err, out)
	}
	var report struct {
		Messages []struct {
			URL, Type, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("vnu output: %v: %.500s", err, out)
	}
	for _, m := range report.Messages {
		t.Errorf("invalid HTML in %s line %d: %s (%s)", filepath.Base(m.URL), m.LastLine, m.Message, m.Extract)
	}
	t.Logf("%d pages validated", len(files))
}
