package handlers_test

import (
	"net/http"
	"net/url"
	"testing"
)

// TestAdminOrganizationListSuspendNeedsAReason: suspending from the list
// of organisations without a reason shows the error on that form's field,
// in French and in English, with the list as it was filtered, and keeps
// the way back; with a reason, the organisation is suspended.
func TestAdminOrganizationListSuspendNeedsAReason(t *testing.T) {
	e := newEnv(t)
	b, admin := e.adminBrowser()
	o := e.verifiedOrg("Banque alimentaire du Panier", admin)
	e.verifiedOrg("Épicerie solidaire des Chartreux", admin)
	back := "/admin/organizations?q=panier&status=verified"
	list := b.get(back).expect(t, 200).contains(t, "1 organisation(s) trouvée(s)", `name="list" value="all"`)
	checkPageStructure(t, "admin organizations list", list.Body)
	action := "/admin/organizations/" + o.id + "/suspend"
	field := "f-reason-all-" + o.id
	for _, c := range []struct{ lang, message, found string }{
		{"fr", "Ce champ est obligatoire.", "1 organisation(s) trouvée(s)"},
		{"en", "This field is required.", "1 organisation(s) found"},
	} {
		b.cookies["lang"] = &http.Cookie{Name: "lang", Value: c.lang}
		refused := b.post(action, url.Values{"back": {back}, "list": {"all"}, "reason": {"  "}}).expect(t, 400)
		refused.contains(t, `<a href="#`+field+`">`, `id="`+field+`"`, `aria-invalid="true"`, c.message, c.found,
			`name="back" value="`+"/admin/organizations?q=panier&amp;status=verified"+`"`).
			lacks(t, "Épicerie solidaire des Chartreux")
		checkPageStructure(t, "admin organizations suspend refused ("+c.lang+")", refused.Body)
	}
	b.cookies["lang"] = &http.Cookie{Name: "lang", Value: "fr"}
	done := b.post(action, url.Values{"back": {back}, "list": {"all"}, "reason": {"Plaintes de bénévoles"}}).expect(t, http.StatusSeeOther)
	if want := back + "&notice=org_suspend"; done.Location != want {
		t.Errorf("after suspending, sent to %q, want %q", done.Location, want)
	}
	b.follow(done).expect(t, 200).contains(t, "Plaintes de bénévoles")
}
