package handlers_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

// benchCall sends one JSON request and decodes the answer.
func benchCall(tb testing.TB, svc *service.Service, method, path, token string, body any) (int, map[string]any) {
	var reader io.Reader
	if body != nil {
		data, _ := json.Marshal(body)
		reader = strings.NewReader(string(data))
	}
	r := httptest.NewRequest(method, path, reader)
	r.Header.Set("Content-Type", "application/json")
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := svc.Server.App().Test(r, 300_000)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

// benchUser creates an account in the store and signs its access token.
func benchUser(tb testing.TB, st *store.Store, tokens *auth.Tokens, role models.Role) (string, string) {
	now := time.Now().UTC()
	u := models.User{ID: store.NewID(), Email: uniqueEmail("bench"), Name: "Bench " + string(role), Language: "fr",
		Role: role, Status: models.UserActive, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateUser(context.Background(), &u); err != nil {
		tb.Fatal(err)
	}
	token, err := tokens.Issue(u.ID, string(role), nil, 0)
	if err != nil {
		tb.Fatal(err)
	}
	return u.ID, token
}

// BenchmarkApplications measures applications per second through the HTTP
// API on the embedded store, with concurrent volunteers: "waitlisted"
// applies to a full auto-accept shift (the common case of a burst),
// "accepted" to auto-accept shifts with room (a place taken, the
// volunteer and the organisation notified).
//
//	go test -run '^$' -bench Applications -benchtime 1000x ./handlers/
func BenchmarkApplications(b *testing.B) {
	b.Run("waitlisted", func(b *testing.B) { benchApply(b, 10) })
	b.Run("accepted", func(b *testing.B) { benchApply(b, models.MaxShiftCapacity) })
}

func benchApply(b *testing.B, capacity int) {
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL": "error", "ENTRAIDE_REQUEST_TIMEOUT": "5m"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		b.Fatal(err)
	}
	st := storetest.Open(b)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := service.Open(context.Background(), cfg, log, service.Options{Store: st, Argon2: &cheapArgon2})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	tokens, err := auth.NewTokens([]auth.Key{{ID: config.KeyID([]byte(testSecret)), Secret: []byte(testSecret)}}, "entraide", "entraide-api", nil)
	if err != nil {
		b.Fatal(err)
	}
	_, admin := benchUser(b, st, tokens, models.RoleAdmin)
	ownerID, owner := benchUser(b, st, tokens, models.RoleOrganization)
	_, org := benchCall(b, svc, "POST", "/api/v1/organizations", owner, orgBody("Banque alimentaire"))
	orgID, _ := org["id"].(string)
	benchCall(b, svc, "POST", "/api/v1/admin/organizations/"+orgID+"/verify", admin, map[string]string{})
	// The owner's token must name the organisation now.
	owner, _ = tokens.Issue(ownerID, string(models.RoleOrganization), []string{orgID}, 0)
	body := missionBody("Distribution du samedi")
	body["auto_accept"] = true
	shifts := make([]any, b.N/capacity+1)
	for i := range shifts {
		shifts[i] = futureShift(3+i, capacity)
	}
	body["shifts"] = shifts
	status, mission := benchCall(b, svc, "POST", "/api/v1/organizations/"+orgID+"/missions", owner, body)
	if status != 201 {
		b.Fatalf("mission: %d %v", status, mission)
	}
	missionID := mission["id"].(string)
	benchCall(b, svc, "POST", "/api/v1/organizations/"+orgID+"/missions/"+missionID+"/submit", owner, nil)
	benchCall(b, svc, "POST", "/api/v1/admin/missions/"+missionID+"/publish", admin, map[string]string{})
	var paths []string
	for _, sh := range mission["shifts"].([]any) {
		paths = append(paths, "/api/v1/missions/"+missionID+"/shifts/"+sh.(map[string]any)["id"].(string)+"/applications")
	}
	if capacity == 10 {
		// Fill the one shift before timing: every application waits.
		paths = paths[:1]
		for range capacity {
			_, v := benchUser(b, st, tokens, models.RoleVolunteer)
			benchCall(b, svc, "POST", paths[0], v, nil)
		}
	}
	volunteers := make([]string, b.N)
	for i := range volunteers {
		_, volunteers[i] = benchUser(b, st, tokens, models.RoleVolunteer)
	}
	var next, failed atomic.Int64
	b.SetParallelism(50) // 100 requests in flight on 2 CPUs, as many as the driver pool serves
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1) - 1
			if status, _ := benchCall(b, svc, "POST", paths[int(i)/capacity%len(paths)], volunteers[i], nil); status != 201 {
				failed.Add(1)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "applications/s")
	if failed.Load() > 0 {
		b.Fatalf("%d applications failed", failed.Load())
	}
}
