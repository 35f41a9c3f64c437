package handlers

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/csvx"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

type bulkRequest struct {
	IDs    []string `json:"ids"`
	Reason string   `json:"reason"`
	Note   string   `json:"note"`
}

type bulkResult struct {
	ID     string `json:"id"`
	OK     bool   `json:"ok"`
	Status string `json:"status,omitempty"`
	Error  string `json:"error,omitempty"`
}

func (s *Server) bulkAccept(c *fiber.Ctx) error {
	return s.bulk(c, false)
}

func (s *Server) bulkDecline(c *fiber.Ctx) error {
	return s.bulk(c, true)
}

// bulk accepts or declines several applications of the organisation, each
// on its own: the answer says, per id, what happened.
func (s *Server) bulk(c *fiber.Ctx, decline bool) error {
	org := orgOf(c)
	var req bulkRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	results, err := s.bulkDecide(c, org, req, decline)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": results, "total": len(results)})
}

// bulkDecide is shared by the API and the review page: it checks the
// request, lets applications.DecideByID act on each id, and words what
// happened to each.
func (s *Server) bulkDecide(c *fiber.Ctx, org *models.Organization, req bulkRequest, decline bool) ([]bulkResult, error) {
	if len(req.IDs) == 0 || len(req.IDs) > applications.MaxBulk {
		return nil, errField("ids", "bulk_size", applications.MaxBulk)
	}
	note := ""
	if decline {
		var err error
		if note, err = models.ValidateDecline(req.Reason, req.Note); err != nil {
			return nil, err
		}
	} else if req.Reason != "" || req.Note != "" {
		return nil, errField("reason", "unknown_field")
	}
	lang := s.lang(c)
	by := principal(c).UserID
	results := make([]bulkResult, 0, len(req.IDs))
	for _, id := range req.IDs {
		results = append(results, s.bulkOne(c, org.ID, id, by, decline, req.Reason, note, lang))
	}
	return results, nil
}

// bulkOne decides one application, with its own time budget, and words
// what happened.
func (s *Server) bulkOne(c *fiber.Ctx, orgID, id, by string, decline bool, reason, note, lang string) bulkResult {
	ctx, cancel := s.ctx(c)
	defer cancel()
	res := bulkResult{ID: id}
	updated, err := s.apps.DecideByID(ctx, orgID, id, by, decline, reason, note)
	if err != nil {
		p := toProblem(err)
		if p.Status >= 500 {
			s.log.Error("bulk action failed", "application_id", id, "error", err)
		}
		res.Error = i18n.T(lang, p.DetailKey, p.Args...)
		return res
	}
	res.OK, res.Status = true, string(updated.Status)
	return res
}

// attendanceCSV downloads the register of a mission's accepted
// volunteers (optionally of one shift), with their contact details.
func (s *Server) attendanceCSV(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	f := store.ApplicationFilter{OrgID: org.ID, MissionID: m.ID,
		Statuses: []models.ApplicationStatus{models.ApplicationAccepted, models.ApplicationAttended, models.ApplicationNoShow}}
	if sh := c.Query("shift_id"); sh != "" {
		if !store.ValidID(sh) {
			return errField("shift_id", "invalid_value")
		}
		f.ShiftID = sh
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, _, err := s.store.Applications(ctx, f, "shift_start", 0, 0)
	if err != nil {
		return err
	}
	rows, err := s.attendanceRows(ctx, s.lang(c), apps)
	if err != nil {
		return err
	}
	return sendCSV(c, "attendance-"+m.ID+".csv", rows)
}

func (s *Server) attendanceRows(ctx context.Context, lang string, apps []models.Application) ([][]string, error) {
	views, err := s.orgViews(ctx, apps)
	if err != nil {
		return nil, err
	}
	rows := [][]string{csvx.Header(lang, "shift_start", "shift_end", "name", "email", "phone", "status", "hours", "reference")}
	for _, v := range views {
		rows = append(rows, []string{timefmt.Numeric(lang, v.ShiftStart, v.TimeZone), timefmt.Numeric(lang, v.ShiftEnd, v.TimeZone),
			v.Volunteer.Name, v.Volunteer.Email, v.Volunteer.Phone, i18n.T(lang, "astatus."+v.Status),
			frontend.Number(lang, v.Hours, 2), v.ID})
	}
	return rows, nil
}
