package seeds_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/store/storetest"
)

// TestSyntheticKeyDocumentsMatchBackfill: the key documents the synthetic
// seed writes in batches are exactly those the backfills write one upsert
// at a time from the records alone.
func TestSyntheticKeyDocumentsMatchBackfill(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	now := time.Now().UTC()
	if _, err := seeds.Synthetic(ctx, st, "hash", now, seeds.SyntheticOptions{Missions: 40, Volunteers: 250, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	seeded, err := st.KeyDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, col := range []string{"user_emails", "user_orgs", "mission_shifts", "volunteer_applications", "shift_applications",
		"notification_lists", "org_missions", "job_lists", "org_pending", "queue_lists"} {
		if len(seeded[col]) == 0 {
			t.Errorf("the seed wrote no %s", col)
		}
	}
	if err := st.ClearKeyDocuments(ctx); err != nil {
		t.Fatal(err)
	}
	if err := st.RedoBackfillsOneByOne(ctx, now); err != nil {
		t.Fatal(err)
	}
	rebuilt, err := st.KeyDocuments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for col, docs := range rebuilt {
		if len(docs) != len(seeded[col]) {
			t.Errorf("%s: %d documents seeded, %d from the backfill", col, len(seeded[col]), len(docs))
		}
		diffs := 0
		for key, doc := range docs {
			if got := seeded[col][key]; !reflect.DeepEqual(got, doc) && diffs < 3 {
				diffs++
				t.Errorf("%s %s:\nseeded   %v\nbackfill %v", col, key, got, doc)
			}
		}
	}
}
