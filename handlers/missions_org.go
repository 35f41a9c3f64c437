package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

type shiftRequest struct {
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Capacity int       `json:"capacity"`
}

type missionRequest struct {
	Title              *string        `json:"title"`
	Description        *string        `json:"description"`
	Category           *string        `json:"category"`
	Skills             *[]string      `json:"skills"`
	Languages          *[]string      `json:"languages"`
	Remote             *bool          `json:"remote"`
	Address            *string        `json:"address"`
	Postcode           *string        `json:"postcode"`
	MinAge             *int           `json:"min_age"`
	RequiresVetting    *bool          `json:"requires_vetting"`
	Urgent             *bool          `json:"urgent"`
	AutoAccept         *bool          `json:"auto_accept"`
	AccessibilityNotes *string        `json:"accessibility_notes"`
	Shifts             []shiftRequest `json:"shifts"`
}

func (r missionRequest) input() models.MissionInput {
	in := models.MissionInput{Title: r.Title, Description: r.Description, Category: r.Category, Skills: r.Skills,
		Languages: r.Languages, Remote: r.Remote, Address: r.Address, Postcode: r.Postcode, MinAge: r.MinAge,
		RequiresVetting: r.RequiresVetting, Urgent: r.Urgent, AutoAccept: r.AutoAccept, AccessibilityNotes: r.AccessibilityNotes}
	for _, sh := range r.Shifts {
		in.Shifts = append(in.Shifts, models.ShiftInput{Start: sh.Start.UTC(), End: sh.End.UTC(), Capacity: sh.Capacity})
	}
	return in
}

// locate fills a mission's city, coordinates and time zone from its
// postcode; a mission without one (remote) keeps the organisation's zone.
func (s *Server) locate(m *models.Mission, org *models.Organization) error {
	m.TimeZone = timefmt.ZoneOfPostcode(m.Postcode)
	if m.TimeZone == "" {
		m.TimeZone = timefmt.Zone(timefmt.ZoneOfPostcode(org.Postcode))
	}
	if m.Postcode == "" {
		m.City, m.Lat, m.Lon = "", 0, 0
		return nil
	}
	place, ok := s.gazetteer.Lookup(m.Postcode)
	if !ok {
		return errField("postcode", "unknown_postcode")
	}
	m.City, m.Lat, m.Lon = place.City, place.Lat, place.Lon
	return nil
}

func newShifts(in []models.ShiftInput, m *models.Mission, now time.Time) []models.Shift {
	out := make([]models.Shift, len(in))
	for i, sh := range in {
		out[i] = models.Shift{ID: store.NewID(), MissionID: m.ID, OrgID: m.OrgID, Start: sh.Start.Truncate(time.Second),
			End: sh.End.Truncate(time.Second), Capacity: sh.Capacity, CreatedAt: now}
	}
	return out
}

// createMission creates a draft mission with its shifts.
func (s *Server) createMission(c *fiber.Ctx) error {
	org := orgOf(c)
	var req missionRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	m, err := s.draftMission(c, org, req.input())
	if err != nil {
		return err
	}
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// draftMission is shared by the API and the mission editor page.
func (s *Server) draftMission(c *fiber.Ctx, org *models.Organization, in models.MissionInput) (*models.Mission, error) {
	now := s.now()
	m, verr := in.Apply(nil)
	var v models.Validator
	if verr != nil {
		var ve *models.ValidationError
		if !errors.As(verr, &ve) {
			return nil, verr
		}
		for _, f := range ve.Fields {
			v.Add(f.Field, f.Code, f.Params...)
		}
	}
	if len(in.Shifts) == 0 {
		v.Add("shifts", "required")
	}
	models.ValidateShifts(&v, "shifts", in.Shifts, now, 0)
	if err := v.Err(); err != nil {
		return nil, err
	}
	if err := s.locate(&m, org); err != nil {
		return nil, err
	}
	p := principal(c)
	m.ID, m.OrgID, m.Status, m.CreatedBy, m.CreatedAt, m.UpdatedAt = store.NewID(), org.ID, models.MissionDraft, p.UserID, now, now
	shifts := newShifts(in.Shifts, &m, now)
	m.LastShiftEnd = lastEnd(shifts, time.Time{})
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.CreateMission(ctx, &m, shifts); err != nil {
		return nil, err
	}
	return &m, nil
}

func lastEnd(shifts []models.Shift, cur time.Time) time.Time {
	for _, sh := range shifts {
		if sh.End.After(cur) {
			cur = sh.End
		}
	}
	return cur
}

func (s *Server) getOrgMission(c *fiber.Ctx) error {
	m := missionOf(c)
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// listOrgMissions lists the organisation's missions, filterable by status.
func (s *Server) listOrgMissions(c *fiber.Ctx) error {
	org := orgOf(c)
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	var statuses []models.MissionStatus
	if st := c.Query("status"); st != "" {
		for _, one := range strings.Split(st, ",") {
			if _, ok := models.MissionTransitions[models.MissionStatus(one)]; !ok && one != string(models.MissionClosed) && one != string(models.MissionCancelled) {
				return errField("status", "invalid_value")
			}
			statuses = append(statuses, models.MissionStatus(one))
		}
	}
	items, total, err := s.orgMissionList(c, org, statuses, pg)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, total, pg))
}

