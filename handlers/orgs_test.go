package handlers_test

import (
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
)

func TestOrganizationRegistrationAndValidation(t *testing.T) {
	e := newEnv(t)
	owner := e.signup(models.RoleOrganization)
	r := e.post("/api/v1/organizations", owner.Access, orgBody("Banque alimentaire du Panier")).expect(t, 201)
	if r.str("status") != "pending" || r.str("city") == "" || r.str("my_role") != "owner" {
		t.Fatalf("registration: %s", r.Raw)
	}
	volunteer := e.signup(models.RoleVolunteer)
	// One account: a volunteer may register an organisation too.
	e.post("/api/v1/organizations", volunteer.Access, orgBody("Épicerie solidaire")).expect(t, 201)
	e.post("/api/v1/organizations", "", orgBody("X")).expect(t, 401)

	cases := map[string]struct {
		field string
		value any
	}{
		"SIRET bad checksum":  {"siret", "73282932000075"},
		"SIRET too short":     {"siret", "7328293200007"},
		"SIRET letters":       {"siret", "7328293200007A"},
		"RNA wrong prefix":    {"rna", "X123456789"},
		"RNA too short":       {"rna", "W12345678"},
		"unknown kind":        {"kind", "sect"},
		"bad postcode":        {"postcode", "ABCDE"},
		"unknown postcode":    {"postcode", "00000"},
		"bad contact e-mail":  {"contact_email", "nope"},
		"operator in name":    {"name", map[string]any{"$ne": nil}},
		"client sets status":  {"status", "verified"},
		"client sets members": {"members", []string{"x"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			body := orgBody("Association test")
			body[tc.field] = tc.value
			r := e.post("/api/v1/organizations", owner.Access, body).expect(t, 400)
			if !strings.Contains(r.Raw, tc.field) {
				t.Fatalf("field %s not named: %s", tc.field, r.Raw)
			}
		})
	}
	// RNA alone is enough; La Poste SIRETs follow their own rule.
	body := orgBody("Association RNA")
	delete(body, "siret")
	body["rna"] = "W133000123"
	e.post("/api/v1/organizations", owner.Access, body).expect(t, 201)
	body = orgBody("Bureau de poste solidaire")
	body["siret"] = "35600000000010"
	e.post("/api/v1/organizations", owner.Access, body).expect(t, 201)
	body = orgBody("Sans numéro")
	delete(body, "siret")
	e.post("/api/v1/organizations", owner.Access, body).expect(t, 400)

	mine := e.get("/api/v1/me/organizations", owner.Access).expect(t, 200)
	if len(mine.items(t)) != 3 {
		t.Fatalf("my organisations: %s", mine.Raw)
	}
}

