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
