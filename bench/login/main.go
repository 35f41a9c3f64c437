// Command login measures login latency with the production argon2id
// parameters, through HTTP against the embedded store: sequential logins
// (the cost one user sees) and 8 concurrent clients (the queue behind the
// bounded hashing pool). The size of that pool comes from
// ENTRAIDE_HASH_WORKERS as in the service (docs/benchmarks.md uses 2).
//
//	ENTRAIDE_HASH_WORKERS=2 go run ./bench/login -n 200
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
	"sync"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run() error {
	n := flag.Int("n", 200, "logins per scenario")
	flag.Parse()
	dir, err := os.MkdirTemp("", "entraide-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	vars := map[string]string{"ENTRAIDE_ENV": "development", "ENTRAIDE_DATA": dir, "ENTRAIDE_RATE_LIMIT": "off", "ENTRAIDE_LOG_LEVEL": "error",
		"ENTRAIDE_HASH_WORKERS": os.Getenv("ENTRAIDE_HASH_WORKERS")}
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
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = svc.Server.App().Listener(ln) }()
	base := "http://" + ln.Addr().String() + "/api/v1/auth/"
	body, _ := json.Marshal(map[string]string{"email": "bench@example.org", "password": "a long bench password", "name": "Bench", "role": "volunteer"})
	if _, err := post(base+"signup", body, 201); err != nil {
		return err
	}
	login, _ := json.Marshal(map[string]string{"email": "bench@example.org", "password": "a long bench password"})
	fmt.Printf("machine: %d CPUs, %s; argon2id m=19 MiB t=2 p=1; ENTRAIDE_HASH_WORKERS = %d\n\n", runtime.NumCPU(), runtime.Version(), cfg.HashWorkers)
	fmt.Println("| clients | logins | p50 | p99 | logins/s |")
	fmt.Println("| --- | --- | --- | --- | --- |")
	for _, clients := range []int{1, 8} {
		lat := make([]time.Duration, 0, *n)
		var mu sync.Mutex
		var wg sync.WaitGroup
		started := time.Now()
		for c := 0; c < clients; c++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < *n/clients; i++ {
					d, err := post(base+"login", login, 200)
					if err != nil {
						fmt.Fprintln(os.Stderr, err)
						return
					}
					mu.Lock()
					lat = append(lat, d)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
		if len(lat) == 0 {
			return fmt.Errorf("no login succeeded")
		}
		fmt.Printf("| %d | %d | %s | %s | %.0f |\n", clients, len(lat),
			ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), float64(len(lat))/time.Since(started).Seconds())
	}
	return nil
}

// ms writes a latency as the document does: "40.7 ms".
func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond)) }

func post(url string, body []byte, want int) (time.Duration, error) {
	start := time.Now()
	resp, err := http.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		return 0, fmt.Errorf("%s: %d %s", url, resp.StatusCode, data)
	}
	return time.Since(start), nil
}
