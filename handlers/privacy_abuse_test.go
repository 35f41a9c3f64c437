package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store/storetest"
)

// Issue 12, point 10: the export holds the reports a person filed, and
// deleting the account removes the reporter and their words from them
// while the admin still sees that the target was reported.
func TestExportAndDeletionCoverFiledReports(t *testing.T) {
	e := newEnv(t)
	admin := e.admin()
	o := e.verifiedOrg("Banque Solidaire", admin)
	missionID := e.publishedMission(o, admin, "Tri des colis du samedi")
	v := e.signup(models.RoleVolunteer)
	text := "Cette mission demande de payer une adhésion de 50 euros."
	e.post("/api/v1/reports", v.Access, map[string]string{"target_type": "mission", "target_id": missionID, "reason": text}).expect(t, 201)

	export := e.get("/api/v1/me/export", v.Access).expect(t, 200)
	reports, ok := export.Body["reports"].([]any)
	if !ok || len(reports) != 1 || reports[0].(map[string]any)["reason"] != text || reports[0].(map[string]any)["target_id"] != missionID {
		t.Fatalf("export lacks the filed report: %s", export.Raw)
	}

	e.do(req{method: "DELETE", path: "/api/v1/me", token: v.Access}).expect(t, 204)
	all, err := e.store.Reports(context.Background(), "", 100)
	if err != nil || len(all) != 1 {
		t.Fatalf("reports after deletion: %v %v", all, err)
	}
	if all[0].ReporterID != "" || all[0].Reason != "" || !all[0].ReporterDeleted {
		t.Fatalf("the report keeps its reporter or words: %+v", all[0])
	}
	groups := e.get("/api/v1/admin/reports", admin.Access).expect(t, 200)
	if items := groups.items(t); len(items) != 1 || items[0]["count"] != float64(1) || strings.Contains(groups.Raw, text) {
		t.Fatalf("admin view after deletion: %s", groups.Raw)
	}
}

// Issue 12, point 10: the sole owner of an organisation cannot delete
// their account (the organisation would have no owner) until another owner
// is named.
func TestSoleOwnerCannotDeleteAccount(t *testing.T) {
	e := newEnv(t)
	o := e.newOrg("Banque Solidaire")
	r := e.do(req{method: "DELETE", path: "/api/v1/me", token: o.owner.Access}).expect(t, 409)
	if !strings.HasSuffix(r.str("type"), "/sole-owner") || r.str("title") != "Organisation sans autre responsable" || !strings.Contains(r.str("detail"), "Banque Solidaire") {
		t.Fatalf("sole owner problem: %s", r.Raw)
	}
	en := e.do(req{method: "DELETE", path: "/api/v1/me", token: o.owner.Access, header: map[string]string{"Accept-Language": "en"}}).expect(t, 409)
	if en.str("title") != "Organisation without another owner" || !strings.Contains(en.str("detail"), "transfer") {
		t.Fatalf("English problem: %s", en.Raw)
	}
	e.get("/api/v1/me", o.owner.Access).expect(t, 200)

	// The page says the same.
	b := e.browser()
	b.get("/login")
	b.post("/login", url.Values{"email": {o.owner.Email}, "password": {o.owner.Password}}).expect(t, http.StatusSeeOther)
	page := b.post("/account/delete", url.Values{"confirm": {"yes"}}).expect(t, 409)
	page.contains(t, "Banque Solidaire", "responsable")

	// With a second owner, the account can go.
	second := e.signup(models.RoleOrganization)
	if _, err := e.store.AddMember(context.Background(), o.id, models.Member{UserID: second.ID, Role: models.MemberOwner}, e.clock.Now()); err != nil {
		t.Fatal(err)
	}
	e.do(req{method: "DELETE", path: "/api/v1/me", token: o.owner.Access}).expect(t, 204)
}

