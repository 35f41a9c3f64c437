package handlers

import (
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// missionApplyRequest applies to one shift (shift_id), to chosen shifts
// (shift_ids) or to every shift to come (all) of a mission.
type missionApplyRequest struct {
	ShiftID  string   `json:"shift_id"`
	ShiftIDs []string `json:"shift_ids"`
	All      bool     `json:"all"`
	Message  string   `json:"message"`
}

// shiftRefusalResponse says why one shift of a series was not applied to
// (or one application not withdrawn), as a problem would.
type shiftRefusalResponse struct {
	ShiftID       string `json:"shift_id"`
	ApplicationID string `json:"application_id,omitempty"`
	Type          string `json:"type"`
	Title         string `json:"title"`
	Detail        string `json:"detail,omitempty"`
	Code          string `json:"code,omitempty"`
}

type seriesResponse struct {
	Applications []applicationResponse  `json:"applications"`
	Refused      []shiftRefusalResponse `json:"refused"`
}

// check validates the request: exactly one way to name the shifts.
func (r *missionApplyRequest) check() error {
	ways := 0
	for _, set := range []bool{r.ShiftID != "", r.ShiftIDs != nil, r.All} {
		if set {
			ways++
		}
	}
	if ways != 1 {
		return errField("shift_ids", "series.one_way")
	}
	if r.ShiftID != "" && !store.ValidID(r.ShiftID) {
		return errField("shift_id", "invalid_value")
	}
	if r.ShiftIDs != nil {
		if len(r.ShiftIDs) == 0 || len(r.ShiftIDs) > models.MaxShifts {
			return errField("shift_ids", "bulk_size", models.MaxShifts)
		}
		for i, id := range r.ShiftIDs {
			if !store.ValidID(id) || slices.Contains(r.ShiftIDs[:i], id) {
				return errField("shift_ids", "invalid_value")
			}
		}
	}
	return nil
}

// applyToMission applies to one shift of a mission, answering the
// application as POST .../shifts/:shiftId/applications does, or to a
// series of its shifts, answering what was made and what was refused.
func (s *Server) applyToMission(c *fiber.Ctx) error {
	missionID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var req missionApplyRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := req.check(); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if req.ShiftID != "" {
		a, m, err := s.apps.Apply(ctx, volunteerOf(c), missionID, req.ShiftID, req.Message)
		if err != nil {
			return err
		}
		view := applicationView(a, false)
		view.Mission = &applicationMission{ID: m.ID, Title: m.Title}
		return c.Status(fiber.StatusCreated).JSON(view)
	}
	m, made, refused, err := s.apps.ApplySeries(ctx, volunteerOf(c), missionID, req.ShiftIDs, req.All, req.Message)
	if err != nil {
		return err
	}
	body := s.seriesView(c, m, made, refused)
	if len(made) == 0 {
		// Nothing was made: the answer is the first refusal, with all.
		p := toProblem(refused[0].Err)
		p.Extra = map[string]any{"refused": body.Refused}
		if code, ok := applications.RefusalOf(refused[0].Err); ok {
			p.Extra["code"] = code.Code
		}
		return p
	}
	return c.Status(fiber.StatusCreated).JSON(body)
}

// seriesView renders the applications of a series and its refusals.
func (s *Server) seriesView(c *fiber.Ctx, m *models.Mission, apps []models.Application, refused []applications.ShiftRefusal) seriesResponse {
	out := seriesResponse{Applications: make([]applicationResponse, len(apps)), Refused: s.refusalViews(c, refused)}
	for i := range apps {
		out.Applications[i] = applicationView(&apps[i], false)
		out.Applications[i].Mission = &applicationMission{ID: m.ID, Title: m.Title}
		out.Applications[i].TimeZone = m.Zone()
	}
	return out
}

func (s *Server) refusalViews(c *fiber.Ctx, refused []applications.ShiftRefusal) []shiftRefusalResponse {
	lang := s.lang(c)
	out := make([]shiftRefusalResponse, len(refused))
	for i, r := range refused {
		p := toProblem(r.Err)
		out[i] = shiftRefusalResponse{ShiftID: r.ShiftID, ApplicationID: r.ApplicationID,
			Type: "/problems/" + string(p.Slug), Title: i18n.T(lang, p.Slug.Title())}
		if p.DetailKey != "" {
			out[i].Detail = i18n.T(lang, p.DetailKey, p.Args...)
		}
		if code, ok := applications.RefusalOf(r.Err); ok {
			out[i].Code = code.Code
		}
	}
	return out
}

// mySeries lists the caller's applications to a mission, earliest date
// first: their commitment to it.
func (s *Server) mySeries(c *fiber.Ctx) error {
	missionID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, err := s.apps.SeriesOf(ctx, principal(c).UserID, missionID)
	if err != nil {
		return err
	}
	items, err := s.volunteerViews(c, apps, true)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: len(items)}))
}

// withdrawSeries withdraws the caller from every date of a mission still
// open, with an optional reason; a date that can no longer be withdrawn
// (an accepted shift that started) is listed as refused.
func (s *Server) withdrawSeries(c *fiber.Ctx) error {
	missionID, err := idParam(c, "id")
	if err != nil {
		return err
	}
	reason, err := readReason(c, false)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	withdrawn, kept, err := s.apps.WithdrawSeries(ctx, volunteerOf(c), missionID, reason)
	if err != nil {
		return err
	}
	out := seriesResponse{Applications: make([]applicationResponse, len(withdrawn)), Refused: s.refusalViews(c, kept)}
	for i := range withdrawn {
		out.Applications[i] = applicationView(&withdrawn[i], false)
	}
	return c.JSON(out)
}
