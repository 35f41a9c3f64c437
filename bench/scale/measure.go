package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entraide/entraide/seeds"
)

// request is one HTTP call of a route; n numbers the calls of a run, so
// that each call can pick its own account or mission.
type request func(n int) (method, path, token string, body any)

// route is a measured route: a name for the table and how to build its
// requests. cookie sends the token as the page cookie, not a bearer.
type route struct {
	name   string
	needs  string // the account it needs: volunteer, org, admin, or none
	cookie bool
	build  request
}

// latencies of one route at one concurrency, with the status codes seen.
type latencies struct {
	durations []time.Duration
	codes     map[int]int
}

func (l *latencies) quantile(q float64) time.Duration {
	if len(l.durations) == 0 {
		return 0
	}
	return l.durations[int(float64(len(l.durations)-1)*q)]
}

type routeResult struct {
	name         string
	single, many latencies
}

type sizeResult struct {
	size                size
	seedTook            time.Duration
	seeded              bool
	firstStart, restart time.Duration
	routes              []routeResult
	publishedMissions   int
}

var client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}

// call makes one request and returns its status and decoded JSON body
// (nil for other bodies).
func call(base, method, path, token string, cookie bool, body any) (int, map[string]any, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept-Language", "fr")
	if token != "" {
		if cookie {
			req.AddCookie(&http.Cookie{Name: "entraide_access", Value: token})
		} else {
			req.Header.Set("Authorization", "Bearer "+token)
		}
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, nil, err
	}
	var out map[string]any
	_ = json.Unmarshal(data, &out)
	return resp.StatusCode, out, nil
}

// measure runs total requests of r with conns clients at once, or as many
// as start within budget (a slow route at a large size would otherwise
// take hours): the table shows how many were made.
func measure(base string, r route, total, conns int, budget time.Duration) latencies {
	deadline := time.Now().Add(budget)
	var next atomic.Int64
	var mu sync.Mutex
	res := latencies{codes: map[int]int{}}
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1)) - 1
				if n >= total || time.Now().After(deadline) {
					return
				}
				method, path, token, body := r.build(n)
				started := time.Now()
				code, _, err := call(base, method, path, token, r.cookie, body)
				took := time.Since(started)
				if err != nil {
					code = -1
				}
				mu.Lock()
				res.durations = append(res.durations, took)
				res.codes[code]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(res.durations)
	return res
}

// login returns an access token.
func login(base, email string) (string, error) {
	code, body, err := call(base, "POST", "/api/v1/auth/login", "", false, map[string]string{"email": email, "password": seeds.DemoPassword})
	if err != nil {
		return "", err
	}
	token, _ := body["access_token"].(string)
	if code != http.StatusOK || token == "" {
		return "", fmt.Errorf("login %s: status %d", email, code)
	}
	return token, nil
}

func loginRetry(base, email string) (string, error) {
	var err error
	for range 2 {
		var token string
		if token, err = login(base, email); err == nil {
			return token, nil
		}
	}
	return "", err
}

// fixtures are the accounts and records the routes use.
type fixtures struct {
	volunteers []string // access tokens, spread over the whole range of accounts
	emails     []string // e-mails to log in with: accounts drawn at random, each used once
	applicants []string // access tokens of other accounts drawn at random, one apply each
	org, admin string
	orgID      string
	orgMission []string // missions of organisation 1
	missions   []string // published missions
	shifts     [][2]string
}

