package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// notified returns the kinds and texts of a user's notifications.
func (e *env) notified(u user) (kinds []string, texts string) {
	e.t.Helper()
	for _, n := range e.get("/api/v1/me/notifications?per_page=100", u.Access).expect(e.t, 200).items(e.t) {
		kinds = append(kinds, n["kind"].(string))
		texts += n["text"].(string) + "\n"
	}
	return kinds, texts
}

func has(kinds []string, kind string) bool {
	for _, k := range kinds {
		if k == kind {
			return true
		}
	}
	return false
}

// TestMessagesReachTheOtherSide: a message from the organisation reaches
// the volunteer (in the app and by e-mail) and the answer reaches the
// organisation's members.
func TestMessagesReachTheOtherSide(t *testing.T) {
	e, srv := mailEnv(t)
	f := e.publishedShift(3, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	app := e.post(f.applyPath(), vol.Access, nil).expect(t, 201).str("id")

	e.post(f.appPath(app)+"/messages", f.org.owner.Access, map[string]string{"body": "Pouvez-vous venir à 9 h ?"}).expect(t, 201)
	kinds, texts := e.notified(vol)
	if !has(kinds, "new_message") || !strings.Contains(texts, "Nouveau message de Banque alimentaire") {
		t.Fatalf("the volunteer was not told: %v %s", kinds, texts)
	}
	e.post("/api/v1/me/applications/"+app+"/messages", vol.Access, map[string]string{"body": "Oui, avec plaisir."}).expect(t, 201)
	kinds, texts = e.notified(f.org.owner)
	if !has(kinds, "new_message") || !strings.Contains(texts, "Test volunteer") {
		t.Fatalf("the organisation was not told: %v %s", kinds, texts)
	}
	e.sendMail()
	mail := mailWith(t, srv, vol.Email, "Nouveau message")
	if !strings.Contains(mail.Text, "/me/applications/"+app) {
		t.Fatalf("mail: %s", mail.Text)
	}
}

// TestAFullShiftWaitlistsThePendingApplications: when the last place is
// given, the applications still pending join the waiting list, and the
// volunteers are told; an application to a full shift is waitlisted at once
// and told too.
func TestAFullShiftWaitlistsThePendingApplications(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 1, nil)
	first, second, late := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	a1 := e.post(f.applyPath(), first.Access, nil).expect(t, 201).str("id")
	a2 := e.post(f.applyPath(), second.Access, nil).expect(t, 201).str("id")
	e.post(f.appPath(a1)+"/accept", f.org.owner.Access, nil).expect(t, 200)

	got := e.get("/api/v1/me/applications/"+a2, second.Access).expect(t, 200)
	if got.str("status") != "waitlisted" {
		t.Fatalf("pending application of a full shift: %s", got.Raw)
	}
	if kinds, _ := e.notified(second); !has(kinds, "waitlisted") {
		t.Fatalf("not told: %v", kinds)
	}
	if r := e.post(f.applyPath(), late.Access, nil).expect(t, 201); r.str("status") != "waitlisted" {
		t.Fatalf("late application: %s", r.Raw)
	}
	if kinds, _ := e.notified(late); !has(kinds, "waitlisted") {
		t.Fatalf("not told: %v", kinds)
	}
	// The owner's own mission: members run it, they do not apply.
	e.post(f.applyPath(), f.org.owner.Access, nil).expect(t, 403)
}

