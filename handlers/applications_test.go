package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestApplicationLifecycle(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: vol.Access, body: map[string]string{"phone": "06 12 34 56 78"}}).expect(t, 200)

	r := e.post(f.applyPath(), vol.Access, map[string]string{"message": "Disponible <b>toute</b> la matinée"}).expect(t, 201)
	mustJSONStatus(t, r, "pending")
	appID := r.str("id")
	r = e.post(f.applyPath(), vol.Access, nil).expect(t, 409)
	if r.Body["code"] != "already_applied" {
		t.Fatalf("duplicate: %s", r.Raw)
	}
	e.post(f.applyPath(), vol.Access, map[string]string{"message": strings.Repeat("a", 2001)}).expect(t, 400)
	e.post(f.applyPath(), f.org.owner.Access, nil).expect(t, 403)

	// Before acceptance the organisation sees the name, not the contact.
	list := e.get(f.missionPath()+"/applications?status=pending", f.org.owner.Access).expect(t, 200)
	if items := list.items(t); len(items) != 1 || items[0]["id"] != appID {
		t.Fatalf("org list: %s", list.Raw)
	}
	if strings.Contains(list.Raw, vol.Email) || strings.Contains(list.Raw, "06 12 34 56 78") {
		t.Fatalf("contact details leak before acceptance: %s", list.Raw)
	}
	e.get(f.missionPath()+"/applications?status=bogus", f.org.owner.Access).expect(t, 400)

	// Scope: another organisation and another volunteer get 404.
	other := e.verifiedOrg("Autre asso", f.admin)
	e.get("/api/v1/organizations/"+other.id+"/applications/"+appID, other.owner.Access).expect(t, 404)
	e.post("/api/v1/organizations/"+other.id+"/applications/"+appID+"/accept", other.owner.Access, nil).expect(t, 404)
	e.post("/api/v1/organizations/"+f.org.id+"/applications/"+appID+"/accept", other.owner.Access, nil).expect(t, 404)
	stranger := e.signup(models.RoleVolunteer)
	e.get("/api/v1/me/applications/"+appID, stranger.Access).expect(t, 404)
	e.post("/api/v1/me/applications/"+appID+"/withdraw", stranger.Access, nil).expect(t, 404)
	e.get("/api/v1/me/applications/"+appID+"/messages", stranger.Access).expect(t, 404)

	// Messages both ways, plain text escaped for HTML.
	m := e.post("/api/v1/me/applications/"+appID+"/messages", vol.Access, map[string]string{"body": "Bonjour <script>alert(1)</script>\nÀ samedi"}).expect(t, 201)
	if !strings.Contains(m.str("body_html"), "&lt;script&gt;") || !strings.Contains(m.str("body_html"), "<br>") {
		t.Fatalf("message not escaped: %s", m.Raw)
	}
	e.post(f.appPath(appID)+"/messages", f.org.owner.Access, map[string]string{"body": "Merci !"}).expect(t, 201)
	e.post(f.appPath(appID)+"/messages", f.org.owner.Access, map[string]string{"body": strings.Repeat("x", 5001)}).expect(t, 400)
	e.post(f.appPath(appID)+"/messages", f.org.owner.Access, map[string]string{"body": "  "}).expect(t, 400)
	thread := e.get("/api/v1/me/applications/"+appID+"/messages", vol.Access).expect(t, 200)
	if items := thread.items(t); len(items) != 2 || items[0]["mine"] != true || items[1]["author_role"] != "organization" {
		t.Fatalf("thread: %s", thread.Raw)
	}
	if n := len(e.get(f.appPath(appID)+"/messages", f.org.owner.Access).expect(t, 200).items(t)); n != 2 {
		t.Fatalf("org thread: %d messages", n)
	}

	// Acceptance takes a place and shows the contact.
	r = e.post(f.appPath(appID)+"/accept", f.org.owner.Access, nil).expect(t, 200)
	mustJSONStatus(t, r, "accepted")
	if !strings.Contains(r.Raw, vol.Email) || !strings.Contains(r.Raw, "06 12 34 56 78") {
		t.Fatalf("contact after acceptance: %s", r.Raw)
	}
	if e.post(f.appPath(appID)+"/accept", f.org.owner.Access, nil).expect(t, 409).str("current_state") != "accepted" {
		t.Fatal("second accept")
	}
	if sh := e.shift(f); sh.Taken != 1 {
		t.Fatalf("taken %d after accept", sh.Taken)
	}
	public := e.get("/api/v1/missions/"+f.missionID, "").expect(t, 200)
	if sh := public.Body["shifts"].([]any)[0].(map[string]any); sh["taken"] != float64(1) || sh["capacity"] != float64(2) {
		t.Fatalf("public shift: %v", sh)
	}
	mine := e.get("/api/v1/me/applications", vol.Access).expect(t, 200).items(t)
	if len(mine) != 1 || mine[0]["status"] != "accepted" || mine[0]["mission"].(map[string]any)["title"] != "Distribution du samedi" {
		t.Fatalf("my applications: %v", mine)
	}
	hist := mine[0]["history"].([]any)
	if last := hist[len(hist)-1].(map[string]any); last["actor"] != "organization" || last["from"] != "pending" || last["by"] != nil {
		t.Fatalf("history seen by the volunteer: %v", hist)
	}
	if k := e.notificationKinds(vol); count(k, "application_accepted") != 1 {
		t.Fatalf("volunteer notifications: %v", k)
	}
	if k := e.notificationKinds(f.org.owner); count(k, "application_received") != 1 {
		t.Fatalf("org notifications: %v", k)
	}

	// Withdrawal gives the place back and tells the organisation.
	r = e.post("/api/v1/me/applications/"+appID+"/withdraw", vol.Access, map[string]string{"reason": "Empêchement"}).expect(t, 200)
	mustJSONStatus(t, r, "withdrawn")
	if sh := e.shift(f); sh.Taken != 0 {
		t.Fatalf("taken %d after withdrawal", sh.Taken)
	}
	e.post("/api/v1/me/applications/"+appID+"/withdraw", vol.Access, nil).expect(t, 409)
	if k := e.notificationKinds(f.org.owner); count(k, "application_withdrawn") != 1 {
		t.Fatalf("org notifications: %v", k)
	}
	// One application per volunteer and shift: applying again after a
	// withdrawal reopens the same one, whose history keeps both.
	r = e.post(f.applyPath(), vol.Access, nil).expect(t, 201)
	if r.str("id") != appID {
		t.Fatalf("applying again made application %s, want %s", r.str("id"), appID)
	}
	history, _ := r.Body["history"].([]any)
	last, _ := history[len(history)-1].(map[string]any)
	if len(history) != 4 || last["from"] != "withdrawn" || last["to"] != "pending" || r.str("status") != "pending" {
		t.Fatalf("history after applying again: %s", r.Raw)
	}
	e.post(f.applyPath(), vol.Access, nil).expect(t, 409)
}

