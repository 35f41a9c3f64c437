// Command search measures the mission search over HTTP at 64 connections:
// GET /api/v1/missions?category=food_aid&near=13001&radius_km=20, and a text
// query, against a bare Fiber app (no middleware) that this program starts
// and that returns the same answer without work, in the same run, with an
// index of synthetic missions.
//
//	go run ./bench/search -missions 100000 -duration 20s
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	missions := flag.Int("missions", 100000, "missions in the index")
	duration := flag.Duration("duration", 20*time.Second, "duration of each attack")
	conns := flag.Int("connections", 64, "connections and workers")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the search attacks to this file")
	flag.Parse()

	dir, err := os.MkdirTemp("", "entraide-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	vars := map[string]string{"ENTRAIDE_ENV": "development", "ENTRAIDE_DATA": dir, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL": "error", "ENTRAIDE_BENCH": "1"}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		return err
	}
	if err := cfg.EnsureDevSecret(); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ctx := context.Background()
	svc, err := service.Open(ctx, cfg, log, service.Options{})
	if err != nil {
		return err
	}
	defer svc.Shutdown(ctx)
	started := time.Now()
	if err := svc.Catalog.Index().BuildMissions(syntheticMissions(*missions)); err != nil {
		return err
	}
	fmt.Printf("index: %d missions built in %s\n", *missions, time.Since(started).Round(time.Millisecond))
	direct(svc.Catalog.Index())

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = svc.Server.App().Listener(ln) }()
	base := "http://" + ln.Addr().String()
	searchURL := base + "/api/v1/missions?category=food_aid&near=13001&radius_km=20"
	resp, err := http.Get(searchURL)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("search answered %d: %s", resp.StatusCode, body)
	}
	bareURL, err := startBare(body)
	if err != nil {
		return err
	}
	fmt.Printf("search response: %d bytes; machine: %d CPUs, %s\n", len(body), runtime.NumCPU(), runtime.Version())

	textURL := base + "/api/v1/missions?q=" + url.QueryEscape("aide alimentaire") + "&near=13001&radius_km=20"
	bare := attack("bare", bareURL, *duration, *conns)
	if *profile != "" {
		f, err := os.Create(*profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
	}
	search := attack("search", searchURL, *duration, *conns)
	text := attack("text", textURL, *duration, *conns)
	if *profile != "" {
		pprof.StopCPUProfile()
	}
	bare2 := attack("bare again", bareURL, *duration, *conns)
	bareRate := (bare.Throughput + bare2.Throughput) / 2
	fmt.Printf("\nratio search/bare throughput: %.2f, text/bare %.2f (target ≥ 0.6)\n", search.Throughput/bareRate, text.Throughput/bareRate)
	return nil
}

// startBare serves body from a Fiber app with no middleware at all: the cost of HTTP
// alone, for the same answer.
func startBare(body []byte) (string, error) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Send(body)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	go func() { _ = app.Listener(ln) }()
	return "http://" + ln.Addr().String() + "/", nil
}

// direct times the same query on the index alone, without HTTP.
func direct(ix *match.Index) {
	marseille := geo.Default().Places()
	var near match.Point
	for _, p := range marseille {
		if p.Postcode == "13001" {
			near = match.Point{Lat: p.Lat, Lon: p.Lon}
		}
	}
	q := match.Query{Categories: []string{"food_aid"}, Near: &near, RadiusKm: 20}
	lat := make([]time.Duration, 2000)
	now := time.Now()
	for i := range lat {
		start := time.Now()
		if _, err := ix.Search(q, now); err != nil {
			panic(err)
		}
		lat[i] = time.Since(start)
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	fmt.Printf("index only: p50 %s p99 %s\n", lat[len(lat)/2], lat[len(lat)*99/100])
}

func attack(name, url string, d time.Duration, conns int) vegeta.Metrics {
	targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: "GET", URL: url})
	attacker := vegeta.NewAttacker(vegeta.Workers(uint64(conns)), vegeta.MaxWorkers(uint64(conns)),
		vegeta.Connections(conns), vegeta.KeepAlive(true))
	var m vegeta.Metrics
	for res := range attacker.Attack(targeter, vegeta.Rate{Freq: 0}, d, name) {
		m.Add(res)
	}
	m.Close()
	fmt.Printf("%-10s requests %7d  throughput %8.0f/s  p50 %7s  p99 %7s  success %.4f  codes %v\n", name, m.Requests,
		m.Throughput, m.Latencies.P50.Round(time.Microsecond), m.Latencies.P99.Round(time.Microsecond), m.Success, m.StatusCodes)
	return m
}

// syntheticMissions places missions at real postcodes weighted by
// population, deterministically.
func syntheticMissions(n int) []match.Mission {
	r := rand.New(rand.NewPCG(2020, 2024))
	places := geo.Default().Places()
	weights := make([]int64, 0, len(places))
	var total int64
	for _, p := range places {
		total += int64(max(p.Population, 0))
		weights = append(weights, total)
	}
	skills := models.SkillCodes()
	now := time.Now().UTC()
	out := make([]match.Mission, n)
	for i := range out {
		p := places[sort.Search(len(weights), func(k int) bool { return weights[k] > r.Int64N(total) })]
		cat := string(models.Categories[r.IntN(len(models.Categories))])
		m := match.Mission{ID: fmt.Sprintf("65b0%020x", i+1), OrgID: "65a000000000000000000001", OrgName: "Association " + p.City,
			Title: "Mission " + cat + " à " + p.City, Description: "Aide bénévole de quartier", Category: cat,
			Skills: []string{skills[r.IntN(len(skills))]}, Languages: []string{"fr"}, Remote: r.IntN(5) == 0,
			Postcode: p.Postcode, City: p.City, MinAge: 16, PublishedAt: now}
		if !m.Remote {
			m.Lat, m.Lon, m.HasLocation = p.Lat, p.Lon, true
		}
		start := now.Add(time.Duration(1+r.IntN(60*24)) * time.Hour)
		m.Shifts = []match.Shift{{ID: fmt.Sprintf("65c0%020x", i+1), Start: start, End: start.Add(3 * time.Hour), Capacity: 10}}
		out[i] = m
	}
	return out
}
