package handlers_test

import (
	"net/http"
	"net/url"
	"testing"
)

// The blocklist has a page: the admin reads and replaces the words there,
// with the API's rules, and the audit log says so in words.
func TestAdminBlocklistPage(t *testing.T) {
	e := newEnv(t)
	b, admin := e.adminBrowser()
	page := b.get("/admin/blocklist").expect(t, 200)
	page.contains(t, "Mots interdits", `name="words"`)
	checkPageStructure(t, "admin blocklist", page.Body)
	saved := b.post("/admin/blocklist", url.Values{"words": {"arnaque\r\n\r\nPaiement en liquide\narnaque"}}).expect(t, http.StatusSeeOther)
	b.follow(saved).expect(t, 200).contains(t, "arnaque\nPaiement en liquide</textarea>")
	got := e.get("/api/v1/admin/blocklist", admin.Access).expect(t, 200)
	if words, _ := got.Body["words"].([]any); len(words) != 2 || words[1] != "Paiement en liquide" {
		t.Fatalf("blocklist: %s", got.Raw)
	}
	b.post("/admin/blocklist", url.Values{"words": {"mot\u0000nul"}}).expect(t, 400).contains(t, `<a href="#f-words">`)
	b.get("/admin/audit").expect(t, 200).contains(t, "Liste de mots interdits modifiée", "Mots interdits").lacks(t, "blocklist.update")
}
