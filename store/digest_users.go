package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// digest_users lists the users who have notifications waiting for the
// daily digest, in digestBuckets documents ({_id: "digest_users#NN", ids})
// chosen by a hash of the user id, so that the digest reads its users by
// key (64 reads) instead of scanning every notification, and each bucket
// stays small (a hundred users each at 6,400 waiting). Each user's waiting
// notifications are the "digest" ids of their notification list. A
// notification enters both at creation (its user's list first, then the
// bucket) and leaves when the digest clears it; a user leaves the bucket
// when their list has none left. A listed user with none waiting (a crash
// between two writes, an erased account) is dropped by the next digest.
const (
	digestUsersCol = "digest_users"
	digestBuckets  = 64
)

// digestMigrations create digest_users before the backfill writes it, so
// that the embedded store's key index covers it from the first start.
var digestMigrations = []migration{
	{"key collections: digest users", createCollections(digestUsersCol)},
}

// digestBucket is the key of the bucket that lists userID.
func digestBucket(userID string) string { return "digest_users#" + bucketOf(userID, digestBuckets) }

type digestBucketDoc struct {
	ID  string   `bson:"_id"`
	IDs []string `bson:"ids"`
}

// digestUsers returns the users listed in every bucket, sorted.
func (s *Store) digestUsers(ctx context.Context) ([]string, error) {
	var users []string
	for i := range digestBuckets {
		var doc digestBucketDoc
		switch err := s.findByKey(ctx, digestUsersCol, fmt.Sprintf("digest_users#%02d", i), nil, &doc); err {
		case nil:
			users = append(users, doc.IDs...)
		case ErrNotFound:
		default:
			return nil, err
		}
	}
	slices.Sort(users)
	return slices.Compact(users), nil
}

// unlistDigestUser takes userID off its bucket, then puts it back if a
// notification for the digest arrived meanwhile: creation writes the
// user's list before the bucket, so whichever order the two run in, a
// user with a notification waiting ends up listed.
func (s *Store) unlistDigestUser(ctx context.Context, userID string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(digestUsersCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: digestBucket(userID)}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "ids", Value: userID}}}})
	unlock()
	if err != nil {
		return mapErr(err)
	}
	list, err := s.notificationList(ctx, userID)
	if err != nil || len(list.Digest) == 0 {
		return err
	}
	return s.addToIDList(ctx, digestUsersCol, digestBucket(userID), userID)
}

// DigestPending lists the notifications waiting for a digest e-mail,
// created before a time, grouped by user (then oldest first): the users
// from the digest buckets, then each user's list and notifications, all by
// key. It stops after the user that reaches limit; the rest wait for the
// next run. Entries found stale (a notification gone or cleared, a user
// with none waiting) are dropped on the way.
func (s *Store) DigestPending(ctx context.Context, before time.Time, limit int) ([]models.Notification, error) {
	users, err := s.digestUsers(ctx)
	if err != nil {
		return nil, err
	}
	items := []models.Notification{}
	for _, userID := range users {
		if len(items) >= limit {
			break
		}
		list, err := s.notificationList(ctx, userID)
		if err != nil {
			return nil, err
		}
		notes, err := s.notificationsByIDs(ctx, userID, list.Digest)
		if err != nil {
			return nil, err
		}
		waiting := slices.DeleteFunc(notes, func(n models.Notification) bool { return !n.DigestPending })
		if len(waiting) < len(list.Digest) {
			if err := s.unlistDigest(ctx, userID, staleIDs(list.Digest, waiting)...); err != nil {
				return nil, err
			}
		}
		if len(waiting) == 0 {
			if err := s.unlistDigestUser(ctx, userID); err != nil {
				return nil, err
			}
			continue
		}
		due := slices.DeleteFunc(waiting, func(n models.Notification) bool { return n.CreatedAt.After(before) })
		slices.SortStableFunc(due, func(a, b models.Notification) int { return a.CreatedAt.Compare(b.CreatedAt) })
		items = append(items, due...)
	}
	return items, nil
}

// staleIDs returns the ids of listed not among waiting.
func staleIDs(listed []string, waiting []models.Notification) []string {
	var out []string
	for _, id := range listed {
		if !slices.ContainsFunc(waiting, func(n models.Notification) bool { return n.ID == id }) {
			out = append(out, id)
		}
	}
	return out
}

// ClearDigestPending records that these notifications of userID went out
// in a digest (or never will): each is marked by key, leaves the user's
// list, and the user leaves the digest buckets when none is left.
func (s *Store) ClearDigestPending(ctx context.Context, userID string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	for _, id := range ids {
		err := s.updateByKey(ctx, "notifications", id, bson.D{{Key: "user_id", Value: userID}},
			bson.D{{Key: "$set", Value: bson.D{{Key: "digest_pending", Value: false}}}}, nil)
		if err != nil && err != ErrNotFound {
			return err
		}
	}
	if err := s.unlistDigest(ctx, userID, ids...); err != nil {
		return err
	}
	list, err := s.notificationList(ctx, userID)
	if err != nil || len(list.Digest) > 0 {
		return err
	}
	return s.unlistDigestUser(ctx, userID)
}

// unlistDigest removes ids from a user's digest list.
func (s *Store) unlistDigest(ctx context.Context, userID string, ids ...string) error {
	return s.pullFromList(ctx, userID, "digest", ids...)
}

// digestRef is what the digest backfill needs of a notification.
type digestRef struct {
	ID     string `bson:"_id"`
	UserID string `bson:"user_id"`
}

// backfillDigestUsers lists the notifications waiting for the digest that
// were written before the digest lists existed, once per database
// (recorded in meta): a scan of the waiting ones, or, after a bulk load,
// the records it kept.
func (s *Store) backfillDigestUsers(ctx context.Context, now time.Time, src *bulkSource) error {
	const key = "backfill:digest_users:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	var notes []digestRef
	if src != nil {
		for _, n := range src.notesByCreation() {
			if n.DigestPending {
				notes = append(notes, digestRef{ID: n.ID, UserID: n.UserID})
			}
		}
	} else {
		cur, err := s.notifications().Find(ctx, bson.D{{Key: "digest_pending", Value: true}}, options.Find().
			SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).
			SetProjection(bson.D{{Key: "user_id", Value: 1}}))
		if err != nil {
			return mapErr(err)
		}
		if err := cur.All(ctx, &notes); err != nil {
			return mapErr(err)
		}
	}
	byUser := map[string][]string{}
	for _, n := range notes {
		byUser[n.UserID] = append(byUser[n.UserID], n.ID)
	}
	users := make([]string, 0, len(byUser))
	for u := range byUser {
		users = append(users, u)
	}
	slices.SortFunc(users, strings.Compare)
	for _, userID := range users {
		if err := s.listDigest(ctx, userID, byUser[userID]...); err != nil {
			return err
		}
	}
	return s.markBackfilled(ctx, key, now)
}

// listDigest adds ids to a user's digest list, then the user to its
// bucket (in that order: see unlistDigestUser).
func (s *Store) listDigest(ctx context.Context, userID string, ids ...string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(notificationListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "digest", Value: bson.D{{Key: "$each", Value: ids}}}}}},
		options.UpdateOne().SetUpsert(true))
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.addToIDList(ctx, digestUsersCol, digestBucket(userID), userID)
}