func TestApplicationDeclineAndBulk(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 2, nil)
	vols := []user{e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)}
	var ids []string
	for _, v := range vols {
		ids = append(ids, e.post(f.applyPath(), v.Access, nil).expect(t, 201).str("id"))
	}
	r := e.post(f.appPath(ids[0])+"/decline", f.org.owner.Access, map[string]string{"reason": "because"}).expect(t, 400)
	if !strings.Contains(r.Raw, "reason") {
		t.Fatalf("bad reason: %s", r.Raw)
	}
	e.post(f.appPath(ids[0])+"/decline", f.org.owner.Access, map[string]string{"reason": "other"}).expect(t, 400)
	r = e.post(f.appPath(ids[0])+"/decline", f.org.owner.Access, map[string]string{"reason": "other", "note": "Mission complète côté bénévoles réguliers"}).expect(t, 200)
	mustJSONStatus(t, r, "declined")
	mine := e.get("/api/v1/me/applications/"+ids[0], vols[0].Access).expect(t, 200)
	if !strings.Contains(mine.Raw, "Mission complète") {
		t.Fatalf("decline note for the volunteer: %s", mine.Raw)
	}
	if k := e.notificationKinds(vols[0]); count(k, "application_declined") != 1 {
		t.Fatalf("volunteer notifications: %v", k)
	}

	// Bulk: two places for two pending applications, the declined one and
	// a foreign id fail on their own.
	bulk := e.post("/api/v1/organizations/"+f.org.id+"/applications/bulk-accept", f.org.owner.Access,
		map[string]any{"ids": []string{ids[1], ids[2], ids[0], "0123456789abcdef01234567"}}).expect(t, 200)
	items := bulk.items(t)
	if items[0]["ok"] != true || items[1]["ok"] != true || items[2]["ok"] != false || items[3]["ok"] != false {
		t.Fatalf("bulk accept: %s", bulk.Raw)
	}
	if sh := e.shift(f); sh.Taken != 2 || e.heldPlaces(f) != 2 {
		t.Fatalf("taken %d after bulk", sh.Taken)
	}
	e.post("/api/v1/organizations/"+f.org.id+"/applications/bulk-decline", f.org.owner.Access,
		map[string]any{"ids": []string{}, "reason": "shift_full"}).expect(t, 400)
	bulk = e.post("/api/v1/organizations/"+f.org.id+"/applications/bulk-decline", f.org.owner.Access,
		map[string]any{"ids": []string{ids[1]}, "reason": "shift_full"}).expect(t, 200)
	if bulk.items(t)[0]["ok"] != false {
		t.Fatalf("declining an accepted application: %s", bulk.Raw)
	}
}

