package handlers_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
)

func revisionOf(t *testing.T, r response) map[string]any {
	t.Helper()
	rev, ok := r.Body["revision"].(map[string]any)
	if !ok {
		t.Fatalf("no revision in %s", r.Raw)
	}
	return rev
}

func changedFields(rev map[string]any) []string {
	var out []string
	for _, f := range rev["changed_fields"].([]any) {
		out = append(out, f.(string))
	}
	return out
}

// Issue 12, point 3: an edit of a published mission (any field the public
// sees) must not go live without a moderator; the published version stays
// online while the change waits as a revision.
func TestPublishedMissionEditWaitsAsRevision(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire", admin)
	id := e.publishedMission(o, admin, "Tri des denrées du samedi")
	path := "/api/v1/organizations/" + o.id + "/missions/" + id
	patch := func(body map[string]any) response {
		return e.do(req{method: "PATCH", path: path, token: o.owner.Access, body: body})
	}

	spam := "Travail rémunéré, inscrivez-vous sur www.gain-rapide.example.com"
	r := patch(map[string]any{"accessibility_notes": spam, "skills": []string{"handling", "crypto"}}).expect(t, 200)
	if r.str("status") != "published" || r.str("accessibility_notes") == spam {
		t.Fatalf("edit answered: %s", r.Raw)
	}
	rev := revisionOf(t, r)
	if rev["state"] != "pending" || !slices.Equal(changedFields(rev), []string{"skills", "tags", "accessibility_notes"}) {
		t.Fatalf("revision: %v", rev)
	}
	public := e.get("/api/v1/missions/"+id, "").expect(t, 200)
	if public.str("status") != "published" || strings.Contains(public.Raw, "rémunéré") || strings.Contains(public.Raw, "crypto") || public.Body["revision"] != nil {
		t.Fatalf("the change went live without review: %s", public.Raw)
	}
	if found := e.get("/api/v1/missions?q=crypto", "").expect(t, 200); len(found.items(t)) != 0 {
		t.Fatalf("search index shows the unreviewed change: %s", found.Raw)
	}

	// A second edit amends the same pending change.
	r = patch(map[string]any{"title": "Tri et distribution du samedi"}).expect(t, 200)
	if got := changedFields(revisionOf(t, r)); !slices.Contains(got, "title") || !slices.Contains(got, "accessibility_notes") {
		t.Fatalf("amended revision: %v", got)
	}

	// The moderator sees the difference and the checks of the new text.
	queue := e.get("/api/v1/admin/queue/revisions", admin.Access).expect(t, 200)
	items := queue.items(t)
	if len(items) != 1 || items[0]["id"] != id {
		t.Fatalf("revision queue: %s", queue.Raw)
	}
	checks := items[0]["checks"].(map[string]any)
	if len(checks["blocklist_hits"].([]any)) == 0 || len(checks["links"].([]any)) == 0 {
		t.Fatalf("checks do not cover the revision: %v", checks)
	}
	var titleChange map[string]any
	for _, ch := range items[0]["revision"].(map[string]any)["changes"].([]any) {
		if ch.(map[string]any)["field"] == "title" {
			titleChange = ch.(map[string]any)
		}
	}
	if titleChange["old"] != "Tri des denrées du samedi" || titleChange["new"] != "Tri et distribution du samedi" {
		t.Fatalf("title change: %v", titleChange)
	}
	if e.get("/api/v1/admin/queue/missions", admin.Access).expect(t, 200).Body["total"] != float64(0) {
		t.Fatal("a revision must not unpublish the mission into the submission queue")
	}

	// Rejecting needs a reason, keeps the published version and tells the
	// organisation why.
	e.post("/api/v1/admin/missions/"+id+"/revision/reject", admin.Access, map[string]string{}).expect(t, 400)
	e.post("/api/v1/admin/missions/"+id+"/revision/reject", admin.Access, map[string]string{"reason": "Pas de lien ni de rémunération"}).expect(t, 200)
	e.post("/api/v1/admin/missions/"+id+"/revision/approve", admin.Access, nil).expect(t, 409)
	rev = revisionOf(t, e.get(path, o.owner.Access).expect(t, 200))
	if rev["state"] != "rejected" || rev["reason"] != "Pas de lien ni de rémunération" {
		t.Fatalf("rejected revision: %v", rev)
	}
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.str("title") != "Tri des denrées du samedi" {
		t.Fatalf("rejected change is live: %s", got.Raw)
	}

	// A clean edit, approved, goes live and into the search index.
	r = patch(map[string]any{"title": "Tri solidaire du samedi", "accessibility_notes": "Accès de plain-pied, ascenseur", "urgent": true}).expect(t, 200)
	if rev := revisionOf(t, r); rev["state"] != "pending" || !slices.Equal(changedFields(rev), []string{"title", "urgent", "accessibility_notes"}) {
		t.Fatalf("new revision after a rejection starts from the published version: %v", rev)
	}
	approved := e.post("/api/v1/admin/missions/"+id+"/revision/approve", admin.Access, nil).expect(t, 200)
	if approved.Body["revision"] != nil || approved.str("accessibility_notes") != "Accès de plain-pied, ascenseur" {
		t.Fatalf("approved: %s", approved.Raw)
	}
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.Body["urgent"] != true || got.str("accessibility_notes") != "Accès de plain-pied, ascenseur" {
		t.Fatalf("approved change not live: %s", got.Raw)
	}
	if found := e.get("/api/v1/missions?q=solidaire", "").expect(t, 200); len(found.items(t)) != 1 {
		t.Fatalf("search index not updated: %s", found.Raw)
	}

	// An edit back to the published version withdraws the revision.
	patch(map[string]any{"min_age": 18}).expect(t, 200)
	if r := patch(map[string]any{"min_age": 16}).expect(t, 200); r.Body["revision"] != nil {
		t.Fatalf("revision not withdrawn: %s", r.Raw)
	}

	audit := e.get("/api/v1/admin/audit?target="+id, admin.Access).expect(t, 200)
	count := map[string]int{}
	for _, it := range audit.items(t) {
		count[it["action"].(string)]++
	}
	if count["mission.revision_reject"] != 1 || count["mission.revision_approve"] != 1 {
		t.Fatalf("audit: %v", count)
	}
}

