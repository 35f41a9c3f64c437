package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// orgSignedIn signs the fixture's owner in through the login page.
func (e *env) orgSignedIn(f shiftFixture) *browser {
	e.t.Helper()
	b := e.browser()
	b.get("/login")
	b.post("/login", url.Values{"email": {f.org.owner.Email}, "password": {f.org.owner.Password}}).expect(e.t, http.StatusSeeOther)
	return b
}

// appID reads the application's id from the redirect after applying.
func appID(t *testing.T, p page) string {
	t.Helper()
	if !strings.HasPrefix(p.Location, "/me/applications/") {
		t.Fatalf("applied, sent to %q", p.Location)
	}
	return strings.Split(strings.TrimPrefix(p.Location, "/me/applications/"), "?")[0]
}

func TestApplyReviewAndFollowUpThroughPages(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 1, nil)
	v, _ := e.signedIn()
	missionPage := "/missions/" + f.missionID

	// Applying without choosing a shift names the field.
	v.post(missionPage+"/apply", url.Values{"message": {"Disponible"}}).expect(t, 400).contains(t, `<a href="#f-shift">`)
	applied := v.post(missionPage+"/apply", url.Values{"shift": {f.shiftID}, "message": {"J'ai <b>une</b> voiture."}}).expect(t, http.StatusSeeOther)
	id := appID(t, applied)
	mine := v.follow(applied).expect(t, 200)
	checkPageStructure(t, "my application", mine.Body)
	mine.contains(t, "Candidature envoyée", "en attente de réponse", "&lt;b&gt;une&lt;/b&gt;")
	again := v.post(missionPage+"/apply", url.Values{"shift": {f.shiftID}}).expect(t, 409)
	again.contains(t, "Vous avez déjà candidaté à ce créneau.", "Vous avez postulé à tous les créneaux à venir.")
	list := v.get("/me/applications").expect(t, 200)
	checkPageStructure(t, "my applications", list.Body)
	list.contains(t, "Distribution du samedi", "en attente de réponse")

	// A second volunteer, for the bulk action.
	w, _ := e.signedIn()
	other := appID(t, w.post(missionPage+"/apply", url.Values{"shift": {f.shiftID}}).expect(t, http.StatusSeeOther))

	// The organisation reviews: both ticked, one place: one accepted.
	org := e.orgSignedIn(f)
	review := "/organizations/" + f.org.id + "/missions/" + f.missionID + "/applications"
	listPage := org.get(review).expect(t, 200)
	checkPageStructure(t, "review", listPage.Body)
	listPage.contains(t, "2 candidature(s).", `name="ids" value="`+id+`"`, "Camille Martin")
	org.post(review+"/bulk", url.Values{"ids": {id, other}, "action": {"decline"}, "reason": {"other"}}).expect(t, 400).
		contains(t, `<a href="#f-note">`)
	done := org.post(review+"/bulk", url.Values{"ids": {id, other}, "action": {"accept"}}).expect(t, 200)
	done.contains(t, "1 candidature(s) traitée(s) sur 2.", "Fait : acceptée.", "Non fait : Plus aucune place")
	checkPageStructure(t, "review after bulk", done.Body)

	// The volunteer sees it accepted, writes, and gets an answer.
	accepted := v.get("/me/applications/"+id).expect(t, 200)
	accepted.contains(t, "acceptée", "calendar.ics")
	v.post("/me/applications/"+id+"/messages", url.Values{"body": {""}}).expect(t, 400).contains(t, `<a href="#f-body">`)
	v.post("/me/applications/"+id+"/messages", url.Values{"body": {"À samedi !"}}).expect(t, http.StatusSeeOther)
	one := org.get("/organizations/"+f.org.id+"/applications/"+id).expect(t, 200)
	checkPageStructure(t, "org application", one.Body)
	one.contains(t, "À samedi !", "mailto:")
	org.post("/organizations/"+f.org.id+"/applications/"+id+"/messages", url.Values{"body": {"Merci, à samedi."}}).expect(t, http.StatusSeeOther)
	v.get("/me/applications/"+id).expect(t, 200).contains(t, "Merci, à samedi.")
	ics := v.get("/me/applications/"+id+"/calendar.ics").expect(t, 200)
	if !strings.Contains(ics.Body, "BEGIN:VEVENT") {
		t.Errorf("ics %s", ics.Body)
	}

	// Attendance, once the shift started, from the list.
	org.post(review+"/"+id+"/attended", url.Values{}).expect(t, 409).contains(t, "pas encore commencé")
	e.advance(4 * 24 * time.Hour)
	org.get(review).expect(t, 200).contains(t, "Présent·e")
	org.follow(org.post(review+"/"+id+"/attended", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "Présence notée.")

	// The volunteer's hours and attestation (the session refreshes itself).
	v.get("/me/calendar").expect(t, 200).contains(t, "3 heure(s) confirmées")
	v.get("/me/attestation").expect(t, 200).contains(t, "Banque alimentaire", "<td>3</td>")
}

func TestWithdrawAndCalendarPages(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, autoAccept)
	v, _ := e.signedIn()
	id := appID(t, v.post("/missions/"+f.missionID+"/apply", url.Values{"shift": {f.shiftID}}).expect(t, http.StatusSeeOther))
	v.get("/me/applications/"+id+"?notice=applied_accepted").expect(t, 200).contains(t, "vous êtes inscrit·e")

	cal := v.get("/me/calendar").expect(t, 200)
	checkPageStructure(t, "calendar", cal.Body)
	cal.contains(t, "Distribution du samedi", "Créer mon lien")
	made := v.post("/me/calendar", url.Values{}).expect(t, 201)
	made.contains(t, "/api/v1/calendar/", "Remplacer mon lien")
	v.follow(v.post("/me/calendar/revoke", url.Values{}).expect(t, http.StatusSeeOther)).expect(t, 200).contains(t, "Créer mon lien")
	att := v.get("/me/attestation").expect(t, 200)
	checkPageStructure(t, "attestation", att.Body)
	att.contains(t, "Attestation de bénévolat", "Camille Martin")

	withdrawn := v.post("/me/applications/"+id+"/withdraw", url.Values{"reason": {"Empêchement"}}).expect(t, http.StatusSeeOther)
	v.follow(withdrawn).expect(t, 200).contains(t, "Votre candidature est retirée.", "retirée")
	if e.shift(f).Taken != 0 {
		t.Error("the place was not given back")
	}
	v.post("/me/applications/"+id+"/withdraw", url.Values{}).expect(t, 409)

	// Someone else's application is not found.
	w, _ := e.signedIn()
	w.get("/me/applications/"+id).expect(t, 404)
}

func TestBulkWithoutSelectionNamesTheList(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, nil)
	v, _ := e.signedIn()
	v.post("/missions/"+f.missionID+"/apply", url.Values{"shift": {f.shiftID}}).expect(t, http.StatusSeeOther)
	org := e.orgSignedIn(f)
	review := "/organizations/" + f.org.id + "/missions/" + f.missionID + "/applications"
	org.get(review).expect(t, 200)
	refused := org.post(review+"/bulk", url.Values{"action": {"accept"}}).expect(t, 400)
	refused.contains(t, `<a href="#f-ids">Cochez au moins une candidature.</a>`, `id="f-ids"`, `id="f-ids-error"`)
	checkPageStructure(t, "review refused", refused.Body)
}
