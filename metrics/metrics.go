// Package metrics exposes Entraide's Prometheus metrics: HTTP requests per
// route and status, the matching index, the e-mail outbox, place
// reconciliation and rate limiting.
package metrics

import (
	"context"
	"crypto/subtle"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// IndexStats is what the index reports.
type IndexStats struct {
	Missions, Volunteers int
	Bytes                int64
	Age                  time.Duration
}

// Sources are read at scrape time.
type Sources struct {
	Index func() IndexStats
	// Outbox returns the e-mails waiting and the age of the oldest.
	Outbox func(ctx context.Context) (int64, time.Duration, error)
}

// Metrics holds the registry and the instruments the code updates.
type Metrics struct {
	registry         *prometheus.Registry
	requests         *prometheus.CounterVec
	latency          *prometheus.HistogramVec
	rateLimitHits    *prometheus.CounterVec
	reconcileRepairs prometheus.Counter
	panics           prometheus.Counter
	panicCount       atomic.Int64 // the counter's value, readable without a scrape
}

// New registers every metric on a registry of its own (no global state).
func New(src Sources) *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entraide_http_requests_total", Help: "HTTP requests by route, method and status.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "entraide_http_request_duration_seconds", Help: "HTTP request latency by route and method.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		rateLimitHits: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "entraide_rate_limit_hits_total", Help: "Requests refused by a rate limit, by limiter.",
		}, []string{"limiter"}),
		reconcileRepairs: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "entraide_reconciliation_repairs_total", Help: "Shift place counts repaired by reconciliation.",
		}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "entraide_http_panics_total", Help: "Requests that ended in a recovered panic (each one is a bug).",
		}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.rateLimitHits, m.reconcileRepairs, m.panics,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if src.Index != nil {
		gauge := func(name, help string, value func(IndexStats) float64) {
			m.registry.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help},
				func() float64 { return value(src.Index()) }))
		}
		gauge("entraide_index_missions", "Missions in the matching index.", func(s IndexStats) float64 { return float64(s.Missions) })
		gauge("entraide_index_volunteers", "Volunteer profiles in the matching index.", func(s IndexStats) float64 { return float64(s.Volunteers) })
		gauge("entraide_index_bytes", "Approximate memory held by the matching index.", func(s IndexStats) float64 { return float64(s.Bytes) })
		gauge("entraide_index_age_seconds", "Seconds since the index last caught up with the store.", func(s IndexStats) float64 { return s.Age.Seconds() })
	}
	if src.Outbox != nil {
		m.registry.MustRegister(&outboxCollector{src: src.Outbox,
			backlog: prometheus.NewDesc("entraide_outbox_backlog", "E-mails waiting to be sent.", nil, nil),
			oldest:  prometheus.NewDesc("entraide_outbox_oldest_age_seconds", "Age of the oldest e-mail waiting.", nil, nil)})
	}
	return m
}

// outboxCollector queries the store at scrape time, with a short timeout.
type outboxCollector struct {
	src             func(ctx context.Context) (int64, time.Duration, error)
	backlog, oldest *prometheus.Desc
}

func (c *outboxCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.backlog; ch <- c.oldest }

func (c *outboxCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	n, age, err := c.src(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.backlog, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(c.backlog, prometheus.GaugeValue, float64(n))
	ch <- prometheus.MustNewConstMetric(c.oldest, prometheus.GaugeValue, age.Seconds())
}

// Middleware counts and times every request by its route pattern (never
// the raw path, which would hold ids).
func (m *Metrics) Middleware(statusOf func(error) int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		status := c.Response().StatusCode()
		if err != nil {
			status = statusOf(err)
		}
		route := c.Route().Path
		if status == fiber.StatusNotFound && (route == "/" || route == "") && c.Path() != "/" {
			route = "unmatched"
		}
		m.requests.WithLabelValues(route, c.Method(), strconv.Itoa(status)).Inc()
		m.latency.WithLabelValues(route, c.Method()).Observe(time.Since(start).Seconds())
		return err
	}
}

// RateLimited counts a refusal by limiter.
func (m *Metrics) RateLimited(limiter string) { m.rateLimitHits.WithLabelValues(limiter).Inc() }

// Panicked counts a request that ended in a recovered panic.
func (m *Metrics) Panicked() {
	m.panics.Inc()
	m.panicCount.Add(1)
}

// Panics returns how many requests ended in a panic, for tests and checks.
func (m *Metrics) Panics() int64 { return m.panicCount.Load() }

// Repaired counts reconciliation repairs.
func (m *Metrics) Repaired(n int) { m.reconcileRepairs.Add(float64(n)) }

// Handler serves the metrics to a bearer of token (when set) or to a
// client in one of networks; everybody else gets notFound's answer, as if
// the route did not exist. clientIP gives the caller's address, which
// behind a trusted proxy is the forwarded client's, never the proxy's.
func (m *Metrics) Handler(token string, networks []*net.IPNet, notFound fiber.Handler, clientIP func(*fiber.Ctx) string) fiber.Handler {
	serve := adaptor.HTTPHandler(promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	return func(c *fiber.Ctx) error {
		if token != "" {
			if bearer, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer "); ok &&
				subtle.ConstantTimeCompare([]byte(bearer), []byte(token)) == 1 {
				return serve(c)
			}
		}
		if ip := net.ParseIP(clientIP(c)); ip != nil {
			for _, n := range networks {
				if n.Contains(ip) {
					return serve(c)
				}
			}
		}
		return notFound(c)
	}
}

// ParseNetworks reads a comma-separated list of CIDRs or addresses.
func ParseNetworks(list string) ([]*net.IPNet, error) {
	var out []*net.IPNet
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if !strings.Contains(part, "/") {
			if ip := net.ParseIP(part); ip != nil && ip.To4() != nil {
				part += "/32"
			} else {
				part += "/128"
			}
		}
		_, n, err := net.ParseCIDR(part)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}
