package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

var anyTime = map[string][]string{"mon": {"morning", "afternoon", "evening"}, "tue": {"morning", "afternoon", "evening"},
	"wed": {"morning", "afternoon", "evening"}, "thu": {"morning", "afternoon", "evening"}, "fri": {"morning", "afternoon", "evening"}}

// TestWatchVolunteerReadsOnlyAssignedPeople proves that a volunteer reads
// and calls only the people assigned to them now: another volunteer's
// person, an unassigned person, and their own person after being handed
// back are all 404s, through the API.
func TestWatchVolunteerReadsOnlyAssignedPeople(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime}, volunteerProfile{[]string{"fr"}, anyTime})
	alice, bob := f.volunteers[0], f.volunteers[1]
	p1 := e.addPerson(f, person("Josette", "04 91 11 22 33", []string{"français"}, nil))
	p2 := e.addPerson(f, person("Marcel", "04 91 44 55 66", []string{"fr"}, nil))
	p3 := e.addPerson(f, person("Odette", "04 91 77 88 99", []string{"fr"}, nil))
	e.assign(f, p1, alice.ID)
	e.assign(f, p2, bob.ID)

	list := e.get("/api/v1/me/watch", alice.Access).expect(t, 200)
	if list.Raw == "" || !strings.Contains(list.Raw, "Josette") || strings.Contains(list.Raw, "Marcel") || strings.Contains(list.Raw, "Odette") {
		t.Fatalf("alice's list: %s", list.Raw)
	}
	e.get("/api/v1/me/watch/people/"+p1, alice.Access).expect(t, 200)
	for _, id := range []string{p2, p3} {
		e.get("/api/v1/me/watch/people/"+id, alice.Access).expect(t, 404)
		e.post("/api/v1/me/watch/people/"+id+"/calls", alice.Access, map[string]string{"outcome": "reached"}).expect(t, 404)
	}
	// The coordinators' routes are closed to volunteers: not members of
	// the organisation, its data does not exist for them.
	e.get(f.base()+"/people/"+p1, alice.Access).expect(t, 404)
	e.get(f.base()+"/board", alice.Access).expect(t, 404)

	// Handed back: gone at once.
	e.assign(f, p1, "")
	e.get("/api/v1/me/watch/people/"+p1, alice.Access).expect(t, 404)
	if list := e.get("/api/v1/me/watch", alice.Access).expect(t, 200); strings.Contains(list.Raw, "Josette") {
		t.Fatalf("handed back person still listed: %s", list.Raw)
	}
	// Reassigned to bob, who leaves: back on the board, unassigned.
	e.assign(f, p1, bob.ID)
	e.post("/api/v1/me/watch/programmes/"+f.programme+"/leave", bob.Access, nil).expect(t, 204)
	e.get("/api/v1/me/watch/people/"+p1, bob.Access).expect(t, 404)
	if vols := e.get(f.base(), f.coordinator()).expect(t, 200).Body["volunteers"].([]any); len(vols) != 1 {
		t.Fatalf("%d volunteers after bob left, want 1", len(vols))
	}
	board := e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	if n := len(board.Body["unassigned"].([]any)); n != 3 {
		t.Fatalf("%d unassigned after bob left, want 3: %s", n, board.Raw)
	}
	// Another organisation's member sees nothing of it.
	other := e.newOrg("Autre association")
	e.get(f.base(), other.owner.Access).expect(t, 404)
	e.get("/api/v1/organizations/"+other.id+"/watch/programmes/"+f.programme, other.owner.Access).expect(t, 404)
}

