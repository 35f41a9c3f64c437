package store

import (
	"context"
	"fmt"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The admin's mission queues (submitted missions, published missions with
// a revision to moderate) are lists of queue_lists (queue_lists.go), kind
// "missions", states "submitted" and "revision": each entry holds what
// orders and filters the queue (when the mission or its revision was
// submitted, whether its organisation is suspended), so a page is one key
// read per bucket plus one per mission shown, however long the queue.
// They are kept in step wherever a mission's state, revision or
// organisation's suspension changes (listMissionQueues); an entry found
// stale on reading is put in step then.
const (
	missionQueueKind = "missions"
	submittedQueue   = "submitted"
	revisionQueue    = "revision"
)

// missionQueuesKeyV1 is the single document of backfill:mission_queues:v1
// and missionQueueBucketsV2 the buckets of v2, in job_lists; v3 deletes
// them.
const missionQueuesKeyV1 = "mission_queues"

func missionQueueBucketsV2() []string {
	out := make([]string, 8)
	for i := range out {
		out[i] = fmt.Sprintf("mission_queues#%02d", i)
	}
	return out
}

func inSubmittedQueue(m *models.Mission) bool { return m.Status == models.MissionSubmitted }

func inRevisionQueue(m *models.Mission) bool {
	return m.Status == models.MissionPublished && m.RevisionState == models.RevisionPending && m.Revision != nil
}

// missionQueueEntry is m's entry in the queue of state.
func missionQueueEntry(m *models.Mission, state string) queueEntry {
	at := timeOrZero(m.SubmittedAt)
	if state == revisionQueue && m.Revision != nil {
		at = m.Revision.SubmittedAt
	}
	return queueEntry{At: at.UTC().Truncate(time.Millisecond), OrgSuspended: m.OrgSuspended}
}

// missionQueueStates are the queues m belongs in (none, or one).
func missionQueueStates(m *models.Mission) []string {
	switch {
	case inSubmittedQueue(m):
		return []string{submittedQueue}
	case inRevisionQueue(m):
		return []string{revisionQueue}
	}
	return nil
}

// listMissionQueues puts m's entries in the queues in step with m as
// written.
func (s *Store) listMissionQueues(ctx context.Context, m *models.Mission) error {
	in := missionQueueStates(m)
	for _, state := range []string{submittedQueue, revisionQueue} {
		var err error
		if slices.Contains(in, state) {
			err = s.setQueueEntry(ctx, missionQueueKind, state, m.ID, missionQueueEntry(m, state))
		} else {
			err = s.unsetQueueEntry(ctx, missionQueueKind, state, m.ID)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// missionQueuePage is one page of the queue of state, oldest first,
// without the missions of suspended organisations when notSuspended, and
// the queue's length.
func (s *Store) missionQueuePage(ctx context.Context, state string, notSuspended bool, skip, limit int64) ([]models.Mission, int64, error) {
	in := inSubmittedQueue
	if state == revisionQueue {
		in = inRevisionQueue
	}
	v := queueView[models.Mission]{kind: missionQueueKind, col: "missions", states: []string{state},
		id: func(m *models.Mission) string { return m.ID },
		belongs: func(m *models.Mission, state string, e queuedIn) bool {
			want := missionQueueEntry(m, state)
			return in(m) && want.At.Equal(e.At) && want.OrgSuspended == e.OrgSuspended
		},
		fix: func(ctx context.Context, id, state string, m *models.Mission) error {
			if m == nil {
				return s.unsetQueueEntry(ctx, missionQueueKind, state, id)
			}
			return s.listMissionQueues(ctx, m)
		}}
	if notSuspended {
		v.keep = func(e queued) bool { return !e.OrgSuspended }
	}
	return queuePage(ctx, s, v, skip, limit)
}

// submittedFromQueue answers Missions for the admin's queue of submitted
// missions (every organisation) from the queue list; ok is false for any
// other filter.
func (s *Store) submittedFromQueue(ctx context.Context, f MissionFilter, sortField string, skip, limit int64) (out []models.Mission, total int64, ok bool, err error) {
	less := missionOrder(sortField)
	if less == nil || f.OrgID != "" || f.IDs != nil || len(f.Statuses) != 1 || f.Statuses[0] != models.MissionSubmitted {
		return nil, 0, false, nil
	}
	if sortField == "submitted_at" {
		// The list's own order: only the page is read.
		out, total, err = s.missionQueuePage(ctx, submittedQueue, f.NotSuspended, skip, limit)
		return out, total, true, err
	}
	all, _, err := s.missionQueuePage(ctx, submittedQueue, f.NotSuspended, 0, 0)
	if err != nil {
		return nil, 0, true, err
	}
	slices.SortStableFunc(all, less)
	return pageOf(all, skip, limit), int64(len(all)), true, nil
}

// MissionsWithPendingRevision lists published missions whose revision
// waits for a moderator, oldest revision first, from the queue list.
func (s *Store) MissionsWithPendingRevision(ctx context.Context, skip, limit int64) ([]models.Mission, int64, error) {
	return s.missionQueuePage(ctx, revisionQueue, false, skip, limit)
}

// relistOrgMissions puts the queue entries of an organisation's missions in
// step after its suspension changed: its list of missions, then each by
// key (an admin's action, a few dozen reads).
func (s *Store) relistOrgMissions(ctx context.Context, orgID string) error {
	var doc orgMissions
	if err := s.findByKey(ctx, orgMissionsCol, orgID, nil, &doc); err != nil && err != ErrNotFound {
		return err
	}
	missions, err := byIDs[models.Mission](ctx, s, "missions", doc.IDs)
	if err != nil {
		return err
	}
	for i := range missions {
		if inSubmittedQueue(&missions[i]) || inRevisionQueue(&missions[i]) {
			if err := s.listMissionQueues(ctx, &missions[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// BackfillMissionQueues lists the submitted missions and pending
// revisions written before the queue lists existed, once per database (and
// again after a bulk load); v3 deletes the job_lists documents of v1 and v2
// and writes queue_lists whole.
func (s *Store) BackfillMissionQueues(ctx context.Context, now time.Time) error {
	const key = "backfill:mission_queues:v3"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	if err := s.deleteUnbucketed(ctx, false, append(missionQueueBucketsV2(), missionQueuesKeyV1)...); err != nil {
		return err
	}
	rows, err := s.scanQueuedMissions(ctx)
	if err != nil {
		return err
	}
	lists := map[string]map[string]queueEntry{submittedQueue: {}, revisionQueue: {}}
	for i := range rows {
		for _, state := range missionQueueStates(&rows[i]) {
			lists[state][rows[i].ID] = missionQueueEntry(&rows[i], state)
		}
	}
	if err := s.rebuildQueues(ctx, missionQueueKind, []string{submittedQueue, revisionQueue}, lists); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}

// scanQueuedMissions reads the missions in a queue's state with the fields
// their entries need (a scan: the backfill and the heal).
func (s *Store) scanQueuedMissions(ctx context.Context) ([]models.Mission, error) {
	cur, err := s.missions().Find(ctx, bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "status", Value: models.MissionSubmitted}},
		bson.D{{Key: "status", Value: models.MissionPublished}, {Key: "revision_state", Value: models.RevisionPending}},
	}}}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1}, {Key: "revision_state", Value: 1},
		{Key: "submitted_at", Value: 1}, {Key: "revision", Value: 1}, {Key: "org_suspended", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []models.Mission
	return rows, mapErr(cur.All(ctx, &rows))
}
