package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestAccountPageUpdatesDetails(t *testing.T) {
	e := newEnv(t)
	b, _ := e.signedIn()
	saved := b.post("/account", url.Values{
		"name": {`<script>alert("x")</script> Dupont`}, "phone": {"06 12 34 56 78"}, "language": {"fr"},
	}).expect(t, http.StatusSeeOther)
	account := b.follow(saved).expect(t, 200)
	account.contains(t, "Vos modifications sont enregistrées.", `value="06 12 34 56 78"`, "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Dupont")
	account.lacks(t, `<script>alert`)

	refused := b.post("/account", url.Values{"name": {"Camille"}, "phone": {"call me"}, "language": {"de"}}).expect(t, 400)
	refused.contains(t, `<a href="#f-phone">Numéro de téléphone invalide.</a>`, `id="f-language-error"`, `value="call me"`)
	if !strings.HasPrefix(refused.title(), "Erreur : ") {
		t.Errorf("title %q", refused.title())
	}
}

func TestAccountExportDownloadsPersonalData(t *testing.T) {
	e := newEnv(t)
	b, email := e.signedIn()
	export := b.get("/account/export").expect(t, 200)
	if cd := export.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
		t.Errorf("Content-Disposition %q", cd)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(export.Body), &body); err != nil {
		t.Fatal(err)
	}
	account, _ := body["account"].(map[string]any)
	if account["email"] != email {
		t.Errorf("export of %v", account["email"])
	}
	e.browser().get("/account/export").expect(t, http.StatusSeeOther)
}

func TestAccountDeletionNeedsConfirmation(t *testing.T) {
	e := newEnv(t)
	b, email := e.signedIn()
	b.get("/account/delete").expect(t, 200).contains(t, `name="confirm" value="yes"`)

	// Without the confirmation step's field nothing is deleted.
	again := b.post("/account/delete", url.Values{}).expect(t, http.StatusSeeOther)
	if again.Location != "/account/delete" {
		t.Fatalf("redirect to %q", again.Location)
	}
	b.get("/account").expect(t, 200)

	gone := b.post("/account/delete", url.Values{"confirm": {"yes"}}).expect(t, http.StatusSeeOther)
	b.follow(gone).expect(t, 200).contains(t, "Votre compte est supprimé.")
	b.get("/account").expect(t, http.StatusSeeOther)
	e.post("/api/v1/auth/login", "", map[string]string{"email": email, "password": "correct horse battery staple"}).expect(t, 401)
}
