package handlers_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store/storetest"
)

func TestPendingRemindersAndRelease(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	e := newEnv(t)
	f := e.publishedShift(30, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	appID := e.post(f.applyPath(), vol.Access, nil).expect(t, 201).str("id")
	srv, ctx := e.svc.Applications, context.Background()
	if n, err := srv.RemindPendingApplications(ctx); err != nil || n != 0 {
		t.Fatalf("fresh application reminded: %d %v", n, err)
	}

	// After 3 days, once, even with two instances running the job.
	e.advance(3*24*time.Hour+time.Minute, &vol, &f.org.owner)
	var wg sync.WaitGroup
	sent := make([]int, 2)
	for i := range sent {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sent[i], _ = srv.RemindPendingApplications(ctx)
		}()
	}
	wg.Wait()
	if sent[0]+sent[1] != 1 {
		t.Fatalf("3-day reminders sent: %v", sent)
	}
	if k := e.notificationKinds(f.org.owner); count(k, "application_received") != 2 {
		t.Fatalf("org notifications after 3 days: %v", k)
	}
	// After 7 days, the second one.
	e.advance(4*24*time.Hour, &vol, &f.org.owner)
	if n, err := srv.RemindPendingApplications(ctx); err != nil || n != 1 {
		t.Fatalf("7-day reminder: %d %v", n, err)
	}
	if n, _ := srv.RemindPendingApplications(ctx); n != 0 {
		t.Fatalf("reminded again: %d", n)
	}
	if n, err := srv.ReleaseUnanswered(ctx); err != nil || n != 0 {
		t.Fatalf("released at 7 days: %d %v", n, err)
	}

	// After 14 days it is released, and the volunteer pointed elsewhere.
	e.advance(7*24*time.Hour, &vol, &f.org.owner)
	if n, err := srv.ReleaseUnanswered(ctx); err != nil || n != 1 {
		t.Fatalf("released: %d %v", n, err)
	}
	mine := e.get("/api/v1/me/applications/"+appID, vol.Access).expect(t, 200)
	mustJSONStatus(t, mine, "released")
	notes := e.get("/api/v1/me/notifications", vol.Access).expect(t, 200).items(t)
	if len(notes) != 1 || notes[0]["kind"] != "application_declined" || !strings.Contains(notes[0]["params"].(map[string]any)["link"].(string), "/missions?category=food_aid") {
		t.Fatalf("volunteer told: %v", notes)
	}
	e.post(f.appPath(appID)+"/accept", f.org.owner.Access, nil).expect(t, 409)
}

func TestShiftReminders(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(3, 2, autoAccept)
	vol := e.signup(models.RoleVolunteer)
	e.post(f.applyPath(), vol.Access, nil).expect(t, 201)
	srv, ctx := e.svc.Applications, context.Background()
	if n, err := srv.RemindShifts(ctx); err != nil || n != 0 {
		t.Fatalf("early reminder: %d %v", n, err)
	}
	e.advance(f.start.Add(-23*time.Hour).Sub(e.clock.Now()), &vol)
	if n, err := srv.RemindShifts(ctx); err != nil || n != 1 {
		t.Fatalf("24 h reminder: %d %v", n, err)
	}
	if n, _ := srv.RemindShifts(ctx); n != 0 {
		t.Fatalf("24 h reminder twice: %d", n)
	}
	e.advance(f.start.Add(-time.Hour).Sub(e.clock.Now()), &vol)
	if n, err := srv.RemindShifts(ctx); err != nil || n != 1 {
		t.Fatalf("2 h reminder: %d %v", n, err)
	}
	k := e.notificationKinds(vol)
	if count(k, "shift_reminder_24h") != 1 || count(k, "shift_reminder_2h") != 1 {
		t.Fatalf("volunteer notifications: %v", k)
	}
}

