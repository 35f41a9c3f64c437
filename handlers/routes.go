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
	app.Use(s.metrics.Middleware(statusOf))
	app.Use(s.accessLog)
	app.Use(s.authenticate)

	// Operations (public).
	app.Get("/healthz", s.healthz)
	app.Get("/readyz", s.readyz)
	s.apiDocsRoutes(app)
	app.Get("/metrics", s.metricsRoute())

	api := app.Group("/api/v1")
	org := s.requireRole(models.RoleOrganization)
	admin := s.requireRole(models.RoleAdmin)
	volunteer := s.requireRole(models.RoleVolunteer)

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
	s.notifyRoutes(api)

	// Organisations: public directory and page; members manage theirs.
	api.Get("/organizations", s.listOrganizations)
	api.Post("/organizations", org, s.createOrganization)
	api.Get("/me/organizations", org, s.myOrganizations)
	api.Get("/organizations/:orgId", s.getOrganization)
	api.Patch("/organizations/:orgId", org, s.updateOrganization)
	api.Get("/organizations/:orgId/members", org, s.listMembers)
	api.Delete("/organizations/:orgId/members/:userId", org, s.removeMember)
	api.Get("/organizations/:orgId/invitations", org, s.listInvitations)
	api.Post("/organizations/:orgId/invitations", org, s.invite)
	api.Post("/invitations/:token/accept", org, s.acceptInvitation)

	// Missions of an organisation (members).
	api.Get("/organizations/:orgId/missions", org, s.listOrgMissions)
	api.Post("/organizations/:orgId/missions", org, s.createMission)
	api.Get("/organizations/:orgId/missions/export", org, s.exportOrgMissions)
	api.Get("/organizations/:orgId/missions/:id", org, s.getOrgMission)
	api.Patch("/organizations/:orgId/missions/:id", org, s.updateMission)
	api.Delete("/organizations/:orgId/missions/:id", org, s.deleteMission)
	api.Post("/organizations/:orgId/missions/:id/shifts", org, s.addShifts)
	api.Patch("/organizations/:orgId/missions/:id/shifts/:shiftId", org, s.updateShift)
	api.Delete("/organizations/:orgId/missions/:id/shifts/:shiftId", org, s.deleteShift)
	api.Post("/organizations/:orgId/missions/:id/submit", org, s.submitMission)
	api.Post("/organizations/:orgId/missions/:id/close", org, s.closeMission)
	api.Post("/organizations/:orgId/missions/:id/cancel", org, s.cancelMission)

	// Candidate volunteers for a mission (members).
	api.Get("/organizations/:orgId/missions/:id/candidates", org, s.candidates)
	api.Post("/organizations/:orgId/missions/:id/candidates/:userId/invite", org, s.inviteCandidate)

	// Search and published missions (public).
	api.Get("/missions", s.searchMissions)
	api.Get("/missions/:id", s.getMission)

	// The volunteer's profile and recommendations.
	api.Get("/me/profile", volunteer, s.getProfile)
	api.Put("/me/profile", volunteer, s.putProfile)
	api.Get("/me/recommendations", volunteer, s.recommendations)

	// Reports (any signed-in user).
	api.Post("/reports", s.requireUser, s.createReport)

	// Administration (admins).
	api.Get("/admin/queue/organizations", admin, s.orgQueue)
	api.Get("/admin/queue/missions", admin, s.missionQueue)
	api.Post("/admin/organizations/:id/verify", admin, s.moderateOrganization(models.OrgVerified, "verify", false))
	api.Post("/admin/organizations/:id/reject", admin, s.moderateOrganization(models.OrgRejected, "reject", true))
	api.Post("/admin/organizations/:id/suspend", admin, s.moderateOrganization(models.OrgSuspended, "suspend", true))
	api.Post("/admin/organizations/:id/restore", admin, s.moderateOrganization(models.OrgVerified, "restore", false))
	api.Get("/admin/organizations/export", admin, s.exportOrganizations)
	api.Post("/admin/missions/:id/publish", admin, s.moderateMission(models.MissionPublished, "publish", false))
	api.Post("/admin/missions/:id/reject", admin, s.moderateMission(models.MissionRejected, "reject", true))
	api.Get("/admin/reports", admin, s.adminReports)
	api.Post("/admin/reports/:id/resolve", admin, s.resolveReport)
	api.Get("/admin/audit", admin, s.adminAudit)
	api.Get("/admin/stats", admin, s.adminStats)
	api.Get("/admin/blocklist", admin, s.getBlocklist)
	api.Put("/admin/blocklist", admin, s.putBlocklist)
	api.Get("/admin/users", admin, s.adminFindUser)
	api.Post("/admin/users/:id/suspend", admin, s.setUserStatus(models.UserSuspended, "suspend"))
	api.Post("/admin/users/:id/restore", admin, s.setUserStatus(models.UserActive, "restore"))
	api.Get("/admin/api-keys", admin, s.listAPIKeys)
	api.Post("/admin/api-keys", admin, s.createAPIKey)
	api.Delete("/admin/api-keys/:id", admin, s.revokeAPIKey)

	// Partner feed (an API key, rate-limited per key).
	api.Get("/feed/missions", s.missionFeed)

	if s.cfg.Bench && !s.cfg.Production() {
		api.Get("/_bench/bare", s.benchBare)
	}

	s.applicationRoutes(api)
	s.watchRoutes(api)

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
