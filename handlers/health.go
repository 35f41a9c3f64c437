package handlers

import (
	"github.com/gofiber/fiber/v2"
)

// healthz says the process is alive; it touches nothing.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// readyz says whether the store answers, so a load balancer can route away.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		return &Problem{Status: 503, Slug: ProblemUnavailable, DetailKey: "detail.store_unavailable", RetryAfter: 5, Err: err}
	}
	return c.JSON(fiber.Map{"status": "ready"})
}