// TestWatchPeopleNeedConsent refuses a person without a consent and
// reports every bad line of an import, adding nobody.
func TestWatchPeopleNeedConsent(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup()
	body := person("Josette", "04 91 11 22 33", []string{"fr"}, nil)
	delete(body, "consent_by")
	delete(body, "consent_at")
	delete(body, "consent_how")
	r := e.post(f.base()+"/people", f.coordinator(), body).expect(t, 400)
	if !strings.Contains(r.Raw, "consent") {
		t.Fatalf("refusal does not name the consent: %s", r.Raw)
	}
	bad := csvOf("Josette,04 91 11 22 33,arabe,lundi matin,person,2026-01-02,phone",
		"Marcel,04 91 44 55 66,klingon,,person,2026-01-02,phone",
		"Odette,04 91 77 88 99,fr,,,,")
	r = e.do(req{method: "POST", path: f.base() + "/people/import", token: f.coordinator(), body: bad,
		header: map[string]string{"Content-Type": "text/csv"}}).expect(t, 400)
	if !strings.Contains(r.Raw, "line 3") || !strings.Contains(r.Raw, "line 4") || strings.Contains(r.Raw, "line 2") {
		t.Fatalf("import errors: %s", r.Raw)
	}
	if n := e.get(f.base(), f.coordinator()).expect(t, 200).num("people"); n != 0 {
		t.Fatalf("%v people after a refused import", n)
	}
}

// TestWatchCallsConcernsAndBoard logs calls, raises a level-2 concern that
// notifies the coordinator, handles and closes it, and reads the board's
// overdue and unanswered lists.
func TestWatchCallsConcernsAndBoard(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr", "ar"}, anyTime})
	vol := f.volunteers[0]
	imp := csvOf("Fatima,06 11 22 33 44,arabe;français,lundi matin;mardi après-midi,person,2026-01-02,phone",
		"Marcel,06 55 66 77 88,French,mon-morning,relative,2026-01-03,paper")
	r := e.do(req{method: "POST", path: f.base() + "/people/import", token: f.coordinator(), body: imp,
		header: map[string]string{"Content-Type": "text/csv"}}).expect(t, 201)
	items := r.Body["items"].([]any)
	fatima, marcel := items[0].(map[string]any)["id"].(string), items[1].(map[string]any)["id"].(string)

	pairs := e.get(f.base()+"/pairing", f.coordinator()).expect(t, 200)
	if n := len(pairs.Body["items"].([]any)); n != 2 {
		t.Fatalf("%d pairs proposed, want 2: %s", n, pairs.Raw)
	}
	e.post(f.base()+"/pairing", f.coordinator(), map[string]any{"pairs": []map[string]string{
		{"person_id": fatima, "volunteer_id": vol.ID}, {"person_id": marcel, "volunteer_id": vol.ID},
	}}).expect(t, 200)

	call := e.post("/api/v1/me/watch/people/"+fatima+"/calls", vol.Access, map[string]string{
		"outcome": "reached", "concern": "health", "note": "Se plaint de vertiges depuis lundi",
	}).expect(t, 201)
	concernID := call.str("concern_id")
	if concernID == "" {
		t.Fatalf("no concern: %s", call.Raw)
	}
	if kinds := e.notificationKinds(f.shift.org.owner); count(kinds, string(models.EventWatchConcern)) != 1 {
		t.Fatalf("coordinator notifications: %v", kinds)
	}
	for range 3 {
		e.post("/api/v1/me/watch/people/"+marcel+"/calls", vol.Access, map[string]string{"outcome": "no_answer"}).expect(t, 201)
	}
	// A concern needs the person reached; an emergency answers the numbers.
	e.post("/api/v1/me/watch/people/"+marcel+"/calls", vol.Access, map[string]string{"outcome": "no_answer", "concern": "listen"}).expect(t, 400)
	em := e.post("/api/v1/me/watch/people/"+fatima+"/calls", vol.Access, map[string]string{"outcome": "reached", "concern": "emergency"}).expect(t, 201)
	if !strings.Contains(em.Raw, `"15"`) || !strings.Contains(em.Raw, `"112"`) || !strings.Contains(em.Raw, `"114"`) {
		t.Fatalf("emergency numbers missing: %s", em.Raw)
	}

	board := e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	if strings.Contains(board.Raw, "06 11") || strings.Contains(board.Raw, "vertiges") {
		t.Fatalf("the board carries a phone or a note: %s", board.Raw)
	}
	if n := len(board.Body["no_answer"].([]any)); n != 1 {
		t.Fatalf("%d people unanswered three times, want 1", n)
	}
	if n := len(board.Body["open_concerns"].([]any)); n != 2 {
		t.Fatalf("%d open concerns, want 2", n)
	}
	if first := board.Body["open_concerns"].([]any)[0].(map[string]any); first["level"] != "emergency" {
		t.Fatalf("the emergency is not first: %v", first)
	}
	e.post(f.base()+"/concerns/"+concernID+"/handle", f.coordinator(), nil).expect(t, 200)
	closed := e.post(f.base()+"/concerns/"+concernID+"/close", f.coordinator(), nil).expect(t, 200)
	if closed.Body["closed_at"] == nil || closed.str("handler_name") == "" {
		t.Fatalf("closed concern: %s", closed.Raw)
	}
	e.post(f.base()+"/concerns/"+concernID+"/close", f.coordinator(), nil).expect(t, 409)

	// A week and a day later, Marcel (never reached) and Fatima are overdue.
	e.advance(8*24*time.Hour, &f.shift.org.owner)
	board = e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	if n := len(board.Body["overdue"].([]any)); n != 2 {
		t.Fatalf("%d overdue, want 2: %s", n, board.Raw)
	}
	// The coordinator reads the notes; the volunteer does not.
	calls := e.get(f.base()+"/people/"+fatima+"/calls", f.coordinator()).expect(t, 200)
	if !strings.Contains(calls.Raw, "vertiges") {
		t.Fatalf("coordinator's call log lacks the note: %s", calls.Raw)
	}
	e.login(&vol)
	mine := e.get("/api/v1/me/watch/people/"+fatima, vol.Access).expect(t, 200)
	if strings.Contains(mine.Raw, "vertiges") {
		t.Fatalf("the volunteer reads the coordinators' note: %s", mine.Raw)
	}
}

