// Package store is the only package that talks to MongoDB. It owns the
// collections, the index migrations, the queries and the mapping of driver
// errors to domain errors.
package store

import (
	"context"
	"fmt"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
	"go.mongodb.org/mongo-driver/v2/mongo/readpref"
)

// Store gives access to Entraide's collections.
type Store struct {
	client *mongo.Client
	db     *mongo.Database
	// writeMu serializes writes on the embedded store; nil on MongoDB, where
	// single-document operations are atomic by themselves.
	writeMu *WriteLock
	// sqliteDir is the embedded store's SQLite directory ("" on MongoDB),
	// where ensureKeyIndexes adds the indexes key reads need.
	sqliteDir string
}

// Connect opens a store on a MongoDB deployment.
func Connect(ctx context.Context, uri, dbName string) (*Store, error) {
	return connect(ctx, uri, dbName, nil)
}

func connect(ctx context.Context, uri, dbName string, writeMu *WriteLock) (*Store, error) {
	// Every call carries the request's deadline, which bounds an outage's
	// wait; the driver's own timeouts are only a backstop, long enough
	// that a busy embedded store's slow heartbeat does not make the driver
	// give up on a server that is merely slow.
	opts := options.Client().ApplyURI(uri).
		SetServerSelectionTimeout(30 * time.Second).
		SetConnectTimeout(10 * time.Second).
		SetAppName("entraide")
	client, err := mongo.Connect(opts)
	if err != nil {
		return nil, fmt.Errorf("connect to store: %w", err)
	}
	s := &Store{client: client, db: client.Database(dbName), writeMu: writeMu}
	if err := s.Ping(ctx); err != nil {
		_ = client.Disconnect(context.Background())
		return nil, err
	}
	return s, nil
}

// DatabaseName returns the name of the database in use.
func (s *Store) DatabaseName() string { return s.db.Name() }

// Embedded reports whether writes are serialized (embedded FerretDB).
func (s *Store) Embedded() bool { return s.writeMu != nil }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	return mapErr(s.client.Ping(ctx, readpref.Primary()))
}

// Close disconnects from the database.
func (s *Store) Close(ctx context.Context) error {
	return s.client.Disconnect(ctx)
}

// Drop removes the whole database; tests use it to clean up.
func (s *Store) Drop(ctx context.Context) error {
	return mapErr(s.db.Drop(ctx))
}

func (s *Store) col(name string) *mongo.Collection { return s.db.Collection(name) }

// NewID returns a new sortable identifier (ObjectID hex).
func NewID() string { return bson.NewObjectID().Hex() }

// ValidID reports whether id looks like an identifier made by NewID, so that
// malformed ids are refused before any query.
func ValidID(id string) bool {
	_, err := bson.ObjectIDFromHex(id)
	return err == nil
}
