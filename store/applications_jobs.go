package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// HeldPlaces counts, per shift id, the applications that hold a place.
func (s *Store) HeldPlaces(ctx context.Context) (map[string]int64, error) {
	return s.countBy(ctx, "applications", "shift_id",
		bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: models.PlaceHolding()}}}})
}

// ShiftsByIDs returns the shifts with these ids.
func (s *Store) ShiftsByIDs(ctx context.Context, ids []string) ([]models.Shift, error) {
	if s.Embedded() {
		// {_id: {$in}} scans the collection there; key reads do not.
		return byIDs[models.Shift](ctx, s, "shifts", ids)
	}
	cur, err := s.shifts().Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Shift{}
	return out, mapErr(cur.All(ctx, &out))
}

// ShiftsWithPlacesTaken returns the shifts whose taken count is above zero.
func (s *Store) ShiftsWithPlacesTaken(ctx context.Context) ([]models.Shift, error) {
	cur, err := s.shifts().Find(ctx, bson.D{{Key: "taken", Value: bson.D{{Key: "$gt", Value: 0}}}})
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Shift{}
	return out, mapErr(cur.All(ctx, &out))
}

// SetShiftTakenIf overwrites a shift's taken count only if it still is
// seen, and reports whether it did (reconciliation's compare-and-swap).
func (s *Store) SetShiftTakenIf(ctx context.Context, id string, seen, taken int) (bool, error) {
	err := s.updateByKey(ctx, "shifts", id, bson.D{{Key: "taken", Value: seen}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "taken", Value: taken}}}}, nil)
	if err == ErrNotFound {
		return false, nil
	}
	return err == nil, err
}

// PlaceCheck is a drift seen by reconciliation on a shift: taken above
// the places held. It is repaired only when seen again unchanged later,
// since a request may be between taking a place and writing its
// application.
type PlaceCheck struct {
	ShiftID string    `bson:"_id"`
	Taken   int       `bson:"taken"`
	Held    int       `bson:"held"`
	At      time.Time `bson:"at"`
}

// PlaceChecks returns the recorded drifts by shift id.
func (s *Store) PlaceChecks(ctx context.Context) (map[string]PlaceCheck, error) {
	cur, err := s.col("place_checks").Find(ctx, bson.D{})
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []PlaceCheck
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]PlaceCheck, len(rows))
	for _, r := range rows {
		out[r.ShiftID] = r
	}
	return out, nil
}

// SavePlaceCheck records a drift seen on a shift.
func (s *Store) SavePlaceCheck(ctx context.Context, c PlaceCheck) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("place_checks").ReplaceOne(ctx, bson.D{{Key: "_id", Value: c.ShiftID}}, c, options.Replace().SetUpsert(true))
	return mapErr(err)
}

// DeletePlaceCheck forgets a shift's drift (repaired or gone).
func (s *Store) DeletePlaceCheck(ctx context.Context, shiftID string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("place_checks").DeleteOne(ctx, bson.D{{Key: "_id", Value: shiftID}})
	return mapErr(err)
}

// DecidedSince lists the applications the organisations answered at or
// after since, for their response times.
func (s *Store) DecidedSince(ctx context.Context, since time.Time) ([]models.Application, error) {
	return s.findApplications(ctx, bson.D{{Key: "decided_at", Value: bson.D{{Key: "$gte", Value: since}}}}, options.Find())
}
