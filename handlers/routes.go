package handlers

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"
	"github.com/gofiber/fiber/v2/middleware/requestid"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
)

// routes registers every route of the service, API and pages, each with
// its guard on its line; nothing registers a route anywhere else (a test
// compares the app's routes with this table). The guards:
//
//	anonymous                 anybody
//	s.signedIn()              any signed-in account
//	s.role(models.RoleX)      signed-in accounts of one role
//	s.person()                any signed-in account but an admin's
//	s.admin()                 admins
//	s.member(min)             members of the path's organisation with at least
//	                          role min; orgOf(c), memberOf(c) in the handler
//	s.memberMission(min)      the same, and the path's mission of that
//	                          organisation; missionOf(c)
//	s.memberApplication(min)  the same, and the path's application of that
//	                          organisation; applicationOf(c)
//	token("...")              a secret the handler checks (metrics, feed, ...)
func (s *Server) routes() {
	t := newRouteTable(s.app)
	s.table = t
	// Outermost: a panic in the middlewares below is answered and counted
	// too (the inner one, after the log, catches the handlers' panics).
	t.use("/", s.recoverPanic)
	t.use("/", keepSafeRequestID)
	t.use("/", requestid.New(requestid.Config{ContextKey: "requestid"}))
	t.use("/", s.securityHeaders)
	t.use("/", s.metrics.Middleware(statusOf))
	t.use("/", s.accessLog)
	// Inside the metrics and the log, so that a panic's 500 is counted
	// and logged like any other answer.
	t.use("/", s.recoverPanic)
	t.use("/", s.authenticate)

	s.apiRoutes(routeGroup{table: t, prefix: "/api/v1"})
	s.pageRoutes(t, routeGroup{table: t, page: s.page})

	// Everything else is a 404 problem (or page).
	t.use("/", s.notFound)
}

