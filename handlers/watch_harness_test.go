package handlers_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/entraide/entraide/models"
)

// watchFixture is an organisation with a watch programme and volunteers
// whose applications it accepted.
type watchFixture struct {
	shift      shiftFixture
	programme  string
	volunteers []user
}

func (f watchFixture) base() string {
	return "/api/v1/organizations/" + f.shift.org.id + "/watch/programmes/" + f.programme
}

func (f watchFixture) coordinator() string { return f.shift.org.owner.Access }

// volunteerProfile is a volunteer's languages and availability.
type volunteerProfile struct {
	languages    []string
	availability map[string][]string
}

// watchSetup publishes a mission, has each volunteer apply (accepted at
// once), sets their profiles, creates a programme and adds them to it.
func (e *env) watchSetup(profiles ...volunteerProfile) watchFixture {
	e.t.Helper()
	f := watchFixture{shift: e.publishedShift(5, len(profiles)+5, autoAccept)}
	for i, prof := range profiles {
		v := e.signup(models.RoleVolunteer)
		e.do(req{method: "PUT", path: "/api/v1/me/profile", token: v.Access, body: map[string]any{
			"languages": prof.languages, "availability": prof.availability, "remote": true,
		}}).expect(e.t, 200)
		e.post(f.shift.applyPath(), v.Access, map[string]string{"message": fmt.Sprintf("Volontaire %d", i)}).expect(e.t, 201)
		f.volunteers = append(f.volunteers, v)
	}
	ends := e.clock.Now().AddDate(0, 3, 0).Format("2006-01-02")
	r := e.post("/api/v1/organizations/"+f.shift.org.id+"/watch/programmes", f.coordinator(), map[string]any{
		"name": "Veille canicule", "rhythm_days": 7, "ends_on": ends,
	}).expect(e.t, 201)
	f.programme = r.str("id")
	for _, v := range f.volunteers {
		e.post(f.base()+"/volunteers", f.coordinator(), map[string]string{"email": v.Email}).expect(e.t, 201)
	}
	return f
}

// person is a valid person body.
func person(name, phone string, languages []string, times []string) map[string]any {
	return map[string]any{
		"first_name": name, "phone": phone, "languages": languages, "best_times": times,
		"consent_by": "person", "consent_at": time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02"), "consent_how": "phone",
	}
}

// addPerson adds a person and returns their id.
func (e *env) addPerson(f watchFixture, body map[string]any) string {
	e.t.Helper()
	return e.post(f.base()+"/people", f.coordinator(), body).expect(e.t, 201).str("id")
}

// assign gives a person to a volunteer.
func (e *env) assign(f watchFixture, personID, volunteerID string) {
	e.t.Helper()
	var v any
	if volunteerID != "" {
		v = volunteerID
	}
	e.do(req{method: "PUT", path: f.base() + "/people/" + personID + "/volunteer", token: f.coordinator(),
		body: map[string]any{"volunteer_id": v}}).expect(e.t, 200)
}

// csvOf renders people as an import file.
func csvOf(lines ...string) string {
	return "first_name,phone,languages,best_times,consent_by,consent_at,consent_how\n" + strings.Join(lines, "\n") + "\n"
}
