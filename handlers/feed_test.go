package handlers_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestPartnerFeed(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_RATE_LIMIT", "on"))
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire", admin)
	first := e.publishedMission(o, admin, "Première mission publiée")
	e.clock.Advance(time.Minute)
	second := e.publishedMission(o, admin, "Deuxième mission publiée")
	e.draftMission(o, "Brouillon jamais montré")
	e.login(&admin)

	vol := e.signup(models.RoleVolunteer)
	e.post("/api/v1/admin/api-keys", vol.Access, map[string]any{"name": "Partenaire"}).expect(t, 403)
	created := e.post("/api/v1/admin/api-keys", admin.Access, map[string]any{"name": "Plateforme partenaire", "rate_per_minute": 5}).expect(t, 201)
	key := created.str("key")
	if key == "" || created.str("id") == "" {
		t.Fatalf("key: %s", created.Raw)
	}
	if list := e.get("/api/v1/admin/api-keys", admin.Access).expect(t, 200); len(list.items(t)) != 1 || list.items(t)[0]["key"] != nil {
		t.Fatalf("the key list shows the secret: %s", list.Raw)
	}
	feed := func(query string) response {
		return e.do(req{method: "GET", path: "/api/v1/feed/missions" + query, header: map[string]string{"X-API-Key": key}})
	}
	e.get("/api/v1/feed/missions", "").expect(t, 401)
	e.do(req{method: "GET", path: "/api/v1/feed/missions", header: map[string]string{"X-API-Key": "ek_wrong"}}).expect(t, 401)

	all := feed("").expect(t, 200)
	items := all.items(t)
	if len(items) != 2 || items[0]["id"] != first || items[1]["id"] != second || items[0]["url"] == "" {
		t.Fatalf("feed: %s", all.Raw)
	}
	page1 := feed("?limit=1").expect(t, 200)
	if len(page1.items(t)) != 1 || page1.Body["has_more"] != true || page1.str("next_cursor") == "" {
		t.Fatalf("page 1: %s", page1.Raw)
	}
	page2 := feed("?limit=1&cursor="+url.QueryEscape(page1.str("next_cursor"))).expect(t, 200)
	if len(page2.items(t)) != 1 || page2.items(t)[0]["id"] != second || page2.Body["has_more"] != false {
		t.Fatalf("page 2: %s", page2.Raw)
	}
	// Five requests a minute for this key: the sixth waits.
	r := feed("?updated_since="+url.QueryEscape(e.clock.Now().Add(-30*time.Second).Format(time.RFC3339))).expect(t, 200)
	if len(r.items(t)) != 1 || r.items(t)[0]["id"] != second {
		t.Fatalf("updated_since: %s", r.Raw)
	}
	feed("?cursor=garbage").expect(t, 400)
	if r := feed(""); r.Status != 429 || r.Header.Get("Retry-After") == "" {
		t.Fatalf("rate limit: %d %s", r.Status, r.Raw)
	}
	e.clock.Advance(time.Minute)
	e.login(&admin)
	e.do(req{method: "DELETE", path: "/api/v1/admin/api-keys/" + created.str("id"), token: admin.Access}).expect(t, 204)
	feed("").expect(t, 401)
}