func TestOrganizationVisibilityAndTransitions(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.newOrg("Les Restos du Quartier")
	stranger := e.signup(models.RoleOrganization)

	// Pending organisations are hidden from everyone but members and admins.
	e.get("/api/v1/organizations/"+o.id, "").expect(t, 404)
	e.get("/api/v1/organizations/"+o.id, stranger.Access).expect(t, 404)
	e.get("/api/v1/organizations/"+o.id, o.owner.Access).expect(t, 200)
	e.get("/api/v1/organizations/"+o.id, admin.Access).expect(t, 200)

	queue := e.get("/api/v1/admin/queue/organizations", admin.Access).expect(t, 200)
	if len(queue.items(t)) != 1 || queue.items(t)[0]["id"] != o.id {
		t.Fatalf("queue: %s", queue.Raw)
	}
	path := "/api/v1/admin/organizations/" + o.id
	e.post(path+"/suspend", admin.Access, map[string]string{"reason": "x"}).expect(t, 409)
	e.post(path+"/reject", admin.Access, map[string]string{}).expect(t, 400) // reason required
	e.post(path+"/restore", admin.Access, nil).expect(t, 409)
	e.post(path+"/verify", o.owner.Access, nil).expect(t, 403)
	r := e.post(path+"/verify", admin.Access, nil).expect(t, 200)
	if r.str("status") != "verified" {
		t.Fatalf("verify: %s", r.Raw)
	}
	r = e.post(path+"/verify", admin.Access, nil).expect(t, 409)
	if r.str("current_state") != "verified" || !strings.Contains(r.str("detail"), "verified") {
		t.Fatalf("409 does not name the state: %s", r.Raw)
	}
	public := e.get("/api/v1/organizations/"+o.id, "").expect(t, 200)
	if strings.Contains(public.Raw, o.owner.Email) || public.Body["members"] != nil {
		t.Fatalf("public view leaks members: %s", public.Raw)
	}
	e.post(path+"/suspend", admin.Access, map[string]string{"reason": "Signalements répétés"}).expect(t, 200)
	e.get("/api/v1/organizations/"+o.id, "").expect(t, 404)
	e.post(path+"/restore", admin.Access, nil).expect(t, 200)

	other := e.newOrg("Autre asso")
	e.post("/api/v1/admin/organizations/"+other.id+"/reject", admin.Access, map[string]string{"reason": "Numéro SIRET introuvable"}).expect(t, 200)
	e.post("/api/v1/admin/organizations/"+other.id+"/verify", admin.Access, nil).expect(t, 409)

	audit := e.get("/api/v1/admin/audit?target="+o.id, admin.Access).expect(t, 200)
	actions := map[string]bool{}
	for _, it := range audit.items(t) {
		actions[it["action"].(string)] = true
		if it["actor_id"] != admin.ID {
			t.Fatalf("audit actor: %v", it)
		}
	}
	for _, want := range []string{"organization.verify", "organization.suspend", "organization.restore"} {
		if !actions[want] {
			t.Fatalf("audit lacks %s: %s", want, audit.Raw)
		}
	}
	byAction := e.get("/api/v1/admin/audit?action=organization.reject", admin.Access).expect(t, 200)
	if len(byAction.items(t)) != 1 {
		t.Fatalf("audit by action: %s", byAction.Raw)
	}
	e.get("/api/v1/admin/audit?from=yesterday", admin.Access).expect(t, 400)
	e.get("/api/v1/admin/audit", o.owner.Access).expect(t, 403)
}

func TestInvitationsAndMembers(t *testing.T) {
	e := newEnv(t)
	o := e.newOrg("Cellule d'appels Solidarité Seniors")
	colleague := e.signup(models.RoleOrganization)
	outsider := e.signup(models.RoleOrganization)

	inv := e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": strings.ToUpper(colleague.Email)}).expect(t, 201)
	token := inv.str("token")
	if token == "" || !strings.Contains(inv.str("accept_url"), token) {
		t.Fatalf("invitation: %s", inv.Raw)
	}
	// Only the invited address may use it.
	e.post("/api/v1/invitations/"+token+"/accept", outsider.Access, nil).expect(t, 404)
	joined := e.post("/api/v1/invitations/"+token+"/accept", colleague.Access, nil).expect(t, 200)
	if joined.str("my_role") != "member" {
		t.Fatalf("accept: %s", joined.Raw)
	}
	// Single use.
	e.post("/api/v1/invitations/"+token+"/accept", colleague.Access, nil).expect(t, 409)
	e.post("/api/v1/invitations/nonsense/accept", colleague.Access, nil).expect(t, 404)

	// Members cannot invite; expiry after 7 days.
	e.post("/api/v1/organizations/"+o.id+"/invitations", colleague.Access, map[string]string{"email": "x@example.org"}).expect(t, 403)
	late := e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": outsider.Email}).expect(t, 201)
	e.clock.Advance(7*24*3600e9 + 1e9)
	e.login(&outsider) // access tokens expired meanwhile
	e.post("/api/v1/invitations/"+late.str("token")+"/accept", outsider.Access, nil).expect(t, 410)

	// Members: the last owner cannot be removed, others can.
	e.login(&o.owner)
	e.login(&colleague)
	members := e.get("/api/v1/organizations/"+o.id+"/members", o.owner.Access).expect(t, 200)
	if len(members.items(t)) != 2 {
		t.Fatalf("members: %s", members.Raw)
	}
	e.do(req{method: "DELETE", path: "/api/v1/organizations/" + o.id + "/members/" + o.owner.ID, token: colleague.Access}).expect(t, 403)
	e.do(req{method: "DELETE", path: "/api/v1/organizations/" + o.id + "/members/" + o.owner.ID, token: o.owner.Access}).expect(t, 409)
	e.do(req{method: "DELETE", path: "/api/v1/organizations/" + o.id + "/members/" + colleague.ID, token: o.owner.Access}).expect(t, 204)
	e.get("/api/v1/organizations/"+o.id+"/missions", colleague.Access).expect(t, 404)
}
