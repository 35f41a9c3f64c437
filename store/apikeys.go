package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// CreateAPIKey stores a partner key.
func (s *Store) CreateAPIKey(ctx context.Context, k *models.APIKey) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("api_keys").InsertOne(ctx, k)
	return mapErr(err)
}

// APIKeyByHash returns an unrevoked key.
func (s *Store) APIKeyByHash(ctx context.Context, hash string) (*models.APIKey, error) {
	var k models.APIKey
	if err := s.col("api_keys").FindOne(ctx, bson.D{{Key: "_id", Value: hash}}).Decode(&k); err != nil {
		return nil, mapErr(err)
	}
	if k.RevokedAt != nil {
		return nil, ErrNotFound
	}
	return &k, nil
}

// APIKeys lists every key, newest first.
func (s *Store) APIKeys(ctx context.Context) ([]models.APIKey, error) {
	cur, err := s.col("api_keys").Find(ctx, bson.D{}, options.Find().SetSort(bson.D{{Key: "created_at", Value: -1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.APIKey{}
	return out, mapErr(cur.All(ctx, &out))
}

// RevokeAPIKey revokes a key by its public id.
func (s *Store) RevokeAPIKey(ctx context.Context, publicID string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := s.col("api_keys").UpdateOne(ctx, bson.D{{Key: "public_id", Value: publicID}, {Key: "revoked_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revoked_at", Value: now}}}})
	if err != nil {
		return mapErr(err)
	}
	if res.MatchedCount == 0 {
		return ErrNotFound
	}
	return nil
}

// FeedMissions lists the publicly visible missions (published, closed,
// cancelled) changed at or after since, oldest change first, from the
// cursor position (since, afterID) on, at most limit+1 of them.
func (s *Store) FeedMissions(ctx context.Context, since time.Time, afterID string, limit int) ([]models.Mission, error) {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: []models.MissionStatus{models.MissionPublished, models.MissionClosed, models.MissionCancelled}}}}}
	if !since.IsZero() {
		filter = append(filter, bson.E{Key: "updated_at", Value: bson.D{{Key: "$gte", Value: since}}})
	}
	cur, err := s.missions().Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "updated_at", Value: 1}, {Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	defer cur.Close(ctx)
	out := []models.Mission{}
	for cur.Next(ctx) && len(out) <= limit {
		var m models.Mission
		if err := cur.Decode(&m); err != nil {
			return nil, mapErr(err)
		}
		// Keyset pagination: skip what the cursor already delivered.
		if afterID != "" && m.UpdatedAt.Equal(since) && m.ID <= afterID {
			continue
		}
		out = append(out, m)
	}
	return out, mapErr(cur.Err())
}
