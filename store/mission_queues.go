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

// The admin's mission queues (submitted missions, published missions with
// a revision to moderate) are listed in key documents of job_lists,
// "mission_queues#NN": {submitted: {mission id: true}, revisions: {mission
// id: true}}, the mission's bucket by a hash of its id (list_buckets.go),
// kept in step wherever a mission's state or revision changes
// (listMissionQueues), so a queue page is one key read per bucket plus one
// per mission shown, whatever the number of missions. Moderators work the
// queues through, so the lists stay short; entries found stale on reading
// are dropped. A few buckets keep the write of a mission's change small
// when a national campaign fills the queue.
var missionQueues = bucketedList{"mission_queues", "", 8}

// missionQueuesKeyV1 is the single document of backfill:mission_queues:v1,
// deleted by v2.
const missionQueuesKeyV1 = "mission_queues"

type missionQueueBucket struct {
	Submitted map[string]bool `bson:"submitted,omitempty"`
	Revisions map[string]bool `bson:"revisions,omitempty"`
}

func inSubmittedQueue(m *models.Mission) bool { return m.Status == models.MissionSubmitted }

func inRevisionQueue(m *models.Mission) bool {
	return m.Status == models.MissionPublished && m.RevisionState == models.RevisionPending
}

// listMissionQueues puts m's entries in the queues in step with m as
// written.
func (s *Store) listMissionQueues(ctx context.Context, m *models.Mission) error {
	set, unset := bson.D{}, bson.D{}
	for _, q := range []struct {
		field string
		in    bool
	}{{"submitted", inSubmittedQueue(m)}, {"revisions", inRevisionQueue(m)}} {
		if q.in {
			set = append(set, bson.E{Key: q.field + "." + m.ID, Value: true})
		} else {
			unset = append(unset, bson.E{Key: q.field + "." + m.ID, Value: ""})
		}
	}
	// Only a $set creates the bucket: an absent one lists nothing.
	update := bson.D{}
	if len(set) > 0 {
		update = append(update, bson.E{Key: "$set", Value: set})
	}
	if len(unset) > 0 {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(jobListsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: missionQueues.key(m.ID)}}, update, options.UpdateOne().SetUpsert(len(set) > 0))
	return mapErr(err)
}

// queuedMissions reads the missions of one queue by key (every bucket,
// then each mission), dropping the entries that no longer belong (in picks
// the ones that do).
func (s *Store) queuedMissions(ctx context.Context, field string, in func(*models.Mission) bool) ([]models.Mission, error) {
	ids := make([]string, 0)
	for _, key := range missionQueues.keys() {
		var doc missionQueueBucket
		if err := s.findByKey(ctx, jobListsCol, key, nil, &doc); err != nil && err != ErrNotFound {
			return nil, err
		}
		for id := range map[string]map[string]bool{"submitted": doc.Submitted, "revisions": doc.Revisions}[field] {
			ids = append(ids, id)
		}
	}
	all, err := byIDs[models.Mission](ctx, s, "missions", ids)
	if err != nil {
		return nil, err
	}
	out := all[:0]
	for i := range all {
		if in(&all[i]) {
			out = append(out, all[i])
			continue
		}
		// Stale (a crash between two writes): put it in step. A change
		// made since is written after its own entry, so the next read
		// agrees with it.
		if err := s.listMissionQueues(ctx, &all[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// submittedFromQueue answers Missions for the admin's queue of submitted
// missions (every organisation) from the queue list; ok is false for any
// other filter.
func (s *Store) submittedFromQueue(ctx context.Context, f MissionFilter, sortField string, skip, limit int64) (out []models.Mission, total int64, ok bool, err error) {
	less := missionOrder(sortField)
	if less == nil || f.OrgID != "" || f.IDs != nil || len(f.Statuses) != 1 || f.Statuses[0] != models.MissionSubmitted {
		return nil, 0, false, nil
	}
	all, err := s.queuedMissions(ctx, "submitted", inSubmittedQueue)
	if err != nil {
		return nil, 0, true, err
	}
	if f.NotSuspended {
		all = slices.DeleteFunc(all, func(m models.Mission) bool { return m.OrgSuspended })
	}
	slices.SortStableFunc(all, less)
	end := len(all)
	if limit > 0 {
		end = min(int(skip+limit), len(all))
	}
	return all[min(int(skip), len(all)):end], int64(len(all)), true, nil
}

// MissionsWithPendingRevision lists published missions whose revision
// waits for a moderator, oldest revision first, from the queue list.
func (s *Store) MissionsWithPendingRevision(ctx context.Context, skip, limit int64) ([]models.Mission, int64, error) {
	all, err := s.queuedMissions(ctx, "revisions", inRevisionQueue)
	if err != nil {
		return nil, 0, err
	}
	sort.SliceStable(all, func(i, j int) bool {
		return all[i].Revision != nil && all[j].Revision != nil && all[i].Revision.SubmittedAt.Before(all[j].Revision.SubmittedAt)
	})
	total := int64(len(all))
	start := min(skip, total)
	end := total
	if limit > 0 {
		end = min(start+limit, total)
	}
	return all[start:end], total, nil
}

// BackfillMissionQueues lists the submitted missions and pending
// revisions written before the queue lists existed, once per database;
// v2 deletes the single document of v1 and lists them in buckets.
func (s *Store) BackfillMissionQueues(ctx context.Context, now time.Time) error {
	const key = "backfill:mission_queues:v2"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	if err := s.deleteUnbucketed(ctx, false, missionQueuesKeyV1); err != nil {
		return err
	}
	cur, err := s.missions().Find(ctx, bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "status", Value: models.MissionSubmitted}},
		bson.D{{Key: "status", Value: models.MissionPublished}, {Key: "revision_state", Value: models.RevisionPending}},
	}}}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1}, {Key: "revision_state", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	var rows []models.Mission
	if err := cur.All(ctx, &rows); err != nil {
		return mapErr(err)
	}
	for i := range rows {
		if err := s.listMissionQueues(ctx, &rows[i]); err != nil {
			return err
		}
	}
	return s.markBackfilled(ctx, key, now)
}
