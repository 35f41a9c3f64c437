package store

import (
	"context"
	"slices"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// notification_lists is each user's bucket of notification ids
// ({_id: user id, ids, unread, digest}), newest last, so that the notifications
// page and the unread badge read one document by key and then the page's
// notifications by key, never the whole collection. Adding and reading
// are $addToSet and $pull, idempotent single-document updates; the list
// keeps the last notificationListMax ids (older notifications stay in the
// collection for the data export and the retention jobs). digest holds
// the notifications waiting for the daily digest (see digest_users.go):
// it is not trimmed, the digest empties it every day.
const (
	notificationListsCol = "notification_lists"
	notificationListMax  = 200
)

type notificationList struct {
	UserID string   `bson:"_id"`
	IDs    []string `bson:"ids"`
	Unread []string `bson:"unread"`
	Digest []string `bson:"digest,omitempty"`
}

func (s *Store) notificationList(ctx context.Context, userID string) (*notificationList, error) {
	var doc notificationList
	err := s.findByKey(ctx, notificationListsCol, userID, nil, &doc)
	if err == ErrNotFound {
		return &notificationList{UserID: userID}, nil
	}
	return &doc, err
}

// listNotification adds n to its user's list (and, waiting for the
// digest, to its digest list, in the same write, then its user to the
// digest buckets), then trims the list.
func (s *Store) listNotification(ctx context.Context, n *models.Notification) error {
	add := bson.D{{Key: "ids", Value: n.ID}}
	if n.ReadAt == nil {
		add = append(add, bson.E{Key: "unread", Value: n.ID})
	}
	if n.DigestPending {
		add = append(add, bson.E{Key: "digest", Value: n.ID})
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(notificationListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: n.UserID}},
		bson.D{{Key: "$addToSet", Value: add}}, options.UpdateOne().SetUpsert(true))
	unlock()
	if err != nil {
		return mapErr(err)
	}
	if n.DigestPending {
		if err := s.addToIDList(ctx, digestUsersCol, digestBucket(n.UserID), n.UserID); err != nil {
			return err
		}
	}
	return s.trimNotificationList(ctx, n.UserID)
}

// trimNotificationList keeps the last notificationListMax ids. The write
// is conditional on both lists' lengths being those read: ids only grow
// between trims, so an unchanged length means unchanged contents.
func (s *Store) trimNotificationList(ctx context.Context, userID string) error {
	doc, err := s.notificationList(ctx, userID)
	if err != nil || len(doc.IDs) <= notificationListMax+notificationListMax/4 {
		return err
	}
	keep := doc.IDs[len(doc.IDs)-notificationListMax:]
	unread := slices.DeleteFunc(slices.Clone(doc.Unread), func(id string) bool { return !slices.Contains(keep, id) })
	cond := bson.D{{Key: "ids." + strconv.Itoa(len(doc.IDs)), Value: bson.D{{Key: "$exists", Value: false}}},
		{Key: "ids." + strconv.Itoa(len(doc.IDs)-1), Value: bson.D{{Key: "$exists", Value: true}}}}
	if len(doc.Unread) > 0 {
		cond = append(cond, bson.E{Key: "unread." + strconv.Itoa(len(doc.Unread)-1), Value: bson.D{{Key: "$exists", Value: true}}})
	}
	cond = append(cond, bson.E{Key: "unread." + strconv.Itoa(len(doc.Unread)), Value: bson.D{{Key: "$exists", Value: false}}})
	err = s.updateByKey(ctx, notificationListsCol, userID, cond,
		bson.D{{Key: "$set", Value: bson.D{{Key: "ids", Value: keep}, {Key: "unread", Value: unread}}}}, nil)
	if err == ErrNotFound {
		return nil // changed meanwhile: the next insert trims
	}
	return err
}

// unlistUnread removes ids from a user's unread list.
func (s *Store) unlistUnread(ctx context.Context, userID string, ids ...string) error {
	return s.pullFromList(ctx, userID, "unread", ids...)
}

// pullFromList removes ids from field of a user's list, one $pull each
// (a plain value, which both stores support).
func (s *Store) pullFromList(ctx context.Context, userID, field string, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	for _, id := range ids {
		_, err := s.col(notificationListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
			bson.D{{Key: "$pull", Value: bson.D{{Key: field, Value: id}}}})
		if err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// notificationsByIDs reads notifications by key, in the order given,
// skipping any that are gone or not userID's.
func (s *Store) notificationsByIDs(ctx context.Context, userID string, ids []string) ([]models.Notification, error) {
	out := make([]models.Notification, 0, len(ids))
	for _, id := range ids {
		var n models.Notification
		err := s.findByKey(ctx, "notifications", id, bson.D{{Key: "user_id", Value: userID}}, &n)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// BackfillNotificationLists writes notification_lists from the
// notifications collection, once per database (recorded in meta).
func (s *Store) BackfillNotificationLists(ctx context.Context, now time.Time) error {
	return s.backfillNotificationLists(ctx, now, nil)
}

// noteRef is what a notification list needs of a notification.
type noteRef struct {
	ID            string     `bson:"_id"`
	UserID        string     `bson:"user_id"`
	ReadAt        *time.Time `bson:"read_at"`
	CreatedAt     time.Time  `bson:"created_at"`
	DigestPending bool       `bson:"digest_pending"`
}

func (s *Store) backfillNotificationLists(ctx context.Context, now time.Time, src *bulkSource) error {
	const key = "backfill:notification_lists:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	var notes []noteRef
	if src != nil {
		notes = src.notesByCreation()
	} else {
		cur, err := s.notifications().Find(ctx, bson.D{}, options.Find().
			SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).
			SetProjection(bson.D{{Key: "user_id", Value: 1}, {Key: "read_at", Value: 1}}))
		if err != nil {
			return mapErr(err)
		}
		if err := cur.All(ctx, &notes); err != nil {
			return mapErr(err)
		}
	}
	lists := map[string]*notificationList{}
	for _, n := range notes {
		l := lists[n.UserID]
		if l == nil {
			l = &notificationList{UserID: n.UserID}
			lists[n.UserID] = l
		}
		l.IDs = append(l.IDs, n.ID)
		if n.ReadAt == nil {
			l.Unread = append(l.Unread, n.ID)
		}
	}
	batch := s.newKeyBatch(notificationListsCol)
	for userID, l := range lists {
		if len(l.IDs) > notificationListMax {
			l.IDs = l.IDs[len(l.IDs)-notificationListMax:]
			l.Unread = slices.DeleteFunc(l.Unread, func(id string) bool { return !slices.Contains(l.IDs, id) })
		}
		doc := &notificationList{UserID: userID, IDs: nonNil(l.IDs), Unread: nonNil(l.Unread)}
		err := batch.add(ctx, doc, func(ctx context.Context) error {
			unlock, err := s.lock(ctx)
			if err != nil {
				return err
			}
			_, err = s.col(notificationListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
				bson.D{{Key: "$set", Value: bson.D{{Key: "ids", Value: doc.IDs}, {Key: "unread", Value: doc.Unread}}}},
				options.UpdateOne().SetUpsert(true))
			unlock()
			return mapErr(err)
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
