package store

import (
	"context"
	"errors"
	"sort"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

func (s *Store) outbox() *mongo.Collection { return s.col("outbox") }

// EnqueueEmail inserts an e-mail job; a job id that exists already (such as
// a user's digest of the day) is ErrConflict.
func (s *Store) EnqueueEmail(ctx context.Context, job *models.OutboxJob) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.outbox().InsertOne(ctx, job)
	return mapErr(err)
}

// ClaimEmail takes one due e-mail job for worker until now+lease, in one
// conditional update: two workers never hold the same job. The attempt is
// counted when claimed, so that a worker dying mid-send still uses one.
// No due job is ErrNotFound.
func (s *Store) ClaimEmail(ctx context.Context, worker string, now time.Time, lease time.Duration) (*models.OutboxJob, error) {
	opts := options.FindOneAndUpdate().SetReturnDocument(options.After)
	if !s.Embedded() {
		// Oldest first, along the index. FerretDB would read and sort every
		// due job to return one; without a sort it stops at the first.
		opts.SetSort(bson.D{{Key: "next_attempt_at", Value: 1}})
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return nil, err
	}
	defer unlock()
	var job models.OutboxJob
	err = s.outbox().FindOneAndUpdate(ctx,
		bson.D{
			{Key: "status", Value: models.OutboxPending},
			{Key: "next_attempt_at", Value: bson.D{{Key: "$lte", Value: now}}},
			{Key: "locked_until", Value: bson.D{{Key: "$lte", Value: now}}},
		},
		bson.D{
			{Key: "$set", Value: bson.D{{Key: "locked_until", Value: now.Add(lease)}, {Key: "locked_by", Value: worker}}},
			{Key: "$inc", Value: bson.D{{Key: "attempts", Value: 1}}},
		},
		opts).Decode(&job)
	if err != nil {
		return nil, mapErr(err)
	}
	return &job, nil
}

// held returns the filter that matches job id only while worker holds it,
// with the write lock taken (release it with unlock). The embedded store
// reads the whole collection for any filter but {_id} alone, so there the
// holder is checked first, under the lock that makes the pair atomic.
func (s *Store) held(ctx context.Context, id, worker string) (filter bson.D, unlock func(), err error) {
	unlock, err = s.lock(ctx)
	if err != nil {
		return bson.D{}, nil, err
	}
	if !s.Embedded() {
		return bson.D{{Key: "_id", Value: id}, {Key: "locked_by", Value: worker}, {Key: "status", Value: models.OutboxPending}}, unlock, nil
	}
	var job models.OutboxJob
	err = s.outbox().FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&job)
	if err == nil && (job.LockedBy != worker || job.Status != models.OutboxPending) {
		err = ErrNotFound
	}
	if err != nil {
		unlock()
		return nil, nil, mapErr(err)
	}
	return bson.D{{Key: "_id", Value: id}}, unlock, nil
}

// finishEmail moves a job the worker holds out of the outbox into
// outbox_done, with its final status and without its data, so that the
// outbox keeps only the jobs to send.
func (s *Store) finishEmail(ctx context.Context, id, worker string, status models.OutboxStatus, lastError string, now time.Time) error {
	filter, unlock, err := s.held(ctx, id, worker)
	if err != nil {
		return err
	}
	defer unlock()
	var job models.OutboxJob
	if err := s.outbox().FindOneAndDelete(ctx, filter).Decode(&job); err != nil {
		return mapErr(err)
	}
	// Deleted first: a crash now loses a history record, not sends twice.
	job.Status, job.Data, job.LastError, job.LockedUntil = status, nil, lastError, time.Time{}
	if status == models.OutboxSent {
		job.SentAt = &now
	}
	_, err = s.col("outbox_done").InsertOne(ctx, &job)
	if err = mapErr(err); err == ErrConflict {
		return nil
	}
	return err
}

// MarkEmailSent records a sent job. Only the worker holding the job may;
// otherwise ErrNotFound.
func (s *Store) MarkEmailSent(ctx context.Context, id, worker string, now time.Time) error {
	return s.finishEmail(ctx, id, worker, models.OutboxSent, "", now)
}

// RetryEmail releases a job that failed to send, to be tried again at
// next; a zero next marks it failed for good. Only the worker holding the
// job may; otherwise ErrNotFound.
func (s *Store) RetryEmail(ctx context.Context, id, worker, lastError string, next time.Time) error {
	if next.IsZero() {
		return s.finishEmail(ctx, id, worker, models.OutboxFailed, lastError, time.Time{})
	}
	filter, unlock, err := s.held(ctx, id, worker)
	if err != nil {
		return err
	}
	defer unlock()
	res, err := s.outbox().UpdateOne(ctx, filter, bson.D{{Key: "$set", Value: bson.D{
		{Key: "next_attempt_at", Value: next}, {Key: "locked_until", Value: time.Time{}}, {Key: "last_error", Value: lastError},
	}}})
	if err != nil {
		return mapErr(err)
	}
	if res.MatchedCount == 0 {
		return ErrNotFound
	}
	return nil
}

