package handlers_test

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store/storetest"
)

// tryDo sends r from any goroutine: it reports errors instead of failing
// the test, which only the test goroutine may do.
func (e *env) tryDo(r req) (response, error) {
	resp, err := e.svc.Server.App().Test(e.build(r), 300_000)
	if err != nil {
		return response{}, err
	}
	return readResponse(resp), nil
}

func TestWaitlistOfferAndExpiry(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(10, 1, autoAccept)
	v1, v2, v3 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	a1 := e.post(f.applyPath(), v1.Access, nil).expect(t, 201).str("id")
	a2 := e.post(f.applyPath(), v2.Access, nil).expect(t, 201)
	a3 := e.post(f.applyPath(), v3.Access, nil).expect(t, 201)
	if a2.num("waitlist_rank") != 1 || a3.num("waitlist_rank") != 2 {
		t.Fatalf("ranks: %s / %s", a2.Raw, a3.Raw)
	}
	e.post("/api/v1/me/applications/"+a3.str("id")+"/confirm", v3.Access, nil).expect(t, 409)

	// A withdrawal offers the place to the first on the list, held 48 h.
	e.post("/api/v1/me/applications/"+a1+"/withdraw", v1.Access, nil).expect(t, 200)
	offer := e.get("/api/v1/me/applications/"+a2.str("id"), v2.Access).expect(t, 200)
	mustJSONStatus(t, offer, "offered")
	if exp, _ := time.Parse(time.RFC3339, offer.str("offer_expires_at")); (exp.Sub(e.clock.Now()) - models.OfferTTL).Abs() > time.Second {
		t.Fatalf("offer deadline: %s", offer.Raw)
	}
	if sh := e.shift(f); sh.Taken != 1 {
		t.Fatalf("taken %d with an offer out", sh.Taken)
	}
	if pos := e.get("/api/v1/me/applications/"+a3.str("id"), v3.Access).num("waitlist_position"); pos != 1 {
		t.Fatalf("position %v", pos)
	}
	if k := e.notificationKinds(v2); count(k, "waitlist_offer") != 1 {
		t.Fatalf("offer notification: %v", k)
	}

	// Not confirmed in 48 h: it passes to the next.
	e.advance(47*time.Hour, &v2, &v3)
	if n, err := e.svc.Applications.ExpireOffers(context.Background()); err != nil || n != 0 {
		t.Fatalf("expired %d early (%v)", n, err)
	}
	e.advance(2*time.Hour, &v2, &v3)
	if r := e.post("/api/v1/me/applications/"+a2.str("id")+"/confirm", v2.Access, nil).expect(t, 409); r.str("current_state") != "expired" {
		t.Fatalf("late confirmation: %s", r.Raw)
	}
	if n, err := e.svc.Applications.ExpireOffers(context.Background()); err != nil || n != 1 {
		t.Fatalf("expired %d (%v)", n, err)
	}
	mustJSONStatus(t, e.get("/api/v1/me/applications/"+a2.str("id"), v2.Access), "expired")
	mustJSONStatus(t, e.get("/api/v1/me/applications/"+a3.str("id"), v3.Access), "offered")
	mustJSONStatus(t, e.post("/api/v1/me/applications/"+a3.str("id")+"/confirm", v3.Access, nil).expect(t, 200), "accepted")
	if sh := e.shift(f); sh.Taken != 1 || e.heldPlaces(f) != 1 {
		t.Fatalf("taken %d, held %d", sh.Taken, e.heldPlaces(f))
	}
}

func TestWaitlistManualReview(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(10, 1, nil)
	v1, v2 := e.signup(models.RoleVolunteer), e.signup(models.RoleVolunteer)
	a1 := e.post(f.applyPath(), v1.Access, nil).expect(t, 201).str("id")
	e.post(f.appPath(a1)+"/accept", f.org.owner.Access, nil).expect(t, 200)
	a2 := e.post(f.applyPath(), v2.Access, nil).expect(t, 201)
	mustJSONStatus(t, a2, "waitlisted")
	// Accepting a waitlisted application needs a free place.
	if r := e.post(f.appPath(a2.str("id"))+"/accept", f.org.owner.Access, nil).expect(t, 409); r.Body["code"] != "shift_full" {
		t.Fatalf("full: %s", r.Raw)
	}
	// The freed place sends the waiting application back to review.
	e.post("/api/v1/me/applications/"+a1+"/withdraw", v1.Access, nil).expect(t, 200)
	mustJSONStatus(t, e.get("/api/v1/me/applications/"+a2.str("id"), v2.Access), "pending")
	mustJSONStatus(t, e.post(f.appPath(a2.str("id"))+"/accept", f.org.owner.Access, nil).expect(t, 200), "accepted")
}

// maxInFlight bounds the requests in flight at once: the driver's pool
// has 100 connections and a request that waits more than the 5 s server
// selection timeout for one gets a 503. All 1,000 goroutines start
// together and race for the same places; at most 100 talk to the store.
const maxInFlight = 100