func TestApplicationRefusals(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 3, nil)
	vol := e.signup(models.RoleVolunteer)

	// Not published: a draft is invisible, a closed mission names its state.
	draft := e.draftMission(f.org, "Brouillon de mission")
	draftShift := e.get("/api/v1/organizations/"+f.org.id+"/missions/"+draft, f.org.owner.Access).Body["shifts"].([]any)[0].(map[string]any)["id"].(string)
	e.post("/api/v1/missions/"+draft+"/shifts/"+draftShift+"/applications", vol.Access, nil).expect(t, 404)
	e.post("/api/v1/missions/"+f.missionID+"/shifts/"+draftShift+"/applications", vol.Access, nil).expect(t, 404)
	e.post("/api/v1/missions/nope/shifts/"+f.shiftID+"/applications", vol.Access, nil).expect(t, 404)

	// Age: unknown birth date on an 18+ mission, then known but too young.
	adult := e.publishedShift(5, 3, func(b map[string]any) { b["category"] = "childcare" })
	r := e.post(adult.applyPath(), vol.Access, nil).expect(t, 422)
	if r.Body["code"] != "birth_date_required" {
		t.Fatalf("unknown age: %s", r.Raw)
	}
	birth := e.clock.Now().AddDate(-17, 0, 0).Format("2006-01-02")
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: vol.Access, body: map[string]any{"birth_date": birth}}).expect(t, 200)
	if r := e.post(adult.applyPath(), vol.Access, nil).expect(t, 422); r.Body["code"] != "too_young" {
		t.Fatalf("too young: %s", r.Raw)
	}
	// 17 is enough for a 16+ mission.
	e.post(f.applyPath(), vol.Access, nil).expect(t, 201)

	// Overlap with an accepted shift (auto-accept takes it at once).
	overlapping := e.publishedShift(5, 3, autoAccept)
	other := e.signup(models.RoleVolunteer)
	mustJSONStatus(t, e.post(overlapping.applyPath(), other.Access, nil).expect(t, 201), "accepted")
	if r := e.post(f.applyPath(), other.Access, nil).expect(t, 409); r.Body["code"] != "overlap" {
		t.Fatalf("overlap: %s", r.Raw)
	}

	// At most 10 applications awaiting an answer.
	busy := e.signup(models.RoleVolunteer)
	for i := range 10 {
		g := e.publishedShift(20+i, 2, nil)
		e.post(g.applyPath(), busy.Access, nil).expect(t, 201)
	}
	g := e.publishedShift(40, 2, nil)
	if r := e.post(g.applyPath(), busy.Access, nil).expect(t, 422); r.Body["code"] != "too_many" {
		t.Fatalf("too many: %s", r.Raw)
	}

	// Closed mission, then a started shift.
	e.post(g.missionPath()+"/close", g.org.owner.Access, nil).expect(t, 200)
	if r := e.post(g.applyPath(), vol.Access, nil).expect(t, 409); r.str("current_state") != "closed" {
		t.Fatalf("closed: %s", r.Raw)
	}
	late := e.signup(models.RoleVolunteer)
	e.advance(6*24*time.Hour, &late)
	if r := e.post(f.applyPath(), late.Access, nil).expect(t, 409); r.Body["code"] != "shift_started" {
		t.Fatalf("started: %s", r.Raw)
	}
}

func TestMissionCancellationCancelsApplications(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 1, autoAccept)
	first, second := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	mustJSONStatus(t, e.post(f.applyPath(), first.Access, nil).expect(t, 201), "accepted")
	w := e.post(f.applyPath(), second.Access, nil).expect(t, 201)
	if w.str("status") != "waitlisted" || w.num("waitlist_rank") != 1 {
		t.Fatalf("waitlisted: %s", w.Raw)
	}
	e.post(f.missionPath()+"/cancel", f.org.owner.Access, map[string]string{"reason": "Local indisponible"}).expect(t, 200)
	for _, v := range []user{first, second} {
		mine := e.get("/api/v1/me/applications", v.Access).expect(t, 200).items(t)
		if mine[0]["status"] != "cancelled" {
			t.Fatalf("after cancellation: %v", mine[0])
		}
		if k := e.notificationKinds(v); count(k, "mission_cancelled") != 1 {
			t.Fatalf("notifications: %v", k)
		}
	}
	if sh := e.shift(f); sh.Taken != 0 {
		t.Fatalf("taken %d after cancellation", sh.Taken)
	}
}
