package handlers_test

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var fiberParam = regexp.MustCompile(`:([A-Za-z_][A-Za-z0-9_]*)`)

// TestOpenAPIListsEveryRoute fails when a route registered under /api/v1
// (or a health probe) is missing from docs/openapi.yaml, or when the
// document describes an operation the server does not have.
func TestOpenAPIListsEveryRoute(t *testing.T) {
	doc, _, err := loadSpec()
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	registered := map[string]bool{}
	for _, r := range e.svc.Server.App().GetRoutes(true) {
		if r.Method == http.MethodHead || r.Method == http.MethodConnect || r.Method == http.MethodTrace || r.Method == http.MethodOptions {
			continue
		}
		if !strings.HasPrefix(r.Path, "/api/v1/") && r.Path != "/healthz" && r.Path != "/readyz" {
			continue
		}
		if strings.HasPrefix(r.Path, "/api/v1/_bench/") {
			continue // benchmark-only, never registered in production
		}
		path := fiberParam.ReplaceAllString(r.Path, "{$1}")
		key := r.Method + " " + path
		if registered[key] {
			continue
		}
		registered[key] = true
		item := doc.Paths.Value(path)
		if item == nil || item.GetOperation(r.Method) == nil {
			t.Errorf("route %s is not documented in docs/openapi.yaml", key)
		}
	}
	var documented []string
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			key := method + " " + path
			documented = append(documented, key)
			if !registered[key] {
				t.Errorf("docs/openapi.yaml documents %s, which the server does not register", key)
			}
		}
	}
	slices.Sort(documented)
	t.Logf("%d routes registered, %d operations documented", len(registered), len(documented))
}

// TestAPIDocsServed checks the contract is served as a page and as YAML.
func TestAPIDocsServed(t *testing.T) {
	e := newEnv(t)
	page := e.get("/api/docs", "").expect(t, 200)
	if ct := page.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("content type %q", ct)
	}
	for _, want := range []string{"POST /api/v1/auth/signup", "GET /api/v1/missions/{id}", "Problem", "/api/docs/openapi.yaml"} {
		if !strings.Contains(page.Raw, want) && !strings.Contains(page.Raw, strings.ReplaceAll(want, "/", "&#x2F;")) {
			t.Errorf("the docs page lacks %q", want)
		}
	}
	if strings.Contains(page.Raw, "<script") || strings.Contains(page.Raw, "style=") {
		t.Error("the docs page must not carry scripts or inline styles (CSP)")
	}
	raw := e.get("/api/docs/openapi.yaml", "").expect(t, 200)
	if !strings.HasPrefix(raw.Raw, "openapi: 3.1") {
		t.Fatalf("raw spec: %.80s", raw.Raw)
	}
}