// The organisation's mission page and the admin's moderation page show a
// revision field by field; the admin decides from the page.
func TestRevisionThroughPages(t *testing.T) {
	e := newEnv(t)
	adminPage, admin := e.adminBrowser()
	o := e.verifiedOrg("Banque alimentaire", admin)
	id := e.publishedMission(o, admin, "Tri des denrées du samedi")
	orgPage := e.browser()
	orgPage.get("/login")
	orgPage.post("/login", url.Values{"email": {o.owner.Email}, "password": {o.owner.Password}}).expect(t, http.StatusSeeOther)

	e.do(req{method: "PATCH", path: "/api/v1/organizations/" + o.id + "/missions/" + id, token: o.owner.Access,
		body: map[string]any{"accessibility_notes": "Voir www.exemple-douteux.com"}}).expect(t, 200)
	mine := orgPage.get("/organizations/"+o.id+"/missions/"+id).expect(t, 200)
	checkPageStructure(t, "org mission with revision", mine.Body)
	mine.contains(t, "Modification en attente de relecture", "www.exemple-douteux.com")
	orgPage.get("/organizations/"+o.id+"/missions").expect(t, 200).contains(t, "modification en attente de relecture")

	queue := adminPage.get("/admin/missions").expect(t, 200)
	checkPageStructure(t, "admin missions with revision", queue.Body)
	queue.contains(t, "Modifications de missions publiées à relire : 1", "www.exemple-douteux.com", "Liens :")
	adminPage.post("/admin/missions/"+id+"/revision/reject", url.Values{}).expect(t, 400).contains(t, `<a href="#f-reason-`+id+`">`)
	done := adminPage.post("/admin/missions/"+id+"/revision/reject", url.Values{"reason": {"Pas de lien externe, merci."}}).expect(t, http.StatusSeeOther)
	adminPage.follow(done).expect(t, 200).contains(t, "Modification refusée.")
	orgPage.get("/organizations/"+o.id+"/missions/"+id).expect(t, 200).contains(t, "Modification refusée", "Pas de lien externe, merci.")
}
