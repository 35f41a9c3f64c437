package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axePath is where `npm ci` at the repository root puts axe-core.
var axePath = filepath.Join("..", "node_modules", "axe-core", "axe.min.js")

// loadAxe reads axe-core; without it the accessibility checks are skipped
// with a message, except in CI where that is a failure.
func loadAxe(t *testing.T) (source, missing string) {
	t.Helper()
	data, err := os.ReadFile(axePath)
	if err == nil {
		return string(data), ""
	}
	msg := "axe-core not found at " + axePath + " (run `npm ci` at the repository root): accessibility checks skipped"
	if inCI() {
		t.Fatal(msg)
	}
	return "", msg
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// axeRun lists every violation as a JSON-friendly shape: the rule, its
// impact, and the elements (CSS paths) that break it.
const axeRun = `axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({
	id: v.id, impact: v.impact || "", help: v.help,
	nodes: v.nodes.map(n => n.target.join(" ") + " " + (n.html || "").slice(0, 120)),
})))`

// axeViolations injects axe-core into the page shown and runs it.
func (tb *tab) axeViolations(source string) []axeViolation {
	tb.t.Helper()
	var violations []axeViolation
	tb.call(func(ctx context.Context) error {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](source)); err != nil {
			return err
		}
		var err error
		violations, err = chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](axeRun, chromedp.EvalAwaitPromise))
		return err
	})
	return violations
}

// checkAxe fails on any serious or critical violation of the page shown;
// lesser ones are logged.
func (tb *tab) checkAxe(source, page string) {
	tb.t.Helper()
	for _, v := range tb.axeViolations(source) {
		line := page + ": axe " + v.Impact + " " + v.ID + " (" + v.Help + "): " + strings.Join(v.Nodes, "; ")
		if v.Impact == "serious" || v.Impact == "critical" {
			tb.t.Error(line)
		} else {
			tb.t.Log(line)
		}
	}
}

// TestAxeCatchesViolations proves the harness: a page with an unlabelled
// field and an image without text must fail.
func TestAxeCatchesViolations(t *testing.T) {
	tb := openTab(t, &site{}, tabOptions{})
	source, missing := loadAxe(t)
	if missing != "" {
		t.Skip(missing)
	}
	tb.do(chromedp.Navigate(`data:text/html,<!DOCTYPE html><html><body><img src="data:,"><input type="text"></body></html>`))
	found := map[string]string{}
	for _, v := range tb.axeViolations(source) {
		found[v.ID] = v.Impact
	}
	if found["image-alt"] != "critical" || found["label"] != "critical" {
		t.Fatalf("axe found %v, want image-alt and label as critical", found)
	}
}