// apiRoutes is the JSON API under /api/v1, and the operations routes.
func (s *Server) apiRoutes(api routeGroup) {
	ops := routeGroup{table: api.table}
	// Any account but an admin's volunteers and may create or join
	// organisations; membership itself is checked by the member guards.
	volunteer := s.person()
	orgAccount := s.person()
	admin := s.admin()
	member := s.member(models.MemberMember)
	owner := s.member(models.MemberOwner)
	mission := s.memberMission(models.MemberMember)
	application := s.memberApplication(models.MemberMember)

	// Operations.
	ops.get("/healthz", anonymous, s.healthz)
	ops.get("/readyz", anonymous, s.readyz)
	docsPage, docsYAML := s.apiDocs()
	ops.get("/api/docs", anonymous, docsPage)
	ops.get("/api/docs/openapi.yaml", anonymous, docsYAML)
	ops.get("/metrics", token("metrics token or network"), s.metricsRoute())

	// Accounts.
	api.post("/auth/signup", anonymous, s.signup)
	api.post("/auth/login", anonymous, s.login)
	api.post("/auth/refresh", anonymous, s.refresh)
	api.post("/auth/logout", anonymous, s.logout)
	api.post("/auth/password-reset", anonymous, s.requestPasswordReset)
	api.post("/auth/password-reset/confirm", anonymous, s.confirmPasswordReset)
	api.post("/auth/confirm-email", anonymous, s.confirmEmail)

	// The caller's own account and notifications.
	api.get("/me", s.signedIn(), s.getMe)
	api.patch("/me", s.signedIn(), s.patchMe)
	api.delete("/me", s.signedIn(), s.deleteMe)
	api.get("/me/export", s.signedIn(), s.exportMe)
	api.post("/me/email-confirmation", s.signedIn(), s.resendEmailConfirmation)
	api.get("/me/notifications", s.signedIn(), s.listNotifications)
	api.post("/me/notifications/read-all", s.signedIn(), s.readAllNotifications)
	api.post("/me/notifications/:id/read", s.signedIn(), s.readNotification)
	api.get("/me/notification-preferences", s.signedIn(), s.getNotificationPrefs)
	api.put("/me/notification-preferences", s.signedIn(), s.putNotificationPrefs)

	// Development mail box (404 unless development mode).
	ops.get("/dev/mail", token("development mode"), s.devMailList)
	ops.get("/dev/mail/:name", token("development mode"), s.devMailShow)

	// Organisations: the public directory and page; members manage theirs.
	api.get("/organizations", anonymous, s.listOrganizations)
	api.post("/organizations", orgAccount, s.createOrganization)
	api.get("/me/organizations", orgAccount, s.myOrganizations)
	api.get("/organizations/:orgId", anonymous, s.getOrganization)
	api.patch("/organizations/:orgId", member, s.updateOrganization)
	api.get("/organizations/:orgId/members", member, s.listMembers)
	api.delete("/organizations/:orgId/members/:userId", member, s.removeMember)
	api.get("/organizations/:orgId/invitations", owner, s.listInvitations)
	api.post("/organizations/:orgId/invitations", owner, s.invite)
	api.delete("/organizations/:orgId/invitations/:invId", owner, s.revokeInvitation)
	api.post("/organizations/:orgId/invitations/:invId/resend", owner, s.resendInvitation)
	api.post("/invitations/:token/accept", orgAccount, s.acceptInvitation)

	// Missions of an organisation.
	api.get("/organizations/:orgId/missions", member, s.listOrgMissions)
	api.post("/organizations/:orgId/missions", member, s.createMission)
	api.get("/organizations/:orgId/missions/export", member, s.exportOrgMissions)
	api.get("/organizations/:orgId/missions/:id", mission, s.getOrgMission)
	api.patch("/organizations/:orgId/missions/:id", mission, s.updateMission)
	api.delete("/organizations/:orgId/missions/:id", mission, s.deleteMission)
	api.post("/organizations/:orgId/missions/:id/shifts", mission, s.addShifts)
	api.patch("/organizations/:orgId/missions/:id/shifts/:shiftId", mission, s.updateShift)
	api.delete("/organizations/:orgId/missions/:id/shifts/:shiftId", mission, s.deleteShift)
	api.post("/organizations/:orgId/missions/:id/submit", mission, s.submitMission)
	api.post("/organizations/:orgId/missions/:id/close", mission, s.closeMission)
	api.post("/organizations/:orgId/missions/:id/cancel", mission, s.cancelMission)

	// Candidate volunteers for a mission.
	api.get("/organizations/:orgId/missions/:id/candidates", mission, s.candidates)
	api.post("/organizations/:orgId/missions/:id/candidates/:userId/invite", mission, s.inviteCandidate)

	// Search and published missions.
	api.get("/missions", anonymous, s.searchMissions)
	api.get("/places", anonymous, s.suggestPlaces)
	api.get("/missions/:id", anonymous, s.getMission)

	// The volunteer's profile and recommendations.
	api.get("/me/profile", volunteer, s.getProfile)
	api.put("/me/profile", volunteer, s.putProfile)
	api.get("/me/recommendations", volunteer, s.recommendations)

	// Reports.
	api.post("/reports", s.signedIn(), s.createReport)

	// Administration.
	api.get("/admin/queue/organizations", admin, s.orgQueue)
	api.get("/admin/queue/missions", admin, s.missionQueue)
	for _, d := range []organizations.Decision{organizations.Verify, organizations.Reject, organizations.Suspend, organizations.Restore} {
		api.post("/admin/organizations/:id/"+string(d), admin, s.moderateOrganization(d))
	}
	api.get("/admin/organizations", admin, s.adminOrganizations)
	api.get("/admin/organizations/export", admin, s.exportOrganizations)
	api.get("/admin/queue/identity-changes", admin, s.identityQueue)
	api.post("/admin/organizations/:id/identity/approve", admin, s.moderateOrganization(organizations.ApproveIdentity))
	api.post("/admin/organizations/:id/identity/reject", admin, s.moderateOrganization(organizations.RejectIdentity))
	api.post("/admin/missions/:id/publish", admin, s.moderateMission(models.MissionPublished, "publish", false))
	api.post("/admin/missions/:id/reject", admin, s.moderateMission(models.MissionRejected, "reject", true))
	api.get("/admin/queue/revisions", admin, s.revisionQueue)
	api.post("/admin/missions/:id/revision/approve", admin, s.moderateRevision("approve", false))
	api.post("/admin/missions/:id/revision/reject", admin, s.moderateRevision("reject", true))
	api.get("/admin/reports", admin, s.adminReports)
	api.post("/admin/reports/:id/resolve", admin, s.resolveReport)
	api.get("/admin/audit", admin, s.adminAudit)
	api.get("/admin/stats", admin, s.adminStats)
	api.get("/admin/blocklist", admin, s.getBlocklist)
	api.put("/admin/blocklist", admin, s.putBlocklist)
	api.get("/admin/synonyms", admin, s.getSynonyms)
	api.put("/admin/synonyms", admin, s.putSynonyms)
	api.get("/admin/users", admin, s.adminFindUser)
	api.post("/admin/users/:id/suspend", admin, s.setUserStatus(models.UserSuspended, "suspend"))
	api.post("/admin/users/:id/restore", admin, s.setUserStatus(models.UserActive, "restore"))
	api.get("/admin/api-keys", admin, s.listAPIKeys)
	api.post("/admin/api-keys", admin, s.createAPIKey)
	api.delete("/admin/api-keys/:id", admin, s.revokeAPIKey)

	// Partner feed (an API key, rate-limited per key).
	api.get("/feed/missions", token("partner API key"), s.missionFeed)

	if s.cfg.Bench && !s.cfg.Production() {
		api.get("/_bench/bare", anonymous, s.benchBare)
	}

	// Applying and the volunteer's own applications.
	api.post("/missions/:id/shifts/:shiftId/applications", volunteer, s.apply)
	api.post("/missions/:id/applications", volunteer, s.applyToMission)
	api.get("/me/missions/:id/applications", volunteer, s.mySeries)
	api.post("/me/missions/:id/applications/withdraw", volunteer, s.withdrawSeries)
	api.get("/me/applications", volunteer, s.myApplications)
	api.get("/me/applications/:id", volunteer, s.myApplication)
	api.post("/me/applications/:id/withdraw", volunteer, s.withdrawApplication)
	api.post("/me/applications/:id/confirm", volunteer, s.confirmOffer)
	api.get("/me/applications/:id/messages", volunteer, s.myMessages)
	api.post("/me/applications/:id/messages", volunteer, s.postMyMessage)
	api.get("/me/applications/:id/calendar.ics", volunteer, s.shiftICS)
	api.get("/me/engagements", volunteer, s.engagements)
	api.get("/me/attestation", volunteer, s.attestation)
	api.get("/me/calendar", volunteer, s.calendarFeedInfo)
	api.post("/me/calendar", volunteer, s.newCalendarFeed)
	api.delete("/me/calendar", volunteer, s.revokeCalendarFeed)
	api.get("/calendar/:token", token("calendar feed"), s.calendarFeed)

	// Applications to an organisation's missions.
	api.get("/organizations/:orgId/missions/:id/applications", mission, s.missionApplications)
	api.get("/organizations/:orgId/missions/:id/attendance.csv", mission, s.attendanceCSV)
	api.post("/organizations/:orgId/applications/bulk-accept", member, s.bulkAccept)
	api.post("/organizations/:orgId/applications/bulk-decline", member, s.bulkDecline)
	api.get("/organizations/:orgId/applications/:appId", application, s.orgApplication)
	api.post("/organizations/:orgId/applications/:appId/accept", application, s.acceptApplication)
	api.post("/organizations/:orgId/applications/:appId/decline", application, s.declineApplication)
	api.post("/organizations/:orgId/applications/:appId/attended", application, s.markAttendance(models.ApplicationAttended))
	api.post("/organizations/:orgId/applications/:appId/no_show", application, s.markAttendance(models.ApplicationNoShow))
	api.get("/organizations/:orgId/applications/:appId/messages", application, s.orgMessages)
	api.post("/organizations/:orgId/applications/:appId/messages", application, s.postOrgMessage)

	// Watch programmes (issue 15): coordinators are the organisation's
	// members; a volunteer reaches only the people assigned to them now.
	programme := member.and("programme", s.loadWatchProgramme)
	const watchBase = "/organizations/:orgId/watch/programmes"
	const watchOne = watchBase + "/:programmeId"
	api.get(watchBase, member, s.listWatchProgrammes)
	api.post(watchBase, member, s.createWatchProgramme)
	api.get(watchOne, programme, s.getWatchProgramme)
	api.get(watchOne+"/board", programme, s.watchBoard)
	api.get(watchOne+"/people", programme, s.listWatchPeople)
	api.post(watchOne+"/people", programme, s.addWatchPerson)
	api.post(watchOne+"/people/import", programme, s.importWatchPeople)
	api.get(watchOne+"/people/:personId", programme, s.getWatchPerson)
	api.delete(watchOne+"/people/:personId", programme, s.deleteWatchPerson)
	api.get(watchOne+"/people/:personId/calls", programme, s.watchPersonCalls)
	api.put(watchOne+"/people/:personId/volunteer", programme, s.assignWatchPerson)
	api.post(watchOne+"/volunteers", programme, s.addWatchVolunteer)
	api.get(watchOne+"/volunteers/candidates", programme, s.watchVolunteerCandidates)
	api.delete(watchOne+"/volunteers/:userId", programme, s.removeWatchVolunteer)
	api.get(watchOne+"/pairing", programme, s.watchPairing)
	api.post(watchOne+"/pairing", programme, s.applyWatchPairing)
	api.post(watchOne+"/concerns/:concernId/handle", programme, s.watchConcernAction(false))
	api.post(watchOne+"/concerns/:concernId/close", programme, s.watchConcernAction(true))
	api.get("/me/watch", volunteer, s.myWatch)
	api.get("/me/watch/people/:personId", volunteer, s.myWatchPerson)
	api.post("/me/watch/people/:personId/calls", volunteer, s.logWatchCall)
	api.post("/me/watch/programmes/:programmeId/leave", volunteer, s.leaveWatchProgramme)
}

