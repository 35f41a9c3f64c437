package store

import (
	"context"
	"slices"
	"sort"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The reminder job (every 5 minutes) looks for pending applications by
// creation date and accepted ones by shift start. Instead of filtering
// every application, it reads hour buckets in job_lists (an hour, not a
// day, so that a bucket stays a few hundred entries at a national surge,
// when every application rewrites one):
//
//   - "pending:YYYY-MM-DDTHH": {apps: {application id: {c: created_at, r:
//     reminders sent}}}, the applications still pending that were made
//     that hour, with "pending_hours" {hours: {YYYY-MM-DDTHH: true}} naming
//     the hours that have some (a pending application may be any age);
//   - "accepted:YYYY-MM-DDTHH": {apps: {application id: {c: shift start,
//     r}}}, the accepted applications whose shift starts that hour; the job
//     reads the hours of its window.
//
// Entries follow the state (listReminderState, from listJobState and
// MarkReminder) with $set/$unset of one field; the job checks each entry it
// acts on against its application by key and puts stale ones in step.
// Pending applications are answered or released within 14 days, so the
// pending buckets stay few; an accepted bucket is read only while its hour
// is within a day ahead.
const pendingHoursKey = "pending_hours"

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
	switch a.Status {
	case models.ApplicationPending:
		return "pending:" + hourKey(a.CreatedAt), a.CreatedAt, true
	case models.ApplicationAccepted:
		return "accepted:" + hourKey(a.ShiftStart), a.ShiftStart, true
	}
	return "", time.Time{}, false
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
		return s.setJobEntry(ctx, pendingHoursKey, "hours", hourKey(a.CreatedAt), true)
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
// pending hour buckets.
func (s *Store) PendingCreatedBefore(ctx context.Context, before time.Time, reminder string, limit int64) ([]models.Application, error) {
	var index struct {
		Hours map[string]bool `bson:"hours"`
	}
	if err := s.findByKey(ctx, jobListsCol, pendingHoursKey, nil, &index); err != nil && err != ErrNotFound {
		return nil, err
	}
	var due []dueEntry
	for hour := range index.Hours {
		if hour > hourKey(before) {
			continue
		}
		bucket, err := s.reminderBucket(ctx, "pending:"+hour)
		if err != nil {
			return nil, err
		}
		if len(bucket.Apps) == 0 {
			if err := s.dropPendingHour(ctx, hour); err != nil {
				return nil, err
			}
			continue
		}
		for id, e := range bucket.Apps {
			if !e.At.After(before) && (reminder == "" || !slices.Contains(e.Reminders, reminder)) {
				due = append(due, dueEntry{id, e.At})
			}
		}
	}
	return s.dueApplications(ctx, due, limit, func(a *models.Application) bool {
		return a.Status == models.ApplicationPending && !a.CreatedAt.After(before) && (reminder == "" || !slices.Contains(a.Reminders, reminder))
	})
}

// dropPendingHour takes an emptied hour off the index, then looks again:
// an application listed there meanwhile puts it back.
func (s *Store) dropPendingHour(ctx context.Context, hour string) error {
	if err := s.setJobEntry(ctx, pendingHoursKey, "hours", hour, nil); err != nil {
		return err
	}
	bucket, err := s.reminderBucket(ctx, "pending:"+hour)
	if err != nil || len(bucket.Apps) == 0 {
		return err
	}
	return s.setJobEntry(ctx, pendingHoursKey, "hours", hour, true)
}

// AcceptedStartingBetween lists accepted applications whose shift starts
// in (from, to] and that have not had reminder yet, from the accepted hour
// buckets of that window.
func (s *Store) AcceptedStartingBetween(ctx context.Context, from, to time.Time, reminder string, limit int64) ([]models.Application, error) {
	var due []dueEntry
	for hour := from.UTC().Truncate(time.Hour); !hour.After(to); hour = hour.Add(time.Hour) {
		bucket, err := s.reminderBucket(ctx, "accepted:"+hourKey(hour))
		if err != nil {
			return nil, err
		}
		for id, e := range bucket.Apps {
			if e.At.After(from) && !e.At.After(to) && !slices.Contains(e.Reminders, reminder) {
				due = append(due, dueEntry{id, e.At})
			}
		}
	}
	return s.dueApplications(ctx, due, limit, func(a *models.Application) bool {
		return a.Status == models.ApplicationAccepted && a.ShiftStart.After(from) && !a.ShiftStart.After(to) && !slices.Contains(a.Reminders, reminder)
	})
}

// backfillReminderLists writes the buckets of apps (pending ones, and
// accepted ones whose shift starts after now) one update per bucket, for a
// bulk load's hundreds of thousands of applications.
func (s *Store) backfillReminderLists(ctx context.Context, apps []models.Application, now time.Time) error {
	buckets := map[string]bson.D{}
	hours, seenHour := bson.D{}, map[string]bool{}
	for i := range apps {
		a := &apps[i]
		if a.Status == models.ApplicationAccepted && !a.ShiftStart.After(now) {
			continue
		}
		bucket, at, ok := reminderSlot(a)
		if !ok {
			continue
		}
		buckets[bucket] = append(buckets[bucket], bson.E{Key: "apps." + a.ID, Value: reminderEntry{At: at.UTC(), Reminders: nonNil(a.Reminders)}})
		if hour := hourKey(a.CreatedAt); a.Status == models.ApplicationPending && !seenHour[hour] {
			seenHour[hour] = true // a field may appear once per update
			hours = append(hours, bson.E{Key: "hours." + hour, Value: true})
		}
	}
	if len(hours) > 0 {
		buckets[pendingHoursKey] = hours
	}
	for id, set := range buckets {
		if err := s.writeJobList(ctx, id, bson.D{{Key: "$set", Value: set}}); err != nil {
			return err
		}
	}
	return nil
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