func prepare(base string, s size, volunteers, requests int, seed uint64) (*fixtures, error) {
	fx := &fixtures{}
	// Login and apply use accounts drawn at random for this run, each once:
	// a rerun on a kept data set meets accounts that have not logged in or
	// applied yet, as a real day's traffic does, instead of the same few
	// accounts whose sessions and applications pile up run after run.
	r := rand.New(rand.NewPCG(seed, 11))
	drawn := map[int]bool{}
	draw := func() int {
		for {
			if n := 1 + r.IntN(s.Volunteers); !drawn[n] {
				drawn[n] = true
				return n
			}
		}
	}
	perRoute := min(2*requests, s.Volunteers/4)
	for range perRoute {
		fx.emails = append(fx.emails, seeds.SyntheticVolunteerEmail(draw()))
	}
	fmt.Fprintf(os.Stderr, "logging in %d volunteers for apply...\n", perRoute)
	for range perRoute {
		if token, err := loginRetry(base, seeds.SyntheticVolunteerEmail(draw())); err == nil {
			fx.applicants = append(fx.applicants, token)
		}
	}
	// Early and late accounts alike: a lookup must not cost more for the
	// account written last. A login that fails (the request budget ran
	// out) is retried, then the account skipped and counted.
	failed := 0
	for i := range volunteers {
		n := 1 + i*(s.Volunteers-1)/max(volunteers-1, 1)
		token, err := loginRetry(base, seeds.SyntheticVolunteerEmail(n))
		if err != nil {
			failed++
			continue
		}
		fx.volunteers = append(fx.volunteers, token)
	}
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "%d of %d volunteer logins failed during preparation\n", failed, volunteers)
	}
	// An account that cannot log in leaves its routes out of the table,
	// with a note, rather than stopping the run.
	var err error
	if fx.org, err = loginRetry(base, seeds.SyntheticOrgEmail(1)); err != nil {
		fmt.Fprintln(os.Stderr, "organisation login failed:", err)
	}
	if fx.admin, err = loginRetry(base, seeds.SyntheticAdminEmail); err != nil {
		fmt.Fprintln(os.Stderr, "admin login failed:", err)
	}
	if fx.org != "" {
		fx.orgMissions(base)
	}
	// Published missions from the search (answered from memory), then
	// their shifts from the mission API.
	for page := 1; page <= 2; page++ {
		_, body, err := call(base, "GET", fmt.Sprintf("/api/v1/missions?per_page=50&page=%d&sort=date", page), "", false, nil)
		if err != nil {
			return nil, err
		}
		for _, it := range items(body) {
			if id, _ := it["id"].(string); id != "" {
				fx.missions = append(fx.missions, id)
			}
		}
	}
	if len(fx.missions) == 0 {
		return nil, fmt.Errorf("no published missions")
	}
	// Shifts of every mission read: each apply draws one.
	for _, id := range fx.missions {
		_, body, err := call(base, "GET", "/api/v1/missions/"+id, "", false, nil)
		if err != nil {
			return nil, err
		}
		shifts, _ := body["shifts"].([]any)
		for _, sh := range shifts {
			m, _ := sh.(map[string]any)
			if sid, _ := m["id"].(string); sid != "" {
				fx.shifts = append(fx.shifts, [2]string{id, sid})
			}
		}
	}
	return fx, nil
}

// orgMissions finds organisation 1 and its missions; on failure the
// organisation's route is left out.
func (fx *fixtures) orgMissions(base string) {
	code, body, err := call(base, "GET", "/api/v1/me/organizations", fx.org, false, nil)
	if err != nil || code != 200 {
		fmt.Fprintf(os.Stderr, "my organisations: %d %v\n", code, err)
		return
	}
	for _, it := range items(body) {
		fx.orgID, _ = it["id"].(string)
	}
	if fx.orgID == "" {
		return
	}
	code, body, err = call(base, "GET", "/api/v1/organizations/"+fx.orgID+"/missions?per_page=100", fx.org, false, nil)
	if err != nil || code != 200 {
		fmt.Fprintf(os.Stderr, "organisation's missions: %d %v\n", code, err)
		return
	}
	for _, it := range items(body) {
		if id, _ := it["id"].(string); id != "" {
			fx.orgMission = append(fx.orgMission, id)
		}
	}
}

