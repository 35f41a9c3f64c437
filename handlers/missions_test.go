package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestMissionLifecycle(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	pending := e.newOrg("Asso en attente")
	draftInPending := e.draftMission(pending, "Distribution de colis")
	// Only verified organisations may submit.
	r := e.post("/api/v1/organizations/"+pending.id+"/missions/"+draftInPending+"/submit", pending.owner.Access, nil).expect(t, 409)
	if r.Body["organization_status"] != "pending" {
		t.Fatalf("submit from pending org: %s", r.Raw)
	}

	o := e.verifiedOrg("Banque alimentaire", admin)
	base := "/api/v1/organizations/" + o.id + "/missions/"
	id := e.draftMission(o, "Tri des denrées du samedi")
	m := e.get(base+id, o.owner.Access).expect(t, 200)
	if m.str("status") != "draft" || m.Body["min_age"] != float64(16) || len(m.Body["shifts"].([]any)) != 2 {
		t.Fatalf("draft: %s", m.Raw)
	}
	if tags := m.Body["tags"].([]any); len(tags) != 1 || tags[0] != "bonne humeur" {
		t.Fatalf("free tags: %s", m.Raw)
	}
	// Drafts are hidden from the public and other organisations.
	e.get("/api/v1/missions/"+id, "").expect(t, 404)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 409)
	e.post(base+id+"/close", o.owner.Access, nil).expect(t, 409)

	e.post(base+id+"/submit", o.owner.Access, nil).expect(t, 200)
	r = e.post(base+id+"/submit", o.owner.Access, nil).expect(t, 409)
	if r.str("current_state") != "submitted" {
		t.Fatalf("double submit: %s", r.Raw)
	}
	queue := e.get("/api/v1/admin/queue/missions", admin.Access).expect(t, 200)
	if len(queue.items(t)) != 1 {
		t.Fatalf("mission queue: %s", queue.Raw)
	}
	e.post("/api/v1/admin/missions/"+id+"/reject", admin.Access, map[string]string{}).expect(t, 400)
	e.post("/api/v1/admin/missions/"+id+"/reject", admin.Access, map[string]string{"reason": "Précisez le lieu exact"}).expect(t, 200)
	rejected := e.get(base+id, o.owner.Access).expect(t, 200)
	if rejected.str("status") != "rejected" || rejected.str("status_reason") != "Précisez le lieu exact" {
		t.Fatalf("rejected: %s", rejected.Raw)
	}
	e.get("/api/v1/missions/"+id, "").expect(t, 404)
	e.post(base+id+"/submit", o.owner.Access, nil).expect(t, 200)
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 200)
	public := e.get("/api/v1/missions/"+id, "").expect(t, 200)
	if public.str("status") != "published" || public.Body["status_reason"] != nil {
		t.Fatalf("public mission: %s", public.Raw)
	}

	// Adding shifts or places keeps it published.
	e.post(base+id+"/shifts", o.owner.Access, map[string]any{"shifts": []any{futureShift(20, 8)}}).expect(t, 201)
	shifts := public.Body["shifts"].([]any)
	shiftID := shifts[0].(map[string]any)["id"].(string)
	e.do(req{method: "PATCH", path: base + id + "/shifts/" + shiftID, token: o.owner.Access, body: map[string]int{"capacity": 12}}).expect(t, 200)
	// Any edit of what the public sees waits for a moderator as a
	// revision; the published version stays online meanwhile.
	e.do(req{method: "PATCH", path: base + id, token: o.owner.Access, body: map[string]any{"urgent": true, "accessibility_notes": "Accès de plain-pied"}}).expect(t, 200)
	edited := e.do(req{method: "PATCH", path: base + id, token: o.owner.Access, body: map[string]any{"title": "Tri et distribution du samedi"}}).expect(t, 200)
	if edited.str("status") != "published" || edited.Body["revision"] == nil {
		t.Fatalf("edit of a published mission: %s", edited.Raw)
	}
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.str("status") != "published" || got.Body["urgent"] != false {
		t.Fatalf("edit went live before review: %s", got.Raw)
	}
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 409)
	e.post("/api/v1/admin/missions/"+id+"/revision/approve", admin.Access, nil).expect(t, 200)
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.str("title") != "Tri et distribution du samedi" || got.Body["urgent"] != true {
		t.Fatalf("approved edit: %s", got.Raw)
	}

	e.post(base+id+"/close", o.owner.Access, nil).expect(t, 200)
	e.post(base+id+"/cancel", o.owner.Access, nil).expect(t, 409)
	e.do(req{method: "PATCH", path: base + id, token: o.owner.Access, body: map[string]any{"urgent": false}}).expect(t, 409)

	other := e.publishedMission(o, admin, "Appels aux aînés isolés")
	r = e.post(base+other+"/cancel", o.owner.Access, map[string]string{"reason": "Plus de local"}).expect(t, 200)
	if r.str("status") != "cancelled" {
		t.Fatalf("cancel: %s", r.Raw)
	}

	// Every admin decision is audited.
	audit := e.get("/api/v1/admin/audit?target="+id, admin.Access).expect(t, 200)
	count := map[string]int{}
	for _, it := range audit.items(t) {
		count[it["action"].(string)]++
	}
	if count["mission.publish"] != 1 || count["mission.reject"] != 1 || count["mission.revision_approve"] != 1 {
		t.Fatalf("audit: %v", count)
	}
}

