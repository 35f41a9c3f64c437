package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
)

type addShiftsRequest struct {
	Shifts []shiftRequest `json:"shifts"`
}

type shiftPatchRequest struct {
	Capacity *int `json:"capacity"`
}

// addShifts adds one or several shifts; a published mission stays
// published.
func (s *Server) addShifts(c *fiber.Ctx) error {
	m := missionOf(c)
	var req addShiftsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.addMissionShifts(c, m, missionRequest{Shifts: req.Shifts}.input().Shifts); err != nil {
		return err
	}
	view, err := s.renderMission(c, m, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// addMissionShifts is shared by the API and the mission editor page.
func (s *Server) addMissionShifts(c *fiber.Ctx, m *models.Mission, in []models.ShiftInput) error {
	if m.Status == models.MissionClosed || m.Status == models.MissionCancelled {
		return errState(string(m.Status))
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	existing, err := s.store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return err
	}
	var v models.Validator
	if len(in) == 0 {
		v.Add("shifts", "required")
	}
	models.ValidateShifts(&v, "shifts", in, s.now(), len(existing))
	if err := v.Err(); err != nil {
		return err
	}
	shifts := moderation.NewShifts(in, m, s.now())
	if err := s.store.AddShifts(ctx, shifts); err != nil {
		return err
	}
	if end := moderation.LastShiftEnd(shifts, m.LastShiftEnd); end.After(m.LastShiftEnd) {
		if err := s.store.SetLastShiftEnd(ctx, m.ID, end); err != nil {
			return err
		}
	}
	s.missionChanged(ctx, m.ID)
	return nil
}

// updateShift changes a shift's capacity, never below the places taken.
func (s *Server) updateShift(c *fiber.Ctx) error {
	m := missionOf(c)
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	var req shiftPatchRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Capacity == nil {
		return errField("capacity", "required")
	}
	if *req.Capacity < 1 || *req.Capacity > models.MaxShiftCapacity {
		return errField("capacity", "capacity_range", models.MaxShiftCapacity)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	sh, err := s.store.SetShiftCapacity(ctx, m.ID, shiftID, *req.Capacity)
	if errors.Is(err, store.ErrConflict) {
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.capacity_below_taken"}
	}
	if err != nil {
		return err
	}
	s.missionChanged(ctx, m.ID)
	return c.JSON(shiftResponse{ID: sh.ID, Start: sh.Start, End: sh.End, Capacity: sh.Capacity, Taken: sh.Taken, PlacesLeft: sh.PlacesLeft()})
}

// deleteShift removes a shift nobody holds a place on.
func (s *Server) deleteShift(c *fiber.Ctx) error {
	m := missionOf(c)
	shiftID, err := idParam(c, "shiftId")
	if err != nil {
		return err
	}
	if err := s.removeShift(c, m, shiftID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// removeShift is shared by the API and the mission's page.
func (s *Server) removeShift(c *fiber.Ctx, m *models.Mission, shiftID string) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	err := s.store.DeleteShift(ctx, m.ID, shiftID)
	if errors.Is(err, store.ErrConflict) {
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.shift_has_places"}
	}
	if err != nil {
		return err
	}
	s.missionChanged(ctx, m.ID)
	return nil
}
