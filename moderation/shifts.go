package moderation

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// The rules of a mission's shifts: added while the mission is open,
// resized never below the places taken, removed only when nobody holds a
// place on them. A published mission stays published.

// AddShifts checks the new shifts against the mission's existing ones and
// adds them.
func (svc *Service) AddShifts(ctx context.Context, m *models.Mission, in []models.ShiftInput) ([]models.Shift, error) {
	if m.Status == models.MissionClosed || m.Status == models.MissionCancelled {
		return nil, stateError(m.Status)
	}
	existing, err := svc.Store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	var v models.Validator
	if len(in) == 0 {
		v.Add("shifts", "required")
	}
	models.ValidateShifts(&v, "shifts", in, svc.now(), len(existing))
	if err := v.Err(); err != nil {
		return nil, err
	}
	shifts := NewShifts(in, m, svc.now())
	if err := svc.Store.AddShifts(ctx, shifts); err != nil {
		return nil, err
	}
	if end := LastShiftEnd(shifts, m.LastShiftEnd); end.After(m.LastShiftEnd) {
		if err := svc.Store.SetLastShiftEnd(ctx, m.ID, end); err != nil {
			return nil, err
		}
	}
	svc.missionChanged(ctx, m)
	return shifts, nil
}

// SetCapacity changes a shift's number of places.
func (svc *Service) SetCapacity(ctx context.Context, m *models.Mission, shiftID string, capacity int) (*models.Shift, error) {
	if capacity < 1 || capacity > models.MaxShiftCapacity {
		var v models.Validator
		v.Add("capacity", "capacity_range", models.MaxShiftCapacity)
		return nil, v.Err()
	}
	sh, err := svc.Store.SetShiftCapacity(ctx, m.ID, shiftID, capacity)
	if errors.Is(err, store.ErrConflict) {
		return nil, ErrCapacityBelowTaken
	}
	if err != nil {
		return nil, err
	}
	if svc.Apps != nil && sh.PlacesLeft() > 0 {
		// New places go to the waiting list at once, not at the next
		// sweep.
		if svc.Apps.FillShift(ctx, m, sh.ID) > 0 {
			if again, err := svc.Store.ShiftByID(ctx, m.ID, sh.ID); err == nil {
				sh = again
			}
		}
	}
	svc.missionChanged(ctx, m)
	return sh, nil
}

// RemoveShift deletes a shift nobody holds a place on.
func (svc *Service) RemoveShift(ctx context.Context, m *models.Mission, shiftID string) error {
	err := svc.Store.DeleteShift(ctx, m.ID, shiftID)
	if errors.Is(err, store.ErrConflict) {
		return ErrShiftHasPlaces
	}
	if err != nil {
		return err
	}
	svc.missionChanged(ctx, m)
	return nil
}
