package store

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The reminder job (every 5 minutes) looks for pending applications by
// creation date and accepted ones by shift start. Instead of filtering
// every application, it reads hour buckets in job_lists, each hour split
// into reminderSlots sub-buckets by a hash of the application id (an hour
// of a national surge, or every shift starting at 9 on a Saturday, is
// thousands of applications, and every application rewrites its bucket):
//
//   - "pending:YYYY-MM-DDTHH#NN": {apps: {application id: {c: created_at,
//     r: reminders sent}}}, the applications still pending that were made
//     that hour; a pending application may be any age, so an index of
//     three small levels names the buckets that have some: "pending_days"
//     {days: {YYYY-MM-DD: true}}, "pending_hours:YYYY-MM-DD" {hours: {HH:
//     true}}, "pending_slots:YYYY-MM-DDTHH" {slots: {NN: true}} (one
//     document of all the hours was rewritten by every application);
//   - "accepted:YYYY-MM-DDTHH#NN": {apps: {application id: {c: shift
//     start, r}}}, the accepted applications whose shift starts that hour;
//     the job reads every sub-bucket of the hours of its window.
//
// Entries follow the state (listReminderState, from listJobState and
// MarkReminder) with $set/$unset of one field; the job checks each entry it
// acts on against its application by key and puts stale ones in step.
// Pending applications are answered or released within 14 days, so the
// pending buckets stay few; an accepted bucket is read only while its hour
// is within a day ahead.
const (
	pendingDaysKey = "pending_days"
	reminderSlots  = 32
	// pendingHoursKeyV4 is the single index of backfill:job_lists:v4,
	// deleted by v5 with the hour buckets without sub-bucket.
	pendingHoursKeyV4 = "pending_hours"
)

type reminderEntry struct {
	At        time.Time `bson:"c"`
	Reminders []string  `bson:"r"`
}

type reminderBucket struct {
	Apps map[string]reminderEntry `bson:"apps,omitempty"`
}

func hourKey(t time.Time) string { return t.UTC().Format("2006-01-02T15") }

// reminderSlot says in which bucket a's entry belongs (ok false: none).
func reminderSlot(a *models.Application) (bucket string, at time.Time, ok bool) {
	slot := "#" + bucketOf(a.ID, reminderSlots)
	switch a.Status {
	case models.ApplicationPending:
		return "pending:" + hourKey(a.CreatedAt) + slot, a.CreatedAt, true
	case models.ApplicationAccepted:
		return "accepted:" + hourKey(a.ShiftStart) + slot, a.ShiftStart, true
	}
	return "", time.Time{}, false
}

// pendingIndex is the chain of index entries that lead to the pending
// bucket of an application made at created with id: {document, field,
// entry}, the bucket's own index first. Writers write them in this order
// (child before parent) and the job drops them in this order, each time
// looking again at the child (dropIndexEntry).
func pendingIndex(created time.Time, id string) [3][3]string {
	hour := hourKey(created)
	day, hh, _ := strings.Cut(hour, "T")
	return [3][3]string{
		{"pending_slots:" + hour, "slots", bucketOf(id, reminderSlots)},
		{"pending_hours:" + day, "hours", hh},
		{pendingDaysKey, "days", day},
	}
}

// listReminderState puts a's entries in step with a as written (before in
// from): added to its bucket in a reminder state, removed from the bucket
// of from when it left it.
func (s *Store) listReminderState(ctx context.Context, a *models.Application, from models.ApplicationStatus) error {
	if from != a.Status && (from == models.ApplicationPending || from == models.ApplicationAccepted) {
		before := *a
		before.Status = from
		if bucket, _, ok := reminderSlot(&before); ok {
			if err := s.setJobEntry(ctx, bucket, "apps", a.ID, nil); err != nil {
				return err
			}
		}
	}
	bucket, at, ok := reminderSlot(a)
	if !ok {
		return nil
	}
	if err := s.setJobEntry(ctx, bucket, "apps", a.ID, reminderEntry{At: at.UTC(), Reminders: nonNil(a.Reminders)}); err != nil {
		return err
	}
	if a.Status == models.ApplicationPending {
		for _, e := range pendingIndex(a.CreatedAt, a.ID) {
			if err := s.setJobEntry(ctx, e[0], e[1], e[2], true); err != nil {
				return err
			}
		}
	}
	return nil
}

func (s *Store) reminderBucket(ctx context.Context, id string) (*reminderBucket, error) {
	var doc reminderBucket
	err := s.findByKey(ctx, jobListsCol, id, nil, &doc)
	if err == ErrNotFound {
		return &reminderBucket{}, nil
	}
	return &doc, err
}

type dueEntry struct {
	id string
	at time.Time
}

