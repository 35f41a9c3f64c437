package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// mission_shifts lists each mission's shift ids ({_id: mission id, ids}),
// so that a mission page reads its shifts by key instead of filtering the
// shifts collection by mission. Shifts stay documents of their own: their
// taken counters change concurrently and need top-level fields. A mission
// has at most MaxShifts shifts, so the list stays small.
const missionShiftsCol = "mission_shifts"

type missionShifts struct {
	MissionID string   `bson:"_id"`
	IDs       []string `bson:"ids"`
}

// listShifts adds shift ids to a mission's list (idempotent).
func (s *Store) listShifts(ctx context.Context, missionID string, ids ...string) error {
	return s.addToIDList(ctx, missionShiftsCol, missionID, ids...)
}

// unlistShift removes a shift id from a mission's list.
func (s *Store) unlistShift(ctx context.Context, missionID, id string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(missionShiftsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: missionID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "ids", Value: id}}}})
	return mapErr(err)
}

func (s *Store) shiftIDsOf(ctx context.Context, missionID string) ([]string, error) {
	var doc missionShifts
	err := s.findByKey(ctx, missionShiftsCol, missionID, nil, &doc)
	if err == ErrNotFound {
		return nil, nil
	}
	return doc.IDs, err
}

// BackfillMissionShifts writes mission_shifts from the shifts collection,
// once per database (recorded in meta). Idempotent.
func (s *Store) BackfillMissionShifts(ctx context.Context, now time.Time) error {
	const key = "backfill:mission_shifts:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	cur, err := s.shifts().Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "mission_id", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	byMission := map[string][]string{}
	for cur.Next(ctx) {
		var sh struct {
			ID        string `bson:"_id"`
			MissionID string `bson:"mission_id"`
		}
		if err := cur.Decode(&sh); err != nil {
			cur.Close(ctx)
			return mapErr(err)
		}
		byMission[sh.MissionID] = append(byMission[sh.MissionID], sh.ID)
	}
	cur.Close(ctx)
	batch := s.newKeyBatch(missionShiftsCol)
	for missionID, ids := range byMission {
		err := batch.add(ctx, &missionShifts{MissionID: missionID, IDs: ids}, func(ctx context.Context) error {
			return s.listShifts(ctx, missionID, ids...)
		})
		if err != nil {
			return err
		}
	}
	if err := batch.flush(ctx); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}
