package handlers_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store/storetest"
)

// BenchmarkWatch measures the coordinator's board and the volunteer's call
// page of a programme of 2,000 people and 200 volunteers on the embedded
// store, through HTTP; the set-up (a CSV import of 2,000 people, the
// pairing, 200 calls) is timed once and reported in the log.
//
//	go test -run '^$' -bench Watch -benchtime 200x ./handlers/
func BenchmarkWatch(b *testing.B) {
	const people, volunteers = 2000, 200
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL": "error", "ENTRAIDE_REQUEST_TIMEOUT": "10m"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		b.Fatal(err)
	}
	st := storetest.Open(b)
	svc, err := service.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), service.Options{Store: st, Argon2: &cheapArgon2})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	tokens, err := auth.NewTokens([]auth.Key{{ID: config.KeyID([]byte(testSecret)), Secret: []byte(testSecret)}}, "entraide", "entraide-api", nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	ownerID, owner := benchUser(b, st, tokens, models.RoleOrganization)
	_, org := benchCall(b, svc, "POST", "/api/v1/organizations", owner, orgBody("Bailleur social"))
	orgID, _ := org["id"].(string)
	base := "/api/v1/organizations/" + orgID + "/watch/programmes"
	_, prog := benchCall(b, svc, "POST", base, owner, map[string]any{"name": "Veille", "rhythm_days": 7,
		"ends_on": time.Now().UTC().AddDate(0, 6, 0).Format("2006-01-02")})
	programmeID, _ := prog["id"].(string)
	base += "/" + programmeID

	// 200 volunteers speaking French and one other language, free on a
	// few half-days; they join the programme directly (the eligibility
	// check reads applications, which this benchmark does not create).
	langs := []string{"ar", "es", "pt", "tr", "wo"}
	days := []string{"mon", "tue", "wed", "thu", "fri"}
	volTokens := map[string]string{}
	for i := range volunteers {
		id, token := benchUser(b, st, tokens, models.RoleVolunteer)
		volTokens[id] = token
		prof := models.Profile{Languages: []string{"fr", langs[i%len(langs)]}, RadiusKm: 10,
			Availability: map[string][]string{days[i%5]: {"morning", "afternoon"}, days[(i+2)%5]: {"evening"}}}
		if err := st.SetProfile(ctx, id, prof, time.Now().UTC()); err != nil {
			b.Fatal(err)
		}
		if err := st.AddWatchVolunteer(ctx, programmeID, models.WatchVolunteer{UserID: id, Name: fmt.Sprintf("Bénévole %d", i), JoinedAt: time.Now().UTC()}); err != nil {
			b.Fatal(err)
		}
	}
	var csv strings.Builder
	csv.WriteString("first_name,phone,languages,best_times,consent_by,consent_at,consent_how\n")
	for i := range people {
		fmt.Fprintf(&csv, "Personne%d,04 91 %02d %02d %02d,%s;fr,%s-morning,person,2026-01-02,phone\n",
			i, i/10000%100, i/100%100, i%100, langs[i%len(langs)], days[i%5])
	}
	start := time.Now()
	r := httptest.NewRequest("POST", base+"/people/import", strings.NewReader(csv.String()))
	r.Header.Set("Content-Type", "text/csv")
	r.Header.Set("Authorization", "Bearer "+owner)
	resp, err := svc.Server.App().Test(r, 600_000)
	if err != nil || resp.StatusCode != 201 {
		b.Fatalf("import: %v %v", resp, err)
	}
	resp.Body.Close()
	b.Logf("import of %d people: %v", people, time.Since(start).Round(time.Millisecond))

	start = time.Now()
	_, proposal := benchCall(b, svc, "GET", base+"/pairing", owner, nil)
	items, _ := proposal["items"].([]any)
	b.Logf("pairing proposal: %d pairs in %v", len(items), time.Since(start).Round(time.Millisecond))
	pairs := make([]map[string]string, 0, len(items))
	assigned := make([][2]string, 0, len(items)) // person, volunteer
	for _, it := range items {
		m := it.(map[string]any)
		pairs = append(pairs, map[string]string{"person_id": m["person_id"].(string), "volunteer_id": m["volunteer_id"].(string)})
		assigned = append(assigned, [2]string{m["person_id"].(string), m["volunteer_id"].(string)})
	}
	start = time.Now()
	// In requests of 250 pairs: on a busy machine one request of 2,000
	// outlasts app.Test's timeout.
	for i := 0; i < len(pairs); i += 250 {
		if status, out := benchCall(b, svc, "POST", base+"/pairing", owner, map[string]any{"pairs": pairs[i:min(i+250, len(pairs))]}); status != 200 {
			b.Fatalf("pairing: %d %v", status, out)
		}
	}
	b.Logf("applying %d pairs: %v", len(pairs), time.Since(start).Round(time.Millisecond))
	if len(assigned) == 0 {
		b.Fatal("nobody paired")
	}
	// A first round of calls, one person in ten, so that the board has
	// reached, unanswered and never-reached people.
	start = time.Now()
	calls := 0
	for i := 0; i < len(assigned); i += 10 {
		outcome := []string{"reached", "reached", "no_answer"}[i/10%3]
		benchCall(b, svc, "POST", "/api/v1/me/watch/people/"+assigned[i][0]+"/calls", volTokens[assigned[i][1]], map[string]string{"outcome": outcome})
		calls++
	}
	b.Logf("%d calls logged: %v", calls, time.Since(start).Round(time.Millisecond))
	// Access tokens last 15 minutes: the set-up may take longer on a busy
	// machine, so the timed part gets fresh ones.
	reissue := func(id string, role models.Role) string {
		token, err := tokens.Issue(id, string(role), nil, 0)
		if err != nil {
			b.Fatal(err)
		}
		return token
	}
	owner = reissue(ownerID, models.RoleOrganization)
	person, volunteer := assigned[0][0], reissue(assigned[0][1], models.RoleVolunteer)

	b.Run("board", func(b *testing.B) {
		for b.Loop() {
			if status, _ := benchCall(b, svc, "GET", base+"/board", owner, nil); status != 200 {
				b.Fatalf("board: %d", status)
			}
		}
	})
	b.Run("call page", func(b *testing.B) {
		var size int
		for b.Loop() {
			r := httptest.NewRequest("GET", "/me/watch/"+person, nil)
			r.Header.Set("Accept", "text/html")
			r.Header.Set("Authorization", "Bearer "+volunteer)
			resp, err := svc.Server.App().Test(r, 300_000)
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("call page: %v %v", resp, err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			size = len(body)
		}
		b.ReportMetric(float64(size), "bytes/page")
	})
	b.Run("my list", func(b *testing.B) {
		for b.Loop() {
			if status, _ := benchCall(b, svc, "GET", "/api/v1/me/watch", volunteer, nil); status != 200 {
				b.Fatalf("list: %d", status)
			}
		}
	})
	b.Run("log call", func(b *testing.B) {
		for b.Loop() {
			if status, out := benchCall(b, svc, "POST", "/api/v1/me/watch/people/"+person+"/calls", volunteer, map[string]string{"outcome": "reached"}); status != 201 {
				b.Fatalf("log call: %d %v", status, out)
			}
		}
	})
}