// dueApplications reads the applications of the due entries, earliest
// first, up to limit, keeping those want accepts and putting the others'
// entries in step (their state or reminders changed since).
func (s *Store) dueApplications(ctx context.Context, due []dueEntry, limit int64, want func(*models.Application) bool) ([]models.Application, error) {
	sort.Slice(due, func(i, j int) bool { return due[i].at.Before(due[j].at) })
	out := []models.Application{}
	for _, d := range due {
		if int64(len(out)) >= limit {
			break
		}
		a, err := s.ApplicationByID(ctx, d.id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		if want(a) {
			out = append(out, *a)
			continue
		}
		if err := s.refreshReminderEntry(ctx, a); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// refreshReminderEntry rewrites a stale entry of a from a as it is now, then
// looks again: a change written meanwhile (whose own entry may have come
// before this one) wins.
func (s *Store) refreshReminderEntry(ctx context.Context, a *models.Application) error {
	for _, st := range []models.ApplicationStatus{models.ApplicationPending, models.ApplicationAccepted} {
		if st == a.Status {
			continue
		}
		other := *a
		other.Status = st
		bucket, _, _ := reminderSlot(&other)
		if err := s.setJobEntry(ctx, bucket, "apps", a.ID, nil); err != nil {
			return err
		}
	}
	if err := s.listReminderState(ctx, a, ""); err != nil {
		return err
	}
	again, err := s.ApplicationByID(ctx, a.ID)
	if err != nil || (again.Status == a.Status && len(again.Reminders) == len(a.Reminders)) {
		return err
	}
	return s.listReminderState(ctx, again, a.Status)
}

// PendingCreatedBefore lists pending applications made at or before
// before, without reminder (any when empty), oldest first, from the
// pending hour buckets that the index names. Index entries whose child has
// emptied are dropped on the way.
func (s *Store) PendingCreatedBefore(ctx context.Context, before time.Time, reminder string, limit int64) ([]models.Application, error) {
	last := hourKey(before)
	lastDay, _, _ := strings.Cut(last, "T")
	days, err := s.listEntries(ctx, pendingDaysKey, "days")
	if err != nil {
		return nil, err
	}
	var due []dueEntry
	for _, day := range days {
		if day > lastDay {
			continue
		}
		hoursKey := "pending_hours:" + day
		hours, err := s.listEntries(ctx, hoursKey, "hours")
		if err != nil {
			return nil, err
		}
		liveHours := 0
		for _, hh := range hours {
			hour := day + "T" + hh
			if hour > last {
				liveHours++
				continue
			}
			slotsKey := "pending_slots:" + hour
			slots, err := s.listEntries(ctx, slotsKey, "slots")
			if err != nil {
				return nil, err
			}
			liveSlots := 0
			for _, slot := range slots {
				bucketKey := "pending:" + hour + "#" + slot
				bucket, err := s.reminderBucket(ctx, bucketKey)
				if err != nil {
					return nil, err
				}
				if len(bucket.Apps) == 0 {
					kept, err := s.dropIndexEntry(ctx, slotsKey, "slots", slot, bucketKey, "apps")
					if err != nil {
						return nil, err
					}
					liveSlots += btoi(kept)
					continue
				}
				liveSlots++
				for id, e := range bucket.Apps {
					if !e.At.After(before) && (reminder == "" || !slices.Contains(e.Reminders, reminder)) {
						due = append(due, dueEntry{id, e.At})
					}
				}
			}
			if liveSlots == 0 {
				kept, err := s.dropIndexEntry(ctx, hoursKey, "hours", hh, slotsKey, "slots")
				if err != nil {
					return nil, err
				}
				liveHours += btoi(kept)
			}
		}
		if liveHours == 0 {
			if _, err := s.dropIndexEntry(ctx, pendingDaysKey, "days", day, hoursKey, "hours"); err != nil {
				return nil, err
			}
		}
	}
	return s.dueApplications(ctx, due, limit, func(a *models.Application) bool {
		return a.Status == models.ApplicationPending && !a.CreatedAt.After(before) && (reminder == "" || !slices.Contains(a.Reminders, reminder))
	})
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// AcceptedStartingBetween lists accepted applications whose shift starts
// in (from, to] and that have not had reminder yet, from every sub-bucket
// of the accepted hours of that window.
func (s *Store) AcceptedStartingBetween(ctx context.Context, from, to time.Time, reminder string, limit int64) ([]models.Application, error) {
	var due []dueEntry
	for hour := from.UTC().Truncate(time.Hour); !hour.After(to); hour = hour.Add(time.Hour) {
		for slot := range reminderSlots {
			bucket, err := s.reminderBucket(ctx, fmt.Sprintf("accepted:%s#%02d", hourKey(hour), slot))
			if err != nil {
				return nil, err
			}
			for id, e := range bucket.Apps {
				if e.At.After(from) && !e.At.After(to) && !slices.Contains(e.Reminders, reminder) {
					due = append(due, dueEntry{id, e.At})
				}
			}
		}
	}
	return s.dueApplications(ctx, due, limit, func(a *models.Application) bool {
		return a.Status == models.ApplicationAccepted && a.ShiftStart.After(from) && !a.ShiftStart.After(to) && !slices.Contains(a.Reminders, reminder)
	})
}

// backfillReminderLists writes the buckets of apps (pending ones, and
// accepted ones whose shift starts after now) and the pending index, one
// update per document, for a bulk load's hundreds of thousands of
// applications.
func (s *Store) backfillReminderLists(ctx context.Context, apps []models.Application, now time.Time) error {
	sets := newBucketSets()
	for i := range apps {
		a := &apps[i]
		if a.Status == models.ApplicationAccepted && !a.ShiftStart.After(now) {
			continue
		}
		bucket, at, ok := reminderSlot(a)
		if !ok {
			continue
		}
		sets.set(bucket, "apps", a.ID, reminderEntry{At: at.UTC(), Reminders: nonNil(a.Reminders)})
		if a.Status == models.ApplicationPending {
			for _, e := range pendingIndex(a.CreatedAt, a.ID) {
				sets.set(e[0], e[1], e[2], true)
			}
		}
	}
	return s.writeBucketSets(ctx, sets)
}

func (s *Store) writeJobList(ctx context.Context, id string, update bson.D) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(jobListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}
