package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store/storetest"
)

// testClock is a settable clock for a site, so that a week can pass.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// startClockSite is startSite with a clock the test moves.
func startClockSite(t *testing.T, clk *testClock) *site {
	t.Helper()
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": "e2e-secret-0123456789-abcdefghijklmnop",
		"ENTRAIDE_RATE_LIMIT": "off", "ENTRAIDE_LOG_LEVEL": "error", "ENTRAIDE_SEED": "off"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	cheap := auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32}
	svc, err := service.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)),
		service.Options{Store: storetest.Open(t), Argon2: &cheap, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = svc.Server.App().Listener(ln) }()
	t.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	return &site{URL: "http://" + ln.Addr().String(), svc: svc}
}

// apiAs sends a JSON request with a bearer token and checks the status.
func (s *site) apiAs(t *testing.T, token, method, path string, body any, status int) map[string]any {
	t.Helper()
	data, _ := json.Marshal(body)
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if resp.StatusCode != status {
		t.Fatalf("%s %s: status %d, want %d: %v", method, path, resp.StatusCode, status, out)
	}
	return out
}

func (s *site) token(t *testing.T, email string) string {
	t.Helper()
	out := s.api(t, http.MethodPost, "/api/v1/auth/login", map[string]string{"email": email, "password": password}, http.StatusOK)
	return out["access_token"].(string)
}

