package handlers_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/entraide/entraide/store"
)

// TestEveryOrganisationRouteRefusesOutsiders walks every registered route
// under an organisation's path, API and pages, and calls it as a member of
// another organisation: each must answer 404, as if the organisation did
// not exist. A route added without the membership guard fails here even if
// its handler forgot to check.
func TestEveryOrganisationRouteRefusesOutsiders(t *testing.T) {
	e := newEnv(t)
	a := e.newOrg("Organisation A")
	b := e.newOrg("Organisation B")
	missionB := e.draftMission(b, "Mission de B")
	pages, _ := e.orgBrowser("Organisation A (pages)")
	public := []string{"GET /api/v1/organizations/:orgId", "GET /organizations/:orgId", "POST /organizations/:orgId/report"}

	seen := map[string]bool{}
	for _, r := range e.svc.Server.App().GetRoutes(true) {
		key := r.Method + " " + r.Path
		if r.Method == http.MethodHead || !strings.Contains(r.Path, ":orgId") || slices.Contains(public, key) || seen[key] {
			continue
		}
		seen[key] = true
		path := strings.NewReplacer(":orgId", b.id, ":id", missionB, ":appId", store.NewID(),
			":userId", a.owner.ID, ":shiftId", store.NewID()).Replace(r.Path)
		t.Run(key, func(t *testing.T) {
			var status int
			switch {
			case strings.HasPrefix(r.Path, "/api/"):
				status = e.do(req{method: r.Method, path: path, token: a.owner.Access, body: map[string]any{}}).Status
			case r.Method == http.MethodGet:
				status = pages.get(path).Status
			default:
				status = pages.post(path, url.Values{}).Status
			}
			if status != http.StatusNotFound {
				t.Errorf("%s %s as another organisation's member: %d, want 404", r.Method, path, status)
			}
		})
	}
	if len(seen) < 50 {
		t.Fatalf("only %d organisation routes walked", len(seen))
	}
}
