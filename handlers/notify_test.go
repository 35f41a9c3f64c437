package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestPasswordResetEndToEnd(t *testing.T) {
	e, smtp := mailEnv(t)
	u := e.signup(models.RoleVolunteer)

	// Known and unknown addresses get the same answer.
	known := e.post("/api/v1/auth/password-reset", "", map[string]string{"email": strings.ToUpper(u.Email)}).expect(t, 202)
	unknown := e.post("/api/v1/auth/password-reset", "", map[string]string{"email": "nobody@example.org"}).expect(t, 202)
	if known.Raw != unknown.Raw || known.str("detail") == "" {
		t.Fatalf("answers differ: %s vs %s", known.Raw, unknown.Raw)
	}
	e.post("/api/v1/auth/password-reset", "", map[string]string{"email": "not an address"}).expect(t, 400)
	e.post("/api/v1/auth/password-reset", "", map[string]any{"email": map[string]any{"$ne": nil}}).expect(t, 400)

	e.sendMail()
	if n := len(smtp.To("nobody@example.org")); n != 0 {
		t.Fatalf("%d e-mails to an address without an account", n)
	}
	first := linkToken(t, mailWith(t, smtp, u.Email, "mot de passe"))

	// The link lasts an hour.
	e.clock.Advance(time.Hour + time.Second)
	expired := e.post("/api/v1/auth/password-reset/confirm", "", map[string]string{"token": first, "password": "a brand new passphrase"}).expect(t, 400)
	if !strings.Contains(expired.Raw, `"field":"token"`) {
		t.Fatalf("expired token: %s", expired.Raw)
	}

	e.post("/api/v1/auth/password-reset", "", map[string]string{"email": u.Email}).expect(t, 202)
	e.sendMail()
	var token string
	for _, m := range mails(t, smtp, u.Email) {
		if tok := linkToken(t, m); strings.Contains(m.Subject, "mot de passe") && tok != first {
			token = tok
		}
	}
	if token == "" {
		t.Fatal("the second reset e-mail did not arrive")
	}
	// A password the policy refuses does not burn the link.
	weak := e.post("/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "1234567890"}).expect(t, 400)
	if !strings.Contains(weak.Raw, `"field":"password"`) {
		t.Fatalf("weak password: %s", weak.Raw)
	}
	e.post("/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "a brand new passphrase"}).expect(t, 204)

	// Works once; every earlier session and access token is dead.
	e.post("/api/v1/auth/password-reset/confirm", "", map[string]string{"token": token, "password": "yet another passphrase"}).expect(t, 400)
	e.get("/api/v1/me", u.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 401)
	e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(t, 401)
	u.Password = "a brand new passphrase"
	e.login(&u)
	// The link proved the address.
	if me := e.get("/api/v1/me", u.Access).expect(t, 200); me.Body["email_confirmed"] != true {
		t.Fatalf("e-mail not confirmed by the reset: %s", me.Raw)
	}
	for _, bad := range []any{
		map[string]string{"token": "made-up", "password": "a brand new passphrase"},
		map[string]string{"token": strings.Repeat("x", 300), "password": "a brand new passphrase"},
		map[string]any{"token": map[string]any{"$ne": nil}, "password": "a brand new passphrase"},
		map[string]string{"token": token},
	} {
		e.post("/api/v1/auth/password-reset/confirm", "", bad).expect(t, 400)
	}
}

func TestEmailConfirmationAtSignup(t *testing.T) {
	e, smtp := mailEnv(t)
	email := uniqueEmail("confirm")
	e.do(req{method: "POST", path: "/api/v1/auth/signup", body: map[string]string{
		"email": email, "password": "correct horse battery staple", "name": "Ann <b>Lee</b>", "role": "volunteer",
	}, header: map[string]string{"Accept-Language": "en"}}).expect(t, 201)
	u := user{Email: email, Password: "correct horse battery staple"}
	e.login(&u)
	if me := e.get("/api/v1/me", u.Access).expect(t, 200); me.Body["email_confirmed"] != false {
		t.Fatalf("confirmed before the link: %s", me.Raw)
	}
	if sent := e.sendMail(); sent != 1 {
		t.Fatalf("sent %d e-mails at sign-up", sent)
	}
	m := mailWith(t, smtp, email, "Confirm your e-mail address")
	if !strings.Contains(m.Text, "Hello Ann <b>Lee</b>,") || !strings.Contains(m.HTML, "Hello Ann &lt;b&gt;Lee&lt;/b&gt;,") {
		t.Fatalf("greeting:\n%s\n%s", m.Text, m.HTML)
	}
	token := linkToken(t, m)
	e.post("/api/v1/auth/confirm-email", "", map[string]string{"token": "made-up"}).expect(t, 400)
	e.post("/api/v1/auth/confirm-email", "", map[string]any{"token": map[string]any{"$ne": nil}}).expect(t, 400)
	e.post("/api/v1/auth/confirm-email", "", map[string]string{"token": token}).expect(t, 204)
	if me := e.get("/api/v1/me", u.Access).expect(t, 200); me.Body["email_confirmed"] != true {
		t.Fatalf("not confirmed: %s", me.Raw)
	}
	e.post("/api/v1/auth/confirm-email", "", map[string]string{"token": token}).expect(t, 400)
	e.post("/api/v1/me/email-confirmation", u.Access, nil).expect(t, 409)

	// A reset token is not a confirmation token, nor the reverse.
	other := e.signup(models.RoleVolunteer)
	e.sendMail()
	otherToken := linkToken(t, mailWith(t, smtp, other.Email, "Confirmez"))
	e.post("/api/v1/auth/password-reset/confirm", "", map[string]string{"token": otherToken, "password": "a brand new passphrase"}).expect(t, 400)
	// Asking again sends a new link; both work until one is used.
	e.post("/api/v1/me/email-confirmation", other.Access, nil).expect(t, 202)
	e.sendMail()
	if n := len(mails(t, smtp, other.Email)); n != 2 {
		t.Fatalf("%d confirmation e-mails, want 2", n)
	}
	e.post("/api/v1/auth/confirm-email", "", map[string]string{"token": otherToken}).expect(t, 204)
}

func TestNotificationsListReadAndScope(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	alice := e.signup(models.RoleVolunteer)
	bob := e.signup(models.RoleVolunteer)
	params := map[string]string{"mission_title": "Maraude <du soir>", "org_name": "Secours", "shift_start": "2026-03-05T18:00:00Z", "link": "/missions/1"}
	for range 3 {
		if err := e.svc.Notify.Notify(ctx, alice.ID, models.EventApplicationAccepted, params); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.svc.Notify.Notify(ctx, bob.ID, models.EventMissionCancelled, params); err != nil {
		t.Fatal(err)
	}

	list := e.get("/api/v1/me/notifications", alice.Access).expect(t, 200)
	items := list.items(t)
	if len(items) != 3 || list.Body["total"] != float64(3) || list.Body["unread"] != float64(3) || list.Body["page"] != float64(1) {
		t.Fatalf("list: %s", list.Raw)
	}
	first := items[0]
	if first["kind"] != "application_accepted" || first["read_at"] != nil ||
		first["text"] != "Secours a accepté votre candidature à « Maraude <du soir> » (jeudi 5 mars, 19 h 00)." {
		t.Fatalf("item: %v", first)
	}
	if strings.Contains(list.Raw, bob.ID) || strings.Contains(list.Raw, "mission_cancelled") {
		t.Fatal("another user's notification is listed")
	}
	id := first["id"].(string)

	// Someone else's notification is a 404, a malformed id too.
	e.post("/api/v1/me/notifications/"+id+"/read", bob.Access, nil).expect(t, 404)
	e.post("/api/v1/me/notifications/not-an-id/read", alice.Access, nil).expect(t, 404)
	e.post("/api/v1/me/notifications/"+id+"/read", "", nil).expect(t, 401)
	read := e.post("/api/v1/me/notifications/"+id+"/read", alice.Access, nil).expect(t, 200)
	if read.str("read_at") == "" || read.str("id") != id {
		t.Fatalf("read: %s", read.Raw)
	}
	e.clock.Advance(time.Minute)
	again := e.post("/api/v1/me/notifications/"+id+"/read", alice.Access, nil).expect(t, 200)
	if again.str("read_at") != read.str("read_at") {
		t.Fatal("reading twice moved the read time")
	}
	unread := e.get("/api/v1/me/notifications?unread=true", alice.Access).expect(t, 200)
	if len(unread.items(t)) != 2 || unread.Body["unread"] != float64(2) || unread.Body["total"] != float64(2) {
		t.Fatalf("unread: %s", unread.Raw)
	}
	paged := e.get("/api/v1/me/notifications?page=2&per_page=2", alice.Access).expect(t, 200)
	if len(paged.items(t)) != 1 || paged.Body["per_page"] != float64(2) {
		t.Fatalf("page 2: %s", paged.Raw)
	}
	for _, bad := range []string{"?unread=maybe", "?per_page=1000", "?page=0"} {
		e.get("/api/v1/me/notifications"+bad, alice.Access).expect(t, 400)
	}

	// Bob's read-all leaves Alice's alone.
	e.post("/api/v1/me/notifications/read-all", bob.Access, nil).expect(t, 200)
	if n := e.get("/api/v1/me/notifications", alice.Access).expect(t, 200).Body["unread"]; n != float64(2) {
		t.Fatalf("alice unread after bob's read-all: %v", n)
	}
	all := e.post("/api/v1/me/notifications/read-all", alice.Access, nil).expect(t, 200)
	if all.Body["marked"] != float64(2) {
		t.Fatalf("read-all: %s", all.Raw)
	}

	// The text follows the reader's language.
	e.do(req{method: "PATCH", path: "/api/v1/me", token: alice.Access, body: map[string]string{"language": "en"}}).expect(t, 200)
	en := e.get("/api/v1/me/notifications", alice.Access).expect(t, 200).items(t)
	if en[0]["text"] != `Secours accepted your application to "Maraude <du soir>" (Thursday 5 March, 7:00 pm).` {
		t.Fatalf("english text: %v", en[0]["text"])
	}
}

func TestNotificationPreferences(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	u := e.signup(models.RoleVolunteer)
	prefs := e.get("/api/v1/me/notification-preferences", u.Access).expect(t, 200)
	email := prefs.Body["email"].(map[string]any)
	if len(email) != len(models.ConfigurableEvents()) || email["application_accepted"] != true || prefs.Body["digest"] != false {
		t.Fatalf("defaults: %s", prefs.Raw)
	}
	if _, ok := email["password_reset"]; ok {
		t.Fatal("account e-mails cannot be turned off")
	}

	put := e.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: u.Access,
		body: map[string]any{"email": map[string]bool{"application_accepted": false}, "digest": false}}).expect(t, 200)
	if put.Body["email"].(map[string]any)["application_accepted"] != false {
		t.Fatalf("put: %s", put.Raw)
	}
	got := e.get("/api/v1/me/notification-preferences", u.Access).expect(t, 200)
	if got.Raw != put.Raw {
		t.Fatalf("GET %s after PUT %s", got.Raw, put.Raw)
	}

	queued := func() int64 {
		n, err := e.store.CountEmails(ctx, models.OutboxPending)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := queued()
	params := map[string]string{"mission_title": "Appels", "org_name": "Secours", "shift_start": "2026-03-05T18:00:00Z", "link": "/missions/1"}
	if err := e.svc.Notify.Notify(ctx, u.ID, models.EventApplicationAccepted, params); err != nil {
		t.Fatal(err)
	}
	if queued() != before {
		t.Fatal("an e-mail was queued although the user turned it off")
	}
	if err := e.svc.Notify.Notify(ctx, u.ID, models.EventMissionCancelled, params); err != nil {
		t.Fatal(err)
	}
	if queued() != before+1 {
		t.Fatal("an event left on was not e-mailed")
	}

	unknown := e.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: u.Access,
		body: map[string]any{"email": map[string]bool{"bogus_event": true, "password_reset": false}}}).expect(t, 400)
	if !strings.Contains(unknown.Raw, `"field":"email.bogus_event"`) || !strings.Contains(unknown.Raw, `"field":"email.password_reset"`) {
		t.Fatalf("unknown events not all reported: %s", unknown.Raw)
	}
	for _, bad := range []any{
		map[string]any{"email": map[string]any{"application_accepted": "no"}},
		map[string]any{"email": map[string]bool{}, "role": "admin"},
		`{"email": {"$ne": null}}`,
	} {
		e.do(req{method: "PUT", path: "/api/v1/me/notification-preferences", token: u.Access, body: bad}).expect(t, 400)
	}
	if after := e.get("/api/v1/me/notification-preferences", u.Access).expect(t, 200); after.Raw != put.Raw {
		t.Fatalf("a refused PUT changed the preferences: %s", after.Raw)
	}
	e.get("/api/v1/me/notification-preferences", "").expect(t, 401)
}

