package handlers_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

// TestAVolunteerJoinsAnOrganisationAndPosts: one account volunteers and
// acts for an organisation; an invitation accepted by a volunteer makes
// them a member who can post, and they keep their volunteer space.
func TestAVolunteerJoinsAnOrganisationAndPosts(t *testing.T) {
	e := newEnv(t)
	o := e.newOrg("Banque alimentaire du Panier")
	vol := e.signup(models.RoleVolunteer)
	admin := e.admin()

	inv := e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": vol.Email}).expect(t, 201)
	token := inv.str("token")
	// Not a member yet: the organisation's routes do not exist for them.
	e.get("/api/v1/organizations/"+o.id+"/missions", vol.Access).expect(t, 404)
	// An admin account does not join organisations.
	e.post("/api/v1/invitations/"+token+"/accept", admin.Access, nil).expect(t, 403)

	joined := e.post("/api/v1/invitations/"+token+"/accept", vol.Access, nil).expect(t, 200)
	if joined.str("my_role") != "member" {
		t.Fatalf("joined: %s", joined.Raw)
	}
	e.post("/api/v1/organizations/"+o.id+"/missions", vol.Access, missionBody("Tri du samedi")).expect(t, 201)
	e.get("/api/v1/me/profile", vol.Access).expect(t, 200)

	members := e.get("/api/v1/organizations/"+o.id+"/members", o.owner.Access).expect(t, 200)
	var found bool
	for _, m := range members.items(t) {
		if m["user_id"] == vol.ID {
			found = m["invited_by"] == o.owner.ID && m["invited_by_name"] == "Test organization"
		}
	}
	if !found {
		t.Fatalf("members do not say who invited whom: %s", members.Raw)
	}
	// A login after joining carries the membership in the token's claims.
	e.login(&vol)
	if orgs := tokenOrgs(t, vol.Access); len(orgs) != 1 || orgs[0] != o.id {
		t.Fatalf("org claim %v", orgs)
	}
}

// TestInvitationsAreRevokedAndResent: a withdrawn link no longer works; a
// resent invitation has a new link and the old one is dead.
func TestInvitationsAreRevokedAndResent(t *testing.T) {
	e := newEnv(t)
	o := e.newOrg("Secours du quartier")
	colleague := e.signup(models.RoleVolunteer)
	base := "/api/v1/organizations/" + o.id + "/invitations"

	first := e.post(base, o.owner.Access, map[string]string{"email": colleague.Email}).expect(t, 201)
	e.do(req{method: "DELETE", path: base + "/" + first.str("id"), token: o.owner.Access}).expect(t, 204)
	e.do(req{method: "DELETE", path: base + "/" + first.str("id"), token: o.owner.Access}).expect(t, 404)
	e.post("/api/v1/invitations/"+first.str("token")+"/accept", colleague.Access, nil).expect(t, 404)

	second := e.post(base, o.owner.Access, map[string]string{"email": colleague.Email, "role": "owner"}).expect(t, 201)
	// Another organisation's owner cannot touch it.
	other := e.newOrg("Autre association")
	e.post("/api/v1/organizations/"+other.id+"/invitations/"+second.str("id")+"/resend", other.owner.Access, nil).expect(t, 404)
	resent := e.post(base+"/"+second.str("id")+"/resend", o.owner.Access, nil).expect(t, 201)
	if resent.str("token") == second.str("token") || resent.str("role") != "owner" || resent.str("email") != colleague.Email {
		t.Fatalf("resent: %s", resent.Raw)
	}
	list := e.get(base, o.owner.Access).expect(t, 200)
	if items := list.items(t); len(items) != 1 || items[0]["invited_by_name"] != "Test organization" {
		t.Fatalf("pending: %s", list.Raw)
	}
	e.post("/api/v1/invitations/"+second.str("token")+"/accept", colleague.Access, nil).expect(t, 404)
	e.post("/api/v1/invitations/"+resent.str("token")+"/accept", colleague.Access, nil).expect(t, 200)
}

// TestSigningUpThroughAnInvitationLandsInTheOrganisation: the link works
// for a person without an account: sign-up, then the organisation's space,
// and the menu leads to both spaces.
func TestSigningUpThroughAnInvitationLandsInTheOrganisation(t *testing.T) {
	e := newEnv(t)
	b, orgID := e.orgBrowser("Banque alimentaire du Panier")
	email := uniqueEmail("colleague")
	invited := b.post("/organizations/"+orgID+"/invitations", url.Values{"email": {email}, "role": {"member"}}).expect(t, 201)
	link := invited.Body[strings.Index(invited.Body, "/invitations/"):]
	path := link[:strings.IndexAny(link, "<\"")]

	c := e.browser()
	c.get(path).expect(t, 200).contains(t, "Banque alimentaire du Panier", "Créer mon compte et rejoindre", email)
	c.get("/signup?next="+url.QueryEscape(path)+"&email="+url.QueryEscape(email)).expect(t, 200).contains(t, `value="`+email+`"`)
	landed := c.post("/signup", url.Values{
		"role": {"volunteer"}, "name": {"Léa Colin"}, "email": {email}, "password": {"correct horse battery staple"}, "next": {path},
	}).expect(t, http.StatusSeeOther)
	if loc := landed.Header.Get("Location"); loc != "/organizations/"+orgID+"/missions?notice=joined" {
		t.Fatalf("landed on %q", loc)
	}
	space := c.follow(landed).expect(t, 200)
	space.contains(t, "Bienvenue dans l&#39;organisation.", `href="/me"`, `href="/org"`)
	c.get("/organizations/"+orgID+"/missions/new").expect(t, 200)
	c.get("/me").expect(t, 200)
	// The link is spent.
	c.get(path).expect(t, 200).contains(t, "n&#39;est plus valable")
}

// tokenOrgs reads the org claim of an access token (signed by the server
// under test; only its payload matters here).
func tokenOrgs(t *testing.T, access string) []string {
	t.Helper()
	parts := strings.Split(access, ".")
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims struct {
		Orgs []string `json:"org"`
	}
	if err := json.Unmarshal(payload, &claims); err != nil {
		t.Fatal(err)
	}
	return claims.Orgs
}
