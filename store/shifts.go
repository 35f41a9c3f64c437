package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// ShiftsOfMissions returns the shifts of the given missions, by start time.
func (s *Store) ShiftsOfMissions(ctx context.Context, missionIDs ...string) ([]models.Shift, error) {
	filter := bson.D{{Key: "mission_id", Value: bson.D{{Key: "$in", Value: missionIDs}}}}
	if len(missionIDs) == 1 {
		filter = bson.D{{Key: "mission_id", Value: missionIDs[0]}}
	}
	cur, err := s.shifts().Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "start", Value: 1}, {Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Shift{}
	return out, mapErr(cur.All(ctx, &out))
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
	defer s.lock()()
	docs := make([]any, len(shifts))
	for i := range shifts {
		docs[i] = shifts[i]
	}
	_, err := s.shifts().InsertMany(ctx, docs)
	return mapErr(err)
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
	unlock := s.lock()
	res, err := s.shifts().DeleteOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "mission_id", Value: missionID}, {Key: "taken", Value: 0}})
	unlock()
	if err != nil {
		return mapErr(err)
	}
	if res.DeletedCount == 0 {
		if _, cerr := s.ShiftByID(ctx, missionID, id); cerr != nil {
			return cerr
		}
		return ErrConflict
	}
	return nil
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
	defer s.lock()()
	_, err := s.shifts().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "taken", Value: taken}}}})
	return mapErr(err)
}
