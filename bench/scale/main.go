// Command scale measures Entraide at the size of a real deployment on the
// embedded default: it seeds a synthetic data set (entraide seed
// --synthetic), starts the real binary built from this repository, and
// reports p50 and p99 over HTTP for the routes people use most, one client
// at a time and at 16 connections, plus start and restart to ready. It
// prints a markdown table; with two sizes, the ratio of their p99s.
//
//	go run ./bench/scale -size S          # 1,000 missions, 20,000 volunteers
//	go run ./bench/scale -size S,L        # and 10,000 / 200,000, with the L/S ratio
//	go run ./bench/scale -missions 50 -volunteers 500 -requests 20   # a quick look
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

// runSeed draws the accounts and shifts of a run (-seed).
var runSeed uint64

// size is one data set to measure.
type size struct {
	Name                 string
	Missions, Volunteers int
}

var sizes = map[string]size{
	"S": {"S", 1_000, 20_000},
	"L": {"L", 10_000, 200_000},
}

func run() error {
	sizeFlag := flag.String("size", "", "sizes to measure, comma-separated: S (1,000 missions, 20,000 volunteers), L (10,000, 200,000)")
	missions := flag.Int("missions", 0, "missions of a custom size (with -volunteers)")
	volunteers := flag.Int("volunteers", 0, "volunteers of a custom size (with -missions)")
	requests := flag.Int("requests", 200, "requests per route and concurrency level")
	conns := flag.Int("connections", 16, "connections of the concurrent run")
	budget := flag.Duration("budget", 2*time.Minute, "time limit per route and concurrency level: a slow route stops early, and the table says how many requests were made")
	startupOnly := flag.Bool("startup-only", false, "measure seeding, start and restart to ready only")
	seedFlag := flag.Uint64("seed", 0, "draws the accounts and shifts of login and apply; 0: from the clock, so that a rerun on kept data meets fresh accounts")
	dataRoot := flag.String("data", "", "keep the seeded data sets under this directory and reuse them on the next run (default: a temporary directory, removed)")
	flag.Parse()
	runSeed = *seedFlag
	if runSeed == 0 {
		runSeed = uint64(time.Now().UnixNano())
	}

	var plan []size
	if *missions > 0 || *volunteers > 0 {
		if *missions <= 0 || *volunteers <= 0 {
			return fmt.Errorf("-missions and -volunteers go together")
		}
		plan = append(plan, size{"custom", *missions, *volunteers})
	}
	for _, name := range strings.Split(*sizeFlag, ",") {
		if name = strings.TrimSpace(strings.ToUpper(name)); name == "" {
			continue
		}
		s, ok := sizes[name]
		if !ok {
			return fmt.Errorf("-size %q: want S or L", name)
		}
		plan = append(plan, s)
	}
	if len(plan) == 0 {
		return fmt.Errorf("give -size S, -size S,L or -missions N -volunteers M")
	}
	if *requests < 10 || *conns < 1 {
		return fmt.Errorf("-requests must be at least 10 and -connections at least 1")
	}

	root := *dataRoot
	if root == "" {
		dir, err := os.MkdirTemp("", "entraide-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		root = dir
	}
	bin := filepath.Join(root, "entraide")
	fmt.Fprintln(os.Stderr, "building the binary...")
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/entraide")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}

	var results []*sizeResult
	for _, s := range plan {
		dir := filepath.Join(root, fmt.Sprintf("%s-%d-%d", s.Name, s.Missions, s.Volunteers))
		res, err := measureSize(context.Background(), bin, dir, s, *requests, *conns, *budget, *startupOnly)
		if res != nil {
			results = append(results, res)
			printTable(os.Stdout, res, *conns)
		}
		if err != nil {
			return fmt.Errorf("size %s: %w", s.Name, err)
		}
	}
	if len(results) == 2 {
		printRatio(os.Stdout, results[0], results[1])
	}
	fmt.Printf("\nmachine: %d CPUs (%s), %s/%s, %s\n", runtime.NumCPU(), cpuModel(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	return nil
}

// cpuModel reads the CPU model name on Linux, "unknown" elsewhere.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

// elapsed formats a duration for the tables.
func elapsed(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	case d >= time.Millisecond:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
