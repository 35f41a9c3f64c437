package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// ProfileRecord is a volunteer's profile with the account fields the
// matching needs.
type ProfileRecord struct {
	UserID  string          `bson:"_id"`
	Name    string          `bson:"name"`
	Role    models.Role     `bson:"role"`
	Status  string          `bson:"status"`
	Profile *models.Profile `bson:"profile"`
}

// SetProfile saves a volunteer's profile.
func (s *Store) SetProfile(ctx context.Context, userID string, p models.Profile, now time.Time) error {
	p.UpdatedAt, p.IndexStamp = now, now
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := s.users().UpdateOne(ctx,
		bson.D{{Key: "_id", Value: userID}, {Key: "status", Value: models.UserActive}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "profile", Value: p}, {Key: "updated_at", Value: now}}}})
	if err != nil {
		return mapErr(err)
	}
	if res.MatchedCount == 0 {
		return ErrNotFound
	}
	return nil
}

// Profile returns a volunteer's profile, or nil when none was saved.
func (s *Store) Profile(ctx context.Context, userID string) (*models.Profile, error) {
	rec, err := s.ProfileRecord(ctx, userID)
	if err != nil {
		return nil, err
	}
	return rec.Profile, nil
}

// ProfileRecord returns a user's profile record.
func (s *Store) ProfileRecord(ctx context.Context, userID string) (*ProfileRecord, error) {
	var rec ProfileRecord
	err := s.users().FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&rec)
	if err != nil {
		return nil, mapErr(err)
	}
	return &rec, nil
}

// VolunteerBirthDate returns a volunteer's birth date, zero when unknown.
func (s *Store) VolunteerBirthDate(ctx context.Context, userID string) (time.Time, error) {
	p, err := s.Profile(ctx, userID)
	if err != nil || p == nil || p.BirthDate == nil {
		return time.Time{}, err
	}
	return *p.BirthDate, nil
}

// ForEachProfile calls fn for every active volunteer with a profile changed
// at or after since (all of them when since is zero), streaming.
func (s *Store) ForEachProfile(ctx context.Context, since time.Time, fn func(*ProfileRecord) error) error {
	// Any account but an admin's may volunteer.
	volunteers := bson.D{{Key: "$ne", Value: models.RoleAdmin}}
	filter := bson.D{{Key: "role", Value: volunteers}, {Key: "profile", Value: bson.D{{Key: "$exists", Value: true}}}}
	if !since.IsZero() {
		filter = bson.D{{Key: "role", Value: volunteers}, {Key: "profile.index_stamp", Value: bson.D{{Key: "$gte", Value: since}}}}
	}
	cur, err := s.users().Find(ctx, filter, options.Find().SetBatchSize(2000))
	if err != nil {
		return mapErr(err)
	}
	defer cur.Close(ctx)
	for cur.Next(ctx) {
		var rec ProfileRecord
		if err := cur.Decode(&rec); err != nil {
			return mapErr(err)
		}
		if err := fn(&rec); err != nil {
			return err
		}
	}
	return mapErr(cur.Err())
}

// UserNames returns the display names of users, by id.
func (s *Store) UserNames(ctx context.Context, ids []string) (map[string]string, error) {
	cur, err := s.users().Find(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}})
	if err != nil {
		return nil, mapErr(err)
	}
	var users []models.User
	if err := cur.All(ctx, &users); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]string, len(users))
	for _, u := range users {
		if u.Status == models.UserActive {
			out[u.ID] = u.Name
		}
	}
	return out, nil
}

// MissionIDsAppliedBy lists the missions a volunteer has applied to, in
// any state, so that recommendations leave them out.
func (s *Store) MissionIDsAppliedBy(ctx context.Context, userID string) (map[string]bool, error) {
	cur, err := s.col("applications").Find(ctx, bson.D{{Key: "volunteer_id", Value: userID}})
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []struct {
		MissionID string `bson:"mission_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]bool, len(rows))
	for _, r := range rows {
		out[r.MissionID] = true
	}
	return out, nil
}
