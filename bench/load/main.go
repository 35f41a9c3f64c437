// Command load drives a mixed load at the running service in-process on
// the embedded store with the demo data: searches, mission pages,
// sign-ups and applications at 64 connections, then a sign-up surge of 200
// concurrent sign-ups while searches run. It reports throughput, p50/p99
// per route, errors and memory at the start and the end.
//
//	go run ./bench/load -duration 10m
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run() error {
	duration := flag.Duration("duration", 10*time.Minute, "duration of the mixed scenario")
	conns := flag.Int("connections", 64, "connections and workers")
	surge := flag.Int("surge", 200, "concurrent sign-ups of the surge")
	flag.Parse()
	dir, err := os.MkdirTemp("", "entraide-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	vars := map[string]string{"ENTRAIDE_ENV": "development", "ENTRAIDE_DATA": dir, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL": "error", "ENTRAIDE_REQUEST_TIMEOUT": "30s"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		return err
	}
	if err := cfg.EnsureDevSecret(); err != nil {
		return err
	}
	ctx := context.Background()
	svc, err := service.Open(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), service.Options{})
	if err != nil {
		return err
	}
	defer svc.Shutdown(ctx)
	if _, err := seeds.Load(ctx, svc.Store, svc.Hasher, time.Now().UTC(), service.SeedLoaders()...); err != nil {
		return err
	}
	if err := svc.Catalog.Load(ctx); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = svc.Server.App().Listener(ln) }()
	base := "http://" + ln.Addr().String()

	missions, _, err := svc.Store.Missions(ctx, store.MissionFilter{Statuses: []models.MissionStatus{models.MissionPublished}}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	var shiftTargets []string
	var missionIDs []string
	for _, m := range missions {
		missionIDs = append(missionIDs, m.ID)
		shifts, err := svc.Store.ShiftsOfMissions(ctx, m.ID)
		if err != nil {
			return err
		}
		for _, sh := range shifts {
			if m.MinAge <= 16 && !m.RequiresVetting {
				shiftTargets = append(shiftTargets, "/api/v1/missions/"+m.ID+"/shifts/"+sh.ID+"/applications")
			}
		}
	}
	fmt.Printf("machine: %d CPUs, %s; %d published missions, %d shifts open to applications\n",
		runtime.NumCPU(), runtime.Version(), len(missionIDs), len(shiftTargets))

	// Volunteers who will apply: created up front.
	tokens := make([]string, 200)
	for i := range tokens {
		email := fmt.Sprintf("load%d@example.org", i)
		if _, err := post(base+"/api/v1/auth/signup", "", map[string]string{"email": email, "password": "a long load password", "name": "Load", "role": "volunteer"}); err != nil {
			return err
		}
		body, err := post(base+"/api/v1/auth/login", "", map[string]string{"email": email, "password": "a long load password"})
		if err != nil {
			return err
		}
		tokens[i] = body["access_token"].(string)
	}
	heapStart := heap()

	var seq atomic.Int64
	searches := []string{"/api/v1/missions?category=food_aid&near=13001&radius_km=20", "/api/v1/missions?near=75018&radius_km=10",
		"/api/v1/missions?q=distribution", "/api/v1/missions?remote=true&sort=date", "/api/v1/missions?near=69002&category=childcare"}
	targeter := func(t *vegeta.Target) error {
		n := seq.Add(1)
		t.Method, t.Header = "GET", http.Header{}
		switch k := n % 100; {
		case k < 70:
			t.URL = base + searches[n%int64(len(searches))]
		case k < 90:
			t.URL = base + "/api/v1/missions/" + missionIDs[n%int64(len(missionIDs))]
		case k < 95:
			t.Method, t.URL = "POST", base+"/api/v1/auth/signup"
			t.Header.Set("Content-Type", "application/json")
			t.Body, _ = json.Marshal(map[string]string{"email": fmt.Sprintf("mixed%d@example.org", n), "password": "a long load password", "name": "Mixed", "role": "volunteer"})
		default:
			t.Method, t.URL = "POST", base+shiftTargets[n%int64(len(shiftTargets))]
			t.Header.Set("Content-Type", "application/json")
			t.Header.Set("Authorization", "Bearer "+tokens[n%int64(len(tokens))])
			t.Body = []byte(`{}`)
		}
		return nil
	}
	fmt.Printf("\nmixed scenario: %s at %d connections (70%% search, 20%% mission page, 5%% sign-up, 5%% apply)\n", *duration, *conns)
	report(attack(targeter, *duration, *conns))
	heapEnd := heap()
	fmt.Printf("heap in use: start %.1f MiB, end %.1f MiB\n", float64(heapStart)/(1<<20), float64(heapEnd)/(1<<20))

	// Sign-up surge against searches: search p99 idle, then during.
	searchOnly := func(t *vegeta.Target) error {
		t.Method, t.URL, t.Header = "GET", base+searches[0], nil
		return nil
	}
	fmt.Printf("\nsearch alone (8 connections, 15 s):\n")
	idle := attack(searchOnly, 15*time.Second, 8)
	report(idle)
	var surgeResults []time.Duration
	var surgeFailed atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	done := make(chan struct{})
	var during map[string]*stats
	go func() { during = attack(searchOnly, 15*time.Second, 8); close(done) }()
	time.Sleep(2 * time.Second)
	for i := range *surge {
		wg.Add(1)
		go func() {
			defer wg.Done()
			start := time.Now()
			if _, err := post(base+"/api/v1/auth/signup", "", map[string]string{"email": fmt.Sprintf("surge%d@example.org", i), "password": "a long surge password", "name": "Surge", "role": "volunteer"}); err != nil {
				surgeFailed.Add(1)
				return
			}
			mu.Lock()
			surgeResults = append(surgeResults, time.Since(start))
			mu.Unlock()
		}()
	}
	wg.Wait()
	<-done
	fmt.Printf("search during %d concurrent sign-ups:\n", *surge)
	report(during)
	sort.Slice(surgeResults, func(i, j int) bool { return surgeResults[i] < surgeResults[j] })
	if len(surgeResults) > 0 {
		fmt.Printf("sign-ups: %d succeeded, %d failed; latency p50 %s p99 %s\n", len(surgeResults), surgeFailed.Load(),
			surgeResults[len(surgeResults)/2].Round(time.Millisecond), surgeResults[len(surgeResults)*99/100].Round(time.Millisecond))
	}
	fmt.Printf("search p99 during the surge / idle: %.2f (target ≤ 2)\n", float64(during["search"].p(0.99))/float64(idle["search"].p(0.99)))
	return nil
}

