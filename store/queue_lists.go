package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// queue_lists holds the lists the admin pages read instead of a
// find({status}).sort(created_at) (a scan of the whole collection on the
// embedded store): for each kind of record and state, the ids in that
// state with what orders and filters them ({_id: "organizations:pending#07",
// entries: {id: {at, name}}}). A list is split in queueBuckets documents
// by an fnv hash of the id, so that no document grows past a couple of
// hundred entries at a regional size (every update rewrites the whole
// document, superlinearly in the entries of a map). A page reads the
// buckets of its state (queueBuckets key reads, whatever the records in
// other states), sorts the entries, and reads by key the page's records
// only. Each write that changes a record's state or name puts the entry
// in step after writing the record; an entry found stale on reading is
// put in step then (see queuePage).
const queueListsCol = "queue_lists"

// queueBuckets is how many documents one state's list is split into.
const queueBuckets = 8

// queueEntry is what a list keeps of a record: its creation time (the
// order) and, for organisations, the name (the admins' search).
type queueEntry struct {
	At   time.Time `bson:"at"`
	Name string    `bson:"name,omitempty"`
	// OrgSuspended marks a queued mission whose organisation is suspended
	// (the admins' queue leaves it out).
	OrgSuspended bool `bson:"org_suspended,omitempty"`
}

type queueList struct {
	Entries map[string]queueEntry `bson:"entries,omitempty"`
}

// queued is one entry with its record's id.
type queued struct {
	ID string
	queueEntry
}

// queueBucketKey is the key of bucket b of kind's list of state.
func queueBucketKey(kind, state string, b uint32) string {
	return fmt.Sprintf("%s:%s#%02d", kind, state, b)
}

// queueKey is the key of the bucket that lists id.
func queueKey(kind, state, id string) string {
	return fmt.Sprintf("%s:%s#%s", kind, state, bucketOf(id, queueBuckets))
}

// setQueueEntry lists id in kind's list of state (or updates its entry).
func (s *Store) setQueueEntry(ctx context.Context, kind, state, id string, e queueEntry) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(queueListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: queueKey(kind, state, id)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "entries." + id, Value: e}}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// unsetQueueEntry takes id out of kind's list of state.
func (s *Store) unsetQueueEntry(ctx context.Context, kind, state, id string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(queueListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: queueKey(kind, state, id)}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: "entries." + id, Value: ""}}}})
	return mapErr(err)
}

// moveQueueEntry lists id in state and takes it out of every state of
// from that differs: the new entry first, so that a crash in between
// leaves the record listed (twice), which a reading of the old list puts
// right, rather than in no list at all.
func (s *Store) moveQueueEntry(ctx context.Context, kind, state, id string, e queueEntry, from ...string) error {
	if state != "" {
		if err := s.setQueueEntry(ctx, kind, state, id, e); err != nil {
			return err
		}
	}
	for _, f := range from {
		if f == state || f == "" {
			continue
		}
		if err := s.unsetQueueEntry(ctx, kind, f, id); err != nil {
			return err
		}
	}
	return nil
}

// readQueue returns kind's list of state, oldest first (then by id): one
// key read per bucket, a few at a time (byIDs).
func (s *Store) readQueue(ctx context.Context, kind, state string) ([]queued, error) {
	keys := make([]string, queueBuckets)
	for b := range uint32(queueBuckets) {
		keys[b] = queueBucketKey(kind, state, b)
	}
	docs, err := byIDs[queueList](ctx, s, queueListsCol, keys)
	if err != nil {
		return nil, err
	}
	var out []queued
	for _, doc := range docs {
		for id, e := range doc.Entries {
			out = append(out, queued{ID: id, queueEntry: e})
		}
	}
	sortQueued(out)
	return out, nil
}