// TestWatchProgrammeJourney walks issue 15 in Chromium without
// JavaScript: a coordinator imports 20 people; the programme proposes
// pairs by language and availability; a volunteer logs calls including a
// level-2 concern; the coordinator is notified, handles and closes it;
// a week later the board shows who is overdue.
func TestWatchProgrammeJourney(t *testing.T) {
	clk := &testClock{now: time.Now().UTC()}
	s := startClockSite(t, clk)

	// An organisation, verified, with a published auto-accept mission two
	// volunteers were accepted to: one speaks Arabic and is free on
	// mornings, the other Wolof and free in the evening.
	admin := s.token(t, s.newAdmin(t))
	ownerEmail := newEmail("coordinator")
	s.api(t, http.MethodPost, "/api/v1/auth/signup", map[string]string{"email": ownerEmail, "password": password, "name": "Nadia Coordinatrice", "role": "organization"}, http.StatusCreated)
	owner := s.token(t, ownerEmail)
	org := s.apiAs(t, owner, "POST", "/api/v1/organizations", map[string]any{
		"name": "Foyer Solidarité", "kind": "association", "siret": "73282932000074", "address": "3 rue des Docks", "postcode": "13002",
		"description": "Association des résidences de travailleurs migrants.", "contact_email": "contact@foyer.example.org", "contact_phone": "04 91 00 00 00",
	}, http.StatusCreated)
	orgID := org["id"].(string)
	s.apiAs(t, admin, "POST", "/api/v1/admin/organizations/"+orgID+"/verify", map[string]string{}, http.StatusOK)
	owner = s.token(t, ownerEmail)
	start := clk.Now().Add(72 * time.Hour).Truncate(time.Hour)
	mission := s.apiAs(t, owner, "POST", "/api/v1/organizations/"+orgID+"/missions", map[string]any{
		"title": "Appels aux résidents isolés", "description": "Appeler chaque semaine des résidents âgés, dans leur langue.",
		"category": "food_aid", "skills": []string{}, "languages": []string{"ar", "wo"}, "remote": true, "auto_accept": true,
		"shifts": []any{map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(2 * time.Hour).Format(time.RFC3339), "capacity": 5}},
	}, http.StatusCreated)
	missionID := mission["id"].(string)
	shiftID := mission["shifts"].([]any)[0].(map[string]any)["id"].(string)
	s.apiAs(t, owner, "POST", "/api/v1/organizations/"+orgID+"/missions/"+missionID+"/submit", nil, http.StatusOK)
	s.apiAs(t, admin, "POST", "/api/v1/admin/missions/"+missionID+"/publish", map[string]string{}, http.StatusOK)
	volunteers := map[string]string{}
	for _, v := range []struct {
		name, lang, slot string
	}{{"Karim Bénévole", "ar", "morning"}, {"Aminata Bénévole", "wo", "evening"}} {
		email := s.newVolunteer(t, v.name)
		token := s.token(t, email)
		days := map[string][]string{}
		for _, d := range []string{"mon", "tue", "wed", "thu", "fri"} {
			days[d] = []string{v.slot}
		}
		s.apiAs(t, token, "PUT", "/api/v1/me/profile", map[string]any{"languages": []string{"fr", v.lang}, "availability": days, "remote": true}, http.StatusOK)
		s.apiAs(t, token, "POST", "/api/v1/missions/"+missionID+"/shifts/"+shiftID+"/applications", nil, http.StatusCreated)
		volunteers[v.lang] = email
	}
	// Typed into a date field the French way: day, month, year.
	ends := clk.Now().AddDate(0, 3, 0).Format("02012006")

	// The coordinator creates the programme, adds the volunteers and
	// imports 20 people, all through the pages.
	coord := openTab(t, s, tabOptions{noScript: true})
	problems := coord.watch()
	coord.login(ownerEmail, password, "/organizations/")
	coord.open("/organizations/" + orgID + "/watch")
	coord.fill("#f-name", "Veille des résidences")
	coord.fill("#f-rhythm_days", "7")
	coord.fill("#f-ends_on", ends)
	coord.click(`main form button[type=submit]`)
	base := coord.path()
	if !strings.HasPrefix(base, "/organizations/"+orgID+"/watch/") {
		t.Fatalf("after creating the programme: %s; page: %s", base, coord.text())
	}
	// The volunteers accepted on the organisation's missions are listed:
	// the coordinator adds both.
	coord.open(base + "/volunteers")
	coord.expectText("Bénévoles acceptés sur vos missions", "Karim Bénévole", "Aminata Bénévole")
	for range volunteers {
		coord.click(`form[action$="/volunteers"] input[name=user_id] ~ button[type=submit]`)
	}
	coord.expectText("Dans le programme : Aminata Bénévole, Karim Bénévole", "Aucun autre bénévole accepté")
	var csv strings.Builder
	csv.WriteString("first_name,phone,languages,best_times,consent_by,consent_at,consent_how\n")
	for i := range 20 {
		lang, slot := "arabe", "matin"
		if i%2 == 1 {
			lang, slot = "wolof", "soir"
		}
		fmt.Fprintf(&csv, "Résident%02d,04 91 55 %02d %02d,%s,lundi %s,person,%s,phone\n", i, i, i, lang, slot, clk.Now().Format("2006-01-02"))
	}
	coord.open(base + "/people")
	coord.fill("#f-csv", csv.String())
	coord.click(`form[action$="/people/import"] button[type=submit]`)
	coord.expectText("La liste est importée", "Résident00", "Résident19")

	// The board proposes Karim for the Arabic speakers (mornings) and
	// Aminata for the Wolof speakers (evenings); the coordinator confirms.
	coord.open(base)
	coord.expectText("Personnes sans bénévole (20)", "(proposé)")
	doc := coord.document()
	for i := range 20 {
		want := "Karim Bénévole"
		if i%2 == 1 {
			want = "Aminata Bénévole"
		}
		row := find(doc, func(n *html.Node) bool {
			return n.Data == "tr" && strings.Contains(textOf(n), fmt.Sprintf("Résident%02d", i))
		})
		if row == nil {
			t.Fatalf("no pairing row for Résident%02d", i)
		}
		selected := find(row, func(n *html.Node) bool { return n.Data == "option" && hasAttr(n, "selected") })
		if selected == nil || strings.TrimSpace(textOf(selected)) != want {
			t.Fatalf("Résident%02d is proposed to %v, want %s", i, selected, want)
		}
	}
	coord.click(`form[action$="/pairing"] button[type=submit]`)
	coord.expectText("Les attributions sont enregistrées", "Chaque personne a son bénévole")

	// Karim calls: a level-2 concern for the first, no answer for another.
	vol := openTab(t, s, tabOptions{noScript: true})
	vproblems := vol.watch()
	vol.login(volunteers["ar"], password, "/me")
	vol.open("/me/watch")
	vol.expectText("Résident00", "Résident18")
	if strings.Contains(vol.text(), "Résident01") {
		t.Fatal("Karim sees a person assigned to Aminata")
	}
	vol.click(`a[href^="/me/watch/"]`)
	vol.do(clickOn(`label[for="f-concern-health"]`))
	vol.fill("#f-note", "Vertiges depuis deux jours")
	vol.click(`main form button[type=submit]`)
	vol.expectText("appel est enregistré")
	vol.click(`ul.cards li:nth-child(2) a[href^="/me/watch/"]`)
	vol.do(clickOn(`label[for="f-outcome-no_answer"]`))
	vol.click(`main form button[type=submit]`)
	vol.expectText("appel est enregistré")

	// The coordinator is told at once, in the app; handles and closes.
	coord.open("/me/notifications")
	coord.expectText("Veille des résidences", "inquiétude de santé")
	coord.open(base)
	coord.expectText("Inquiétudes en cours (1)", "2 — Inquiétude de santé")
	coord.click(`form[action$="/handle"] button[type=submit]`)
	coord.expectText("prise en charge par Nadia Coordinatrice")
	coord.click(`form[action$="/close"] button[type=submit]`)
	coord.expectText("Aucune inquiétude en cours", "Inquiétudes closes")

	// Eight days later, with a rhythm of seven days, all 20 are overdue:
	// 19 never reached, and the one reached eight days ago.
	clk.advance(8 * 24 * time.Hour)
	coord.open(base)
	coord.expectText("Pas jointes depuis plus de 7 jours (20)", "jointe il y a 8 jours", "jamais jointe")
	for _, p := range append(problems.all(), vproblems.all()...) {
		t.Errorf("page problem: %s", p)
	}

	// Every page passes the key pages' checks (375 and 1280 px, axe,
	// codes, size) with the programme under way; these need scripts.
	pages := newKeyPages(t)
	for _, who := range []struct {
		email, lands string
		pages        [][2]string
	}{
		{ownerEmail, "/organizations/", [][2]string{{"watch-programmes", "/organizations/" + orgID + "/watch"}, {"watch-board", base},
			{"watch-people", base + "/people"}, {"watch-volunteers", base + "/volunteers"}}},
		{volunteers["wo"], "/me", [][2]string{{"watch-mine", "/me/watch"}, {"watch-call", ""}}},
	} {
		tb := openTab(t, s, tabOptions{})
		tb.login(who.email, password, who.lands)
		for _, page := range who.pages {
			if page[1] == "" { // the first person's call page
				tb.open("/me/watch")
				tb.click(`a[href^="/me/watch/"]`)
			} else {
				tb.open(page[1])
			}
			pages.check(tb, page[0])
		}
	}
	pages.done()
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}