func TestAttendanceRecordAndResponseTime(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(2, 3, nil)
	v1, v2 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: v1.Access, body: map[string]string{"name": "=1+2 Dupont"}}).expect(t, 200)
	a1 := e.post(f.applyPath(), v1.Access, nil).expect(t, 201).str("id")
	a2 := e.post(f.applyPath(), v2.Access, nil).expect(t, 201).str("id")
	// The organisation answers after 5 hours.
	e.advance(5*time.Hour, &v1, &v2, &f.org.owner)
	e.post(f.appPath(a1)+"/accept", f.org.owner.Access, nil).expect(t, 200)
	e.post(f.appPath(a2)+"/accept", f.org.owner.Access, nil).expect(t, 200)
	if r := e.post(f.appPath(a1)+"/attended", f.org.owner.Access, nil).expect(t, 409); r.Body["code"] != "shift_not_started" {
		t.Fatalf("attendance before the shift: %s", r.Raw)
	}
	if n, err := e.svc.Applications.UpdateResponseTimes(context.Background()); err != nil || n != 1 {
		t.Fatalf("response times: %d %v", n, err)
	}
	if h := e.get("/api/v1/organizations/"+f.org.id, "").expect(t, 200).Body["median_response_hours"]; h != float64(5) {
		t.Fatalf("median response hours %v", h)
	}

	e.advance(f.start.Add(4*time.Hour).Sub(e.clock.Now()), &v1, &v2, &f.org.owner, &f.admin)
	if r := e.post(f.appPath(a1)+"/attended", f.org.owner.Access, nil).expect(t, 200); r.num("hours") != 3 {
		t.Fatalf("attended: %s", r.Raw)
	}
	mustJSONStatus(t, e.post(f.appPath(a2)+"/no_show", f.org.owner.Access, nil).expect(t, 200), "no_show")
	e.post("/api/v1/me/applications/"+a2+"/withdraw", v2.Access, nil).expect(t, 409)

	next := e.publishedShift(6, 2, autoAccept)
	e.post(next.applyPath(), v1.Access, nil).expect(t, 201)
	rec := e.get("/api/v1/me/engagements", v1.Access).expect(t, 200)
	past, upcoming := rec.Body["past"].([]any), rec.Body["upcoming"].([]any)
	orgs := rec.Body["organizations"].([]any)
	if rec.num("total_hours") != 3 || len(past) != 1 || len(upcoming) != 1 || len(orgs) != 1 || orgs[0].(map[string]any)["hours"] != float64(3) {
		t.Fatalf("engagements: %s", rec.Raw)
	}
	page := e.get("/api/v1/me/attestation", v1.Access).expect(t, 200)
	if !strings.HasPrefix(page.Header.Get("Content-Type"), "text/html") || !strings.Contains(page.Raw, "Banque alimentaire") ||
		!strings.Contains(page.Raw, "<td>3</td>") || !strings.Contains(page.Raw, "=1&#43;2 Dupont") {
		t.Fatalf("attestation: %s", page.Raw)
	}

	csv := e.get(f.missionPath()+"/attendance.csv", f.org.owner.Access).expect(t, 200)
	if !strings.Contains(csv.Raw, "'=1+2 Dupont") || !strings.Contains(csv.Raw, v1.Email) || !strings.Contains(csv.Raw, "absence") {
		t.Fatalf("attendance csv: %s", csv.Raw)
	}
	// French headers and words, the shift in Paris time; the Excel variant
	// separates with semicolons after a byte order mark.
	paris, _ := time.LoadLocation("Europe/Paris")
	local := f.start.In(paris).Format("02/01/2006 15:04")
	if !strings.HasPrefix(csv.Raw, "\ufeffDébut,Fin,Nom,") || !strings.Contains(csv.Raw, local+",") || strings.Contains(csv.Raw, "no_show") {
		t.Fatalf("attendance csv in French: %s", csv.Raw)
	}
	excel := e.get(f.missionPath()+"/attendance.csv?format=excel", f.org.owner.Access).expect(t, 200)
	if !strings.HasPrefix(excel.Raw, "\ufeffDébut;Fin;Nom;") || !strings.Contains(excel.Raw, local+";") {
		t.Fatalf("attendance csv for Excel: %s", excel.Raw)
	}
	e.get(f.missionPath()+"/attendance.csv?format=xls", f.org.owner.Access).expect(t, 400)
	other := e.verifiedOrg("Autre asso", f.admin)
	e.get("/api/v1/organizations/"+other.id+"/missions/"+f.missionID+"/attendance.csv", other.owner.Access).expect(t, 404)
}

func TestApplicationExportAndAccountDeletion(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(5, 1, autoAccept)
	v1, v2 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	a1 := e.post(f.applyPath(), v1.Access, map[string]string{"message": "Motivé"}).expect(t, 201).str("id")
	a2 := e.post(f.applyPath(), v2.Access, nil).expect(t, 201).str("id")
	e.post("/api/v1/me/applications/"+a1+"/messages", v1.Access, map[string]string{"body": "Je viendrai à vélo"}).expect(t, 201)
	export := e.get("/api/v1/me/export", v1.Access).expect(t, 200)
	if !strings.Contains(export.Raw, a1) || !strings.Contains(export.Raw, "Je viendrai à vélo") || strings.Contains(export.Raw, a2) {
		t.Fatalf("export: %s", export.Raw)
	}
	e.do(req{method: "DELETE", path: "/api/v1/me", token: v1.Access}).expect(t, 204)
	mustJSONStatus(t, e.get("/api/v1/me/applications/"+a2, v2.Access), "offered")
	if sh := e.shift(f); sh.Taken != 1 || e.heldPlaces(f) != 1 {
		t.Fatalf("taken %d after deletion", sh.Taken)
	}
	thread := e.get(f.appPath(a1)+"/messages", f.org.owner.Access).expect(t, 200)
	if len(thread.items(t)) != 0 {
		t.Fatalf("deleted account's messages: %s", thread.Raw)
	}
}