// pageRoutes is the server-rendered site. Every page goes through s.page:
// the CSRF check of its forms and the session refresh; a guard sends a
// visitor to the login page and another role to its own space.
func (s *Server) pageRoutes(t *routeTable, pages routeGroup) {
	t.use("/static", filesystem.New(filesystem.Config{Root: http.FS(frontend.Static()), MaxAge: 3600}))
	// Any account but an admin's volunteers and may create or join
	// organisations; membership itself is checked by the member guards.
	volunteer := s.person()
	orgAccount := s.person()
	admin := s.admin()
	member := s.member(models.MemberMember)
	owner := s.member(models.MemberOwner)
	mission := s.memberMission(models.MemberMember)
	application := s.memberApplication(models.MemberMember)
	missionApplication := s.memberMission(models.MemberMember).and("application", s.loadOrgApplication)

	// Public.
	pages.get("/", anonymous, s.homePage)
	pages.get("/signup", anonymous, s.signupPage)
	pages.post("/signup", anonymous, s.signupSubmit)
	pages.get("/login", anonymous, s.loginPage)
	pages.post("/login", anonymous, s.loginSubmit)
	pages.post("/logout", anonymous, s.logoutSubmit)
	pages.post("/lang", anonymous, s.langSubmit)
	pages.get("/missions", anonymous, s.searchPage)
	pages.get("/missions/:id", anonymous, s.missionPage)
	pages.post("/missions/:id/report", s.signedIn(), s.missionReportSubmit)
	pages.get("/organizations/:orgId", anonymous, s.organizationPage)
	pages.post("/organizations/:orgId/report", s.signedIn(), s.organizationReportSubmit)
	pages.get("/password-reset", anonymous, s.passwordResetPage)
	pages.post("/password-reset", anonymous, s.passwordResetSubmit)
	pages.get("/password-reset/confirm", anonymous, s.passwordResetConfirmPage)
	pages.post("/password-reset/confirm", anonymous, s.passwordResetConfirmSubmit)
	pages.get("/confirm-email", anonymous, s.confirmEmailPage)
	pages.post("/confirm-email", anonymous, s.confirmEmailSubmit)

	// The signed-in user's own account and notifications (any role).
	pages.post("/account/confirm-email", s.signedIn(), s.confirmEmailResend)
	pages.get("/me/notifications", s.signedIn(), s.notificationsPage)
	pages.post("/me/notifications/read-all", s.signedIn(), s.notificationsReadAll)
	pages.post("/me/notifications/:id/open", s.signedIn(), s.notificationOpen)
	pages.get("/me/notification-preferences", s.signedIn(), s.notificationPrefsPage)
	pages.post("/me/notification-preferences", s.signedIn(), s.notificationPrefsSubmit)
	pages.get("/account", s.signedIn(), s.accountPage)
	pages.post("/account", s.signedIn(), s.accountSubmit)
	pages.get("/account/export", s.signedIn(), s.accountExport)
	pages.get("/account/delete", s.signedIn(), s.accountDeletePage)
	pages.post("/account/delete", s.signedIn(), s.accountDeleteSubmit)

	// The volunteer's space.
	pages.get("/me", volunteer, s.spacePage)
	pages.get("/me/profile", volunteer, s.profilePage)
	pages.post("/me/profile", volunteer, s.profileSubmit)
	pages.post("/missions/:id/apply", s.signedIn(), s.applySubmit)
	pages.post("/me/missions/:id/withdraw", volunteer, s.withdrawSeriesSubmit)
	pages.get("/me/applications", volunteer, s.myApplicationsPage)
	pages.get("/me/applications/:id", volunteer, s.myApplicationPage)
	pages.post("/me/applications/:id/withdraw", volunteer, s.myApplicationAction("withdraw"))
	pages.post("/me/applications/:id/confirm", volunteer, s.myApplicationAction("confirm"))
	pages.post("/me/applications/:id/messages", volunteer, s.myApplicationAction("message"))
	pages.get("/me/applications/:id/calendar.ics", volunteer, download(s.shiftICS))
	pages.get("/me/calendar", volunteer, s.calendarPage)
	pages.post("/me/calendar", volunteer, s.calendarFeedSubmit)
	pages.post("/me/calendar/revoke", volunteer, s.calendarRevokeSubmit)
	pages.get("/me/attestation", volunteer, s.attestationPage)
	pages.get("/attestations/:code", anonymous, s.attestationVerifyPage)

	// An invitation to join an organisation: a visitor is offered to sign
	// up or log in; the handler checks it was sent to this account.
	pages.get("/invitations/:token", anonymous, s.invitationPage)
	pages.post("/invitations/:token", s.person(), s.invitationSubmit)

	// The organisation's space: /org picks among the account's
	// organisations; below, the organisation is in the path and only its
	// members see it (anybody else gets a 404).
	pages.get("/org", orgAccount, s.orgHomePage)
	pages.post("/org", orgAccount, s.orgRegisterSubmit)
	pages.get("/organizations/:orgId/profile", member, s.orgProfilePage)
	pages.post("/organizations/:orgId/profile", member, s.orgProfileSubmit)
	pages.get("/organizations/:orgId/members", member, s.membersPage)
	pages.post("/organizations/:orgId/invitations", owner, s.inviteSubmit)
	pages.post("/organizations/:orgId/invitations/:invId/revoke", owner, s.invitationRevokeSubmit)
	pages.post("/organizations/:orgId/invitations/:invId/resend", owner, s.invitationResendSubmit)
	pages.post("/organizations/:orgId/members/:userId/remove", member, s.memberRemoveSubmit)
	pages.get("/organizations/:orgId/missions", member, s.orgMissionsPage)
	pages.post("/organizations/:orgId/missions", member, s.missionNewSubmit)
	pages.get("/organizations/:orgId/missions/new", member, s.missionNewPage)
	pages.get("/organizations/:orgId/missions/export.csv", member, download(s.exportOrgMissions))
	pages.get("/organizations/:orgId/missions/:id", mission, s.orgMissionPage)
	pages.get("/organizations/:orgId/missions/:id/edit", mission, s.missionEditPage)
	pages.post("/organizations/:orgId/missions/:id/edit", mission, s.missionEditSubmit)
	for _, action := range []string{"submit", "close", "cancel", "delete"} {
		pages.post("/organizations/:orgId/missions/:id/"+action, mission, s.missionStateSubmit(action))
	}
	pages.post("/organizations/:orgId/missions/:id/shifts", mission, s.shiftsAddSubmit)
	pages.post("/organizations/:orgId/missions/:id/shifts/:shiftId/delete", mission, s.shiftRemoveSubmit)
	pages.get("/organizations/:orgId/missions/:id/candidates", mission, s.candidatesPage)
	pages.post("/organizations/:orgId/missions/:id/candidates/:userId/invite", mission, s.candidateInviteSubmit)
	pages.get("/organizations/:orgId/missions/:id/attendance.csv", mission, download(s.attendanceCSV))
	pages.get("/organizations/:orgId/missions/:id/attendance", mission, s.attendanceSheetPage)
	pages.get("/organizations/:orgId/missions/:id/applications", mission, s.reviewPage)
	pages.post("/organizations/:orgId/missions/:id/applications/bulk", mission, s.reviewBulkSubmit)
	for _, action := range []string{"attended", "no_show"} {
		pages.post("/organizations/:orgId/missions/:id/applications/:appId/"+action, missionApplication, s.reviewOneAction(action))
	}
	pages.get("/organizations/:orgId/applications/:appId", application, s.reviewOnePage)
	for _, action := range []string{"accept", "decline", "attended", "no_show"} {
		pages.post("/organizations/:orgId/applications/:appId/"+action, application, s.reviewOneAction(action))
	}
	pages.post("/organizations/:orgId/applications/:appId/messages", application, s.reviewOneAction("message"))

	// Watch programmes (issue 15): the coordinators' pages (members) and
	// the volunteer's call pages.
	programme := member.and("programme", s.loadWatchProgramme)
	const watchBase = "/organizations/:orgId/watch"
	const watchOne = watchBase + "/:programmeId"
	pages.get(watchBase, member, s.watchProgrammesPage)
	pages.post(watchBase, member, s.watchProgrammeSubmit)
	pages.get(watchOne, programme, s.watchProgrammePage)
	pages.get(watchOne+"/people", programme, s.watchPeoplePage)
	pages.post(watchOne+"/people", programme, s.watchPersonSubmit)
	pages.post(watchOne+"/people/import", programme, s.watchImportSubmit)
	pages.get(watchOne+"/people/:personId", programme, s.watchPersonPage)
	pages.post(watchOne+"/people/:personId/remove", programme, s.watchPersonRemoveSubmit)
	pages.get(watchOne+"/volunteers", programme, s.watchVolunteersPage)
	pages.post(watchOne+"/volunteers", programme, s.watchVolunteerSubmit)
	pages.post(watchOne+"/volunteers/:userId/remove", programme, s.watchVolunteerRemoveSubmit)
	pages.post(watchOne+"/pairing", programme, s.watchPairingSubmit)
	pages.post(watchOne+"/concerns/:concernId/handle", programme, s.watchConcernSubmit(false))
	pages.post(watchOne+"/concerns/:concernId/close", programme, s.watchConcernSubmit(true))
	pages.get("/me/watch", volunteer, s.myWatchPage)
	pages.get("/me/watch/:personId", volunteer, s.myWatchCallPage)
	pages.post("/me/watch/:personId/calls", volunteer, s.myWatchCallSubmit)
	pages.post("/me/watch/programmes/:programmeId/leave", volunteer, s.myWatchLeaveSubmit)

	// Administration.
	pages.get("/admin", admin, s.adminPage)
	pages.get("/admin/organizations", admin, s.adminOrgsPage)
	for _, d := range []organizations.Decision{organizations.Verify, organizations.Reject, organizations.Suspend, organizations.Restore} {
		pages.post("/admin/organizations/:id/"+string(d), admin, s.adminOrgDecision(d))
	}
	pages.post("/admin/organizations/:id/identity/approve", admin, s.adminOrgDecision(organizations.ApproveIdentity))
	pages.post("/admin/organizations/:id/identity/reject", admin, s.adminOrgDecision(organizations.RejectIdentity))
	pages.get("/admin/missions", admin, s.adminMissionsPage)
	pages.post("/admin/missions/:id/publish", admin, s.adminMissionDecision("publish"))
	pages.post("/admin/missions/:id/reject", admin, s.adminMissionDecision("reject"))
	pages.post("/admin/missions/:id/revision/approve", admin, s.adminRevisionDecision("approve"))
	pages.post("/admin/missions/:id/revision/reject", admin, s.adminRevisionDecision("reject"))
	pages.get("/admin/reports", admin, s.adminReportsPage)
	pages.post("/admin/reports/:id/resolve", admin, s.adminReportResolve)
	pages.get("/admin/users", admin, s.adminUsersPage)
	pages.post("/admin/users/:id/suspend", admin, s.adminUserStatus(models.UserSuspended, "suspend"))
	pages.post("/admin/users/:id/restore", admin, s.adminUserStatus(models.UserActive, "restore"))
	pages.get("/admin/audit", admin, s.adminAuditPage)
	pages.get("/admin/stats", admin, s.adminStatsPage)
	pages.get("/admin/synonyms", admin, s.adminSynonymsPage)
	pages.post("/admin/synonyms", admin, s.adminSynonymsSubmit)
	pages.get("/admin/blocklist", admin, s.adminBlocklistPage)
	pages.post("/admin/blocklist", admin, s.adminBlocklistSubmit)
}

func (s *Server) notFound(c *fiber.Ctx) error {
	return problem(404, ProblemNotFound, "detail.route_not_found", c.Method(), c.Path())
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
