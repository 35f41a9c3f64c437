package handlers

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"github.com/entraide/entraide/models"
)

// routes lists every route with its guard.
func (s *Server) routes() {
	app := s.app
	app.Use(recover.New(recover.Config{EnableStackTrace: !s.cfg.Production()}))
	app.Use(requestid.New(requestid.Config{ContextKey: "requestid"}))
	app.Use(s.securityHeaders)
	app.Use(s.accessLog)
	app.Use(s.authenticate)

	// Operations (public).
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)

	api := app.Group("/api/v1")
	volunteer := s.requireRole(models.RoleVolunteer)
	_ = volunteer

	// Accounts (public).
	api.Post("/auth/signup", s.signup)
	api.Post("/auth/login", s.login)
	api.Post("/auth/refresh", s.refresh)
	api.Post("/auth/logout", s.logout)

	// The caller's own account (any signed-in user).
	api.Get("/me", s.requireUser, s.getMe)
	api.Patch("/me", s.requireUser, s.patchMe)
	api.Delete("/me", s.requireUser, s.deleteMe)
	api.Get("/me/export", s.requireUser, s.exportMe)

	// Pages.
	s.pageRoutes()

	// Everything else is a 404 problem (or page).
	app.Use(s.notFound)
}

func (s *Server) notFound(c *fiber.Ctx) error {
	return problem(404, "not-found", "detail.route_not_found", c.Method(), c.Path())
}

// securityHeaders sets the headers every response carries.
func (s *Server) securityHeaders(c *fiber.Ctx) error {
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	c.Set("X-Frame-Options", "DENY")
	c.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
	if s.cfg.Production() {
		c.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
	}
	return c.Next()
}