// TestSuspensionReachesTheVolunteers: admins find the organisation in
// their list, suspend it; volunteers with places to come are told and
// their places cancelled with the reason; the missions leave the
// moderation queue; the public link says the mission is gone.
func TestSuspensionReachesTheVolunteers(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, autoAccept)
	vol := e.signup(models.RoleVolunteer)
	app := e.post(f.applyPath(), vol.Access, nil).expect(t, 201)
	if app.str("status") != "accepted" {
		t.Fatalf("apply: %s", app.Raw)
	}
	if kinds, _ := e.notified(f.org.owner); !has(kinds, "org_verified") || !has(kinds, "mission_published") {
		t.Fatalf("the organisation was not told of the decisions: %v", kinds)
	}

	list := e.get("/api/v1/admin/organizations?q=BANQUE&status=verified", f.admin.Access).expect(t, 200)
	if items := list.items(t); len(items) != 1 || items[0]["id"] != f.org.id {
		t.Fatalf("admin list: %s", list.Raw)
	}
	e.get("/api/v1/admin/organizations?status=sleeping", f.admin.Access).expect(t, 400)
	e.get("/api/v1/admin/organizations", vol.Access).expect(t, 403)
	if items := e.get("/api/v1/admin/organizations?q=nothing-like-it", f.admin.Access).expect(t, 200).items(t); len(items) != 0 {
		t.Fatalf("unexpected match: %v", items)
	}

	// A submitted mission of the same organisation, waiting for review.
	waiting := e.draftMission(f.org, "Collecte de printemps")
	e.post("/api/v1/organizations/"+f.org.id+"/missions/"+waiting+"/submit", f.org.owner.Access, nil).expect(t, 200)

	e.post("/api/v1/admin/organizations/"+f.org.id+"/suspend", f.admin.Access, map[string]string{"reason": "Signalements répétés"}).expect(t, 200)

	mine := e.get("/api/v1/me/applications/"+app.str("id"), vol.Access).expect(t, 200)
	if mine.str("status") != "cancelled" || !strings.Contains(mine.Raw, "Signalements répétés") {
		t.Fatalf("the place was not cancelled with the reason: %s", mine.Raw)
	}
	kinds, texts := e.notified(vol)
	if !has(kinds, "place_cancelled_suspension") || !strings.Contains(texts, "Banque alimentaire est suspendue") {
		t.Fatalf("the volunteer was not told: %v %s", kinds, texts)
	}
	if kinds, _ := e.notified(f.org.owner); !has(kinds, "org_suspended") {
		t.Fatalf("the members were not told: %v", kinds)
	}
	queue := e.get("/api/v1/admin/queue/missions", f.admin.Access).expect(t, 200)
	if strings.Contains(queue.Raw, f.missionID) || strings.Contains(queue.Raw, waiting) {
		t.Fatalf("a suspended organisation's missions are in the queue: %s", queue.Raw)
	}
	gone := e.get("/api/v1/missions/"+f.missionID, "").expect(t, 410)
	if gone.str("type") != "/problems/mission-gone" || !strings.Contains(gone.str("detail"), "suspendue") {
		t.Fatalf("gone: %s", gone.Raw)
	}
	page := e.browser().get("/missions/"+f.missionID).expect(t, 410)
	page.contains(t, "Mission plus disponible", "son organisation est suspendue")

	// Restored: the missions come back, to the queue as well.
	e.post("/api/v1/admin/organizations/"+f.org.id+"/restore", f.admin.Access, map[string]string{}).expect(t, 200)
	e.get("/api/v1/missions/"+f.missionID, "").expect(t, 200)
	if queue := e.get("/api/v1/admin/queue/missions", f.admin.Access).expect(t, 200); !strings.Contains(queue.Raw, waiting) {
		t.Fatalf("the submitted mission did not come back to the queue: %s", queue.Raw)
	}
}

