package handlers

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/geo"
)

// tableServer builds the server's routes (with the benchmark route too)
// without a store: the table is made at start-up, before any request.
func tableServer(t *testing.T) *Server {
	t.Helper()
	vars := map[string]string{
		"ENTRAIDE_ENV":        "test",
		"ENTRAIDE_JWT_SECRET": "test-secret-0123456789-abcdefghijklmnop",
		"ENTRAIDE_DATA":       t.TempDir(),
		"ENTRAIDE_BENCH":      "1",
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Deps{Config: cfg, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Gazetteer: geo.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// notMemberUnderOrg are the only routes under an organisation's path that
// its members do not own: its public page, and a report about it.
var notMemberUnderOrg = []string{
	"GET /api/v1/organizations/:orgId",
	"GET /organizations/:orgId",
	"POST /organizations/:orgId/report",
}

// TestRouteTableGuardsOrganisations fails when a route under an
// organisation's path (API or page) lacks the membership guard, or when a
// route has no guard named.
func TestRouteTableGuardsOrganisations(t *testing.T) {
	s := tableServer(t)
	if len(s.table.entries) < 150 {
		t.Fatalf("only %d routes in the table", len(s.table.entries))
	}
	for _, r := range s.table.entries {
		key := r.Method + " " + r.Path
		if r.Guard.name == "" {
			t.Errorf("%s has no guard", key)
		}
		underOrg := strings.Contains(r.Path, ":orgId") || r.Path == "/org" || strings.HasPrefix(r.Path, "/org/")
		if r.Path == "/org" {
			// Picks among the caller's own organisations: no org in the path.
			underOrg = false
		}
		if underOrg && !r.Guard.member && !slices.Contains(notMemberUnderOrg, key) {
			t.Errorf("%s is under an organisation but its guard is %q, not membership", key, r.Guard.name)
		}
		if r.Guard.member && !strings.Contains(r.Path, ":orgId") {
			t.Errorf("%s has the membership guard but no :orgId", key)
		}
	}
}

// TestRouteTableIsEveryRoute fails when a route or middleware is registered
// anywhere but through the route table, or when the app's routes differ
// from the table's.
func TestRouteTableIsEveryRoute(t *testing.T) {
	s := tableServer(t)
	if len(s.table.stray) > 0 {
		t.Errorf("registered outside the route table (handlers/routes.go): %v", s.table.stray)
	}
	want := map[string]bool{}
	for _, r := range s.table.entries {
		want[r.Method+" "+r.Path] = true
		if r.Method == http.MethodGet {
			want[http.MethodHead+" "+r.Path] = true
		}
	}
	got := map[string]bool{}
	for _, r := range s.app.GetRoutes(true) {
		got[r.Method+" "+r.Path] = true
	}
	for key := range got {
		if !want[key] {
			t.Errorf("%s is registered but not in the route table", key)
		}
	}
	for key := range want {
		if !got[key] {
			t.Errorf("%s is in the route table but not registered", key)
		}
	}
}

// TestNoJobsInHandlers fails when the server grows an exported method
// shaped like a background job (a context in, a count and an error out):
// jobs belong to the domain packages that the service's workers call.
func TestNoJobsInHandlers(t *testing.T) {
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	errType := reflect.TypeOf((*error)(nil)).Elem()
	server := reflect.TypeOf(&Server{})
	for i := range server.NumMethod() {
		m := server.Method(i).Type
		if m.NumIn() == 2 && m.In(1) == ctxType && m.NumOut() == 2 && m.Out(1) == errType {
			t.Errorf("handlers.Server.%s looks like a background job; move it to its domain package", server.Method(i).Name)
		}
	}
}