// orgMissionList is shared by the API and the organisation's missions
// page: one page of its missions in statuses (any when none), newest
// first, with their shifts.
func (s *Server) orgMissionList(c *fiber.Ctx, org *models.Organization, statuses []models.MissionStatus, pg paging) ([]missionResponse, int64, error) {
	f := store.MissionFilter{OrgID: org.ID, Statuses: statuses}
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, total, err := s.store.Missions(ctx, f, "-created_at", pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	ids := make([]string, len(missions))
	for i, m := range missions {
		ids[i] = m.ID
	}
	shifts := map[string][]models.Shift{}
	if len(ids) > 0 {
		all, err := s.store.ShiftsOfMissions(ctx, ids...)
		if err != nil {
			return nil, 0, err
		}
		for _, sh := range all {
			shifts[sh.MissionID] = append(shifts[sh.MissionID], sh)
		}
	}
	items := make([]missionResponse, len(missions))
	for i := range missions {
		items[i] = missionView(&missions[i], org, shifts[missions[i].ID], true, s.now())
	}
	return items, total, nil
}

// updateMission edits a mission. On a published mission the edit waits
// for a moderator as a revision while the published version stays
// online; shifts and places change directly.
func (s *Server) updateMission(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	var req missionRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Shifts != nil {
		return errField("shifts", "shifts_separate")
	}
	updated, err := s.editMission(c, org, m, req.input())
	if err != nil {
		return err
	}
	view, err := s.renderMission(c, updated, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

func (s *Server) editMission(c *fiber.Ctx, org *models.Organization, m *models.Mission, in models.MissionInput) (*models.Mission, error) {
	switch m.Status {
	case models.MissionClosed, models.MissionCancelled:
		return nil, errState(string(m.Status))
	}
	if m.Status == models.MissionPublished {
		return s.reviseMission(c, org, m, in)
	}
	next, err := in.Apply(m)
	if err != nil {
		return nil, err
	}
	if next.Postcode != m.Postcode || next.Remote != m.Remote || next.TimeZone == "" {
		if err := s.locate(&next, org); err != nil {
			return nil, err
		}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.store.UpdateMissionContent(ctx, m, &next, s.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.edited_concurrently"}
	}
	if err != nil {
		return nil, err
	}
	s.missionChanged(ctx, updated.ID)
	return updated, nil
}

// deleteMission deletes a draft.
func (s *Server) deleteMission(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	if err := s.deleteDraft(c, org, m); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// deleteDraft is shared by the API and the mission's page.
func (s *Server) deleteDraft(c *fiber.Ctx, org *models.Organization, m *models.Mission) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	err := s.store.DeleteMission(ctx, org.ID, m.ID, []models.MissionStatus{models.MissionDraft})
	if errors.Is(err, store.ErrConflict) {
		return errState(string(m.Status))
	}
	return err
}