// TestWatchRemovalAndAudit removes a person at their request: the record
// and the calls go at once; every view and change is audited without the
// phone or the note.
func TestWatchRemovalAndAudit(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime})
	vol := f.volunteers[0]
	id := e.addPerson(f, person("Josette", "04 91 11 22 33", []string{"fr"}, nil))
	e.assign(f, id, vol.ID)
	e.get("/api/v1/me/watch/people/"+id, vol.Access).expect(t, 200)
	e.post("/api/v1/me/watch/people/"+id+"/calls", vol.Access, map[string]string{"outcome": "reached", "note": "Note très personnelle"}).expect(t, 201)
	e.get(f.base()+"/people/"+id, f.coordinator()).expect(t, 200)

	e.do(req{method: "DELETE", path: f.base() + "/people/" + id, token: f.coordinator()}).expect(t, 204)
	e.get(f.base()+"/people/"+id, f.coordinator()).expect(t, 404)
	e.get("/api/v1/me/watch/people/"+id, vol.Access).expect(t, 404)
	ctx := context.Background()
	if calls, err := e.store.WatchCalls(ctx, id); err != nil || len(calls) != 0 {
		t.Fatalf("calls after removal: %v %v", calls, err)
	}
	entries, _, err := e.store.Audit(ctx, models.AuditFilter{TargetID: id}, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	actions := map[string]int{}
	for _, a := range entries {
		actions[a.Action]++
		for _, m := range []map[string]any{a.Before, a.After} {
			for _, v := range m {
				if s, _ := v.(string); strings.Contains(s, "04 91") || strings.Contains(s, "personnelle") || strings.Contains(s, "Josette") {
					t.Fatalf("audit entry %s holds personal data: %v", a.Action, m)
				}
			}
		}
	}
	for _, want := range []string{"watch.person.add", "watch.person.assign", "watch.person.view", "watch.call.log", "watch.person.delete"} {
		if actions[want] == 0 {
			t.Errorf("no %s audit entry (have %v)", want, actions)
		}
	}
	if actions["watch.person.view"] != 2 {
		t.Errorf("%d views audited, want 2", actions["watch.person.view"])
	}
}

