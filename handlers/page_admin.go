package handlers

import (
	"context"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
)

// adminSection names the tab of an admin page.
type adminSection struct {
	Tab string
}

type adminHomeData struct {
	adminSection
	PendingOrgs, SubmittedMissions int64
	OpenReports                    int
	IdentityChanges, Revisions     int64
}

// adminPage is the administration's home: what waits in each queue.
func (s *Server) adminPage(c *fiber.Ctx) error {
	_, orgs, err := s.orgQueueItems(c, paging{Page: 1, PerPage: 1})
	if err != nil {
		return err
	}
	_, missions, err := s.missionQueueItems(c, paging{Page: 1, PerPage: 1})
	if err != nil {
		return err
	}
	reports, err := s.reportGroups(c, models.ReportOpen)
	if err != nil {
		return err
	}
	_, identityChanges, err := s.identityQueueItems(c, paging{Page: 1, PerPage: 1})
	if err != nil {
		return err
	}
	_, revisions, err := s.revisionQueueItems(c, paging{Page: 1, PerPage: 1})
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "admin", frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.title"), Section: "/admin",
		Data: adminHomeData{adminSection: adminSection{Tab: "home"}, PendingOrgs: orgs, SubmittedMissions: missions, OpenReports: len(reports),
			IdentityChanges: identityChanges, Revisions: revisions}})
}

type orgQueueData struct {
	adminSection
	Queue     []orgQueueItem
	Total     int64
	Suspended []models.Organization
	Pager     frontend.Pager
	// IdentityChanges are verified organisations' identity changes to
	// verify (first page, oldest first).
	IdentityChanges []orgQueueItem
	IdentityTotal   int64
	// All is the search among every organisation (?q=&status=), to act
	// from: suspend a verified one.
	All      []orgResponse
	AllTotal int64
	Query    organizations.Query
	// Back is the list as searched, where its forms come back to.
	Back     string
	Statuses []frontend.Option
}

// adminOrgsPage is the queue of organisations awaiting verification, and
// the suspended ones.
func (s *Server) adminOrgsPage(c *fiber.Ctx) error {
	page, err := s.adminOrgsView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "admin_orgs", page)
}

func (s *Server) adminOrgsView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return frontend.Page{}, err
	}
	items, total, err := s.orgQueueItems(c, pg)
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	suspended, _, err := s.orgs.Suspended(ctx, 0, 100)
	if err != nil {
		return frontend.Page{}, err
	}
	changes, changesTotal, err := s.identityQueueItems(c, paging{Page: 1, PerPage: 50})
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := orgQueueData{adminSection: adminSection{Tab: "organizations"}, Queue: items, Total: total, Suspended: suspended,
		IdentityChanges: changes, IdentityTotal: changesTotal,
		Pager: frontend.NewPager("/admin/organizations", nil, pg.Page, pg.PerPage, total)}
	if data.Query, err = adminOrgsListQuery(c); err != nil {
		return frontend.Page{}, err
	}
	data.Back = "/admin/organizations" + orgListQueryString(data.Query)
	if data.All, data.AllTotal, err = s.findOrganizations(c, data.Query, paging{Page: 1, PerPage: 50}); err != nil {
		return frontend.Page{}, err
	}
	data.Statuses = []frontend.Option{{Value: "", Label: i18n.T(lang, "journeys.status_any")}}
	for _, st := range []models.OrgStatus{models.OrgPending, models.OrgVerified, models.OrgRejected, models.OrgSuspended} {
		data.Statuses = append(data.Statuses, frontend.Option{Value: string(st), Label: i18n.T(lang, "journeys.org_status_"+string(st))})
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.orgs_title"), Section: "/admin", Form: form, Data: data}, nil
}

// adminOrgsListQuery is the search of the list of organisations: the
// page's own query, or, when a form of the list is shown again with its
// error, the query of the page it was sent from (back), so that the
// organisation and its form are still in the list.
func adminOrgsListQuery(c *fiber.Ctx) (organizations.Query, error) {
	if c.Method() == fiber.MethodGet {
		return parseOrgListQuery(c)
	}
	back, err := url.Parse(localPath(c.FormValue("back")))
	if err != nil || !strings.HasPrefix(back.Path, "/admin/organizations") {
		return organizations.Query{}, nil
	}
	q := back.Query()
	return organizations.NewQuery(q.Get("q"), q.Get("status"))
}