// TestTheOrganisationDecidesWithWhatItNeeds: one application shows the
// volunteer's skills, languages, availability at the shift and past
// attendance, whether the address is confirmed, and no contact before
// acceptance; candidates' reasons are written for the organisation.
func TestTheOrganisationDecidesWithWhatItNeeds(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	day, slot := journeysShiftSlot(f.start)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: vol.Access, body: map[string]any{
		"skills": []string{"handling"}, "languages": []string{"fr", "ar"}, "postcode": "13001", "radius_km": 20,
		"availability": map[string][]string{day: {slot}}, "visible_to_organizations": true,
	}}).expect(t, 200)
	app := e.post(f.applyPath(), vol.Access, nil).expect(t, 201).str("id")

	got := e.get(f.appPath(app), f.org.owner.Access).expect(t, 200)
	applicant, _ := got.Body["applicant"].(map[string]any)
	volunteer, _ := got.Body["volunteer"].(map[string]any)
	if applicant == nil || applicant["available_for_shift"] != true || applicant["attended"] != float64(0) ||
		!strings.Contains(got.Raw, `"ar"`) || !strings.Contains(got.Raw, "handling") {
		t.Fatalf("applicant: %s", got.Raw)
	}
	if volunteer["email_confirmed"] != false || strings.Contains(got.Raw, vol.Email) {
		t.Fatalf("contact before acceptance, or confirmation missing: %s", got.Raw)
	}
	page := e.orgBrowserFor(f.org).get("/organizations/"+f.org.id+"/applications/"+app).expect(t, 200)
	page.contains(t, "Langues parlées", "arabe", "Pas encore confirmée", "0 présence(s), 0 absence(s)")

	// Another volunteer, who has not applied, is a candidate.
	other := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: other.Access, body: map[string]any{
		"skills": []string{"handling"}, "languages": []string{"ar"}, "postcode": "13001", "radius_km": 20,
		"availability": map[string][]string{day: {slot}}, "visible_to_organizations": true,
	}}).expect(t, 200)
	cands := e.get(f.missionPath()+"/candidates", f.org.owner.Access).expect(t, 200)
	if !strings.Contains(cands.Raw, "Parle arabe") || strings.Contains(cands.Raw, "Vous parlez") || strings.Contains(cands.Raw, "de chez vous") {
		t.Fatalf("candidate reasons are not written for the organisation: %s", cands.Raw)
	}
}

// orgBrowserFor is a browser signed in as the organisation's owner.
func (e *env) orgBrowserFor(o orgFixture) *browser {
	e.t.Helper()
	b := e.browser()
	b.get("/login")
	b.post("/login", url.Values{"email": {o.owner.Email}, "password": {o.owner.Password}}).expect(e.t, http.StatusSeeOther)
	return b
}

// journeysShiftSlot is the profile's day and part of the day of a shift
// start, in Paris.
func journeysShiftSlot(start time.Time) (string, string) {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	local := start.In(loc)
	day := [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}[local.Weekday()]
	switch h := local.Hour(); {
	case h < 12:
		return day, "morning"
	case h < 18:
		return day, "afternoon"
	}
	return day, "evening"
}

// TestAfterSignUp: until the address is confirmed every page (the one
// after applying too) says so with a button to send the link again; the
// attestation gives hours and minutes by mission, with a public link that
// shows it is genuine.
func TestAfterSignUp(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, autoAccept)
	v, email := e.signedIn()
	v.get("/me").expect(t, 200).contains(t, "Confirmez votre adresse e-mail", email, "Renvoyer le lien de confirmation")
	applied := v.post("/missions/"+f.missionID+"/apply", url.Values{"shift": {f.shiftID}}).expect(t, http.StatusSeeOther)
	id := appID(t, applied)
	v.follow(applied).expect(t, 200).contains(t, "Confirmez votre adresse e-mail")
	resent := v.post("/account/confirm-email", url.Values{"next": {"/me/applications/" + id}}).expect(t, http.StatusSeeOther)
	if !strings.HasPrefix(resent.Location, "/me/applications/"+id) {
		t.Fatalf("resend sent to %q", resent.Location)
	}

	e.advance(4 * 24 * time.Hour)
	e.login(&f.org.owner) // the access token expired meanwhile
	e.post(f.appPath(id)+"/attended", f.org.owner.Access, nil).expect(t, 200)
	att := v.get("/me/attestation").expect(t, 200)
	att.contains(t, "Distribution du samedi", "Banque alimentaire", "3 h", "/attestations/")
	link := att.Body[strings.Index(att.Body, "/attestations/"):]
	code := strings.TrimPrefix(link[:strings.IndexAny(link, "<\"")], "/attestations/")
	if len(code) != 26 {
		t.Fatalf("code %q", code)
	}
	// The same attestation printed again has the same code.
	if again := v.get("/me/attestation").expect(t, 200); !strings.Contains(again.Body, code) {
		t.Fatal("a second view made another code")
	}
	public := e.browser().get("/attestations/"+code).expect(t, 200)
	public.contains(t, "Attestation authentique", "Distribution du samedi", "3 h")
	e.browser().get("/attestations/"+strings.Repeat("a", 26)).expect(t, 404)
}
