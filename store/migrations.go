package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// migration is one step of the schema: index creations, applied in order
// and recorded in the meta collection. The list is append-only.
type migration struct {
	name  string
	apply func(ctx context.Context, db *mongo.Database) error
}

func index(col string, keys bson.D, unique bool) func(context.Context, *mongo.Database) error {
	return func(ctx context.Context, db *mongo.Database) error {
		model := mongo.IndexModel{Keys: keys}
		if unique {
			model.Options = options.Index().SetUnique(true)
		}
		_, err := db.Collection(col).Indexes().CreateOne(ctx, model)
		return err
	}
}

// migrations is the whole schema, in the order it was applied: never
// reorder or remove an entry, only append (to the last list).
var migrations = slices.Concat(coreMigrations, applicationMigrations, notifyMigrations, feedMigrations, scaleMigrations, watchMigrations, jobListMigrations,
	digestMigrations, queueListMigrations)

var coreMigrations = []migration{
	{"users.email unique", index("users", bson.D{{Key: "email", Value: 1}}, true)},
	{"refresh_tokens.family", index("refresh_tokens", bson.D{{Key: "family", Value: 1}}, false)},
	{"refresh_tokens.user_id", index("refresh_tokens", bson.D{{Key: "user_id", Value: 1}}, false)},
	{"organizations.member_ids", index("organizations", bson.D{{Key: "member_ids", Value: 1}}, false)},
	{"organizations.status", index("organizations", bson.D{{Key: "status", Value: 1}, {Key: "created_at", Value: 1}}, false)},
	{"missions.org_id", index("missions", bson.D{{Key: "org_id", Value: 1}}, false)},
	{"missions.status", index("missions", bson.D{{Key: "status", Value: 1}, {Key: "submitted_at", Value: 1}}, false)},
	{"shifts.mission_id", index("shifts", bson.D{{Key: "mission_id", Value: 1}, {Key: "start", Value: 1}}, false)},
	{"invitations.org_id", index("invitations", bson.D{{Key: "org_id", Value: 1}}, false)},
	{"reports.target", index("reports", bson.D{{Key: "target_id", Value: 1}, {Key: "status", Value: 1}}, false)},
	{"audit.at", index("audit", bson.D{{Key: "at", Value: -1}}, false)},
	{"audit.actor_id", index("audit", bson.D{{Key: "actor_id", Value: 1}}, false)},
	{"audit.target_id", index("audit", bson.D{{Key: "target_id", Value: 1}}, false)},
	{"mission_invitations.key unique", index("mission_invitations", bson.D{{Key: "key", Value: 1}}, true)},
	{"mission_invitations.volunteer_id", index("mission_invitations", bson.D{{Key: "volunteer_id", Value: 1}, {Key: "created_at", Value: 1}}, false)},
	{"missions.index_stamp", index("missions", bson.D{{Key: "index_stamp", Value: 1}}, false)},
	{"users.profile.index_stamp", index("users", bson.D{{Key: "profile.index_stamp", Value: 1}}, false)},
}

type schemaRecord struct {
	ID        string    `bson:"_id"`
	Version   int       `bson:"version"`
	Applied   []string  `bson:"applied"`
	UpdatedAt time.Time `bson:"updated_at"`
}

// Migrate applies the index migrations that the database has not seen yet.
// It refuses to run against a database migrated by a newer binary.
func (s *Store) Migrate(ctx context.Context) (applied int, err error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	meta := s.col("meta")
	var rec schemaRecord
	err = meta.FindOne(ctx, bson.D{{Key: "_id", Value: "schema"}}).Decode(&rec)
	if err = mapErr(err); err != nil && err != ErrNotFound {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	if rec.Version > len(migrations) {
		return 0, fmt.Errorf("database schema version %d is newer than this binary knows (%d)", rec.Version, len(migrations))
	}
	for i := rec.Version; i < len(migrations); i++ {
		m := migrations[i]
		if err := m.apply(ctx, s.db); err != nil {
			return applied, fmt.Errorf("migration %d (%s): %w", i+1, m.name, mapErr(err))
		}
		_, err := meta.UpdateOne(ctx, bson.D{{Key: "_id", Value: "schema"}},
			bson.D{
				{Key: "$set", Value: bson.D{{Key: "version", Value: i + 1}, {Key: "updated_at", Value: time.Now().UTC()}}},
				{Key: "$push", Value: bson.D{{Key: "applied", Value: m.name}}},
			}, options.UpdateOne().SetUpsert(true))
		if err != nil {
			return applied, fmt.Errorf("record migration %d: %w", i+1, mapErr(err))
		}
		applied++
	}
	// Every start (and every test database): the key indexes of the
	// embedded store, idempotent.
	if err := s.ensureKeyIndexes(ctx); err != nil {
		return applied, err
	}
	return applied, nil
}

// SchemaVersion returns the number of migrations recorded in meta.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var rec schemaRecord
	err := mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "schema"}}).Decode(&rec))
	if err == ErrNotFound {
		return 0, nil
	}
	return rec.Version, err
}

var feedMigrations = []migration{
	{"api_keys.public_id unique", index("api_keys", bson.D{{Key: "public_id", Value: 1}}, true)},
	{"missions.updated_at", index("missions", bson.D{{Key: "updated_at", Value: 1}, {Key: "_id", Value: 1}}, false)},
}

// scaleMigrations create the collections of the key documents that request
// paths read (see docs/decisions.md, "Scale"), so that their key indexes
// exist from the start on the embedded store.
var scaleMigrations = []migration{
	{"key collections", createCollections(keyCollections...)},
}

// jobListMigrations create the collections of the job lists and per-owner
// lists (job_lists.go, users_sessions.go, reports.go), so that their key
// indexes exist before the start-up backfill writes them.
var jobListMigrations = []migration{
	{"key collections: job lists, sessions, pending, open reports", createCollections(jobListsCol, orgPendingCol, userSessionsCol, openReportsCol)},
}
