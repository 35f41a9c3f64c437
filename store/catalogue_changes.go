package store

import (
	"context"
	"errors"
	"strconv"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// CatalogueJournalSize is how many catalogue changes the journal keeps:
// change v lives in slot v mod CatalogueJournalSize, so the journal never
// grows and never needs pruning. A reader further behind than that
// rebuilds instead.
const CatalogueJournalSize = 1 << 16

// Kinds of catalogue change.
const (
	ChangeMission   = "mission"
	ChangeVolunteer = "volunteer"
)

// CatalogueChange is one entry of the catalogue journal: the record whose
// matching fields changed with catalogue version Version.
type CatalogueChange struct {
	Slot    string    `bson:"_id"` // a string: the embedded store reads only string and ObjectID ids by key
	Version int64     `bson:"v"`
	Kind    string    `bson:"kind"`
	ID      string    `bson:"id"`
	By      string    `bson:"by"` // the instance that made it, which need not read it back
	At      time.Time `bson:"at"`
}

// RecordCatalogueChange bumps the catalogue version and journals which
// record changed, so that other instances and a restart from an index
// snapshot read the changes by key instead of scanning for index stamps.
func (s *Store) RecordCatalogueChange(ctx context.Context, kind, id, by string, now time.Time) (int64, error) {
	version, err := s.BumpCatalogueVersion(ctx)
	if err != nil {
		return 0, err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	slot := journalSlot(version)
	_, err = s.col("catalogue_changes").ReplaceOne(ctx, bson.D{{Key: "_id", Value: slot}},
		CatalogueChange{Slot: slot, Version: version, Kind: kind, ID: id, By: by, At: now}, options.Replace().SetUpsert(true))
	return version, mapErr(err)
}

func journalSlot(v int64) string { return strconv.FormatInt(v%CatalogueJournalSize, 10) }

// ErrJournalGap is returned by CatalogueChangeAt when the journal does not
// hold the change: not written yet, lost in a crash, or overwritten.
var ErrJournalGap = errors.New("store: catalogue journal does not hold this change")

// CatalogueChangeAt returns the change of catalogue version v, one read by key.
func (s *Store) CatalogueChangeAt(ctx context.Context, v int64) (*CatalogueChange, error) {
	var ch CatalogueChange
	err := mapErr(s.col("catalogue_changes").FindOne(ctx, bson.D{{Key: "_id", Value: journalSlot(v)}}).Decode(&ch))
	if errors.Is(err, ErrNotFound) || (err == nil && ch.Version != v) {
		return nil, ErrJournalGap
	}
	if err != nil {
		return nil, err
	}
	return &ch, nil
}
