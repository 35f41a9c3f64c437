package store

import (
	"context"
	"slices"
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
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.notifications().InsertOne(ctx, n)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.listNotification(ctx, n)
}

func userNotifications(userID string, unreadOnly bool) bson.D {
	filter := bson.D{{Key: "user_id", Value: userID}}
	if unreadOnly {
		filter = append(filter, bson.E{Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}})
	}
	return filter
}

// Notifications lists a user's notifications, newest first, and counts
// all that match: one key read of the user's list, one per item shown.
func (s *Store) Notifications(ctx context.Context, userID string, unreadOnly bool, skip, limit int) ([]models.Notification, int64, error) {
	list, err := s.notificationList(ctx, userID)
	if err != nil {
		return nil, 0, err
	}
	ids := list.IDs
	if unreadOnly {
		ids = list.Unread
	}
	ids = slices.Clone(ids)
	slices.Reverse(ids)
	page := ids[min(skip, len(ids)):min(skip+limit, len(ids))]
	items, err := s.notificationsByIDs(ctx, userID, page)
	return items, int64(len(ids)), err
}

// AllNotifications lists every notification of a user, newest first,
// including those past the list's length: for the personal data export
// (a query by user, not a request path that runs often).
func (s *Store) AllNotifications(ctx context.Context, userID string) ([]models.Notification, error) {
	cur, err := s.notifications().Find(ctx, userNotifications(userID, false), options.Find().
		SetSort(bson.D{{Key: "created_at", Value: -1}, {Key: "_id", Value: -1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	items := []models.Notification{}
	return items, mapErr(cur.All(ctx, &items))
}

// CountUnread counts a user's unread notifications (one key read).
func (s *Store) CountUnread(ctx context.Context, userID string) (int64, error) {
	list, err := s.notificationList(ctx, userID)
	if err != nil {
		return 0, err
	}
	return int64(len(list.Unread)), nil
}

// MarkNotificationRead marks one of the user's notifications read (keeping
// the first read time) and returns it; someone else's is ErrNotFound.
func (s *Store) MarkNotificationRead(ctx context.Context, userID, id string, now time.Time) (*models.Notification, error) {
	var n models.Notification
	err := s.updateByKey(ctx, "notifications", id,
		bson.D{{Key: "user_id", Value: userID}, {Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: now}}}}, &n)
	switch err {
	case nil:
		return &n, s.unlistUnread(ctx, userID, id)
	case ErrNotFound:
	default:
		return nil, err
	}
	// Already read, or not the caller's.
	if err := s.findByKey(ctx, "notifications", id, bson.D{{Key: "user_id", Value: userID}}, &n); err != nil {
		return nil, err
	}
	return &n, nil
}

// MarkAllNotificationsRead marks every unread notification of a user read
// and returns how many it marked.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, userID string, now time.Time) (int64, error) {
	list, err := s.notificationList(ctx, userID)
	if err != nil {
		return 0, err
	}
	var marked int64
	for _, id := range list.Unread {
		err := s.updateByKey(ctx, "notifications", id,
			bson.D{{Key: "user_id", Value: userID}, {Key: "read_at", Value: bson.D{{Key: "$exists", Value: false}}}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "read_at", Value: now}}}}, nil)
		switch err {
		case nil:
			marked++
		case ErrNotFound:
		default:
			return marked, err
		}
	}
	return marked, s.unlistUnread(ctx, userID, list.Unread...)
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
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("notification_prefs").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.UserID}},
		bson.D{{Key: "$set", Value: bson.D{
			{Key: "email", Value: email}, {Key: "digest", Value: p.Digest}, {Key: "updated_at", Value: p.UpdatedAt},
		}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// DeleteUserNotifications erases a user's notifications and preferences.
func (s *Store) DeleteUserNotifications(ctx context.Context, userID string) error {
	if _, err := s.deleteEach(ctx, "notifications", bson.D{{Key: "user_id", Value: userID}}); err != nil {
		return err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col(notificationListsCol).DeleteOne(ctx, bson.D{{Key: "_id", Value: userID}}); err != nil {
		return mapErr(err)
	}
	_, err = s.col(digestUsersCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: digestBucket(userID)}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "ids", Value: userID}}}})
	if err != nil {
		return mapErr(err)
	}
	_, err = s.col("notification_prefs").DeleteOne(ctx, bson.D{{Key: "_id", Value: userID}})
	return mapErr(err)
}
