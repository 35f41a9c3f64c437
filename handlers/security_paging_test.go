package handlers_test

import (
	"strings"
	"testing"
)

// TestPagesPastTheLastAreEmpty asks for pages past the last one: the
// answer is an empty page, never a panic; absurd pages are a 400.
func TestPagesPastTheLastAreEmpty(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Paging", admin)
	e.publishedMission(o, admin, "Distribution alimentaire")
	for _, path := range []string{"/api/v1/missions?page=3", "/api/v1/missions?page=2&per_page=1", "/api/v1/missions?q=distribution&page=40", "/api/v1/missions?page=1000&per_page=50"} {
		r := e.get(path, "").expect(t, 200)
		if items, _ := r.Body["items"].([]any); len(items) != 0 {
			t.Errorf("%s: %d items past the last page", path, len(items))
		}
		if total, _ := r.Body["total"].(float64); total != 1 {
			t.Errorf("%s: total %v, want 1", path, r.Body["total"])
		}
	}
	r := e.get("/api/v1/missions?page=1001", "").expect(t, 400)
	if !strings.Contains(r.Raw, `"page"`) {
		t.Errorf("the 400 does not name the page field: %s", r.Raw)
	}
	e.get("/api/v1/missions?per_page=51", "").expect(t, 400)
	b := e.browser()
	b.get("/missions?page=500").expect(t, 200)
	b.get("/missions?page=100000").expect(t, 400)
}

// TestEveryListPastTheLastPage asks every paged list for its last allowed
// page: each answers an empty page (the harness fails on any panic).
func TestEveryListPastTheLastPage(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Paging lists", admin)
	m := e.publishedMission(o, admin, "Paging lists")
	v := e.signup("volunteer")
	for _, c := range []struct{ path, token string }{
		{"/api/v1/organizations", ""},
		{"/api/v1/me/notifications", v.Access},
		{"/api/v1/me/applications", v.Access},
		{"/api/v1/me/recommendations", v.Access},
		{"/api/v1/organizations/" + o.id + "/missions", o.owner.Access},
		{"/api/v1/organizations/" + o.id + "/missions/" + m + "/applications", o.owner.Access},
		{"/api/v1/organizations/" + o.id + "/missions/" + m + "/candidates", o.owner.Access},
		{"/api/v1/admin/queue/organizations", admin.Access},
		{"/api/v1/admin/queue/missions", admin.Access},
		{"/api/v1/admin/reports", admin.Access},
		{"/api/v1/admin/audit", admin.Access},
	} {
		r := e.get(c.path+"?page=1000", c.token)
		if r.Status != 200 && r.Status != 400 {
			t.Errorf("%s?page=1000: status %d: %s", c.path, r.Status, r.Raw)
		}
		if items, _ := r.Body["items"].([]any); len(items) != 0 {
			t.Errorf("%s?page=1000: %d items", c.path, len(items))
		}
	}
}