type stats struct {
	lat     []time.Duration
	codes   map[int]int
	errors5 int
}

func (s *stats) p(q float64) time.Duration {
	if len(s.lat) == 0 {
		return 0
	}
	return s.lat[int(float64(len(s.lat)-1)*q)]
}

func route(r *vegeta.Result) string {
	switch {
	case strings.Contains(r.URL, "/applications"):
		return "apply"
	case strings.Contains(r.URL, "/auth/signup"):
		return "signup"
	case strings.Contains(r.URL, "/missions?"):
		return "search"
	default:
		return "mission page"
	}
}

func attack(tr vegeta.Targeter, d time.Duration, conns int) map[string]*stats {
	attacker := vegeta.NewAttacker(vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)), vegeta.Connections(conns), vegeta.Timeout(60*time.Second))
	out := map[string]*stats{}
	started := time.Now()
	total := 0
	for res := range attacker.Attack(tr, vegeta.Rate{Freq: 0}, d, "load") {
		name := route(res)
		s := out[name]
		if s == nil {
			s = &stats{codes: map[int]int{}}
			out[name] = s
		}
		s.lat = append(s.lat, res.Latency)
		s.codes[int(res.Code)]++
		if res.Code >= 500 || res.Code == 0 {
			s.errors5++
		}
		total++
	}
	for _, s := range out {
		sort.Slice(s.lat, func(i, j int) bool { return s.lat[i] < s.lat[j] })
	}
	out["_total"] = &stats{lat: make([]time.Duration, total), codes: map[int]int{-1: int(time.Since(started).Milliseconds())}}
	return out
}

func report(m map[string]*stats) {
	total := m["_total"]
	secs := float64(total.codes[-1]) / 1000
	fmt.Printf("  throughput %.0f requests/s over %.0f s\n", float64(len(total.lat))/secs, secs)
	names := make([]string, 0, len(m))
	for name := range m {
		if name != "_total" {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		s := m[name]
		fmt.Printf("  %-13s %7d requests  p50 %9s  p99 %9s  5xx or failed %d  codes %v\n", name, len(s.lat),
			s.p(0.5).Round(10*time.Microsecond), s.p(0.99).Round(10*time.Microsecond), s.errors5, s.codes)
	}
}

func heap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func post(url, token string, body any) (map[string]any, error) {
	data, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", url, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Client{Timeout: 120 * time.Second}).Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &out)
	if resp.StatusCode >= 300 {
		return out, fmt.Errorf("%s: %d %s", url, resp.StatusCode, raw)
	}
	return out, nil
}
