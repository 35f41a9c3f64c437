package handlers

import (
	"bytes"
	"net/http"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// pageRoutes lists every page with its guard. Each page goes through
// s.page: the CSRF check of its forms and the session refresh.
func (s *Server) pageRoutes() {
	app := s.app
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(frontend.Static()),
		MaxAge: 3600,
	}))

	// Public.
	app.Get("/", s.page(s.homePage)...)
	app.Get("/signup", s.page(s.signupPage)...)
	app.Post("/signup", s.page(s.signupSubmit)...)
	app.Get("/login", s.page(s.loginPage)...)
	app.Post("/login", s.page(s.loginSubmit)...)
	app.Post("/logout", s.page(s.logoutSubmit)...)
	app.Post("/lang", s.page(s.langSubmit)...)
	app.Get("/missions", s.page(s.searchPage)...)
	app.Get("/missions/:id", s.page(s.missionPage)...)
	app.Post("/missions/:id/report", s.page(s.pageUser, s.missionReportSubmit)...)
	app.Get("/organizations/:orgId", s.page(s.organizationPage)...)
	app.Post("/organizations/:orgId/report", s.page(s.pageUser, s.organizationReportSubmit)...)

	app.Get("/password-reset", s.page(s.passwordResetPage)...)
	app.Post("/password-reset", s.page(s.passwordResetSubmit)...)
	app.Get("/password-reset/confirm", s.page(s.passwordResetConfirmPage)...)
	app.Post("/password-reset/confirm", s.page(s.passwordResetConfirmSubmit)...)
	app.Get("/confirm-email", s.page(s.confirmEmailPage)...)
	app.Post("/confirm-email", s.page(s.confirmEmailSubmit)...)

	// The signed-in user's own account and notifications (any role).
	app.Post("/account/confirm-email", s.page(s.pageUser, s.confirmEmailResend)...)
	app.Get("/me/notifications", s.page(s.pageUser, s.notificationsPage)...)
	app.Post("/me/notifications/read-all", s.page(s.pageUser, s.notificationsReadAll)...)
	app.Post("/me/notifications/:id/open", s.page(s.pageUser, s.notificationOpen)...)
	app.Get("/me/notification-preferences", s.page(s.pageUser, s.notificationPrefsPage)...)
	app.Post("/me/notification-preferences", s.page(s.pageUser, s.notificationPrefsSubmit)...)
	app.Get("/account", s.page(s.pageUser, s.accountPage)...)
	app.Post("/account", s.page(s.pageUser, s.accountSubmit)...)
	app.Get("/account/export", s.page(s.pageUser, s.accountExport)...)
	app.Get("/account/delete", s.page(s.pageUser, s.accountDeletePage)...)
	app.Post("/account/delete", s.page(s.pageUser, s.accountDeleteSubmit)...)

	// The volunteer's space (volunteers; others go to their own).
	volunteer := func(h fiber.Handler) []fiber.Handler { return s.page(s.pageUser, s.pageVolunteer, h) }
	app.Get("/me", volunteer(s.spacePage)...)
	app.Get("/me/profile", volunteer(s.profilePage)...)
	app.Post("/me/profile", volunteer(s.profileSubmit)...)
	app.Post("/missions/:id/apply", s.page(s.pageUser, s.applySubmit)...)
	app.Get("/me/applications", volunteer(s.myApplicationsPage)...)
	app.Get("/me/applications/:id", volunteer(s.myApplicationPage)...)
	app.Post("/me/applications/:id/withdraw", volunteer(s.myApplicationAction("withdraw"))...)
	app.Post("/me/applications/:id/confirm", volunteer(s.myApplicationAction("confirm"))...)
	app.Post("/me/applications/:id/messages", volunteer(s.myApplicationAction("message"))...)
	app.Get("/me/applications/:id/calendar.ics", volunteer(download(s.shiftICS))...)
	app.Get("/me/calendar", volunteer(s.calendarPage)...)
	app.Post("/me/calendar", volunteer(s.calendarFeedSubmit)...)
	app.Post("/me/calendar/revoke", volunteer(s.calendarRevokeSubmit)...)
	app.Get("/me/attestation", volunteer(s.attestationPage)...)

	// An invitation to join an organisation (organisation accounts).
	app.Get("/invitations/:token", s.page(s.pageUser, s.invitationPage)...)
	app.Post("/invitations/:token", s.page(s.pageUser, s.invitationSubmit)...)

	// The organisation's space (organisation accounts; its members only,
	// anybody else gets a 404).
	org := func(h fiber.Handler) []fiber.Handler { return s.page(s.pageUser, s.pageOrg, h) }
	app.Get("/org", org(s.orgHomePage)...)
	app.Post("/org", org(s.orgRegisterSubmit)...)
	app.Get("/organizations/:orgId/profile", org(s.orgProfilePage)...)
	app.Post("/organizations/:orgId/profile", org(s.orgProfileSubmit)...)
	app.Get("/organizations/:orgId/members", org(s.membersPage)...)
	app.Post("/organizations/:orgId/invitations", org(s.inviteSubmit)...)
	app.Post("/organizations/:orgId/members/:userId/remove", org(s.memberRemoveSubmit)...)
	app.Get("/organizations/:orgId/missions", org(s.orgMissionsPage)...)
	app.Post("/organizations/:orgId/missions", org(s.missionNewSubmit)...)
	app.Get("/organizations/:orgId/missions/new", org(s.missionNewPage)...)
	app.Get("/organizations/:orgId/missions/export.csv", org(download(s.exportOrgMissions))...)
	app.Get("/organizations/:orgId/missions/:id", org(s.orgMissionPage)...)
	app.Get("/organizations/:orgId/missions/:id/edit", org(s.missionEditPage)...)
	app.Post("/organizations/:orgId/missions/:id/edit", org(s.missionEditSubmit)...)
	for _, action := range []string{"submit", "close", "cancel", "delete"} {
		app.Post("/organizations/:orgId/missions/:id/"+action, org(s.missionStateSubmit(action))...)
	}
	app.Post("/organizations/:orgId/missions/:id/shifts", org(s.shiftsAddSubmit)...)
	app.Post("/organizations/:orgId/missions/:id/shifts/:shiftId/delete", org(s.shiftRemoveSubmit)...)
	app.Get("/organizations/:orgId/missions/:id/candidates", org(s.candidatesPage)...)
	app.Post("/organizations/:orgId/missions/:id/candidates/:userId/invite", org(s.candidateInviteSubmit)...)
	app.Get("/organizations/:orgId/missions/:id/attendance.csv", org(download(s.attendanceCSV))...)
	app.Get("/organizations/:orgId/missions/:id/applications", org(s.reviewPage)...)
	app.Post("/organizations/:orgId/missions/:id/applications/bulk", org(s.reviewBulkSubmit)...)
	for _, action := range []string{"attended", "no_show"} {
		app.Post("/organizations/:orgId/missions/:id/applications/:appId/"+action, org(s.reviewOneAction(action))...)
	}
	app.Get("/organizations/:orgId/applications/:appId", org(s.reviewOnePage)...)
	for _, action := range []string{"accept", "decline", "attended", "no_show"} {
		app.Post("/organizations/:orgId/applications/:appId/"+action, org(s.reviewOneAction(action))...)
	}
	app.Post("/organizations/:orgId/applications/:appId/messages", org(s.reviewOneAction("message"))...)

	// Administration (admins).
	admin := func(h fiber.Handler) []fiber.Handler { return s.page(s.pageUser, s.pageAdmin, h) }
	app.Get("/admin", admin(s.adminPage)...)
	app.Get("/admin/organizations", admin(s.adminOrgsPage)...)
	for _, action := range []string{"verify", "reject", "suspend", "restore"} {
		app.Post("/admin/organizations/:id/"+action, admin(s.adminOrgDecision(action))...)
	}
	app.Get("/admin/missions", admin(s.adminMissionsPage)...)
	app.Post("/admin/missions/:id/publish", admin(s.adminMissionDecision("publish"))...)
	app.Post("/admin/missions/:id/reject", admin(s.adminMissionDecision("reject"))...)
	app.Get("/admin/reports", admin(s.adminReportsPage)...)
	app.Post("/admin/reports/:id/resolve", admin(s.adminReportResolve)...)
	app.Get("/admin/users", admin(s.adminUsersPage)...)
	app.Post("/admin/users/:id/suspend", admin(s.adminUserStatus(models.UserSuspended, "suspend"))...)
	app.Post("/admin/users/:id/restore", admin(s.adminUserStatus(models.UserActive, "restore"))...)
	app.Get("/admin/audit", admin(s.adminAuditPage)...)
	app.Get("/admin/stats", admin(s.adminStatsPage)...)

	s.watchPageRoutes()
}