func TestNotificationsExportAndDeletion(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	u := e.signup(models.RoleVolunteer)
	params := map[string]string{"mission_title": "Appels", "org_name": "Secours", "link": "/missions/1"}
	if err := e.svc.Notify.Notify(ctx, u.ID, models.EventMissionInvitation, params); err != nil {
		t.Fatal(err)
	}
	export := e.get("/api/v1/me/export", u.Access).expect(t, 200)
	if n, _ := export.Body["notifications"].([]any); len(n) != 1 || export.Body["notification_preferences"] == nil {
		t.Fatalf("export: %s", export.Raw)
	}
	e.do(req{method: "DELETE", path: "/api/v1/me", token: u.Access}).expect(t, 204)
	items, total, err := e.store.Notifications(ctx, u.ID, false, 0, 10)
	if err != nil || total != 0 || len(items) != 0 {
		t.Fatalf("notifications kept after deletion: %d (%v)", total, err)
	}
	if jobs, _ := e.store.EmailJobs(ctx, "", 100); len(jobs) != 0 {
		t.Fatalf("e-mails kept after deletion: %+v", jobs)
	}
}

func TestOrganisationInvitationEmail(t *testing.T) {
	e, smtp := mailEnv(t)
	o := e.newOrg("Banque alimentaire")
	e.post("/api/v1/organizations/"+o.id+"/invitations", o.owner.Access, map[string]string{"email": "Colleague@Example.org"}).expect(t, 201)
	e.sendMail()
	m := mailWith(t, smtp, "colleague@example.org", "Rejoignez Banque alimentaire")
	if !strings.Contains(m.Text, "/invitations/") {
		t.Fatalf("no accept link:\n%s", m.Text)
	}
}

