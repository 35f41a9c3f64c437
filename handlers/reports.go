package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
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
	p := principal(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.moderation.FileReport(ctx, moderationActor(p),
		moderation.ReportInput{TargetType: req.TargetType, TargetID: req.TargetID, Reason: req.Reason})
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
	status, _, err := reportStatusParam(c)
	if err != nil {
		return err
	}
	items, err := s.reportGroups(c, status)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

// reportStatusParam reads the reports' filter (open by default; all is
// the empty status) and its name.
func reportStatusParam(c *fiber.Ctx) (models.ReportStatus, string, error) {
	switch name := c.Query("status", "open"); name {
	case "open":
		return models.ReportOpen, name, nil
	case "resolved":
		return models.ReportResolved, name, nil
	case "all":
		return "", name, nil
	}
	return "", "", errField("status", "one_of", "open, resolved, all")
}

// reportGroups is shared by the API and the reports page.
func (s *Server) reportGroups(c *fiber.Ctx, status models.ReportStatus) ([]reportGroup, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	groups, err := s.moderation.ReportGroups(ctx, status)
	if err != nil {
		return nil, err
	}
	items := make([]reportGroup, len(groups))
	for i, g := range groups {
		items[i] = reportGroup{TargetType: g.TargetType, TargetID: g.TargetID, TargetTitle: g.TargetTitle,
			Count: len(g.Reports), FirstAt: g.FirstAt, LastAt: g.LastAt, Reports: make([]reportResponse, len(g.Reports))}
		for j := range g.Reports {
			items[i].Reports[j] = reportView(&g.Reports[j])
		}
	}
	return items, nil
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	r, err := s.moderation.ResolveReport(ctx, principal(c).UserID, id, req.Resolution)
	if err != nil {
		return err
	}
	return c.JSON(reportView(r))
}
