package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// InsertMessage adds a message to an application's thread.
func (s *Store) InsertMessage(ctx context.Context, m *models.Message) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("messages").InsertOne(ctx, m)
	return mapErr(err)
}

// Messages lists an application's thread, oldest first, with paging.
func (s *Store) Messages(ctx context.Context, applicationID string, skip, limit int64) ([]models.Message, int64, error) {
	filter := bson.D{{Key: "application_id", Value: applicationID}}
	total, err := s.col("messages").CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).SetSkip(skip)
	if limit > 0 {
		opts.SetLimit(limit)
	}
	cur, err := s.col("messages").Find(ctx, filter, opts)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	out := []models.Message{}
	return out, total, mapErr(cur.All(ctx, &out))
}

// MessagesOfVolunteer lists every message of a volunteer's threads, for
// the personal data export.
func (s *Store) MessagesOfVolunteer(ctx context.Context, volunteerID string) ([]models.Message, error) {
	cur, err := s.col("messages").Find(ctx, bson.D{{Key: "volunteer_id", Value: volunteerID}},
		options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Message{}
	return out, mapErr(cur.All(ctx, &out))
}

// DeleteMessagesBy erases the messages a user wrote (account deletion).
func (s *Store) DeleteMessagesBy(ctx context.Context, authorID string) error {
	_, err := s.deleteEach(ctx, "messages", bson.D{{Key: "author_id", Value: authorID}})
	return mapErr(err)
}
