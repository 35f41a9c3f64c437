package handlers

import (
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type reportsData struct {
	adminSection
	Groups []reportItem
	Status string
	Tabs   []missionTab
}

// reportItem is a group of reports with one of its open reports, which
// the resolve form names (resolving one resolves the group).
type reportItem struct {
	reportGroup
	OpenID string
}

// adminReportsPage lists reports grouped by what they target, most
// reported first, with the way to resolve them or suspend an
// organisation.
func (s *Server) adminReportsPage(c *fiber.Ctx) error {
	page, err := s.adminReportsView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "admin_reports", page)
}

func (s *Server) adminReportsView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	filter, status, err := reportStatusParam(c)
	if err != nil {
		return frontend.Page{}, err
	}
	groups, err := s.reportGroups(c, filter)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := reportsData{adminSection: adminSection{Tab: "reports"}, Status: status}
	for _, g := range groups {
		item := reportItem{reportGroup: g}
		for _, r := range g.Reports {
			if r.Status == string(models.ReportOpen) {
				item.OpenID = r.ID
			}
		}
		data.Groups = append(data.Groups, item)
	}
	for _, tab := range []string{"open", "resolved", "all"} {
		data.Tabs = append(data.Tabs, missionTab{Status: tab, URL: "/admin/reports?status=" + tab,
			Label: i18n.T(lang, "reports.tab_"+tab), Current: tab == status})
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.reports_title"), Section: "/admin", Form: form, Data: data}, nil
}

// adminReportResolve resolves a report, and the others on the same
// target, with the API's logic.
func (s *Server) adminReportResolve(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.moderation.ResolveReport(ctx, principal(c).UserID, id, c.FormValue("resolution")); err != nil {
		return s.adminFormError(c, "/admin/reports", id, err)
	}
	return seeOther(c, "/admin/reports?notice=report_resolved")
}

type usersData struct {
	adminSection
	Found *models.User
	Self  bool
}

// adminUsersPage finds an account by its e-mail address, to suspend or
// restore it.
func (s *Server) adminUsersPage(c *fiber.Ctx) error {
	lang := s.lang(c)
	form := frontend.NewForm().Set("email", c.Query("email")).Order("email", "reason")
	page := frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.users_title"), Section: "/admin", Form: form,
		Data: usersData{adminSection: adminSection{Tab: "users"}}}
	if c.Query("email") == "" {
		return s.render(c, fiber.StatusOK, "admin_users", page)
	}
	u, err := s.findUserByEmail(c, c.Query("email"))
	if errors.Is(err, store.ErrNotFound) {
		err = errField("email", "no_such_user")
	}
	if err != nil {
		return s.renderFormError(c, "admin_users", page, err)
	}
	page.Data = usersData{adminSection: adminSection{Tab: "users"}, Found: u, Self: u.ID == principal(c).UserID}
	return s.render(c, fiber.StatusOK, "admin_users", page)
}

// adminUserStatus suspends or restores an account with the API's logic.
func (s *Server) adminUserStatus(status models.UserStatus, action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		email := c.FormValue("email")
		reason, err := checkReason(c.FormValue("reason"), status == models.UserSuspended)
		if err == nil {
			_, err = s.changeUserStatus(c, id, status, action, reason)
		}
		if err != nil {
			lang := s.lang(c)
			form := frontend.NewForm().Set("email", email).Set("reason", c.FormValue("reason")).Order("email", "reason")
			page := frontend.Page{Lang: lang, Title: i18n.T(lang, "admin.users_title"), Section: "/admin", Form: form,
				Data: usersData{adminSection: adminSection{Tab: "users"}}}
			if u, ferr := s.findUserByEmail(c, email); ferr == nil {
				page.Data = usersData{adminSection: adminSection{Tab: "users"}, Found: u, Self: u.ID == principal(c).UserID}
			}
			return s.renderFormError(c, "admin_users", page, err)
		}
		return seeOther(c, withNotice("/admin/users?email="+url.QueryEscape(email), "user_"+action))
	}
}