// TestWatchVolunteerMustServeTheOrganisation refuses a volunteer the
// organisation never accepted.
func TestWatchVolunteerMustServeTheOrganisation(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup()
	stranger := e.signup(models.RoleVolunteer)
	e.post(f.base()+"/volunteers", f.coordinator(), map[string]string{"email": stranger.Email}).expect(t, 400)
	e.post(f.base()+"/volunteers", f.coordinator(), map[string]string{"user_id": stranger.ID}).expect(t, 400)
	// An accepted volunteer not in the programme yet is a candidate; the
	// stranger and those already in are not.
	accepted := e.signup(models.RoleVolunteer)
	e.post(f.shift.applyPath(), accepted.Access, nil).expect(t, 201)
	list := e.get(f.base()+"/volunteers/candidates", f.coordinator()).expect(t, 200)
	if items := list.Body["items"].([]any); len(items) != 1 || items[0].(map[string]any)["user_id"] != accepted.ID {
		t.Fatalf("candidates: %s", list.Raw)
	}
	e.post(f.base()+"/volunteers", f.coordinator(), map[string]string{"user_id": accepted.ID}).expect(t, 201)
	if list := e.get(f.base()+"/volunteers/candidates", f.coordinator()).expect(t, 200); len(list.Body["items"].([]any)) != 0 {
		t.Fatalf("candidates after adding: %s", list.Raw)
	}
}

// TestWatchDeletedVolunteerLeaves deletes a volunteer's account: their
// people are handed back and their name leaves every programme.
func TestWatchDeletedVolunteerLeaves(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime}, volunteerProfile{[]string{"fr"}, anyTime})
	gone := f.volunteers[0]
	id := e.addPerson(f, person("Josette", "04 91 11 22 33", []string{"fr"}, nil))
	e.assign(f, id, gone.ID)
	e.do(req{method: "DELETE", path: "/api/v1/me", token: gone.Access}).expect(t, 204)
	p := e.get(f.base(), f.coordinator()).expect(t, 200)
	if vols := p.Body["volunteers"].([]any); len(vols) != 1 || vols[0].(map[string]any)["user_id"] == gone.ID {
		t.Fatalf("volunteers after the account's deletion: %s", p.Raw)
	}
	board := e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	if n := len(board.Body["unassigned"].([]any)); n != 1 {
		t.Fatalf("%d unassigned, want 1: %s", n, board.Raw)
	}
}

// TestWatchPeopleListPages pages the list by first name.
func TestWatchPeopleListPages(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup()
	var lines []string
	for _, name := range []string{"Zoé", "Alice", "Marc", "Bruno", "Yves"} {
		lines = append(lines, name+",04 91 11 22 33,fr,,person,2026-01-02,phone")
	}
	e.do(req{method: "POST", path: f.base() + "/people/import", token: f.coordinator(), body: csvOf(lines...),
		header: map[string]string{"Content-Type": "text/csv"}}).expect(t, 201)
	page := e.get(f.base()+"/people?per_page=2&page=2", f.coordinator()).expect(t, 200)
	items := page.Body["items"].([]any)
	if page.num("total") != 5 || len(items) != 2 || items[0].(map[string]any)["first_name"] != "Marc" || items[1].(map[string]any)["first_name"] != "Yves" {
		t.Fatalf("page 2 of 2: %s", page.Raw)
	}
	e.get(f.base()+"/people?per_page=501", f.coordinator()).expect(t, 400)
}
