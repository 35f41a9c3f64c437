package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// BenchmarkJobListWrite measures one request's write of a job list at the
// Done-when data set's size (4,000 missions, 100,000 volunteers: ~7,000
// shifts with a waiting list, ~3,000 pending applications made in one
// hour, ~500 pending hours): the single document the lists were, against
// the buckets they are now.
//
//	go test -run x -bench BenchmarkJobListWrite -benchtime 200x ./store/
func BenchmarkJobListWrite(b *testing.B) {
	ctx := context.Background()
	const entries, hourEntries, hours = 7000, 3000, 500
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	ids := make([]string, entries)
	for i := range ids {
		ids[i] = NewID()
	}

	b.Run("waitlisted_shifts/one document", func(b *testing.B) {
		st := openBench(b)
		set := bson.D{}
		for _, id := range ids {
			set = append(set, bson.E{Key: "shifts." + id, Value: true})
		}
		if err := st.writeJobList(ctx, "bench_shifts", bson.D{{Key: "$set", Value: set}}); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := range b.N {
			if err := st.setJobEntry(ctx, "bench_shifts", "shifts", ids[i%entries], true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("waitlisted_shifts/buckets", func(b *testing.B) {
		st := openBench(b)
		sets := newBucketSets()
		for _, id := range ids {
			sets.set(waitlistedShifts.key(id), waitlistedShifts.field, id, true)
		}
		if err := st.writeBucketSets(ctx, sets); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := range b.N {
			if err := st.setListEntry(ctx, waitlistedShifts, ids[i%entries], true); err != nil {
				b.Fatal(err)
			}
		}
	})

	// A pending application's reminder entries: before, its hour's bucket
	// and the index of every pending hour; now, its sub-bucket and three
	// small index levels.
	entry := reminderEntry{At: now, Reminders: []string{}}
	b.Run("pending reminder/one document per hour", func(b *testing.B) {
		st := openBench(b)
		apps, index := bson.D{}, bson.D{}
		for _, id := range ids[:hourEntries] {
			apps = append(apps, bson.E{Key: "apps." + id, Value: entry})
		}
		for h := range hours {
			index = append(index, bson.E{Key: "hours." + hourKey(now.Add(-time.Duration(h)*time.Hour)), Value: true})
		}
		for key, set := range map[string]bson.D{"bench_pending": apps, "bench_hours": index} {
			if err := st.writeJobList(ctx, key, bson.D{{Key: "$set", Value: set}}); err != nil {
				b.Fatal(err)
			}
		}
		b.ResetTimer()
		for i := range b.N {
			if err := st.setJobEntry(ctx, "bench_pending", "apps", ids[i%hourEntries], entry); err != nil {
				b.Fatal(err)
			}
			if err := st.setJobEntry(ctx, "bench_hours", "hours", hourKey(now), true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("pending reminder/sub-buckets", func(b *testing.B) {
		st := openBench(b)
		apps := make([]models.Application, 0, hourEntries+hours)
		for i, id := range ids[:hourEntries+hours] {
			created := now
			if i >= hourEntries { // one in each of the other hours
				created = now.Add(-time.Duration(i-hourEntries+1) * time.Hour)
			}
			apps = append(apps, models.Application{ID: id, Status: models.ApplicationPending, CreatedAt: created})
		}
		if err := st.backfillReminderLists(ctx, apps, now); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := range b.N {
			if err := st.listReminderState(ctx, &apps[i%hourEntries], ""); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkJobListRead measures a per-minute job's read of a whole list of
// 7,000 entries: one document, against every bucket by key.
func BenchmarkJobListRead(b *testing.B) {
	ctx := context.Background()
	st := openBench(b)
	sets := newBucketSets()
	single := bson.D{}
	for range 7000 {
		id := NewID()
		sets.set(waitlistedShifts.key(id), waitlistedShifts.field, id, true)
		single = append(single, bson.E{Key: "shifts." + id, Value: true})
	}
	if err := st.writeBucketSets(ctx, sets); err != nil {
		b.Fatal(err)
	}
	if err := st.writeJobList(ctx, "bench_shifts", bson.D{{Key: "$set", Value: single}}); err != nil {
		b.Fatal(err)
	}
	b.Run("one document", func(b *testing.B) {
		for range b.N {
			var doc jobLists
			if err := st.findByKey(ctx, jobListsCol, "bench_shifts", nil, &doc); err != nil || len(doc.Shifts) != 7000 {
				b.Fatal(len(doc.Shifts), err)
			}
		}
	})
	b.Run(fmt.Sprintf("%d buckets", waitlistedShifts.buckets), func(b *testing.B) {
		for range b.N {
			doc, err := st.jobList(ctx, waitlistedShifts)
			if err != nil || len(doc.Shifts) != 7000 {
				b.Fatal(len(doc.Shifts), err)
			}
		}
	})
}

// openBench opens a database with its migrations run, as the server does:
// they add the indexes that make a read by key a lookup, not a scan.
func openBench(b *testing.B) *Store {
	st := openInternal(b)
	if _, err := st.Migrate(context.Background()); err != nil {
		b.Fatal(err)
	}
	return st
}

// BenchmarkAcceptedWindowRead measures the reminder job's read of a day's
// window of accepted sub-buckets (25 hours × reminderSlots key reads), with
// 3,000 accepted applications whose shifts start in one of those hours.
//
//	go test -run x -bench BenchmarkAcceptedWindowRead -benchtime 20x ./store/
func BenchmarkAcceptedWindowRead(b *testing.B) {
	ctx := context.Background()
	st := openBench(b)
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	apps := make([]models.Application, 3000)
	for i := range apps {
		apps[i] = models.Application{ID: NewID(), Status: models.ApplicationAccepted, ShiftStart: now.Add(20 * time.Hour)}
	}
	if err := st.backfillReminderLists(ctx, apps, now); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		// "s24" was sent to none: every entry is due, and limit 0 reads
		// no application, so this is the buckets' cost alone.
		if _, err := st.AcceptedStartingBetween(ctx, now, now.Add(24*time.Hour), "s24", 0); err != nil {
			b.Fatal(err)
		}
	}
}
