package handlers_test

import (
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// seriesFixture is a published mission with a weekly shift.
type seriesFixture struct {
	org       orgFixture
	missionID string
	shiftIDs  []string
}

func (f seriesFixture) applyPath() string { return "/api/v1/missions/" + f.missionID + "/applications" }
func (f seriesFixture) minePath() string {
	return "/api/v1/me/missions/" + f.missionID + "/applications"
}

// publishedSeries publishes a mission of weeks weekly shifts of capacity
// places, the first in three days; edit changes the mission body first.
func (e *env) publishedSeries(weeks, capacity int, edit func(map[string]any)) seriesFixture {
	e.t.Helper()
	admin := e.admin()
	f := seriesFixture{org: e.verifiedOrg("Épicerie solidaire", admin)}
	body := missionBody("Distribution du mardi")
	var shifts []any
	for i := range weeks {
		shifts = append(shifts, futureShift(3+7*i, capacity))
	}
	body["shifts"] = shifts
	if edit != nil {
		edit(body)
	}
	base := "/api/v1/organizations/" + f.org.id + "/missions/"
	r := e.post(base, f.org.owner.Access, body).expect(e.t, 201)
	f.missionID = r.str("id")
	for _, sh := range r.Body["shifts"].([]any) {
		f.shiftIDs = append(f.shiftIDs, sh.(map[string]any)["id"].(string))
	}
	e.post(base+f.missionID+"/submit", f.org.owner.Access, nil).expect(e.t, 200)
	e.post("/api/v1/admin/missions/"+f.missionID+"/publish", admin.Access, map[string]string{}).expect(e.t, 200)
	return f
}

// seriesApps returns a series answer's applications and refusals.
func seriesApps(t *testing.T, r response) (apps, refused []map[string]any) {
	t.Helper()
	for key, out := range map[string]*[]map[string]any{"applications": &apps, "refused": &refused} {
		list, ok := r.Body[key].([]any)
		if !ok {
			t.Fatalf("no %s in %s", key, r.Raw)
		}
		for _, it := range list {
			*out = append(*out, it.(map[string]any))
		}
	}
	return apps, refused
}

func TestSeriesApplyAll(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(4, 1, autoAccept)
	vol := e.signup(models.RoleVolunteer)
	r := e.post(f.applyPath(), vol.Access, map[string]any{"all": true, "message": "Tous les mardis"}).expect(t, 201)
	apps, refused := seriesApps(t, r)
	if len(apps) != 4 || len(refused) != 0 {
		t.Fatalf("all: %d made, %d refused: %s", len(apps), len(refused), r.Raw)
	}
	for i, a := range apps {
		if a["shift_id"] != f.shiftIDs[i] || a["status"] != "accepted" || a["message"] != "Tous les mardis" {
			t.Fatalf("application %d: %v", i, a)
		}
	}
	// One line per date in the series resource, earliest first.
	mine := e.get(f.minePath(), vol.Access).expect(t, 200)
	if items := mine.items(t); len(items) != 4 || items[0]["shift_id"] != f.shiftIDs[0] {
		t.Fatalf("series: %s", mine.Raw)
	}
	// Every date is taken: "all" has nothing left.
	r = e.post(f.applyPath(), vol.Access, map[string]any{"all": true}).expect(t, 409)
	if r.str("code") != "already_applied" {
		t.Fatalf("all again: %s", r.Raw)
	}
	// The calendar feed lists each date.
	feed := e.post("/api/v1/me/calendar", vol.Access, nil).expect(t, 201).str("url")
	ics := e.get(feed[strings.Index(feed, "/api/v1/"):], "").expect(t, 200)
	if n := len(parseICS(t, ics.Raw)); n != 4 {
		t.Fatalf("calendar feed has %d events, want 4:\n%s", n, ics.Raw)
	}
}

func TestSeriesApplyPartialRefusal(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(3, 1, autoAccept)
	vol, other := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	// The second date is full: the series waits there.
	e.post(f.applyPath(), other.Access, map[string]any{"shift_id": f.shiftIDs[1]}).expect(t, 201)
	// The volunteer already applied to the third date alone.
	single := e.post(f.applyPath(), vol.Access, map[string]any{"shift_id": f.shiftIDs[2]}).expect(t, 201)
	if single.str("shift_id") != f.shiftIDs[2] || single.str("status") != "accepted" {
		t.Fatalf("single shift through the mission route: %s", single.Raw)
	}
	r := e.post(f.applyPath(), vol.Access, map[string]any{"shift_ids": f.shiftIDs}).expect(t, 201)
	apps, refused := seriesApps(t, r)
	if len(apps) != 2 || apps[0]["status"] != "accepted" || apps[1]["status"] != "waitlisted" {
		t.Fatalf("made: %s", r.Raw)
	}
	if len(refused) != 1 || refused[0]["shift_id"] != f.shiftIDs[2] || refused[0]["code"] != "already_applied" ||
		refused[0]["type"] != "/problems/conflict" || refused[0]["detail"] == "" {
		t.Fatalf("refused: %s", r.Raw)
	}
	// Nothing left: the first refusal, with the list.
	r = e.post(f.applyPath(), vol.Access, map[string]any{"shift_ids": f.shiftIDs[1:]}).expect(t, 409)
	if list, _ := r.Body["refused"].([]any); len(list) != 2 {
		t.Fatalf("all refused: %s", r.Raw)
	}
}

func TestSeriesApplyInput(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(2, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	for _, body := range []any{
		map[string]any{},
		map[string]any{"all": true, "shift_id": f.shiftIDs[0]},
		map[string]any{"shift_ids": []string{}},
		map[string]any{"shift_ids": []string{f.shiftIDs[0], f.shiftIDs[0]}},
		map[string]any{"shift_ids": []string{"$ne"}},
		map[string]any{"shift_ids": map[string]any{"$ne": nil}},
		map[string]any{"all": true, "extra": 1},
	} {
		e.post(f.applyPath(), vol.Access, body).expect(t, 400)
	}
	// A shift of another mission is refused, the others are made.
	other := e.publishedSeries(1, 2, nil)
	r := e.post(f.applyPath(), vol.Access, map[string]any{"shift_ids": []string{f.shiftIDs[0], other.shiftIDs[0]}}).expect(t, 201)
	apps, refused := seriesApps(t, r)
	if len(apps) != 1 || len(refused) != 1 || refused[0]["type"] != "/problems/not-found" {
		t.Fatalf("other mission's shift: %s", r.Raw)
	}
	// The organisation's members do not apply to their own mission.
	e.post(f.applyPath(), f.org.owner.Access, map[string]any{"all": true}).expect(t, 403)
	// Nobody applies without signing in.
	e.post(f.applyPath(), "", map[string]any{"all": true}).expect(t, 401)
}

func TestSeriesWithdrawAll(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(3, 1, autoAccept)
	vol, waiting, stranger := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	e.post(f.applyPath(), vol.Access, map[string]any{"all": true}).expect(t, 201)
	w := e.post(f.applyPath(), waiting.Access, map[string]any{"shift_id": f.shiftIDs[2]}).expect(t, 201)
	mustJSONStatus(t, w, "waitlisted")

	// Another volunteer has no series here; nor can they read this one.
	e.get(f.minePath(), stranger.Access).expect(t, 404)
	e.post(f.minePath()+"/withdraw", stranger.Access, nil).expect(t, 404)
	// The organisation cannot withdraw a volunteer's series.
	e.post(f.minePath()+"/withdraw", f.org.owner.Access, nil).expect(t, 404)

	// The first date starts: it stays, the others go.
	e.advance(3*24*time.Hour+time.Hour, &vol, &waiting)
	r := e.post(f.minePath()+"/withdraw", vol.Access, map[string]string{"reason": "Je déménage"}).expect(t, 200)
	apps, refused := seriesApps(t, r)
	if len(apps) != 2 || len(refused) != 1 || refused[0]["shift_id"] != f.shiftIDs[0] || refused[0]["code"] != "shift_started" {
		t.Fatalf("withdraw all: %s", r.Raw)
	}
	for _, a := range apps {
		if a["status"] != "withdrawn" {
			t.Fatalf("withdrawn: %v", a)
		}
	}
	// The place freed on the third date went to the waiting list.
	mustJSONStatus(t, e.get("/api/v1/me/applications/"+w.str("id"), waiting.Access).expect(t, 200), "offered")
	// Withdrawing again withdraws nothing more.
	r = e.post(f.minePath()+"/withdraw", vol.Access, nil).expect(t, 200)
	if apps, _ := seriesApps(t, r); len(apps) != 0 {
		t.Fatalf("second withdrawal: %s", r.Raw)
	}
}

func TestSeriesApplyAgainAfterWithdrawal(t *testing.T) {
	e := newEnv(t)
	f := e.publishedSeries(2, 2, nil)
	vol := e.signup(models.RoleVolunteer)
	r := e.post(f.applyPath(), vol.Access, map[string]any{"all": true}).expect(t, 201)
	apps, _ := seriesApps(t, r)
	first := apps[0]["id"].(string)
	e.post("/api/v1/me/applications/"+first+"/withdraw", vol.Access, nil).expect(t, 200)
	// "All" finds the withdrawn date again, and reopens it.
	r = e.post(f.applyPath(), vol.Access, map[string]any{"all": true}).expect(t, 201)
	apps, refused := seriesApps(t, r)
	if len(apps) != 1 || len(refused) != 0 || apps[0]["id"] != first || apps[0]["status"] != "pending" {
		t.Fatalf("apply again: %s", r.Raw)
	}
	history := apps[0]["history"].([]any)
	var path []string
	for _, h := range history {
		path = append(path, h.(map[string]any)["to"].(string))
	}
	if len(path) != 3 || path[0] != "pending" || path[1] != "withdrawn" || path[2] != "pending" {
		t.Fatalf("history %v", path)
	}
	// The organisation sees one application per date, the reopened one
	// pending again.
	list := e.get("/api/v1/organizations/"+f.org.id+"/missions/"+f.missionID+"/applications?status=pending", f.org.owner.Access).expect(t, 200)
	if n := len(list.items(t)); n != 2 {
		t.Fatalf("organisation sees %d pending applications: %s", n, list.Raw)
	}
}