func TestMissionValidation(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Crèche solidaire", admin)
	path := "/api/v1/organizations/" + o.id + "/missions"
	past := time.Now().UTC().Add(-time.Hour)
	bad := func(mutate func(map[string]any), fields ...string) {
		t.Helper()
		body := missionBody("Garde d'enfants de soignants")
		mutate(body)
		r := e.post(path, o.owner.Access, body).expect(t, 400)
		for _, f := range fields {
			if !strings.Contains(r.Raw, `"field":"`+f) {
				t.Fatalf("field %s not reported: %s", f, r.Raw)
			}
		}
	}
	bad(func(b map[string]any) { b["shifts"] = []any{} }, "shifts")
	bad(func(b map[string]any) {
		b["shifts"] = []any{map[string]any{"start": past.Format(time.RFC3339), "end": past.Add(time.Hour).Format(time.RFC3339), "capacity": 3}}
	}, "shifts[0].start")
	bad(func(b map[string]any) {
		s := futureShift(2, 3)
		s["end"] = s["start"]
		b["shifts"] = []any{s}
	}, "shifts[0].end")
	bad(func(b map[string]any) { b["shifts"] = []any{futureShift(2, 0)} }, "shifts[0].capacity")
	bad(func(b map[string]any) { b["shifts"] = []any{futureShift(2, 501)} }, "shifts[0].capacity")
	bad(func(b map[string]any) {
		many := make([]any, 201)
		for i := range many {
			many[i] = futureShift(2+i%30, 1)
		}
		b["shifts"] = many
	}, "shifts")
	bad(func(b map[string]any) { b["category"] = "party" }, "category")
	bad(func(b map[string]any) { b["title"] = "abc" }, "title")
	bad(func(b map[string]any) { b["languages"] = []string{"xx"} }, "languages")
	bad(func(b map[string]any) { b["postcode"] = "99999" }, "postcode")
	bad(func(b map[string]any) { delete(b, "postcode"); delete(b, "address") }, "postcode", "address")
	bad(func(b map[string]any) { b["category"] = "childcare"; b["min_age"] = 16 }, "min_age")
	bad(func(b map[string]any) { b["requires_vetting"] = true; b["auto_accept"] = true }, "auto_accept")
	bad(func(b map[string]any) { b["status"] = "published" }, "status")
	bad(func(b map[string]any) { b["org_id"] = o.id }, "org_id")
	bad(func(b map[string]any) { b["taken"] = 3 }, "taken")
	bad(func(b map[string]any) { b["title"] = map[string]any{"$gt": ""} }, "title")

	// Childcare defaults to 18; remote missions need no address.
	body := missionBody("Garde d'enfants de soignants")
	body["category"] = "childcare"
	r := e.post(path, o.owner.Access, body).expect(t, 201)
	if r.Body["min_age"] != float64(18) {
		t.Fatalf("childcare min age: %s", r.Raw)
	}
	body = missionBody("Appels de convivialité")
	body["remote"], body["category"] = true, "tele_volunteering"
	delete(body, "address")
	delete(body, "postcode")
	e.post(path, o.owner.Access, body).expect(t, 201)

	// Capacity never below the places taken; shifts with places cannot go.
	id := r.str("id")
	shiftID := r.Body["shifts"].([]any)[0].(map[string]any)["id"].(string)
	if ok, err := e.store.TakePlace(context.Background(), shiftID); err != nil || !ok {
		t.Fatalf("take place: %v %v", ok, err)
	}
	if ok, _ := e.store.TakePlace(context.Background(), shiftID); !ok {
		t.Fatal("second place refused")
	}
	e.do(req{method: "PATCH", path: path + "/" + id + "/shifts/" + shiftID, token: o.owner.Access, body: map[string]int{"capacity": 1}}).expect(t, 409)
	e.do(req{method: "DELETE", path: path + "/" + id + "/shifts/" + shiftID, token: o.owner.Access}).expect(t, 409)
	e.do(req{method: "DELETE", path: path + "/" + id, token: o.owner.Access}).expect(t, 204)
}