// outboxFor returns the collection that holds jobs in status: the outbox
// for pending ones, outbox_done for the others.
func (s *Store) outboxFor(status models.OutboxStatus) *mongo.Collection {
	if status == models.OutboxPending {
		return s.outbox()
	}
	return s.col("outbox_done")
}

// EmailJob returns one job, pending or done.
func (s *Store) EmailJob(ctx context.Context, id string) (*models.OutboxJob, error) {
	var job models.OutboxJob
	err := s.outbox().FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&job)
	if errors.Is(err, mongo.ErrNoDocuments) {
		err = s.col("outbox_done").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&job)
	}
	if err != nil {
		return nil, mapErr(err)
	}
	return &job, nil
}

// EmailJobs lists up to limit jobs in a status (every status when empty),
// oldest first.
func (s *Store) EmailJobs(ctx context.Context, status models.OutboxStatus, limit int) ([]models.OutboxJob, error) {
	statuses := []models.OutboxStatus{status}
	if status == "" {
		statuses = []models.OutboxStatus{models.OutboxPending, models.OutboxSent, models.OutboxFailed}
	}
	jobs := []models.OutboxJob{}
	for _, st := range statuses {
		cur, err := s.outboxFor(st).Find(ctx, bson.D{{Key: "status", Value: st}},
			options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).SetLimit(int64(limit)))
		if err != nil {
			return nil, mapErr(err)
		}
		var part []models.OutboxJob
		if err := cur.All(ctx, &part); err != nil {
			return nil, mapErr(err)
		}
		jobs = append(jobs, part...)
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].CreatedAt.Before(jobs[j].CreatedAt) })
	if len(jobs) > limit {
		jobs = jobs[:limit]
	}
	return jobs, nil
}

// CountEmails counts jobs in a status (every status when empty).
func (s *Store) CountEmails(ctx context.Context, status models.OutboxStatus) (int64, error) {
	if status == "" {
		pending, err := s.outbox().CountDocuments(ctx, bson.D{})
		if err != nil {
			return 0, mapErr(err)
		}
		done, err := s.col("outbox_done").CountDocuments(ctx, bson.D{})
		return pending + done, mapErr(err)
	}
	n, err := s.outboxFor(status).CountDocuments(ctx, bson.D{{Key: "status", Value: status}})
	return n, mapErr(err)
}

// PurgeEmails deletes the jobs sent before sentBefore and those that failed
// before failedBefore.
func (s *Store) PurgeEmails(ctx context.Context, sentBefore, failedBefore time.Time) (int64, error) {
	var deleted int64
	for status, before := range map[models.OutboxStatus]time.Time{models.OutboxSent: sentBefore, models.OutboxFailed: failedBefore} {
		res, err := s.deleteEach(ctx, "outbox_done", bson.D{
			{Key: "status", Value: status},
			{Key: "created_at", Value: bson.D{{Key: "$lt", Value: before}}},
		})
		if err != nil {
			return deleted, mapErr(err)
		}
		deleted += res
	}
	return deleted, nil
}

// DeleteUserEmails deletes every job addressed to a user's account.
func (s *Store) DeleteUserEmails(ctx context.Context, userID string) error {
	for _, col := range []string{"outbox", "outbox_done"} {
		if _, err := s.deleteEach(ctx, col, bson.D{{Key: "user_id", Value: userID}}); err != nil {
			return err
		}
	}
	return nil
}

// OutboxBacklog counts the e-mails waiting and returns the creation time of
// the oldest, for monitoring.
func (s *Store) OutboxBacklog(ctx context.Context) (int64, time.Time, error) {
	cur, err := s.outbox().Find(ctx, bson.D{{Key: "status", Value: models.OutboxPending}})
	if err != nil {
		return 0, time.Time{}, mapErr(err)
	}
	defer cur.Close(ctx)
	var n int64
	var oldest time.Time
	for cur.Next(ctx) {
		var job struct {
			CreatedAt time.Time `bson:"created_at"`
		}
		if err := cur.Decode(&job); err != nil {
			return 0, time.Time{}, mapErr(err)
		}
		n++
		if oldest.IsZero() || job.CreatedAt.Before(oldest) {
			oldest = job.CreatedAt
		}
	}
	return n, oldest, mapErr(cur.Err())
}
