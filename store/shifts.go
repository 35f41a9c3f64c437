package store

import (
	"context"
	"slices"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// ShiftsOfMissions returns the shifts of the given missions, by start time:
// the missions' lists of shifts, then their shifts, by key, a few at a
// time (byIDs).
func (s *Store) ShiftsOfMissions(ctx context.Context, missionIDs ...string) ([]models.Shift, error) {
	lists, err := byIDs[missionShifts](ctx, s, missionShiftsCol, missionIDs)
	if err != nil {
		return nil, err
	}
	var ids []string
	of := map[string]bool{}
	for _, missionID := range missionIDs {
		of[missionID] = true
	}
	for _, l := range lists {
		ids = append(ids, l.IDs...)
	}
	all, err := byIDs[models.Shift](ctx, s, "shifts", ids)
	if err != nil {
		return nil, err
	}
	out := make([]models.Shift, 0, len(all))
	for _, sh := range all {
		if of[sh.MissionID] { // a list entry a crash left behind
			out = append(out, sh)
		}
	}
	slices.SortFunc(out, func(a, b models.Shift) int {
		if c := a.Start.Compare(b.Start); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out, nil
}

// ShiftByID returns one shift of a mission.
func (s *Store) ShiftByID(ctx context.Context, missionID, id string) (*models.Shift, error) {
	var sh models.Shift
	if err := s.findByKey(ctx, "shifts", id, bson.D{{Key: "mission_id", Value: missionID}}, &sh); err != nil {
		return nil, err
	}
	return &sh, nil
}

// AddShifts inserts shifts.
func (s *Store) AddShifts(ctx context.Context, shifts []models.Shift) error {
	if len(shifts) == 0 {
		return nil
	}
	docs := make([]any, len(shifts))
	for i := range shifts {
		docs[i] = shifts[i]
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.shifts().InsertMany(ctx, docs)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	for _, sh := range shifts {
		if err := s.listShifts(ctx, sh.MissionID, sh.ID); err != nil {
			return err
		}
	}
	return nil
}

// SetShiftCapacity changes a shift's capacity, never below the places
// already taken (ErrConflict then).
func (s *Store) SetShiftCapacity(ctx context.Context, missionID, id string, capacity int) (*models.Shift, error) {
	var sh models.Shift
	err := s.updateByKey(ctx, "shifts", id,
		bson.D{{Key: "mission_id", Value: missionID}, {Key: "taken", Value: bson.D{{Key: "$lte", Value: capacity}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "capacity", Value: capacity}}}}, &sh)
	if err == ErrNotFound {
		if _, cerr := s.ShiftByID(ctx, missionID, id); cerr != nil {
			return nil, cerr
		}
		return nil, ErrConflict
	}
	return &sh, err
}

// DeleteShift removes a shift with no place taken (ErrConflict otherwise).
func (s *Store) DeleteShift(ctx context.Context, missionID, id string) error {
	var sh models.Shift
	if err := s.findByKey(ctx, "shifts", id, bson.D{{Key: "mission_id", Value: missionID}}, &sh); err != nil {
		return err
	}
	// The condition goes with the key; on the embedded store the lock
	// makes the read above and this delete one step.
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	filter := bson.D{{Key: "_id", Value: id}}
	if s.writeMu == nil {
		filter = append(filter, bson.E{Key: "taken", Value: 0})
	} else if sh.Taken != 0 {
		unlock()
		return ErrConflict
	}
	res, err := s.shifts().DeleteOne(ctx, filter)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	if res.DeletedCount == 0 {
		return ErrConflict
	}
	return s.unlistShift(ctx, missionID, id)
}

// TakePlace takes one place on a shift if one is left, in one conditional
// update, and reports whether it did.
// The filter cannot compare two fields without $expr (which FerretDB lacks),
// so it pins the capacity read just before; if the capacity changed in
// between, it reads again.
func (s *Store) TakePlace(ctx context.Context, shiftID string) (bool, error) {
	for range 5 {
		ok, retry, err := s.takePlace(ctx, shiftID)
		if err != nil || !retry {
			return ok, err
		}
	}
	return false, ErrConflict
}

func (s *Store) takePlace(ctx context.Context, shiftID string) (ok, retry bool, err error) {
	var sh models.Shift
	if err := s.findByKey(ctx, "shifts", shiftID, nil, &sh); err != nil {
		return false, false, err
	}
	if sh.Taken >= sh.Capacity {
		return false, false, nil
	}
	err = s.updateByKey(ctx, "shifts", shiftID,
		bson.D{{Key: "taken", Value: bson.D{{Key: "$lt", Value: sh.Capacity}}}, {Key: "capacity", Value: sh.Capacity}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "taken", Value: 1}}}}, nil)
	switch err {
	case nil:
		return true, false, nil
	case ErrNotFound:
		return false, true, nil
	}
	return false, false, err
}

// ReleasePlace gives back one place, never going below zero.
func (s *Store) ReleasePlace(ctx context.Context, shiftID string) error {
	err := s.updateByKey(ctx, "shifts", shiftID, bson.D{{Key: "taken", Value: bson.D{{Key: "$gt", Value: 0}}}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "taken", Value: -1}}}}, nil)
	if err == ErrNotFound {
		return nil
	}
	return err
}

// SetShiftTaken overwrites a shift's taken count (reconciliation).
func (s *Store) SetShiftTaken(ctx context.Context, id string, taken int) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.shifts().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "taken", Value: taken}}}})
	return mapErr(err)
}
