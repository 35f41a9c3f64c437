package handlers

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
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

// createMission creates a draft mission with its shifts.
func (s *Server) createMission(c *fiber.Ctx) error {
	org := orgOf(c)
	var req missionRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.moderation.Draft(ctx, org, principal(c).UserID, req.input())
	if err != nil {
		return err
	}
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.moderation.Edit(ctx, org, m, principal(c).UserID, req.input())
	if err != nil {
		return err
	}
	view, err := s.renderMission(c, updated, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// deleteMission deletes a draft.
func (s *Server) deleteMission(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.moderation.DeleteDraft(ctx, org, m); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
