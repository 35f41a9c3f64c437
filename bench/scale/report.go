package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// Targets at L (issue 11): p99 one client at a time.
const (
	targetP99      = 50 * time.Millisecond
	targetLoginP99 = 100 * time.Millisecond
	targetRestart  = 20 * time.Second
	targetRatio    = 1.5
)

func codes(l latencies) string {
	keys := make([]int, 0, len(l.codes))
	for k := range l.codes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		label := fmt.Sprint(k)
		if k == -1 {
			label = "error"
		}
		parts = append(parts, fmt.Sprintf("%s×%d", label, l.codes[k]))
	}
	return strings.Join(parts, " ")
}

func printTable(w io.Writer, res *sizeResult, conns int) {
	s := res.size
	fmt.Fprintf(w, "\n### Size %s: %d missions, %d volunteers\n\n", s.Name, s.Missions, s.Volunteers)
	if res.seeded {
		fmt.Fprintf(w, "seeded in %s; ", elapsed(res.seedTook))
	}
	fmt.Fprintf(w, "first start to ready %s; restart to ready %s (target at L ≤ %s)\n\n", elapsed(res.firstStart), elapsed(res.restart), targetRestart)
	if len(res.routes) == 0 {
		return
	}
	fmt.Fprintf(w, "| route | p50, 1 client | p99, 1 client | p50, %d conns | p99, %d conns | statuses (1 client; %d conns) |\n", conns, conns, conns)
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | --- |")
	for _, r := range res.routes {
		fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s; %s |\n", r.name, elapsed(r.single.quantile(0.5)), elapsed(r.single.quantile(0.99)),
			elapsed(r.many.quantile(0.5)), elapsed(r.many.quantile(0.99)), codes(r.single), codes(r.many))
	}
}

// printRatio compares the p99s of two sizes (one client), against the
// targets of the larger.
func printRatio(w io.Writer, small, large *sizeResult) {
	fmt.Fprintf(w, "\n### %s against %s (p99, 1 client)\n\n", large.size.Name, small.size.Name)
	fmt.Fprintf(w, "| route | %s | %s | ratio (target ≤ %.1f) | %s target |\n| --- | ---: | ---: | ---: | --- |\n",
		small.size.Name, large.size.Name, targetRatio, large.size.Name)
	for _, r := range large.routes {
		i := slices.IndexFunc(small.routes, func(sr routeResult) bool { return sr.name == r.name })
		if i < 0 {
			continue
		}
		a, b := small.routes[i].single.quantile(0.99), r.single.quantile(0.99)
		target := targetP99
		if r.name == "login" {
			target = targetLoginP99
		}
		met := "met"
		if b > target {
			met = "missed (≤ " + elapsed(target) + ")"
		}
		fmt.Fprintf(w, "| %s | %s | %s | %.2f | %s |\n", r.name, elapsed(a), elapsed(b), float64(b)/float64(max(a, time.Microsecond)), met)
	}
	met := "met"
	if large.restart > targetRestart {
		met = "missed"
	}
	fmt.Fprintf(w, "| restart to ready | %s | %s | %.2f | %s |\n", elapsed(small.restart), elapsed(large.restart),
		float64(large.restart)/float64(small.restart), met)
}
