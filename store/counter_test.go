package store

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// The embedded store loses concurrent updates unless writes are serialized;
// these tests prove the store's lock makes conditional updates atomic.

func TestConditionalTakeUnderConcurrency(t *testing.T) {
	needsAtomicUpdates(t)
	st := openInternal(t)
	ctx := context.Background()
	if _, err := st.col("counters").InsertOne(ctx, bson.D{{Key: "_id", Value: "shift"}, {Key: "taken", Value: 0}}); err != nil {
		t.Fatal(err)
	}
	var granted, failed atomic.Int64
	var wg sync.WaitGroup
	for range 1000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := st.takeIf(ctx, "counters", "shift", "taken", 10)
			if err != nil {
				failed.Add(1)
				return
			}
			if ok {
				granted.Add(1)
			}
		}()
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.Fatalf("%d calls failed", failed.Load())
	}
	if granted.Load() != 10 {
		t.Fatalf("granted %d places, want exactly 10", granted.Load())
	}
	if got := readInt(t, st, "counters", "shift", "taken"); got != 10 {
		t.Fatalf("stored taken = %d, want 10", got)
	}
}

func TestConcurrentIncrementsAllCount(t *testing.T) {
	needsAtomicUpdates(t)
	st := openInternal(t)
	ctx := context.Background()
	if _, err := st.col("counters").InsertOne(ctx, bson.D{{Key: "_id", Value: "n"}, {Key: "n", Value: 0}}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var failed atomic.Int64
	for range 1000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := st.inc(ctx, "counters", "n", "n", 1); err != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	if failed.Load() != 0 {
		t.Fatalf("%d increments failed", failed.Load())
	}
	if got := readInt(t, st, "counters", "n", "n"); got != 1000 {
		t.Fatalf("stored n = %d, want 1000", got)
	}
}

func readInt(t *testing.T, st *Store, col, id, field string) int {
	t.Helper()
	var doc bson.M
	if err := st.col(col).FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&doc); err != nil {
		t.Fatal(err)
	}
	switch v := doc[field].(type) {
	case int32:
		return int(v)
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	t.Fatalf("field %s has type %T", field, doc[field])
	return 0
}