// orgListQueryString is the query string of a search ("?q=...&status=..."),
// or nothing.
func orgListQueryString(q organizations.Query) string {
	v := url.Values{}
	if q.Q != "" {
		v.Set("q", q.Q)
	}
	if q.Status != "" {
		v.Set("status", string(q.Status))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
}

// adminOrgDecision applies a decision on an organisation (its state or
// its identity change) from the admin page with the API's logic.
func (s *Server) adminOrgDecision(d organizations.Decision) fiber.Handler {
	notice := "org_" + string(d)
	if d == organizations.ApproveIdentity || d == organizations.RejectIdentity {
		notice = string(d)
	}
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := checkReason(c.FormValue("reason"), organizations.ReasonRequired(d))
		if err == nil {
			ctx, cancel := s.ctx(c)
			_, err = s.orgs.Decide(ctx, principal(c).UserID, id, d, reason)
			cancel()
		}
		back := localPath(c.FormValue("back"))
		if back == "" {
			back = "/admin/organizations"
		}
		if err != nil {
			// The list of every organisation names its forms' fields apart
			// from the queue's (admin_orgs.html).
			key := id
			if c.FormValue("list") == "all" {
				key = "all-" + id
			}
			return s.adminFormError(c, back, key, err)
		}
		return seeOther(c, withNotice(back, notice))
	}
}

type missionQueueData struct {
	adminSection
	Queue []missionQueueItem
	Total int64
	Pager frontend.Pager
	// Revisions are published missions' changes awaiting review (first
	// page, oldest first).
	Revisions      []missionQueueItem
	RevisionsTotal int64
}

// adminMissionsPage is the queue of submitted missions, each with the
// moderation checks: blocklist hits and likely duplicates.
func (s *Server) adminMissionsPage(c *fiber.Ctx) error {
	page, err := s.adminMissionsView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "admin_missions", page)
}

func (s *Server) adminMissionsView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return frontend.Page{}, err
	}
	items, total, err := s.missionQueueItems(c, pg)
	if err != nil {
		return frontend.Page{}, err
	}
	revisions, revisionsTotal, err := s.revisionQueueItems(c, paging{Page: 1, PerPage: 50})
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.missions_title"), Section: "/admin", Form: form,
		Data: missionQueueData{adminSection: adminSection{Tab: "missions"}, Queue: items, Total: total,
			Revisions: revisions, RevisionsTotal: revisionsTotal,
			Pager: frontend.NewPager("/admin/missions", nil, pg.Page, pg.PerPage, total)}}, nil
}

// adminMissionDecision publishes or rejects a mission with the API's logic.
func (s *Server) adminMissionDecision(action string) fiber.Handler {
	to := models.MissionPublished
	if action == "reject" {
		to = models.MissionRejected
	}
	return s.adminPageDecision(action == "reject", "mission_"+action+"ed", func(ctx context.Context, adminID, id, reason string) error {
		_, err := s.moderation.DecideMission(ctx, adminID, id, to, action, reason)
		return err
	})
}

// adminRevisionDecision approves or rejects a published mission's change
// with the API's logic.
func (s *Server) adminRevisionDecision(action string) fiber.Handler {
	return s.adminPageDecision(action == "reject", "revision_"+action, func(ctx context.Context, adminID, id, reason string) error {
		_, err := s.moderation.DecideRevision(ctx, adminID, id, action == "approve", reason)
		return err
	})
}

// adminPageDecision is the missions moderation page's shape of a
// decision: the item's id from the path and the form's reason (required
// to refuse), then decide; the page again with the error, or back to the
// queue with notice.
func (s *Server) adminPageDecision(reasonRequired bool, notice string, decide func(ctx context.Context, adminID, id, reason string) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := checkReason(c.FormValue("reason"), reasonRequired)
		if err == nil {
			ctx, cancel := s.ctx(c)
			err = decide(ctx, principal(c).UserID, id, reason)
			cancel()
		}
		if err != nil {
			return s.adminFormError(c, "/admin/missions", id, err)
		}
		return seeOther(c, "/admin/missions?notice="+notice)
	}
}

// adminFormError shows the admin page a form came from again, its error
// on the reason field of the item it was about (ids of forms repeated in
// a list carry the item's id).
func (s *Server) adminFormError(c *fiber.Ctx, back, id string, err error) error {
	err = renameFields(err, func(field string) string { return field + "-" + id })
	var page frontend.Page
	var name string
	var perr error
	switch {
	case strings.HasPrefix(back, "/admin/missions"):
		name = "admin_missions"
		page, perr = s.adminMissionsView(c, frontend.NewForm())
	case strings.HasPrefix(back, "/admin/reports"):
		name = "admin_reports"
		page, perr = s.adminReportsView(c, frontend.NewForm())
	default:
		name = "admin_orgs"
		page, perr = s.adminOrgsView(c, frontend.NewForm())
	}
	if perr != nil {
		return perr
	}
	page.Form.Set("reason-"+id, c.FormValue("reason")).Set("resolution-"+id, c.FormValue("resolution"))
	return s.renderFormError(c, name, page, err)
}