func items(body map[string]any) []map[string]any {
	raw, _ := body["items"].([]any)
	out := make([]map[string]any, 0, len(raw))
	for _, it := range raw {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// routes lists what is measured. Apply takes a fresh account for each
// call, and a shift drawn at random: a repeat would only measure the
// conflict answer.
func routes(fx *fixtures, seed uint64) []route {
	r := rand.New(rand.NewPCG(seed, 7))
	var mu sync.Mutex
	var applyNext atomic.Int64
	vol := func(n int) string { return fx.volunteers[n%len(fx.volunteers)] }
	all := []route{
		{name: "login", build: func(n int) (string, string, string, any) {
			return "POST", "/api/v1/auth/login", "", map[string]string{"email": fx.emails[n%len(fx.emails)], "password": seeds.DemoPassword}
		}},
		{name: "home page", build: func(int) (string, string, string, any) { return "GET", "/", "", nil }},
		{name: "mission (API)", build: func(n int) (string, string, string, any) {
			return "GET", "/api/v1/missions/" + fx.missions[n%len(fx.missions)], "", nil
		}},
		{name: "mission (page)", build: func(n int) (string, string, string, any) {
			return "GET", "/missions/" + fx.missions[n%len(fx.missions)], "", nil
		}},
		{name: "apply", needs: "applicant", build: func(int) (string, string, string, any) {
			mu.Lock()
			sh := fx.shifts[r.IntN(len(fx.shifts))]
			mu.Unlock()
			who := fx.applicants[int(applyNext.Add(1)-1)%len(fx.applicants)]
			return "POST", "/api/v1/missions/" + sh[0] + "/shifts/" + sh[1] + "/applications", who, map[string]string{}
		}},
		{name: "my applications (API)", needs: "volunteer", build: func(n int) (string, string, string, any) {
			return "GET", "/api/v1/me/applications", vol(n), nil
		}},
		{name: "my applications (page)", needs: "volunteer", cookie: true, build: func(n int) (string, string, string, any) {
			return "GET", "/me/applications", vol(n), nil
		}},
		{name: "notifications", needs: "volunteer", build: func(n int) (string, string, string, any) {
			return "GET", "/api/v1/me/notifications", vol(n), nil
		}},
		{name: "organisation: applications of a mission", needs: "org", build: func(n int) (string, string, string, any) {
			return "GET", "/api/v1/organizations/" + fx.orgID + "/missions/" + fx.orgMission[n%len(fx.orgMission)] + "/applications", fx.org, nil
		}},
		{name: "admin queues", needs: "admin", build: func(n int) (string, string, string, any) {
			queues := []string{"/api/v1/admin/queue/organizations", "/api/v1/admin/queue/missions", "/api/v1/admin/reports"}
			return "GET", queues[n%len(queues)], fx.admin, nil
		}},
	}
	var out []route
	for _, r := range all {
		switch {
		case r.needs == "volunteer" && len(fx.volunteers) == 0,
			r.needs == "applicant" && (len(fx.applicants) == 0 || len(fx.shifts) == 0),
			r.needs == "org" && len(fx.orgMission) == 0,
			r.needs == "admin" && fx.admin == "":
			fmt.Fprintf(os.Stderr, "%s: not measured, its account could not log in (or no shift was read)\n", r.name)
			continue
		}
		out = append(out, r)
	}
	return out
}

// measureSize seeds (or reuses) a data set, starts the binary, measures
// the routes, and restarts it.
func measureSize(ctx context.Context, bin, dir string, s size, requests, conns int, budget time.Duration, startupOnly bool) (*sizeResult, error) {
	res := &sizeResult{size: s}
	fmt.Fprintf(os.Stderr, "size %s: %d missions, %d volunteers: seeding...\n", s.Name, s.Missions, s.Volunteers)
	took, seeded, err := seed(ctx, bin, dir, s)
	if err != nil {
		return nil, err
	}
	res.seedTook, res.seeded = took, seeded
	// Ready deadlines are generous: the figure is the measurement, a
	// deadline only stops a run that hangs.
	srv, ready, err := start(bin, dir, 15*time.Minute)
	if err != nil {
		return nil, err
	}
	res.firstStart = ready
	fmt.Fprintf(os.Stderr, "ready in %s; restarting...\n", elapsed(ready))
	if err := srv.stop(2 * time.Minute); err != nil {
		return res, err
	}
	if srv, res.restart, err = start(bin, dir, 15*time.Minute); err != nil {
		return res, err
	}
	defer srv.stop(2 * time.Minute)
	fmt.Fprintf(os.Stderr, "restart ready in %s\n", elapsed(res.restart))
	if startupOnly {
		return res, nil
	}
	fx, err := prepare(srv.base, s, 8, requests, runSeed)
	if err != nil {
		return res, err
	}
	res.publishedMissions = len(fx.missions)
	for _, r := range routes(fx, runSeed) {
		fmt.Fprintf(os.Stderr, "  %s: 1 client...", r.name)
		single := measure(srv.base, r, requests, 1, budget)
		fmt.Fprintf(os.Stderr, " p99 %s; %d connections...", elapsed(single.quantile(0.99)), conns)
		many := measure(srv.base, r, requests, conns, budget)
		fmt.Fprintf(os.Stderr, " p99 %s\n", elapsed(many.quantile(0.99)))
		res.routes = append(res.routes, routeResult{name: r.name, single: single, many: many})
	}
	return res, nil
}
