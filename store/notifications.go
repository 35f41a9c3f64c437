package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

func (s *Store) notifications() *mongo.Collection { return s.col("notifications") }

// InsertNotification stores an in-app notification; an id that exists
// already is ErrConflict (reminders use it to go out once).
func (s *Store) InsertNotification(ctx context.Context, n *models.Notification) error {
	defer s.lock()()
	_, err := s.notifications().InsertOne(ctx, n)
	return mapErr(err)
}

func userNotifications(userID string, unreadOnly bool) bson.D {
	filter := bson.D{{Key: "user_id", Value: userID}}
	if unreadOnly {
		filter = append(filter, bson.E{Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}})
	}
	return filter
}

// Notifications lists a user's notifications, newest first, and counts
// all that match.
func (s *Store) Notifications(ctx context.Context, userID string, unreadOnly bool, skip, limit int) ([]models.Notification, int64, error) {
	filter := userNotifications(userID, unreadOnly)
	total, err := s.notifications().CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	cur, err := s.notifications().Find(ctx, filter, options.Find().
		SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}}).
		SetSkip(int64(skip)).SetLimit(int64(limit)))
	if err != nil {
		return nil, 0, mapErr(err)
	}
	items := []models.Notification{}
	if err := cur.All(ctx, &items); err != nil {
		return nil, 0, mapErr(err)
	}
	return items, total, nil
}

// CountUnread counts a user's unread notifications.
func (s *Store) CountUnread(ctx context.Context, userID string) (int64, error) {
	n, err := s.notifications().CountDocuments(ctx, userNotifications(userID, true))
	return n, mapErr(err)
}

// MarkNotificationRead marks one of the user's notifications read (keeping
// the first read time) and returns it; someone else's is ErrNotFound.
func (s *Store) MarkNotificationRead(ctx context.Context, userID, id string, now time.Time) (*models.Notification, error) {
	unlock := s.lock()
	var n models.Notification
	err := s.notifications().FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "user_id", Value: userID}, {Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: now}}}},
		options.FindOneAndUpdate().SetReturnDocument(options.After)).Decode(&n)
	unlock()
	switch err = mapErr(err); err {
	case nil:
		return &n, nil
	case ErrNotFound:
	default:
		return nil, err
	}
	// Already read, or not the caller's.
	err = s.notifications().FindOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "user_id", Value: userID}}).Decode(&n)
	if err != nil {
		return nil, mapErr(err)
	}
	return &n, nil
}

// MarkAllNotificationsRead marks every unread notification of a user read
// and returns how many it marked.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, userID string, now time.Time) (int64, error) {
	defer s.lock()()
	res, err := s.notifications().UpdateMany(ctx, userNotifications(userID, true),
		bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: now}}}})
	if err != nil {
		return 0, mapErr(err)
	}
	return res.ModifiedCount, nil
}

// DigestPending lists the notifications waiting for a digest e-mail,
// created before a time, grouped by user (then oldest first).
func (s *Store) DigestPending(ctx context.Context, before time.Time, limit int) ([]models.Notification, error) {
	cur, err := s.notifications().Find(ctx,
		bson.D{{Key: "digest_pending", Value: true}, {Key: "created_at", Value: bson.D{{Key: "$lte", Value: before}}}},
		options.Find().SetSort(bson.D{{Key: "user_id", Value: 1}, {Key: "created_at", Value: 1}}).SetLimit(int64(limit)))
	if err != nil {
		return nil, mapErr(err)
	}
	items := []models.Notification{}
	if err := cur.All(ctx, &items); err != nil {
		return nil, mapErr(err)
	}
	return items, nil
}

// ClearDigestPending records that these notifications went out in a digest.
func (s *Store) ClearDigestPending(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	defer s.lock()()
	_, err := s.notifications().UpdateMany(ctx,
		bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: ids}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "digest_pending", Value: false}}}})
	return mapErr(err)
}

// NotificationPrefs returns a user's preferences, the defaults when the
// user never chose.
func (s *Store) NotificationPrefs(ctx context.Context, userID string) (*models.NotificationPrefs, error) {
	var p models.NotificationPrefs
	err := mapErr(s.col("notification_prefs").FindOne(ctx, bson.D{{Key: "_id", Value: userID}}).Decode(&p))
	switch err {
	case nil:
		if p.Email == nil {
			p.Email = map[models.Event]bool{}
		}
		return &p, nil
	case ErrNotFound:
		return &models.NotificationPrefs{UserID: userID, Email: map[models.Event]bool{}}, nil
	}
	return nil, err
}

// SetNotificationPrefs replaces a user's preferences.
func (s *Store) SetNotificationPrefs(ctx context.Context, p *models.NotificationPrefs) error {
	email := bson.D{}
	for _, e := range models.ConfigurableEvents() {
		if on, ok := p.Email[e]; ok {
			email = append(email, bson.E{Key: string(e), Value: on})
		}
	}
	defer s.lock()()
	_, err := s.col("notification_prefs").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.UserID}},
		bson.D{{Key: "$set", Value: bson.D{
			{Key: "email", Value: email}, {Key: "digest", Value: p.Digest}, {Key: "updated_at", Value: p.UpdatedAt},
		}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// DeleteUserNotifications erases a user's notifications and preferences.
func (s *Store) DeleteUserNotifications(ctx context.Context, userID string) error {
	defer s.lock()()
	if _, err := s.notifications().DeleteMany(ctx, bson.D{{Key: "user_id", Value: userID}}); err != nil {
		return mapErr(err)
	}
	_, err := s.col("notification_prefs").DeleteOne(ctx, bson.D{{Key: "_id", Value: userID}})
	return mapErr(err)
}
