package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestProfilePageWithTheAvailabilityGrid(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	org := e.verifiedOrg("Banque alimentaire du Panier", admin)
	e.publishedMission(org, admin, "Distribution de colis")
	b, _ := e.signedIn()

	space := b.get("/me").expect(t, 200)
	checkPageStructure(t, "space without profile", space.Body)
	space.contains(t, "Compléter mon profil")

	page := b.get("/me/profile").expect(t, 200)
	checkPageStructure(t, "profile", page.Body)
	page.contains(t, `<th scope="col"><span class="day-long">Lundi</span><span class="day-short" aria-hidden="true">Lun</span></th>`, `<th scope="row">Matin</th>`, `id="f-availability"`,
		`<label class="visually-hidden" for="f-availability-sat-morning">Samedi, matin</label>`)

	refused := b.post("/me/profile", url.Values{"postcode": {"99999"}, "radius_km": {"many"}, "availability": {"sat.morning"}}).expect(t, 400)
	refused.contains(t, `<a href="#f-radius_km">`, `value="sat.morning" checked`)
	refused = b.post("/me/profile", url.Values{"postcode": {"123"}, "radius_km": {"10"}, "birth_date": {"2020-01-01"}}).expect(t, 400)
	refused.contains(t, `<a href="#f-postcode">`, `<a href="#f-birth_date">`)
	checkPageStructure(t, "profile refused", refused.Body)

	saved := b.post("/me/profile", url.Values{
		"postcode": {"13002"}, "radius_km": {"15"}, "availability": {"sat.morning", "sun.evening"},
		"categories": {"food_aid"}, "skills": {"distribution"}, "languages": {"fr", "ar"}, "visible": {"true"},
	}).expect(t, http.StatusSeeOther)
	recs := b.follow(saved).expect(t, 200)
	recs.contains(t, "Votre profil est enregistré", "Distribution de colis", "Pourquoi cette mission")
	checkPageStructure(t, "space", recs.Body)
	again := b.get("/me/profile").expect(t, 200)
	again.contains(t, `value="sat.morning" checked`, `value="sun.evening" checked`, `value="13002"`, `value="15"`, `value="ar" checked`, `>arabe</label>`,
		`id="f-visible" name="visible" value="true" checked`)
	again.lacks(t, `value="mon.morning" checked`)
}

func TestNotificationPages(t *testing.T) {
	e := newEnv(t)
	b, _ := e.signedIn()
	page := b.get("/me/notifications").expect(t, 200)
	checkPageStructure(t, "notifications", page.Body)
	page.contains(t, "Aucune notification.")

	prefs := b.get("/me/notification-preferences").expect(t, 200)
	checkPageStructure(t, "preferences", prefs.Body)
	prefs.contains(t, `value="application_accepted" checked`)
	b.post("/me/notification-preferences", url.Values{"email": {"urgent_mission"}, "digest": {"true"}}).expect(t, http.StatusSeeOther)
	after := b.get("/me/notification-preferences").expect(t, 200)
	after.contains(t, `value="urgent_mission" checked`, `id="f-digest" name="digest" value="true" checked`)
	after.lacks(t, `value="application_accepted" checked`)
	access := b.cookies["entraide_access"].Value
	got := e.get("/api/v1/me/notification-preferences", access).expect(t, 200)
	if email := got.Body["email"].(map[string]any); email["application_accepted"] != false || email["urgent_mission"] != true {
		t.Errorf("preferences %s", got.Raw)
	}
}

func TestPasswordResetPages(t *testing.T) {
	e, srv := mailEnv(t)
	b, email := e.signedIn()
	visitor := e.browser()
	form := visitor.get("/password-reset").expect(t, 200)
	checkPageStructure(t, "password reset", form.Body)
	visitor.post("/password-reset", url.Values{"email": {"not an email"}}).expect(t, 400).contains(t, `<a href="#f-email">`)
	sent := visitor.post("/password-reset", url.Values{"email": {email}}).expect(t, http.StatusSeeOther)
	visitor.follow(sent).expect(t, 200).contains(t, "Si un compte existe")
	// An unknown address gets the same answer.
	if r := visitor.post("/password-reset", url.Values{"email": {"nobody@example.org"}}); r.Location != sent.Location {
		t.Errorf("unknown address answered %q", r.Location)
	}
	e.sendMail()
	token := linkToken(t, mailWith(t, srv, email, "mot de passe"))

	confirm := visitor.get("/password-reset/confirm?token="+token).expect(t, 200)
	checkPageStructure(t, "password reset confirm", confirm.Body)
	visitor.post("/password-reset/confirm", url.Values{"token": {token}, "password": {"short"}}).expect(t, 400).contains(t, `<a href="#f-password">`)
	done := visitor.post("/password-reset/confirm", url.Values{"token": {token}, "password": {"a brand new passphrase"}}).expect(t, http.StatusSeeOther)
	visitor.follow(done).expect(t, 200).contains(t, "Votre mot de passe est changé")
	used := visitor.post("/password-reset/confirm", url.Values{"token": {token}, "password": {"another new passphrase"}}).expect(t, 400)
	used.contains(t, "Ce lien n&#39;est plus valide")
	if strings.Contains(used.Body, `href="#f-token"`) {
		t.Error("the summary links to a field the page does not have")
	}
	// The other sessions ended.
	b.get("/account").expect(t, http.StatusSeeOther)
	e.post("/api/v1/auth/login", "", map[string]string{"email": email, "password": "a brand new passphrase"}).expect(t, 200)
}

func TestConfirmEmailPage(t *testing.T) {
	e, srv := mailEnv(t)
	b, email := e.signedIn()
	b.get("/account").expect(t, 200).contains(t, "pas encore confirmée")
	e.sendMail()
	token := linkToken(t, mailWith(t, srv, email, "onfirm"))
	page := e.browser().get("/confirm-email?token="+token).expect(t, 200)
	checkPageStructure(t, "confirm email", page.Body)
	page.contains(t, `name="token" value="`+token+`"`)
	done := b.post("/confirm-email", url.Values{"token": {token}}).expect(t, http.StatusSeeOther)
	b.follow(done).expect(t, 200).contains(t, "Votre adresse e-mail est confirmée.").lacks(t, "pas encore confirmée")
	b.post("/confirm-email", url.Values{"token": {token}}).expect(t, 400).contains(t, "plus valide")
}
