package e2e

import (
	"context"
	"io"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// searchBudget is the most the search page may transfer, everything
// included, on a first visit.
const searchBudget = 150 * 1024

// TestSearchPageWeight loads the search page in Chromium with an empty
// cache and adds up what crossed the network: the page, its style sheet,
// its script and its icon, all from this site.
func TestSearchPageWeight(t *testing.T) {
	s := startSite(t)
	s.seed(t)
	tb := openTab(t, s, tabOptions{})
	problems := tb.watch()
	var mu sync.Mutex
	sizes := map[network.RequestID]float64{}
	urls := map[network.RequestID]string{}
	// The icon is the last thing the page loads, after its load event.
	iconLoaded := make(chan struct{})
	var iconOnce sync.Once
	tb.call(func(context.Context) error {
		return chromedp.Listen(tb.ctx, func(ev any) {
			mu.Lock()
			defer mu.Unlock()
			switch ev := ev.(type) {
			case *network.EventResponseReceived:
				urls[ev.RequestID] = ev.Response.URL
			case *network.EventLoadingFinished:
				sizes[ev.RequestID] = ev.EncodedDataLength
				if strings.Contains(urls[ev.RequestID], "/static/favicon") {
					iconOnce.Do(func() { close(iconLoaded) })
				}
			}
		})
	})
	tb.open("/missions?where=Marseille")
	tb.expectText("missions trouvées")
	select {
	case <-iconLoaded:
	case <-time.After(actionTimeout):
		t.Fatal("the page's icon was not loaded")
	}
	mu.Lock()
	total := 0.0
	for _, n := range sizes {
		total += n
	}
	requests := len(sizes)
	mu.Unlock()
	t.Logf("search page: %d requests, %.1f KB transferred", requests, total/1024)
	if total > searchBudget || total == 0 {
		t.Errorf("the search page transferred %.0f bytes, budget %d", total, searchBudget)
	}
	for _, p := range problems.all() {
		t.Error(p)
	}
}

// assetPattern finds the assets a page loads.
var assetPattern = regexp.MustCompile(`(?:href|src)="(/static/[^"]+)"`)

// BenchmarkPages measures the home, search and mission pages on the demo
// data, over HTTP on loopback: ns/op is the server's answer time seen by
// the client, page-bytes the HTML, first-visit-bytes the HTML and every
// asset it loads (nothing is compressed; assets are then cached an hour).
//
//	go test -run '^$' -bench BenchmarkPages -benchtime 200x ./e2e/
func BenchmarkPages(b *testing.B) {
	s := startSite(b)
	s.seed(b)
	for _, page := range []struct{ name, path string }{
		{"home", "/"},
		{"search", "/missions?where=Marseille"},
		{"search-text", "/missions?q=colis&where=13015&radius_km=50"},
		{"mission", "/missions/" + demoMissionID},
	} {
		b.Run(page.name, func(b *testing.B) {
			html := fetch(b, s.URL+page.path)
			first := len(html)
			for _, m := range assetPattern.FindAllStringSubmatch(string(html), -1) {
				first += len(fetch(b, s.URL+m[1]))
			}
			times := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				fetch(b, s.URL+page.path)
				times = append(times, time.Since(start))
			}
			b.StopTimer()
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			b.ReportMetric(float64(len(html)), "page-bytes")
			b.ReportMetric(float64(first), "first-visit-bytes")
			b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
		})
	}
}

func fetch(b *testing.B, url string) []byte {
	b.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept", "text/html")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", url, resp.StatusCode, err)
	}
	return body
}