func sortQueued(list []queued) {
	slices.SortFunc(list, func(a, b queued) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// pageOf returns the part of list that skip and limit (0: no limit) pick.
func pageOf[T any](list []T, skip, limit int64) []T {
	start := min(max(skip, 0), int64(len(list)))
	end := int64(len(list))
	if limit > 0 {
		end = min(start+limit, end)
	}
	return list[start:end]
}

// rebuildQueues writes kind's lists from lists (state → id → entry), as
// whole documents: every bucket of every state in states is replaced,
// and deleted when empty, so the result depends only on the records
// (the backfills, see BackfillQueueLists).
func (s *Store) rebuildQueues(ctx context.Context, kind string, states []string, lists map[string]map[string]queueEntry) error {
	buckets := map[string]bson.D{}
	for state, entries := range lists {
		for id, e := range entries {
			key := queueKey(kind, state, id)
			buckets[key] = append(buckets[key], bson.E{Key: id, Value: e})
		}
	}
	for _, state := range states {
		for b := range uint32(queueBuckets) {
			key := queueBucketKey(kind, state, b)
			entries := buckets[key]
			unlock, err := s.lock(ctx)
			if err != nil {
				return err
			}
			if len(entries) == 0 {
				_, err = s.col(queueListsCol).DeleteOne(ctx, bson.D{{Key: "_id", Value: key}})
			} else {
				slices.SortFunc(entries, func(a, b bson.E) int { return strings.Compare(a.Key, b.Key) })
				_, err = s.col(queueListsCol).ReplaceOne(ctx, bson.D{{Key: "_id", Value: key}},
					bson.D{{Key: "_id", Value: key}, {Key: "entries", Value: entries}}, options.Replace().SetUpsert(true))
			}
			unlock()
			if err != nil {
				return mapErr(err)
			}
		}
	}
	return nil
}

// queueView says how to page through one kind of record's lists.
type queueView[T any] struct {
	kind, col string
	states    []string
	keep      func(queued) bool // nil: every entry
	id        func(*T) string
	// belongs reports whether rec belongs in the list of state with the
	// entry e (state and, when it matters, name).
	belongs func(rec *T, state string, e queuedIn) bool
	// fix puts the lists in step with rec (nil: the record is gone) found
	// in the list of state.
	fix func(ctx context.Context, id, state string, rec *T) error
}

// queuedIn is an entry and the state whose list holds it.
type queuedIn struct {
	queued
	state string
}

// queuePage reads the lists of v.states, keeps the entries v.keep
// accepts, and reads by key the records of the page that skip and limit
// pick; total is the number of entries kept. An entry found stale (a
// crash between a record's write and its list's) is put in step and the
// page read again, up to three times.
func queuePage[T any](ctx context.Context, s *Store, v queueView[T], skip, limit int64) ([]T, int64, error) {
	for round := 0; ; round++ {
		var list []queuedIn
		for _, state := range v.states {
			entries, err := s.readQueue(ctx, v.kind, state)
			if err != nil {
				return nil, 0, err
			}
			for _, e := range entries {
				if v.keep == nil || v.keep(e) {
					list = append(list, queuedIn{e, state})
				}
			}
		}
		slices.SortStableFunc(list, func(a, b queuedIn) int {
			if c := a.At.Compare(b.At); c != 0 {
				return c
			}
			return strings.Compare(a.ID, b.ID)
		})
		page := pageOf(list, skip, limit)
		ids := make([]string, len(page))
		for i, e := range page {
			ids[i] = e.ID
		}
		recs, err := byIDs[T](ctx, s, v.col, ids)
		if err != nil {
			return nil, 0, err
		}
		byID := make(map[string]*T, len(recs))
		for i := range recs {
			byID[v.id(&recs[i])] = &recs[i]
		}
		out := make([]T, 0, len(page))
		stale := false
		for _, e := range page {
			rec := byID[e.ID]
			if rec != nil && v.belongs(rec, e.state, e) {
				out = append(out, *rec)
				continue
			}
			stale = true
			if err := v.fix(ctx, e.ID, e.state, rec); err != nil {
				return nil, 0, err
			}
		}
		if !stale || round == 2 {
			return out, int64(len(list)), nil
		}
	}
}

// queueListMigrations create queue_lists, so that its key index exists
// before the start-up backfill writes it.
var queueListMigrations = []migration{
	{"key collection: queue lists of organisations and reports", createCollections(queueListsCol)},
}