func TestCrossOrganizationAccessIs404(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	a := e.verifiedOrg("Organisation A", admin)
	b := e.verifiedOrg("Organisation B", admin)
	draftB := e.draftMission(b, "Mission brouillon de B")
	pubB := e.publishedMission(b, admin, "Mission publiée de B")
	shiftB := e.get("/api/v1/organizations/"+b.id+"/missions/"+pubB, b.owner.Access).expect(t, 200).Body["shifts"].([]any)[0].(map[string]any)["id"].(string)
	volunteer := e.signup(models.RoleVolunteer)

	paths := []struct{ method, path string }{
		{"PATCH", "/api/v1/organizations/" + b.id},
		{"GET", "/api/v1/organizations/" + b.id + "/members"},
		{"DELETE", "/api/v1/organizations/" + b.id + "/members/" + b.owner.ID},
		{"GET", "/api/v1/organizations/" + b.id + "/invitations"},
		{"POST", "/api/v1/organizations/" + b.id + "/invitations"},
		{"GET", "/api/v1/organizations/" + b.id + "/missions"},
		{"POST", "/api/v1/organizations/" + b.id + "/missions"},
		{"GET", "/api/v1/organizations/" + b.id + "/missions/export"},
	}
	for _, mission := range []string{draftB, pubB} {
		for _, suffix := range []string{"", "/submit", "/close", "/cancel", "/shifts"} {
			method := "POST"
			if suffix == "" {
				method = "GET"
			}
			paths = append(paths, struct{ method, path string }{method, "/api/v1/organizations/" + b.id + "/missions/" + mission + suffix})
		}
		paths = append(paths,
			struct{ method, path string }{"PATCH", "/api/v1/organizations/" + b.id + "/missions/" + mission},
			struct{ method, path string }{"DELETE", "/api/v1/organizations/" + b.id + "/missions/" + mission},
			// B's mission through A's organisation path is not A's either.
			struct{ method, path string }{"GET", "/api/v1/organizations/" + a.id + "/missions/" + mission},
			struct{ method, path string }{"PATCH", "/api/v1/organizations/" + a.id + "/missions/" + mission},
			struct{ method, path string }{"POST", "/api/v1/organizations/" + a.id + "/missions/" + mission + "/submit"},
			struct{ method, path string }{"POST", "/api/v1/organizations/" + a.id + "/missions/" + mission + "/cancel"},
		)
	}
	paths = append(paths,
		struct{ method, path string }{"PATCH", "/api/v1/organizations/" + b.id + "/missions/" + pubB + "/shifts/" + shiftB},
		struct{ method, path string }{"DELETE", "/api/v1/organizations/" + b.id + "/missions/" + pubB + "/shifts/" + shiftB},
		struct{ method, path string }{"PATCH", "/api/v1/organizations/" + a.id + "/missions/" + pubB + "/shifts/" + shiftB},
	)
	for _, p := range paths {
		t.Run(p.method+" "+p.path, func(t *testing.T) {
			r := e.do(req{method: p.method, path: p.path, token: a.owner.Access, body: map[string]any{}})
			if r.Status != 404 {
				t.Fatalf("member of A got %d on B's resource: %s", r.Status, r.Raw)
			}
			r = e.do(req{method: p.method, path: p.path, token: volunteer.Access, body: map[string]any{}})
			// A volunteer is no member of B either: B's data does not exist.
			if r.Status != 404 {
				t.Fatalf("volunteer got %d, want 404", r.Status)
			}
		})
	}
	e.get("/api/v1/missions/"+draftB, a.owner.Access).expect(t, 404)
	e.get("/api/v1/missions/"+draftB, volunteer.Access).expect(t, 404)
	e.get("/api/v1/missions/"+draftB, b.owner.Access).expect(t, 200)
	e.get("/api/v1/missions/"+draftB, admin.Access).expect(t, 200)
	e.get("/api/v1/missions/"+pubB, "").expect(t, 200)
}