// pageAdmin keeps the administration to admins; others go to their own
// space.
func (s *Server) pageAdmin(c *fiber.Ctx) error {
	if p := principal(c); p.Role != models.RoleAdmin {
		return c.Redirect(roleHome(p.Role), fiber.StatusSeeOther)
	}
	return c.Next()
}

// download serves a file of the API (a CSV, an export) on a page route;
// no cache may keep a copy of its personal data.
func download(h fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderCacheControl, "no-store")
		return h(c)
	}
}

// page puts a page's handlers behind the CSRF check of its forms and the
// session refresh; every page route goes through it, the API never does:
//
//	app.Get("/missions", s.page(s.missionsPage)...)
//	app.Post("/account", s.page(s.pageUser, s.accountSubmit)...)
func (s *Server) page(handlers ...fiber.Handler) []fiber.Handler {
	// Each route gets its own middleware value; the tokens are signed, not
	// stored, so all of them accept the same tokens.
	return append([]fiber.Handler{s.csrfMiddleware(), s.refreshSession}, handlers...)
}

// render writes page name. It fills what every page needs: the language,
// the signed-in user for the menu, the CSRF token of its forms, the
// current address for the language switch, and the notice named in the
// query (?notice=saved) after a redirect.
func (s *Server) render(c *fiber.Ctx, status int, name string, page frontend.Page) error {
	if page.Lang == "" {
		page.Lang = s.lang(c)
	}
	if p := principal(c); p != nil && page.User == nil {
		page.User = &frontend.Viewer{Name: p.User.Name, Role: string(p.Role)}
	}
	if page.CSRF == "" {
		page.CSRF = s.csrfToken(c)
	}
	if page.Path == "" {
		page.Path = currentPath(c)
	}
	if page.Notice == "" {
		page.Notice = notice(page.Lang, c.Query("notice"))
	}
	var buf bytes.Buffer
	if err := s.pages.Render(&buf, name, page); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderContentLanguage, page.Lang)
	// Pages carry a CSRF token and may carry personal data.
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Status(status).Send(buf.Bytes())
}

