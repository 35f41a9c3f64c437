package store

import (
	"context"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// InsertApplicationsBulk writes applications in one batch, for bulk loads
// (the synthetic data set). The volunteers' and shifts' lists are built
// afterwards by RedoBackfills, which knows their current shape.
func (s *Store) InsertApplicationsBulk(ctx context.Context, apps []models.Application) error {
	docs := make([]any, len(apps))
	for i := range apps {
		docs[i] = &apps[i]
	}
	return s.InsertBulk(ctx, "applications", docs)
}

// InsertBulk writes records in one insert without the key documents that
// InsertMany writes for each of them (e-mail keys, lists): a bulk load
// writes its records this way, then calls RedoBackfills once, which builds
// every key document from the records in batches. Writing them one record
// at a time took most of a large load's time.
func (s *Store) InsertBulk(ctx context.Context, col string, docs []any) error {
	if len(docs) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(col).InsertMany(ctx, docs)
	return mapErr(err)
}

// backfillKeys are the meta records of the start-up backfills (see
// Backfill); bulk loads clear them so the key documents are rebuilt.
var backfillKeys = []string{"backfill:user_keys:v1", "backfill:mission_shifts:v1", "backfill:applications_lists:v1",
	"backfill:notification_lists:v1", "backfill:org_missions:v1", "backfill:job_lists:v5",
	"backfill:user_sessions:v1", "backfill:mission_queues:v3",
	"backfill:open_reports:v1",
	"backfill:digest_users:v1",
	"backfill:org_queues:v1", "backfill:report_queues:v1"}

// RedoBackfills rebuilds the key documents that request paths read (e-mail
// keys, memberships, shift and application lists...) after a bulk load,
// which writes the records alone: the backfills already ran, on the empty
// database, when the loader opened it.
func (s *Store) RedoBackfills(ctx context.Context, now time.Time) error {
	return s.redoBackfills(ctx, now, nil)
}

// RedoBackfillsOneByOne is RedoBackfills writing each key document with
// its own upsert, the way that does not depend on the batches: tests
// compare the two.
func (s *Store) RedoBackfillsOneByOne(ctx context.Context, now time.Time) error {
	return s.redoBackfills(context.WithValue(ctx, oneByOneKey{}, true), now, nil)
}

func (s *Store) redoBackfills(ctx context.Context, now time.Time, src *bulkSource) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	for _, key := range backfillKeys {
		if _, err := s.col("meta").DeleteOne(ctx, bson.D{{Key: "_id", Value: key}}); err != nil {
			unlock()
			return mapErr(err)
		}
	}
	unlock()
	return s.backfill(ctx, now, src)
}

// bulkSource holds the records of a bulk load that the largest backfills
// would otherwise read back by scanning whole collections (users,
// applications, notifications): at 100,000 volunteers the scans alone
// took minutes on the embedded store.
type bulkSource struct {
	emails []emailKey
	apps   []models.Application // in the order written
	notes  []noteRef
}

// appsByCreation returns the applications in the order the scan reads them
// (created_at, then id).
func (b *bulkSource) appsByCreation() []models.Application {
	out := slices.Clone(b.apps)
	slices.SortStableFunc(out, func(x, y models.Application) int {
		if c := x.CreatedAt.Compare(y.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return out
}

// notesByCreation returns the notifications in the order the scan reads
// them (created_at, then id).
func (b *bulkSource) notesByCreation() []noteRef {
	out := slices.Clone(b.notes)
	slices.SortStableFunc(out, func(x, y noteRef) int {
		if c := x.CreatedAt.Compare(y.CreatedAt); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	return out
}

// KeyBuilder gathers, as a bulk load writes its records with InsertBulk,
// what the backfills need of them, so that Write builds the key documents
// without reading the records back. The documents are those the backfills
// build (the same code builds them); only the reading differs.
type KeyBuilder struct {
	s   *Store
	src bulkSource
}

// NewKeyBuilder starts gathering for a bulk load.
func (s *Store) NewKeyBuilder() *KeyBuilder { return &KeyBuilder{s: s} }

// AddUser records a user written (not deleted) with its e-mail.
func (b *KeyBuilder) AddUser(id, email string) {
	if email != "" {
		b.src.emails = append(b.src.emails, emailKey{Email: email, UserID: id})
	}
}

// AddApplications records applications, in the order they are written.
func (b *KeyBuilder) AddApplications(apps ...models.Application) {
	b.src.apps = append(b.src.apps, apps...)
}

// AddNotification records a notification written.
func (b *KeyBuilder) AddNotification(n *models.Notification) {
	b.src.notes = append(b.src.notes, noteRef{ID: n.ID, UserID: n.UserID, ReadAt: n.ReadAt, CreatedAt: n.CreatedAt,
		DigestPending: n.DigestPending})
}

// Write builds every key document (RedoBackfills) from what was gathered
// and, for the smaller collections (organisations, missions, shifts,
// reports), from the store. Every user, application and notification in
// the database must have been added: the ones that were not get no key
// documents.
func (b *KeyBuilder) Write(ctx context.Context, now time.Time) error {
	return b.s.redoBackfills(ctx, now, &b.src)
}
