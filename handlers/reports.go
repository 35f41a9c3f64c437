package handlers

import (
	"errors"
	"sort"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type reportRequest struct {
	TargetType string `json:"target_type"`
	TargetID   string `json:"target_id"`
	Reason     string `json:"reason"`
}

type reportResponse struct {
	ID         string     `json:"id"`
	TargetType string     `json:"target_type"`
	TargetID   string     `json:"target_id"`
	Reason     string     `json:"reason"`
	Status     string     `json:"status"`
	Resolution string     `json:"resolution,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	ResolvedAt *time.Time `json:"resolved_at,omitempty"`

	// ReporterDeleted: the reporter deleted their account, and their words
	// went with it.
	ReporterDeleted bool `json:"reporter_deleted,omitempty"`
}

func reportView(r *models.Report) reportResponse {
	return reportResponse{ID: r.ID, TargetType: r.TargetType, TargetID: r.TargetID, Reason: r.Reason,
		Status: string(r.Status), Resolution: r.Resolution, CreatedAt: r.CreatedAt, ResolvedAt: r.ResolvedAt,
		ReporterDeleted: r.ReporterDeleted}
}

// createReport lets any signed-in user report a mission or an organisation
// they can see.
func (s *Server) createReport(c *fiber.Ctx) error {
	var req reportRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	r, err := s.fileReport(c, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(reportView(r))
}

// fileReport is shared by the API and the pages' report forms.
func (s *Server) fileReport(c *fiber.Ctx, req reportRequest) (*models.Report, error) {
	var v models.Validator
	v.Check(req.TargetType == "mission" || req.TargetType == "organization", "target_type", "one_of", "mission, organization")
	v.Check(store.ValidID(req.TargetID), "target_id", "invalid_id")
	reason, ok := models.CleanText(req.Reason)
	if v.Check(ok, "reason", "invalid_text") {
		v.Length(reason, "reason", 5, 1000)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.checkUserLimit(s.limits.reports, principal(c).UserID, "detail.report_rate"); err != nil {
		return nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.checkReportTarget(c, req.TargetType, req.TargetID); err != nil {
		return nil, err
	}
	p := principal(c)
	open, err := s.store.CountOpenReportsBy(ctx, p.UserID, req.TargetID)
	if err != nil {
		return nil, err
	}
	if open > 0 {
		return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.already_reported"}
	}
	r := &models.Report{ID: store.NewID(), TargetType: req.TargetType, TargetID: req.TargetID, ReporterID: p.UserID,
		Reason: reason, Status: models.ReportOpen, CreatedAt: s.now()}
	if err := s.store.CreateReport(ctx, r); err != nil {
		return nil, err
	}
	return r, nil
}

// checkReportTarget makes sure the target exists and the reporter can see
// it (a hidden draft cannot be probed through reports).
func (s *Server) checkReportTarget(c *fiber.Ctx, kind, id string) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if kind == "organization" {
		org, err := s.store.OrganizationByID(ctx, id)
		if err != nil {
			return err
		}
		if !s.canSeeOrg(c, org) {
			return errNotFound()
		}
		return nil
	}
	m, err := s.store.MissionByID(ctx, id)
	if err != nil {
		return err
	}
	insider, err := s.isMissionInsider(c, m)
	if err != nil {
		return err
	}
	if !insider && m.Status != models.MissionPublished && m.Status != models.MissionClosed {
		return errNotFound()
	}
	return nil
}

type reportGroup struct {
	TargetType  string           `json:"target_type"`
	TargetID    string           `json:"target_id"`
	TargetTitle string           `json:"target_title"`
	Count       int              `json:"count"`
	FirstAt     time.Time        `json:"first_at"`
	LastAt      time.Time        `json:"last_at"`
	Reports     []reportResponse `json:"reports"`
}

// adminReports lists reports grouped by target, most reported first.
func (s *Server) adminReports(c *fiber.Ctx) error {
	status := models.ReportOpen
	switch c.Query("status", "open") {
	case "open":
	case "resolved":
		status = models.ReportResolved
	case "all":
		status = ""
	default:
		return errField("status", "one_of", "open, resolved, all")
	}
	items, err := s.reportGroups(c, status)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

// reportGroups is shared by the API and the reports page.
func (s *Server) reportGroups(c *fiber.Ctx, status models.ReportStatus) ([]reportGroup, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	reports, err := s.store.Reports(ctx, status, 5000)
	if err != nil {
		return nil, err
	}
	groups := map[string]*reportGroup{}
	var order []string
	for i := range reports {
		r := &reports[i]
		key := r.TargetType + ":" + r.TargetID
		g, ok := groups[key]
		if !ok {
			g = &reportGroup{TargetType: r.TargetType, TargetID: r.TargetID, FirstAt: r.CreatedAt}
			groups[key] = g
			order = append(order, key)
		}
		g.Count++
		g.LastAt = r.CreatedAt
		g.Reports = append(g.Reports, reportView(r))
	}
	items := make([]reportGroup, 0, len(order))
	for _, key := range order {
		g := groups[key]
		g.TargetTitle = s.targetTitle(c, g.TargetType, g.TargetID)
		items = append(items, *g)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].Count > items[j].Count })
	return items, nil
}

func (s *Server) targetTitle(c *fiber.Ctx, kind, id string) string {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if kind == "organization" {
		if org, err := s.store.OrganizationByID(ctx, id); err == nil {
			return org.Name
		}
		return ""
	}
	if m, err := s.store.MissionByID(ctx, id); err == nil {
		return m.Title
	}
	return ""
}

type resolveRequest struct {
	Resolution string `json:"resolution"`
}

// resolveReport resolves a report and every other open report on the same
// target.
func (s *Server) resolveReport(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req resolveRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
	}
	r, err := s.resolveReportByID(c, id, req.Resolution)
	if err != nil {
		return err
	}
	return c.JSON(reportView(r))
}

// resolveReportByID is shared by the API and the reports page.
func (s *Server) resolveReportByID(c *fiber.Ctx, id, rawResolution string) (*models.Report, error) {
	resolution, ok := models.CleanText(rawResolution)
	if !ok || len([]rune(resolution)) > 1000 {
		return nil, errField("resolution", "invalid_text")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, err := s.store.ReportByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Status != models.ReportOpen {
		return nil, errState(string(r.Status))
	}
	admin := principal(c).UserID
	n, err := s.store.ResolveReports(ctx, r.TargetType, r.TargetID, resolution, admin, s.now())
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, admin, "report.resolve", r.TargetType, r.TargetID, resolution,
		map[string]any{"open_reports": n}, map[string]any{"status": "resolved"}); err != nil {
		return nil, err
	}
	r, err = s.store.ReportByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFound()
	}
	return r, err
}