func TestAutoCloseAfterLastShift(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Asso", admin)
	id := e.publishedMission(o, admin, "Distribution de printemps")
	if n, err := e.svc.Applications.CloseEndedMissions(context.Background()); err != nil || n != 0 {
		t.Fatalf("closed %d (%v) before the end", n, err)
	}
	e.clock.Advance(11 * 24 * time.Hour)
	if n, err := e.svc.Applications.CloseEndedMissions(context.Background()); err != nil || n != 1 {
		t.Fatalf("closed %d (%v) after the end, want 1", n, err)
	}
	if got := e.get("/api/v1/missions/"+id, "").expect(t, 200); got.str("status") != "closed" {
		t.Fatalf("after auto-close: %s", got.Raw)
	}
}

func TestSuspensionUnpublishesAndRestoreRepublishes(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Asso suspendue", admin)
	id := e.publishedMission(o, admin, "Aide aux devoirs")
	e.post("/api/v1/admin/organizations/"+o.id+"/suspend", admin.Access, map[string]string{"reason": "Enquête"}).expect(t, 200)
	e.get("/api/v1/missions/"+id, "").expect(t, 410) // gone, and says why
	e.post("/api/v1/admin/missions/"+id+"/publish", admin.Access, nil).expect(t, 409)
	e.post("/api/v1/admin/organizations/"+o.id+"/restore", admin.Access, nil).expect(t, 200)
	e.get("/api/v1/missions/"+id, "").expect(t, 200)
}

