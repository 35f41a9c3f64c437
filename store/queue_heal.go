package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// HealQueueLists puts back the queue entries a crash lost: a record is
// written before its entry, so a crash in between leaves an organisation
// waiting for verification, a report or a submitted mission that no
// admin's queue shows, and nobody would ever answer it. It scans the
// organisations, the reports and the missions in a queue's state (off the
// request path, without the write lock) and adds each missing entry with
// the same one-field $set as the writes; it never removes one (an entry
// found stale is put in step by the page that reads it, queuePage), so a
// write made during the scan is never undone. It reports how many entries
// it added.
func (s *Store) HealQueueLists(ctx context.Context) (int, error) {
	healed := 0
	ensure := func(kind, state, id string, e queueEntry) error {
		var doc queueList
		err := s.findByKey(ctx, queueListsCol, queueKey(kind, state, id), nil, &doc)
		if err != nil && err != ErrNotFound {
			return err
		}
		if _, ok := doc.Entries[id]; ok {
			return nil
		}
		healed++
		return s.setQueueEntry(ctx, kind, state, id, e)
	}

	cur, err := s.orgs().Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1},
		{Key: "name", Value: 1}, {Key: "created_at", Value: 1}, {Key: "identity_change", Value: 1}, {Key: "identity_state", Value: 1}}))
	if err != nil {
		return healed, mapErr(err)
	}
	var orgs []models.Organization
	if err := cur.All(ctx, &orgs); err != nil {
		return healed, mapErr(err)
	}
	for i := range orgs {
		o := &orgs[i]
		if err := ensure(orgQueueKind, string(o.Status), o.ID, orgEntry(o)); err != nil {
			return healed, err
		}
		if ch, ok := o.PendingIdentity(); ok {
			if err := ensure(identityQueueKind, identityPending, o.ID, queueEntry{At: ch.RequestedAt}); err != nil {
				return healed, err
			}
		}
	}

	reports, err := s.scanReports(ctx, models.ReportOpen)
	if err != nil {
		return healed, err
	}
	for _, r := range reports {
		if err := ensure(reportQueueKind, string(r.Status), r.ID, queueEntry{At: r.CreatedAt}); err != nil {
			return healed, err
		}
	}

	cur, err = s.missions().Find(ctx, bson.D{{Key: "$or", Value: bson.A{
		bson.D{{Key: "status", Value: models.MissionSubmitted}},
		bson.D{{Key: "status", Value: models.MissionPublished}, {Key: "revision_state", Value: models.RevisionPending}},
	}}}, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1}, {Key: "revision_state", Value: 1},
		{Key: "submitted_at", Value: 1}, {Key: "revision", Value: 1}, {Key: "org_suspended", Value: 1}}))
	if err != nil {
		return healed, mapErr(err)
	}
	var missions []models.Mission
	if err := cur.All(ctx, &missions); err != nil {
		return healed, mapErr(err)
	}
	for i := range missions {
		m := &missions[i]
		for _, q := range []struct {
			state string
			in    bool
		}{{submittedQueue, inSubmittedQueue(m)}, {revisionQueue, inRevisionQueue(m)}} {
			if q.in {
				if err := ensure(missionQueueKind, q.state, m.ID, missionQueueEntry(m, q.state)); err != nil {
					return healed, err
				}
			}
		}
	}
	return healed, nil
}