// Issue 12, point 10: messages and reports are throttled per user.
func TestMessagesAndReportsThrottledPerUser(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_RATE_LIMIT", "on"), withEnv("ENTRAIDE_SIGNUP_RATE", "1000/1m"), withEnv("ENTRAIDE_LOGIN_RATE", "1000/1m"),
		withEnv("ENTRAIDE_MESSAGE_RATE", "3/10m"), withEnv("ENTRAIDE_REPORT_RATE", "2/1h"))
	f := e.publishedShift(3, 5, nil)
	vol := e.signup(models.RoleVolunteer)
	app := e.post(f.applyPath(), vol.Access, map[string]string{"message": "Disponible"}).expect(t, 201).str("id")
	path := "/api/v1/me/applications/" + app + "/messages"
	for i := 0; i < 3; i++ {
		e.post(path, vol.Access, map[string]string{"body": "Bonjour, une question " + itoa(i)}).expect(t, 201)
	}
	r := e.post(path, vol.Access, map[string]string{"body": "Encore une"}).expect(t, 429)
	if r.Header.Get("Retry-After") == "" || !strings.Contains(r.str("detail"), "messages") {
		t.Fatalf("message throttle: %v %s", r.Header, r.Raw)
	}
	// The organisation's members have budgets of their own.
	e.post("/api/v1/organizations/"+f.org.id+"/applications/"+app+"/messages", f.org.owner.Access, map[string]string{"body": "Bonjour !"}).expect(t, 201)

	var missions []string
	for i := 0; i < 3; i++ {
		missions = append(missions, e.publishedMission(f.org, f.admin, "Mission signalée "+itoa(i)))
	}
	for _, id := range missions[:2] {
		e.post("/api/v1/reports", vol.Access, map[string]string{"target_type": "mission", "target_id": id, "reason": "Contenu douteux ici."}).expect(t, 201)
	}
	r = e.post("/api/v1/reports", vol.Access, map[string]string{"target_type": "mission", "target_id": missions[2], "reason": "Contenu douteux ici."}).expect(t, 429)
	if r.Header.Get("Retry-After") == "" || !strings.Contains(r.str("detail"), "signalements") {
		t.Fatalf("report throttle: %v %s", r.Header, r.Raw)
	}
	other := e.signup(models.RoleVolunteer)
	e.post("/api/v1/reports", other.Access, map[string]string{"target_type": "mission", "target_id": missions[2], "reason": "Contenu douteux ici."}).expect(t, 201)
}

// Issue 12, point 10: one organisation may use only two of a volunteer's
// five monthly invitations, and both caps hold under concurrent requests.
func TestInvitationCapsHoldConcurrently(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	// Twenty invitations queue behind the embedded store's write lock at
	// once; under the race detector that can pass the default budget of a
	// request's store calls.
	e := newEnv(t, withEnv("ENTRAIDE_REQUEST_TIMEOUT", "60s"))
	admin := e.admin()
	vol := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: vol.Access, body: profileBody()}).expect(t, 200)

	type attempt struct {
		org     orgFixture
		mission string
	}
	var attempts []attempt
	for i := 0; i < 5; i++ {
		o := e.verifiedOrg("Association "+itoa(i), admin)
		for j := 0; j < 4; j++ {
			attempts = append(attempts, attempt{o, e.publishedMission(o, admin, "Mission "+itoa(i)+"-"+itoa(j)+" de tri")})
		}
	}
	statuses := make([]int, len(attempts))
	var wg sync.WaitGroup
	for i, a := range attempts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := e.svc.Server.App().Test(e.build(req{method: "POST", token: a.org.owner.Access,
				path: "/api/v1/organizations/" + a.org.id + "/missions/" + a.mission + "/candidates/" + vol.ID + "/invite"}), 30_000)
			if err != nil {
				t.Error(err)
				return
			}
			statuses[i] = readResponse(resp).Status
		}()
	}
	wg.Wait()
	perOrg := map[string]int{}
	created := 0
	for i, st := range statuses {
		switch st {
		case 201:
			created++
			perOrg[attempts[i].org.id]++
		case 422:
		default:
			t.Fatalf("invitation %d answered %d", i, st)
		}
	}
	if created != models.MaxInvitationsPerMonth {
		t.Fatalf("%d invitations granted, want %d: %v", created, models.MaxInvitationsPerMonth, statuses)
	}
	for org, n := range perOrg {
		if n > models.MaxInvitationsPerOrgPerMonth {
			t.Fatalf("organisation %s sent %d invitations", org, n)
		}
	}

	// An organisation at its share is told so, and a volunteer at the
	// monthly cap too (checked on a fresh volunteer).
	fresh := e.signup(models.RoleVolunteer)
	e.do(req{method: "PUT", path: "/api/v1/me/profile", token: fresh.Access, body: profileBody()}).expect(t, 200)
	o := attempts[0].org
	for i, a := range attempts[:3] {
		r := e.post("/api/v1/organizations/"+o.id+"/missions/"+a.mission+"/candidates/"+fresh.ID+"/invite", o.owner.Access, nil)
		if i < 2 {
			r.expect(t, 201)
			continue
		}
		if r.expect(t, 422); r.str("type") != "/problems/invitation-limit" || !strings.Contains(r.str("detail"), "2") {
			t.Fatalf("organisation share: %s", r.Raw)
		}
	}
}