func TestApplicationsConcurrentThousand(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	if testing.Short() {
		t.Skip("1,000 applicants")
	}
	e := newEnv(t, withEnv("ENTRAIDE_REQUEST_TIMEOUT", "5m"))
	f := e.publishedShift(10, 10, autoAccept)
	vols := e.volunteers(1000)
	type result struct {
		status string
		rank   int
		err    string
	}
	results := make([]result, len(vols))
	var wg sync.WaitGroup
	start := make(chan struct{})
	inFlight := make(chan struct{}, maxInFlight)
	for i, v := range vols {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			inFlight <- struct{}{}
			defer func() { <-inFlight }()
			r, err := e.tryDo(req{method: "POST", path: f.applyPath(), token: v.Access, body: map[string]string{"message": "Présent"}})
			switch {
			case err != nil:
				results[i].err = err.Error()
			case r.Status != 201:
				results[i].err = fmt.Sprintf("%d %s", r.Status, r.Raw)
			default:
				results[i] = result{status: r.str("status"), rank: int(r.num("waitlist_rank"))}
			}
		}()
	}
	began := time.Now()
	close(start)
	wg.Wait()
	t.Logf("1,000 applications in %v", time.Since(began))
	accepted := 0
	var ranks []int
	for i, r := range results {
		switch {
		case r.err != "":
			t.Fatalf("applicant %d: %s", i, r.err)
		case r.status == "accepted":
			accepted++
		case r.status == "waitlisted":
			ranks = append(ranks, r.rank)
		default:
			t.Fatalf("applicant %d: status %q", i, r.status)
		}
	}
	sort.Ints(ranks)
	if accepted != 10 || len(ranks) != 990 {
		t.Fatalf("%d accepted, %d waitlisted", accepted, len(ranks))
	}
	for i, rank := range ranks {
		if rank != i+1 {
			t.Fatalf("ranks are not 1..990: position %d has rank %d", i, rank)
		}
	}
	if sh := e.shift(f); sh.Taken != 10 || e.countApps(f, models.ApplicationAccepted) != 10 || e.countApps(f, models.ApplicationWaitlisted) != 990 {
		t.Fatalf("store: taken %d", sh.Taken)
	}
}

func TestApplicationsConcurrentAcceptWithdraw(t *testing.T) {
	storetest.NeedsAtomicUpdates(t)
	e := newEnv(t, withEnv("ENTRAIDE_REQUEST_TIMEOUT", "2m"))
	f := e.publishedShift(10, 15, nil)
	vols := e.volunteers(40)
	ids := make([]string, len(vols))
	for i, v := range vols {
		ids[i] = e.post(f.applyPath(), v.Access, nil).expect(t, 201).str("id")
	}
	// The organisation accepts everyone while every other volunteer
	// withdraws: each application ends accepted or withdrawn, never both.
	var wg sync.WaitGroup
	errs := make(chan string, 2*len(vols))
	for i, v := range vols {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := e.tryDo(req{method: "POST", path: f.appPath(ids[i]) + "/accept", token: f.org.owner.Access})
			if err != nil || (r.Status != 200 && r.Status != 409) {
				errs <- fmt.Sprintf("accept %d: %v %d %s", i, err, r.Status, r.Raw)
			}
		}()
		if i%2 == 0 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := e.tryDo(req{method: "POST", path: "/api/v1/me/applications/" + ids[i] + "/withdraw", token: v.Access})
				if err != nil || (r.Status != 200 && r.Status != 409) {
					errs <- fmt.Sprintf("withdraw %d: %v %d %s", i, err, r.Status, r.Raw)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
	accepted := e.countApps(f, models.ApplicationAccepted)
	if sh := e.shift(f); sh.Taken != accepted || accepted > 15 || accepted == 0 {
		t.Fatalf("taken %d, accepted %d", sh.Taken, accepted)
	}
	t.Logf("%d accepted, %d withdrawn", accepted, e.countApps(f, models.ApplicationWithdrawn))
}

func TestReconcileRepairsCrash(t *testing.T) {
	e := newEnv(t)
	f := e.publishedShift(10, 3, autoAccept)
	for range 2 {
		e.post(f.applyPath(), e.signup(models.RoleVolunteer).Access, nil).expect(t, 201)
	}
	ctx := context.Background()
	// A crash between taking the place and writing the application.
	if ok, err := e.store.TakePlace(ctx, f.shiftID); err != nil || !ok {
		t.Fatalf("take place: %v %v", ok, err)
	}
	late := e.signup(models.RoleVolunteer)
	mustJSONStatus(t, e.post(f.applyPath(), late.Access, nil).expect(t, 201), "waitlisted")

	// The first look may be a request in flight: nothing is lowered yet.
	if n, err := e.svc.Applications.ReconcilePlaces(ctx); err != nil || n != 0 {
		t.Fatalf("first look repaired %d (%v)", n, err)
	}
	if sh := e.shift(f); sh.Taken != 3 {
		t.Fatalf("taken %d after the first look", sh.Taken)
	}
	e.advance(applications.PlaceDriftGrace+time.Second, &late)
	if n, err := e.svc.Applications.ReconcilePlaces(ctx); err != nil || n != 1 {
		t.Fatalf("repaired %d (%v)", n, err)
	}
	// The freed place went to the waiting list.
	if sh := e.shift(f); sh.Taken != 3 || e.heldPlaces(f) != 3 || e.countApps(f, models.ApplicationOffered) != 1 {
		t.Fatalf("after repair: taken %d, held %d", sh.Taken, e.heldPlaces(f))
	}

	// A count below the applications is raised at once.
	if err := e.store.SetShiftTaken(ctx, f.shiftID, 1); err != nil {
		t.Fatal(err)
	}
	if n, err := e.svc.Applications.ReconcilePlaces(ctx); err != nil || n != 1 {
		t.Fatalf("raise repaired %d (%v)", n, err)
	}
	if sh := e.shift(f); sh.Taken != 3 {
		t.Fatalf("taken %d after raise", sh.Taken)
	}
	if n, err := e.svc.Applications.ReconcilePlaces(ctx); err != nil || n != 0 {
		t.Fatalf("clean run repaired %d (%v)", n, err)
	}
}
