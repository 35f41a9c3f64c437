package handlers_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store/storetest"
)

// The volunteer-wide rules hold under simultaneous requests: each is one
// conditional update on the volunteer's document, not a count then a write.

// sendAll sends every request at once and returns the answers in order.
func (e *env) sendAll(reqs []req) []response {
	e.t.Helper()
	out := make([]response, len(reqs))
	errs := make([]error, len(reqs))
	var start, done sync.WaitGroup
	start.Add(1)
	for i := range reqs {
		done.Add(1)
		go func() {
			defer done.Done()
			start.Wait()
			out[i], errs[i] = e.tryDo(reqs[i])
		}()
	}
	start.Done()
	done.Wait()
	for _, err := range errs {
		if err != nil {
			e.t.Fatal(err)
		}
	}
	return out
}

func statusCounts(rs []response) map[int]int {
	n := map[int]int{}
	for _, r := range rs {
		n[r.Status]++
	}
	return n
}

func TestOpenApplicationCapUnderConcurrency(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	// Sixty requests queue on one volunteer: under the race detector on a
	// busy machine the last may wait longer than the usual request budget.
	e := newEnv(t, withEnv("ENTRAIDE_REQUEST_TIMEOUT", "5m"))
	f := e.publishedShift(3, 2, func(body map[string]any) {
		shifts := make([]any, 60)
		for i := range shifts {
			shifts[i] = futureShift(3+i, 2)
		}
		body["shifts"] = shifts
	})
	m := e.get("/api/v1/missions/"+f.missionID, "").expect(t, 200)
	vol := e.signup(models.RoleVolunteer)
	var reqs []req
	for _, sh := range m.Body["shifts"].([]any) {
		id := sh.(map[string]any)["id"].(string)
		reqs = append(reqs, req{method: "POST", path: "/api/v1/missions/" + f.missionID + "/shifts/" + id + "/applications", token: vol.Access})
	}
	if len(reqs) != 60 {
		t.Fatalf("%d shifts", len(reqs))
	}
	got := statusCounts(e.sendAll(reqs))
	if got[201] != models.MaxOpenApplications || got[422] != 60-models.MaxOpenApplications {
		t.Fatalf("answers %v, want %d created and the rest refused", got, models.MaxOpenApplications)
	}
	if r := e.get("/api/v1/me/applications?per_page=100", vol.Access).expect(t, 200); r.num("total") != models.MaxOpenApplications {
		t.Fatalf("stored applications: %s", r.Raw)
	}
}

func TestNoOverlappingAcceptanceUnderConcurrency(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	e := newEnv(t, withEnv("ENTRAIDE_REQUEST_TIMEOUT", "5m"))
	// Ten auto-accept missions whose shifts all overlap: a volunteer
	// applying to all at once gets one place only.
	var reqs []req
	for range 10 {
		f := e.publishedShift(6, 3, autoAccept)
		reqs = append(reqs, req{method: "POST", path: f.applyPath()})
	}
	vol := e.signup(models.RoleVolunteer)
	for i := range reqs {
		reqs[i].token = vol.Access
	}
	got := statusCounts(e.sendAll(reqs))
	if got[201] != 1 || got[409] != 9 {
		t.Fatalf("answers %v, want one accepted and nine overlaps", got)
	}

	// Two organisations accepting overlapping pending applications of one
	// volunteer at once: one acceptance only.
	other := e.signup(models.RoleVolunteer)
	var accepts []req
	for range 6 {
		f := e.publishedShift(8, 3, nil)
		id := e.post(f.applyPath(), other.Access, nil).expect(t, 201).str("id")
		accepts = append(accepts, req{method: "POST", path: f.appPath(id) + "/accept", token: f.org.owner.Access})
	}
	got = statusCounts(e.sendAll(accepts))
	if got[200] != 1 || got[409] != 5 {
		t.Fatalf("accept answers %v, want one accepted and five overlaps", got)
	}
	accepted := 0
	for _, a := range e.get("/api/v1/me/applications?per_page=100", other.Access).expect(t, 200).items(t) {
		if a["status"] == "accepted" {
			accepted++
		}
	}
	if accepted != 1 {
		t.Fatalf("%d accepted applications", accepted)
	}
}

func TestWaitlistOfferEndsAtShiftStart(t *testing.T) {
	e := newEnv(t)
	// The shift starts in a day, sooner than the 48-hour offer.
	f := e.publishedShift(1, 1, autoAccept)
	v1, v2 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	a1 := e.post(f.applyPath(), v1.Access, nil).expect(t, 201).str("id")
	a2 := e.post(f.applyPath(), v2.Access, nil).expect(t, 201).str("id")
	e.post("/api/v1/me/applications/"+a1+"/withdraw", v1.Access, nil).expect(t, 200)
	offer := e.get("/api/v1/me/applications/"+a2, v2.Access).expect(t, 200)
	mustJSONStatus(t, offer, "offered")
	if exp, _ := time.Parse(time.RFC3339, offer.str("offer_expires_at")); exp.After(f.start) {
		t.Fatalf("offer deadline %s after the shift's start %s", exp, f.start)
	}
	// The shift has started and ended: the offer cannot be confirmed.
	e.advance(30*time.Hour, &v2)
	if r := e.post("/api/v1/me/applications/"+a2+"/confirm", v2.Access, nil); r.Status != 409 {
		t.Fatalf("confirmation after the shift: %d %s", r.Status, r.Raw)
	}
	if n, err := e.svc.Applications.ExpireOffers(context.Background()); err != nil || n != 1 {
		t.Fatalf("expired %d (%v)", n, err)
	}
}
