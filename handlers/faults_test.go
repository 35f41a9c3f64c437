package handlers_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
)

// TestStoreOutage stops the database under a running instance: requests
// that need it get a fast 503 problem, search keeps answering from the
// index, /readyz says not ready, and everything recovers by itself when
// the database returns. It runs on an embedded server of its own, so that
// stopping it disturbs no other test.
func TestStoreOutage(t *testing.T) {
	emb, err := store.StartEmbedded(t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = emb.Close() })
	st, err := emb.Connect(context.Background(), "outage")
	if err != nil {
		t.Fatal(err)
	}
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_DATA": t.TempDir(), "ENTRAIDE_REQUEST_TIMEOUT": "1s"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	clk := &clock{now: time.Now().UTC()}
	svc, err := service.Open(context.Background(), cfg, watchPanics(t, slog.NewTextHandler(io.Discard, nil)),
		service.Options{Store: st, Argon2: &cheapArgon2, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = svc.Shutdown(context.Background())
		_ = st.Close(context.Background())
	})
	e := &env{t: t, svc: svc, store: st, clock: clk}
	admin := e.admin()
	o := e.verifiedOrg("Banque alimentaire", admin)
	e.publishedMission(o, admin, "Distribution du samedi")
	vol := e.signup(models.RoleVolunteer)

	emb.Stop()
	for _, r := range []req{
		{method: "GET", path: "/api/v1/me", token: vol.Access},
		{method: "POST", path: "/api/v1/auth/login", body: map[string]string{"email": vol.Email, "password": vol.Password}},
		{method: "GET", path: "/api/v1/missions/" + o.id},
		{method: "GET", path: "/readyz"},
	} {
		start := time.Now()
		got := e.do(r)
		took := time.Since(start)
		if got.Status != 503 || got.Header.Get("Retry-After") == "" {
			t.Fatalf("%s %s during the outage: %d %s", r.method, r.path, got.Status, got.Raw)
		}
		// How fast the 503 comes is a figure (docs/benchmarks.md, Faults),
		// not an assertion: on a loaded machine any bound would be a guess.
		t.Logf("outage: %s %s answered 503 in %s", r.method, r.path, took.Round(time.Millisecond))
	}
	search := e.get("/api/v1/missions?near=13001", "").expect(t, 200)
	if search.Body["total"] != float64(1) {
		t.Fatalf("search during the outage: %s", search.Raw)
	}
	e.get("/healthz", "").expect(t, 200)
	// The home page's account figures come from a count that may fail or
	// be slow; the page never does.
	e.get("/", "").expect(t, 200)

	restarted := time.Now()
	if err := emb.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for e.get("/readyz", "").Status != 200 {
		if time.Now().After(deadline) {
			t.Fatal("not ready 15 s after the store came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Logf("outage: ready again %s after the store came back", time.Since(restarted).Round(time.Millisecond))
	e.get("/api/v1/me", vol.Access).expect(t, 200)
	e.login(&vol)
}