func TestModerationChecksReportsAndCSV(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Asso", admin)
	base := "/api/v1/organizations/" + o.id + "/missions/"
	first := e.publishedMission(o, admin, "Distribution de colis alimentaires")
	body := missionBody("Distribution de colis alimentaire")
	body["description"] = "Mission rémunérée 12 €/h, paiement par virement après inscription."
	dup := e.post(base, o.owner.Access, body).expect(t, 201).str("id")
	e.post(base+dup+"/submit", o.owner.Access, nil).expect(t, 200)
	queue := e.get("/api/v1/admin/queue/missions", admin.Access).expect(t, 200)
	checks := queue.items(t)[0]["checks"].(map[string]any)
	hits := checks["blocklist_hits"].([]any)
	dups := checks["likely_duplicates"].([]any)
	if len(hits) < 2 || len(dups) != 1 || dups[0].(map[string]any)["id"] != first {
		t.Fatalf("checks: %v", checks)
	}
	// The blocklist is editable.
	e.do(req{method: "PUT", path: "/api/v1/admin/blocklist", token: admin.Access, body: map[string]any{"words": []string{"virement"}}}).expect(t, 200)
	queue = e.get("/api/v1/admin/queue/missions", admin.Access).expect(t, 200)
	if hits := queue.items(t)[0]["checks"].(map[string]any)["blocklist_hits"].([]any); len(hits) != 1 {
		t.Fatalf("edited blocklist: %v", hits)
	}

	// Reports, grouped by target, resolved together.
	v1, v2 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	report := map[string]string{"target_type": "mission", "target_id": first, "reason": "Demande un paiement"}
	rep := e.post("/api/v1/reports", v1.Access, report).expect(t, 201)
	e.post("/api/v1/reports", v1.Access, report).expect(t, 409)
	e.post("/api/v1/reports", v2.Access, report).expect(t, 201)
	e.post("/api/v1/reports", v2.Access, map[string]string{"target_type": "mission", "target_id": dup, "reason": "Hidden mission"}).expect(t, 404)
	e.post("/api/v1/reports", "", report).expect(t, 401)
	groups := e.get("/api/v1/admin/reports", admin.Access).expect(t, 200)
	if g := groups.items(t); len(g) != 1 || g[0]["count"] != float64(2) {
		t.Fatalf("report groups: %s", groups.Raw)
	}
	if strings.Contains(groups.Raw, v1.Email) {
		t.Fatal("reports leak the reporter's e-mail")
	}
	e.post("/api/v1/admin/reports/"+rep.str("id")+"/resolve", admin.Access, map[string]string{"resolution": "Mission corrigée"}).expect(t, 200)
	if open := e.get("/api/v1/admin/reports", admin.Access).expect(t, 200); len(open.items(t)) != 0 {
		t.Fatalf("still open: %s", open.Raw)
	}

	// CSV exports escape formulas.
	evil := missionBody("=HYPERLINK(\"http://evil\")")
	e.post(base, o.owner.Access, evil).expect(t, 201)
	csv := e.get(base+"export", o.owner.Access).expect(t, 200)
	if !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") || !strings.Contains(csv.Raw, `'=HYPERLINK`) {
		t.Fatalf("CSV: %s", csv.Raw)
	}
	if strings.Contains(csv.Raw, "\n=") || strings.Contains(csv.Raw, ",=") {
		t.Fatalf("unescaped formula: %s", csv.Raw)
	}
	evilOrg := orgBody("@SUM(A1)")
	e.post("/api/v1/organizations", o.owner.Access, evilOrg).expect(t, 201)
	orgsCSV := e.get("/api/v1/admin/organizations/export", admin.Access).expect(t, 200)
	if !strings.Contains(orgsCSV.Raw, "'@SUM(A1)") {
		t.Fatalf("orgs CSV: %s", orgsCSV.Raw)
	}
	stats := e.get("/api/v1/admin/stats", admin.Access).expect(t, 200)
	if stats.Body["missions"].(map[string]any)["published"] != float64(1) || stats.Body["median_moderation_hours"] == nil {
		t.Fatalf("stats: %s", stats.Raw)
	}
	audit := e.get("/api/v1/admin/audit?actor="+admin.ID, admin.Access).expect(t, 200)
	actions := map[string]bool{}
	for _, it := range audit.items(t) {
		actions[it["action"].(string)] = true
	}
	for _, want := range []string{"blocklist.update", "report.resolve", "organizations.export", "mission.publish", "organization.verify"} {
		if !actions[want] {
			t.Fatalf("audit lacks %s: %v", want, actions)
		}
	}
}
