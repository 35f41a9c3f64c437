package store

import (
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The lists of job_lists are split into buckets: on the embedded store an
// update reads, decodes, re-encodes and rewrites its whole document, and
// the cost grows faster than the number of fields of a map (a $set of one
// field took 34 ms at 1,000 entries, 499 ms at 6,000), so a list held in
// one document made every request that writes it slower as the data grew.
// An entry lives in bucket "name#NN", NN a stable hash of its id modulo the
// list's bucket count, chosen so that a bucket holds about a hundred
// entries at national scale (10,000 missions, 200,000 volunteers). A
// request writes one small bucket; the jobs (and the admin's queue page)
// read every bucket of a list by key and merge them.
type bucketedList struct {
	name    string // key prefix
	field   string // the map field of each bucket
	buckets int
}

var (
	// open offers are bounded by the places being filled right now.
	openOffers = bucketedList{"open_offers", "offers", 16}
	// ~7,000 shifts with a waiting list at 4,000 missions, ~17,500 at
	// 10,000: 256 buckets keep each under ~70.
	waitlistedShifts = bucketedList{"waitlisted_shifts", "shifts", 256}
	// one entry per published mission: 10,000 in 128 buckets, ~80 each.
	publishedMissions = bucketedList{"published_missions", "ends", 128}
)

// bucketOf is the bucket of id among n: FNV-1a, stable across processes
// and versions (the backfill and the requests must agree). Every bucketed
// list (job_lists, queue_lists, digest_users) places its entries with it.
func bucketOf(id string, n int) string {
	h := fnv.New32a()
	h.Write([]byte(id))
	return fmt.Sprintf("%02d", h.Sum32()%uint32(n))
}

// key is the key of the bucket that holds entry.
func (l bucketedList) key(entry string) string { return l.name + "#" + bucketOf(entry, l.buckets) }

// keys are the keys of every bucket, for the readers.
func (l bucketedList) keys() []string {
	out := make([]string, l.buckets)
	for i := range out {
		out[i] = fmt.Sprintf("%s#%02d", l.name, i)
	}
	return out
}

// setListEntry sets (or, with value nil, removes) entry in its bucket of l.
func (s *Store) setListEntry(ctx context.Context, l bucketedList, entry string, value any) error {
	return s.setJobEntry(ctx, l.key(entry), l.field, entry, value)
}

// setJobEntry sets (or, with value nil, removes) field.entry of document
// key of job_lists. A removal does not create the document: an absent
// bucket already lacks the entry, and an empty one would be read for
// nothing.
func (s *Store) setJobEntry(ctx context.Context, key, field, entry string, value any) error {
	update := bson.D{{Key: "$unset", Value: bson.D{{Key: field + "." + entry, Value: ""}}}}
	if value != nil {
		update = bson.D{{Key: "$set", Value: bson.D{{Key: field + "." + entry, Value: value}}}}
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(jobListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: key}}, update, options.UpdateOne().SetUpsert(value != nil))
	return mapErr(err)
}

// listEntries returns the names of the entries of field in document key
// of job_lists (none when it is missing).
func (s *Store) listEntries(ctx context.Context, key, field string) ([]string, error) {
	raw, err := s.col(jobListsCol).FindOne(ctx, bson.D{{Key: "_id", Value: key}}).Raw()
	if err = mapErr(err); err == ErrNotFound {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	sub, ok := raw.Lookup(field).DocumentOK()
	if !ok {
		return nil, nil
	}
	elems, err := sub.Elements()
	if err != nil {
		return nil, err
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		out[i] = e.Key()
	}
	return out, nil
}

// dropIndexEntry takes entry off index (whose field names child
// documents) because its child was found empty, then looks again: an entry
// written to the child meanwhile puts it back (kept). Writers write the
// child before its index, so whichever order the two meet in, a child
// with entries stays indexed.
func (s *Store) dropIndexEntry(ctx context.Context, index, field, entry, child, childField string) (kept bool, err error) {
	if err := s.setJobEntry(ctx, index, field, entry, nil); err != nil {
		return false, err
	}
	entries, err := s.listEntries(ctx, child, childField)
	if err != nil || len(entries) == 0 {
		return false, err
	}
	return true, s.setJobEntry(ctx, index, field, entry, true)
}

// bucketSets groups the $set of a backfill by bucket document, each field
// once (a field may appear once per update).
type bucketSets struct {
	sets map[string]bson.D
	seen map[string]bool
}

func newBucketSets() *bucketSets {
	return &bucketSets{sets: map[string]bson.D{}, seen: map[string]bool{}}
}

func (b *bucketSets) set(key, field, entry string, value any) {
	path := field + "." + entry
	if b.seen[key+"\x00"+path] {
		return
	}
	b.seen[key+"\x00"+path] = true
	b.sets[key] = append(b.sets[key], bson.E{Key: path, Value: value})
}

// write writes every bucket document: whole documents in batches, or one
// upsert each where they exist.
func (s *Store) writeBucketSets(ctx context.Context, b *bucketSets) error {
	batch := s.newKeyBatch(jobListsCol)
	for id, set := range b.sets {
		err := batch.add(ctx, nestDotted(id, set), func(ctx context.Context) error {
			return s.writeJobList(ctx, id, bson.D{{Key: "$set", Value: set}})
		})
		if err != nil {
			return err
		}
	}
	return batch.flush(ctx)
}

// deleteUnbucketed deletes the job_lists documents of the layout before
// buckets: the lists named (one document each) and, with hours, the
// reminder hour buckets whose key has no sub-bucket. Run by the backfills
// that rebuild them, which may scan.
func (s *Store) deleteUnbucketed(ctx context.Context, hours bool, names ...string) error {
	cur, err := s.col(jobListsCol).Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	var docs []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &docs); err != nil {
		return mapErr(err)
	}
	old := bson.A{}
	for _, d := range docs {
		oldHour := (strings.HasPrefix(d.ID, "pending:") || strings.HasPrefix(d.ID, "accepted:")) && !strings.Contains(d.ID, "#")
		if slices.Contains(names, d.ID) || (hours && oldHour) {
			old = append(old, d.ID)
		}
	}
	if len(old) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(jobListsCol).DeleteMany(ctx, bson.D{{Key: "_id", Value: bson.D{{Key: "$in", Value: old}}}})
	return mapErr(err)
}
