package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// shiftFixture is a published mission with one shift.
type shiftFixture struct {
	org       orgFixture
	admin     user
	missionID string
	shiftID   string
	start     time.Time
}

// missionPath is the organisation's path of the fixture's mission.
func (f shiftFixture) missionPath() string {
	return "/api/v1/organizations/" + f.org.id + "/missions/" + f.missionID
}

// applyPath is where volunteers apply to the fixture's shift.
func (f shiftFixture) applyPath() string {
	return "/api/v1/missions/" + f.missionID + "/shifts/" + f.shiftID + "/applications"
}

func (f shiftFixture) appPath(id string) string {
	return "/api/v1/organizations/" + f.org.id + "/applications/" + id
}

// publishedShift publishes a mission of one shift days ahead with
// capacity places; edit changes the mission body first.
func (e *env) publishedShift(days, capacity int, edit func(map[string]any)) shiftFixture {
	e.t.Helper()
	f := shiftFixture{admin: e.admin()}
	f.org = e.verifiedOrg("Banque alimentaire", f.admin)
	body := missionBody("Distribution du samedi")
	body["shifts"] = []any{futureShift(days, capacity)}
	if edit != nil {
		edit(body)
	}
	base := "/api/v1/organizations/" + f.org.id + "/missions/"
	r := e.post(base, f.org.owner.Access, body).expect(e.t, 201)
	f.missionID = r.str("id")
	shift := r.Body["shifts"].([]any)[0].(map[string]any)
	f.shiftID = shift["id"].(string)
	f.start, _ = time.Parse(time.RFC3339, shift["start"].(string))
	e.post(base+f.missionID+"/submit", f.org.owner.Access, nil).expect(e.t, 200)
	e.post("/api/v1/admin/missions/"+f.missionID+"/publish", f.admin.Access, map[string]string{}).expect(e.t, 200)
	return f
}

func autoAccept(body map[string]any) { body["auto_accept"] = true }

// shift reads the fixture's shift from the store.
func (e *env) shift(f shiftFixture) *models.Shift {
	e.t.Helper()
	sh, err := e.store.ShiftByID(context.Background(), f.missionID, f.shiftID)
	if err != nil {
		e.t.Fatal(err)
	}
	return sh
}

// countApps counts the shift's applications in a state.
func (e *env) countApps(f shiftFixture, status models.ApplicationStatus) int {
	e.t.Helper()
	n, err := e.store.CountApplications(context.Background(), store.ApplicationFilter{ShiftID: f.shiftID, Statuses: []models.ApplicationStatus{status}})
	if err != nil {
		e.t.Fatal(err)
	}
	return int(n)
}

// heldPlaces counts the shift's applications holding a place.
func (e *env) heldPlaces(f shiftFixture) int {
	e.t.Helper()
	n, err := e.store.CountApplications(context.Background(), store.ApplicationFilter{ShiftID: f.shiftID, Statuses: models.PlaceHolding()})
	if err != nil {
		e.t.Fatal(err)
	}
	return int(n)
}

// volunteers creates n volunteers directly in the store, with access
// tokens signed as the service signs them: signing up a thousand through
// the API would dominate the concurrency tests.
func (e *env) volunteers(n int) []user {
	e.t.Helper()
	tokens, err := auth.NewTokens([]auth.Key{{ID: config.KeyID([]byte(testSecret)), Secret: []byte(testSecret)}},
		"entraide", "entraide-api", e.clock.Now)
	if err != nil {
		e.t.Fatal(err)
	}
	out := make([]user, n)
	now := e.clock.Now()
	for i := range out {
		u := models.User{ID: store.NewID(), Email: uniqueEmail("bulk"), Name: "Bénévole " + itoa(i), Language: "fr",
			Role: models.RoleVolunteer, Status: models.UserActive, CreatedAt: now, UpdatedAt: now}
		if err := e.store.CreateUser(context.Background(), &u); err != nil {
			e.t.Fatal(err)
		}
		access, err := tokens.Issue(u.ID, string(u.Role), nil, 0)
		if err != nil {
			e.t.Fatal(err)
		}
		out[i] = user{ID: u.ID, Email: u.Email, Access: access}
	}
	return out
}

// advance moves the clock and logs users in again (access tokens last 15
// minutes of clock time).
func (e *env) advance(d time.Duration, users ...*user) {
	e.t.Helper()
	e.clock.Advance(d)
	for _, u := range users {
		e.login(u)
	}
}

// notificationKinds lists the kinds of a user's notifications.
func (e *env) notificationKinds(u user) []string {
	e.t.Helper()
	r := e.get("/api/v1/me/notifications?per_page=100", u.Access).expect(e.t, 200)
	var kinds []string
	for _, it := range r.items(e.t) {
		kinds = append(kinds, it["kind"].(string))
	}
	return kinds
}

func count(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

func (r response) num(key string) float64 {
	f, _ := r.Body[key].(float64)
	return f
}

func mustJSONStatus(t *testing.T, r response, status string) {
	t.Helper()
	if r.str("status") != status {
		t.Fatalf("status %q, want %q: %s", r.str("status"), status, r.Raw)
	}
}