func TestDevMailBox(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_ENV", "development"), withEnv("ENTRAIDE_DATA", t.TempDir()))
	e.post("/api/v1/auth/signup", "", map[string]string{
		"email": uniqueEmail("dev"), "password": "correct horse battery staple", "name": "Eve <script>x</script>", "role": "volunteer",
	}).expect(t, 201)
	if sent := e.sendMail(); sent != 1 {
		t.Fatalf("sent %d", sent)
	}
	list := e.do(req{method: "GET", path: "/dev/mail", header: map[string]string{"Accept": "application/json"}}).expect(t, 200)
	items := list.items(t)
	if len(items) != 1 || items[0]["subject"] != "Confirmez votre adresse e-mail" {
		t.Fatalf("list: %s", list.Raw)
	}
	name := items[0]["name"].(string)
	page := e.do(req{method: "GET", path: "/dev/mail", header: map[string]string{"Accept": "text/html"}}).expect(t, 200)
	if !strings.Contains(page.Raw, `href="/dev/mail/`+name+`"`) {
		t.Fatalf("page: %s", page.Raw)
	}
	msg := e.get("/dev/mail/"+name, "").expect(t, 200)
	if strings.Contains(msg.Raw, "<script>") || !strings.Contains(msg.Raw, "Eve &lt;script&gt;") || !strings.Contains(msg.Raw, "confirm-email?token=") {
		t.Fatalf("message page: %s", msg.Raw)
	}
	raw := e.get("/dev/mail/"+name+"?raw=1", "").expect(t, 200)
	if !strings.HasPrefix(raw.Header.Get("Content-Type"), "text/plain") || !strings.Contains(raw.Raw, "Message-ID:") {
		t.Fatalf("raw: %v %s", raw.Header, raw.Raw)
	}
	e.get("/dev/mail/..%2F..%2Fjwt.secret", "").expect(t, 404)
	e.get("/dev/mail/nothing.eml", "").expect(t, 404)

	// Outside development the mail box does not exist.
	prod := newEnv(t)
	prod.get("/dev/mail", "").expect(t, 404)
	prod.get("/dev/mail/"+name, "").expect(t, 404)
}
