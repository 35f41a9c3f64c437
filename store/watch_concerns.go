package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

type concernList struct {
	ID    string                             `bson:"_id"`
	Items map[string]models.WatchConcernItem `bson:"items"`
}

func (s *Store) watchConcerns(ctx context.Context, programmeID string) (map[string]models.WatchConcernItem, error) {
	var list concernList
	err := mapErr(s.col("watch_concerns").FindOne(ctx, bson.D{{Key: "_id", Value: programmeID}}).Decode(&list))
	if err == ErrNotFound || list.Items == nil {
		return map[string]models.WatchConcernItem{}, nil
	}
	return list.Items, err
}

// WatchConcerns returns a programme's concerns, open and closed, by id.
func (s *Store) WatchConcerns(ctx context.Context, programmeID string) (map[string]models.WatchConcernItem, error) {
	return s.watchConcerns(ctx, programmeID)
}

// AddWatchConcern records a concern raised by a call.
func (s *Store) AddWatchConcern(ctx context.Context, programmeID string, c models.WatchConcernItem) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("watch_concerns").UpdateOne(ctx, bson.D{{Key: "_id", Value: programmeID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "items." + c.ID, Value: c}}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// HandleWatchConcern records who handles a concern, or closes it. A
// closed concern is ErrConflict; an unknown one ErrNotFound.
func (s *Store) HandleWatchConcern(ctx context.Context, programmeID, id, userID string, closing bool, now time.Time) (*models.WatchConcernItem, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	items, err := s.watchConcerns(ctx, programmeID)
	if err != nil {
		return nil, err
	}
	c, ok := items[id]
	if !ok {
		return nil, ErrNotFound
	}
	if c.ClosedAt != nil {
		return &c, ErrConflict
	}
	prefix := "items." + id + "."
	set := bson.D{}
	if c.HandlerID == "" || !closing {
		c.HandlerID, c.HandledAt = userID, &now
		set = append(set, bson.E{Key: prefix + "handler_id", Value: userID}, bson.E{Key: prefix + "handled_at", Value: now})
	}
	if closing {
		c.ClosedBy, c.ClosedAt = userID, &now
		set = append(set, bson.E{Key: prefix + "closed_by", Value: userID}, bson.E{Key: prefix + "closed_at", Value: now})
	}
	_, err = s.col("watch_concerns").UpdateOne(ctx, bson.D{{Key: "_id", Value: programmeID}}, bson.D{{Key: "$set", Value: set}})
	return &c, mapErr(err)
}

// WatchProgrammesEndedBefore lists, for the retention job, the programmes
// that ended before t and still hold data. It scans: background only.
func (s *Store) WatchProgrammesEndedBefore(ctx context.Context, t time.Time) ([]models.WatchProgramme, error) {
	cur, err := s.col("watch_programmes").Find(ctx, bson.D{
		{Key: "ends_on", Value: bson.D{{Key: "$lt", Value: t}}},
		{Key: "purged_at", Value: bson.D{{Key: "$exists", Value: false}}},
	})
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.WatchProgramme{}
	return out, mapErr(cur.All(ctx, &out))
}

// PurgeWatchProgramme deletes a programme's people, call logs, board,
// concerns and assignments, and keeps the programme with its anonymised
// counts and no volunteers' names.
func (s *Store) PurgeWatchProgramme(ctx context.Context, p *models.WatchProgramme, rows []models.WatchRow, stats models.WatchStats, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	for _, row := range rows {
		if row.VolunteerID != "" {
			if err := s.unsetAssignment(ctx, row.VolunteerID, row.PersonID); err != nil {
				return err
			}
		}
	}
	// Deleting by programme id (not only by the listed ids) also catches a
	// person whose listing a crash interrupted.
	byProgramme := bson.D{{Key: "programme_id", Value: p.ID}}
	for _, col := range []string{"watch_people", "watch_calls", "watch_board"} {
		if _, err := s.col(col).DeleteMany(ctx, byProgramme); err != nil {
			return mapErr(err)
		}
	}
	if _, err := s.col("watch_concerns").DeleteOne(ctx, bson.D{{Key: "_id", Value: p.ID}}); err != nil {
		return mapErr(err)
	}
	_, err = s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ID}}, bson.D{{Key: "$set", Value: bson.D{
		{Key: "purged_at", Value: now}, {Key: "stats", Value: stats},
		{Key: "people", Value: 0}, {Key: "volunteers", Value: []models.WatchVolunteer{}},
	}}})
	return mapErr(err)
}
