package store

import (
	"context"
	"slices"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// keyBatchSize is how many key documents one insert carries.
const keyBatchSize = 1000

// oneByOneKey, in a context, makes the backfills write each key document
// with its own upsert, as they did before batches (RedoBackfillsOneByOne).
type oneByOneKey struct{}

// keyBatch writes the key documents a backfill builds in memory (whole
// documents, by key) with one insert per thousand instead of one upsert
// each: after a bulk load of 100,000 volunteers the per-document writes
// took most of the load's time. Each document comes with the upsert that
// writes it one at a time; a batch that meets a document already there
// (a backfill run again, a key written since) is redone that way, so the
// result is the same as the upserts' in every case.
type keyBatch struct {
	s         *Store
	col       string
	docs      []any
	fallbacks []func(context.Context) error
}

func (s *Store) newKeyBatch(col string) *keyBatch { return &keyBatch{s: s, col: col} }

// add queues doc, the whole document the upsert would create on a
// database without it, and upsert, the write that gives the same result
// whether or not the document is there.
func (b *keyBatch) add(ctx context.Context, doc any, upsert func(context.Context) error) error {
	if ctx.Value(oneByOneKey{}) != nil {
		return upsert(ctx)
	}
	b.docs = append(b.docs, doc)
	b.fallbacks = append(b.fallbacks, upsert)
	if len(b.docs) >= keyBatchSize {
		return b.flush(ctx)
	}
	return nil
}

// flush writes what is queued.
func (b *keyBatch) flush(ctx context.Context) error {
	if len(b.docs) == 0 {
		return nil
	}
	docs, fallbacks := b.docs, b.fallbacks
	b.docs, b.fallbacks = nil, nil
	unlock, err := b.s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = b.s.col(b.col).InsertMany(ctx, docs)
	unlock()
	if err = mapErr(err); err != ErrConflict {
		return err
	}
	// Some documents exist: the upserts are idempotent, so the ones
	// inserted before the conflict are simply written again.
	for _, upsert := range fallbacks {
		if err := upsert(ctx); err != nil {
			return err
		}
	}
	return nil
}

// nestDotted turns a $set of dotted paths one level deep ("apps.<id>")
// into the document an upsert of it creates on a missing key: the
// top-level fields with the dotted ones gathered into sub-documents whose
// fields are in lexicographic order, the order in which MongoDB (and
// FerretDB) apply an update's fields.
func nestDotted(id string, set bson.D) bson.D {
	doc := bson.D{{Key: "_id", Value: id}}
	where := map[string]int{}
	for _, e := range set {
		top, sub, dotted := strings.Cut(e.Key, ".")
		if !dotted {
			doc = append(doc, e)
			continue
		}
		i, ok := where[top]
		if !ok {
			i = len(doc)
			where[top] = i
			doc = append(doc, bson.E{Key: top, Value: bson.D{}})
		}
		doc[i].Value = append(doc[i].Value.(bson.D), bson.E{Key: sub, Value: e.Value})
	}
	for _, i := range where {
		slices.SortStableFunc(doc[i].Value.(bson.D), func(a, b bson.E) int { return strings.Compare(a.Key, b.Key) })
	}
	return doc
}

// addToIDList adds ids to the list document key of col ({_id, ids}),
// creating it if needed; adding an id already listed changes nothing.
func (s *Store) addToIDList(ctx context.Context, col, key string, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(col).UpdateOne(ctx, bson.D{{Key: "_id", Value: key}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "ids", Value: bson.D{{Key: "$each", Value: ids}}}}}},
		options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}