// currentPath is where the language switch brings the browser back: the
// address shown, without its one-off notice; after a refused form (a
// POST), the page the form was on.
func currentPath(c *fiber.Ctx) string {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		if ref, err := url.Parse(c.Get(fiber.HeaderReferer)); err == nil && ref.Path != "" {
			if path := localPath(ref.RequestURI()); path != "" {
				return path
			}
		}
		return "/"
	}
	if c.Query("notice") != "" {
		return c.Path()
	}
	return c.OriginalURL()
}

type errorPageData struct {
	Detail    string
	RequestID string // shown for 5xx, for the user to quote
}

// renderErrorPage shows a friendly page for browsers; it never fails.
func (s *Server) renderErrorPage(c *fiber.Ctx, p *Problem, lang string) error {
	page := frontend.Page{Lang: lang, Title: i18n.T(lang, titles[p.Slug])}
	data := errorPageData{}
	if p.DetailKey != "" {
		data.Detail = i18n.T(lang, p.DetailKey, p.Args...)
	}
	switch {
	case p.Status == fiber.StatusNotFound:
		page.Title, data.Detail = i18n.T(lang, "error.not_found"), i18n.T(lang, "error.not_found_msg")
	case p.Status >= 500 && p.Slug == "internal":
		page.Title, data.Detail = i18n.T(lang, "error.internal"), i18n.T(lang, "error.internal_msg")
	}
	if p.Status >= 500 {
		data.RequestID, _ = c.Locals("requestid").(string)
	}
	if len(p.Fields) > 0 && data.Detail == "" {
		f := p.Fields[0]
		data.Detail = i18n.T(lang, f.Code, f.Params...)
	}
	page.Data = data
	if err := s.render(c, p.Status, "error", page); err != nil {
		return c.Status(p.Status).SendString(page.Title)
	}
	return nil
}

// clearAuthCookies removes the browser session cookies. The date in the
// past is what deletes them: fasthttp writes no Max-Age below 1.
func (s *Server) clearAuthCookies(c *fiber.Ctx) {
	for _, name := range []string{accessCookie, refreshCookie} {
		c.Cookie(&fiber.Cookie{
			Name: name, Value: "", Path: "/", Expires: time.Unix(0, 0).UTC(),
			HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
		})
	}
}
