// Command relevance measures how well the mission search answers what people type: it loads
// a corpus of missions into the real index of a running service, sends each judged query to
// the search API (the same handler, place parsing and ranking as production) and prints
// nDCG@10, recall@10, MRR and the share of queries answered with nothing although a
// relevant mission exists, overall and per tag.
//
//	go run ./bench/relevance
//	go run ./bench/relevance -corpus other-corpus.json -queries other-queries.json -v
//
// The defaults are the dev set kept in testdata (a copy of the project's shared dev set).
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "relevance:", err)
		os.Exit(1)
	}
}

func run() error {
	corpusPath := flag.String("corpus", defaultPath("corpus-dev.json"), "corpus of organisations and missions (JSON)")
	queriesPath := flag.String("queries", defaultPath("queries-dev.json"), "judged queries (JSON)")
	verbose := flag.Bool("v", false, "print every query with its first results")
	flag.Parse()

	corpus, err := readCorpus(*corpusPath)
	if err != nil {
		return err
	}
	queries, err := readQueries(*queriesPath)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "entraide-relevance-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	vars := map[string]string{"ENTRAIDE_ENV": "development", "ENTRAIDE_DATA": dir, "ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL": "error"}
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
	missions, err := corpus.missions(time.Now())
	if err != nil {
		return err
	}
	if err := svc.Catalog.Index().BuildMissions(missions); err != nil {
		return err
	}

	titles := map[string]string{}
	for _, m := range missions {
		titles[m.ID] = m.Title
	}
	var all []outcome
	for _, q := range queries {
		ids, err := search(svc, q)
		if err != nil {
			return fmt.Errorf("query %s: %w", q.ID, err)
		}
		o := judge(q, ids)
		all = append(all, o)
		if *verbose {
			printQuery(q, o, titles)
		}
	}
	fmt.Printf("corpus %s: %d missions; queries %s: %d\n", filepath.Base(*corpusPath), len(missions),
		filepath.Base(*queriesPath), len(queries))
	fmt.Printf("machine: %d CPUs, %s\n\n", runtime.NumCPU(), runtime.Version())
	printTable(all)
	return nil
}

// defaultPath finds the dev set next to this program's source, so that `go run
// ./bench/relevance` works from the module root and from this directory.
func defaultPath(name string) string {
	for _, dir := range []string{"bench/relevance/testdata", "testdata"} {
		if p := filepath.Join(dir, name); fileExists(p) {
			return p
		}
	}
	return filepath.Join("bench/relevance/testdata", name)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// search sends one query to the search API and returns the ids of the first ten missions.
func search(svc *service.Service, q judgedQuery) ([]string, error) {
	v := url.Values{}
	v.Set("q", q.Q)
	v.Set("per_page", "10")
	for k, val := range q.Params {
		v.Set(k, fmt.Sprint(val))
	}
	req := httptest.NewRequest("GET", "/api/v1/missions?"+v.Encode(), nil)
	req.Header.Set("Accept-Language", "fr")
	resp, err := svc.Server.App().Test(req, -1)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		// A refused query (an unknown place...) is an empty answer, as the person sees it.
		return nil, nil
	}
	var res struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	if err := json.Unmarshal(body, &res); err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(res.Items))
	for _, it := range res.Items {
		ids = append(ids, it.ID)
	}
	return ids, nil
}

func printQuery(q judgedQuery, o outcome, titles map[string]string) {
	fmt.Printf("%-8s nDCG %.2f R %.2f %-45q %v\n", q.ID, o.ndcg, o.recall, q.Q, q.Params)
	for i, id := range o.ids {
		fmt.Printf("    %2d %s grade %d  %s\n", i+1, id, q.Relevant[id], titles[id])
	}
	var missed []string
	for id := range q.Relevant {
		if !contains(o.ids, id) {
			missed = append(missed, id)
		}
	}
	sort.Strings(missed)
	if len(missed) > 0 {
		fmt.Printf("    missed: %s\n", strings.Join(missed, " "))
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
