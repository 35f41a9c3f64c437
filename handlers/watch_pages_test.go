package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// browserAs signs an existing account in through the login page.
func (e *env) browserAs(u user) *browser {
	e.t.Helper()
	b := e.browser()
	b.get("/login").expect(e.t, 200)
	b.post("/login", url.Values{"email": {u.Email}, "password": {u.Password}}).expect(e.t, http.StatusSeeOther)
	return b
}

// TestWatchPagesCoordinator walks the coordinator's pages without
// JavaScript: a programme, a person by the form, an import, the pairing,
// and a concern handled and closed.
func TestWatchPagesCoordinator(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr", "ar"}, anyTime})
	coord := e.browserAs(f.shift.org.owner)
	orgPath := "/organizations/" + f.shift.org.id + "/watch"
	list := coord.get(orgPath).expect(t, 200).contains(t, "Veille canicule")
	checkPageStructure(t, "watch programmes", list.Body)
	refused := coord.post(orgPath, url.Values{"name": {"X"}, "rhythm_days": {"0"}, "ends_on": {"hier"}}).expect(t, 400)
	checkPageStructure(t, "watch programmes refused", refused.Body)
	created := coord.post(orgPath, url.Values{"name": {"Veille grand froid"}, "rhythm_days": {"3"}, "ends_on": {"2099-01-01"}})
	if created.Status != http.StatusBadRequest { // more than two years ahead
		t.Fatalf("a far end date was accepted: %d", created.Status)
	}
	base := orgPath + "/" + f.programme
	vols := coord.get(base+"/volunteers").expect(t, 200).contains(t, "Dans le programme")
	checkPageStructure(t, "watch volunteers", vols.Body)
	badEmail := coord.post(base+"/volunteers", url.Values{"email": {"personne@example.org"}}).expect(t, 400)
	checkPageStructure(t, "watch volunteers refused", badEmail.Body)
	people := coord.get(base+"/people").expect(t, 200)
	checkPageStructure(t, "watch people", people.Body)
	noConsent := coord.post(base+"/people", url.Values{"first_name": {"Josette"}, "phone": {"04 91 11 22 33"}, "languages": {"fr"}}).expect(t, 400)
	noConsent.contains(t, "consentement")
	checkPageStructure(t, "watch people refused", noConsent.Body)
	added := coord.post(base+"/people", url.Values{"first_name": {"Josette"}, "phone": {"04 91 11 22 33"}, "languages": {"fr"},
		"best_times": {"mon-morning", "tue-evening"}, "consent_by": {"person"}, "consent_at": {"2026-01-05"}, "consent_how": {"phone"}})
	coord.follow(added.expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "Josette", "04 91 11 22 33")
	imported := coord.post(base+"/people/import", url.Values{"csv": {csvOf("Fatima,06 11 22 33 44,arabe,,person,2026-01-02,phone")}})
	coord.follow(imported.expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "Fatima")

	board := coord.get(base).expect(t, 200).contains(t, "Josette", "Fatima", "(proposé)")
	checkPageStructure(t, "watch board", board.Body)
	if strings.Contains(board.Body, "04 91 11 22 33") {
		t.Fatal("the board shows a phone number")
	}
	form := url.Values{}
	for _, id := range idsIn(board.Body, `name="p-`) {
		form.Set("p-"+id, f.volunteers[0].ID)
	}
	if len(form) != 2 {
		t.Fatalf("%d pairing selects, want 2", len(form))
	}
	coord.follow(coord.post(base+"/pairing", form).expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "Chaque personne a son bénévole")

	// The volunteer raises a level-2 concern; the coordinator handles and
	// closes it from the board.
	vol := e.browserAs(f.volunteers[0])
	calls := vol.get("/me/watch").expect(t, 200).contains(t, "Josette", "Fatima", "tel:")
	checkPageStructure(t, "watch calls", calls.Body)
	ids := idsIn(calls.Body, `href="/me/watch/`)
	if len(ids) != 2 {
		t.Fatalf("%d people on the call page, want 2", len(ids))
	}
	vol.follow(vol.post("/me/watch/"+ids[0]+"/calls", url.Values{"outcome": {"reached"}, "concern": {"health"}, "note": {"Fatigue"}}).
		expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "appel est enregistré")
	board = coord.get(base).expect(t, 200).contains(t, "2 — Inquiétude de santé")
	record := coord.get(base+"/people/"+ids[0]).expect(t, 200).contains(t, "Fatigue", "2 — Inquiétude de santé", "tel:")
	checkPageStructure(t, "watch person", record.Body)
	vol.get(base+"/people/"+ids[0]).expect(t, http.StatusNotFound) // not a member
	concern := idsIn(board.Body, `/concerns/`)
	if len(concern) == 0 {
		t.Fatal("no concern on the board")
	}
	coord.follow(coord.post(base+"/concerns/"+concern[0]+"/handle", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "prise en charge par")
	coord.follow(coord.post(base+"/concerns/"+concern[0]+"/close", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200).
		contains(t, "Aucune inquiétude en cours", "Inquiétudes closes")
}

// TestWatchPagesVolunteerSeesOnlyTheirPeople proves on the pages that a
// volunteer reaches only their own people, and that the call page is
// small and shows the emergency numbers at once.
func TestWatchPagesVolunteerSeesOnlyTheirPeople(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime}, volunteerProfile{[]string{"fr"}, anyTime})
	mine := e.addPerson(f, person("Josette", "04 91 11 22 33", []string{"fr"}, []string{"mon-morning"}))
	theirs := e.addPerson(f, person("Marcel", "04 91 44 55 66", []string{"fr"}, nil))
	nobodys := e.addPerson(f, person("Odette", "04 91 77 88 99", []string{"fr"}, nil))
	e.assign(f, mine, f.volunteers[0].ID)
	e.assign(f, theirs, f.volunteers[1].ID)
	vol := e.browserAs(f.volunteers[0])
	vol.get("/me/watch").expect(t, 200).contains(t, "Josette").lacks(t, "Marcel", "Odette", "04 91 44", "04 91 77")
	for _, id := range []string{theirs, nobodys} {
		vol.get("/me/watch/"+id).expect(t, 404).lacks(t, "Marcel", "Odette")
		vol.post("/me/watch/"+id+"/calls", url.Values{"outcome": {"reached"}}).expect(t, 404)
	}
	vol.get("/organizations/"+f.shift.org.id+"/watch/"+f.programme).expect(t, http.StatusNotFound) // not a member
	call := vol.get("/me/watch/"+mine).expect(t, 200).contains(t, "Josette", `href="tel:0491112233"`, `href="sms:114"`, "lundi matin")
	checkPageStructure(t, "watch call", call.Body)
	t.Logf("call page: %d bytes", len(call.Body))
	if n := len(call.Body); n > 20_000 {
		t.Errorf("the call page weighs %d bytes, want under 20 KB", n)
	}
	if strings.Contains(call.Body, "<script") && !strings.Contains(call.Body, `<script src=`) {
		t.Error("the call page carries an inline script")
	}
	em := vol.post("/me/watch/"+mine+"/calls", url.Values{"outcome": {"reached"}, "concern": {"emergency"}}).expect(t, http.StatusCreated)
	em.contains(t, "Urgence : appelez maintenant", `href="tel:15"`, `href="tel:112"`, `href="sms:114"`)
	checkPageStructure(t, "watch emergency", em.Body)
	refused := vol.post("/me/watch/"+mine+"/calls", url.Values{"outcome": {"no_answer"}, "concern": {"listen"}}).expect(t, 400)
	checkPageStructure(t, "watch call refused", refused.Body)

	// Handed back: the page is gone.
	e.assign(f, mine, "")
	vol.get("/me/watch/"+mine).expect(t, 404).lacks(t, "04 91 11 22 33")
}

