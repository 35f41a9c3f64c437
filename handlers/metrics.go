package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/metrics"
)

// newMetrics builds the metrics with the sources this server can read.
func (s *Server) newMetrics() *metrics.Metrics {
	src := metrics.Sources{
		Outbox: func(ctx context.Context) (int64, time.Duration, error) {
			n, oldest, err := s.store.OutboxBacklog(ctx)
			if err != nil || oldest.IsZero() {
				return n, 0, err
			}
			return n, s.now().Sub(oldest), nil
		},
	}
	if s.catalog != nil {
		src.Index = func() metrics.IndexStats {
			st := s.catalog.Index().Stats()
			return metrics.IndexStats{Missions: st.Missions, Volunteers: st.Volunteers, Bytes: st.ApproxBytes, Age: s.catalog.Age()}
		}
	}
	return metrics.New(src)
}

// Metrics returns the instruments, for the workers that report to them.
func (s *Server) Metrics() *metrics.Metrics { return s.metrics }

// metricsRoute serves /metrics to the configured networks or token holder;
// everybody else sees the route as missing.
func (s *Server) metricsRoute() fiber.Handler {
	networks, err := metrics.ParseNetworks(s.cfg.MetricsNetworks)
	if err != nil {
		networks = nil // validated at start-up; never reached
	}
	return s.metrics.Handler(s.cfg.MetricsToken, networks, s.notFound, s.clientIP)
}

func statusOf(err error) int { return toProblem(err).Status }