// idsIn returns the 24-hex ids that follow each occurrence of prefix.
func idsIn(body, prefix string) []string {
	var out []string
	seen := map[string]bool{}
	for _, part := range strings.Split(body, prefix)[1:] {
		if len(part) >= 24 {
			id := part[:24]
			if !seen[id] && strings.Trim(id, "0123456789abcdef") == "" {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// TestWatchSuppliesDraftMission follows the board's "post a mission" link
// of a supplies concern to a prefilled editor without the person's
// details.
func TestWatchSuppliesDraftMission(t *testing.T) {
	e := newEnv(t)
	f := e.watchSetup(volunteerProfile{[]string{"fr"}, anyTime})
	id := e.addPerson(f, person(secretName, secretPhone, []string{"fr"}, nil))
	e.assign(f, id, f.volunteers[0].ID)
	e.post("/api/v1/me/watch/people/"+id+"/calls", f.volunteers[0].Access, map[string]string{"outcome": "reached", "concern": "supplies"}).expect(t, 201)
	board := e.get(f.base()+"/board", f.coordinator()).expect(t, 200)
	link, _ := board.Body["open_concerns"].([]any)[0].(map[string]any)["mission_draft"].(string)
	if !strings.HasPrefix(link, "/organizations/"+f.shift.org.id+"/missions/new?") {
		t.Fatalf("mission draft link %q", link)
	}
	assertNoSecrets(t, "the mission draft link", link)
	coord := e.browserAs(f.shift.org.owner)
	editor := coord.get(link).expect(t, 200).contains(t, "Courses et besoins du quotidien — Veille canicule")
	assertNoSecrets(t, "the prefilled editor", editor.Body)
}
