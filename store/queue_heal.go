package store

import (
	"context"

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

	orgs, err := s.scanOrgQueueFields(ctx)
	if err != nil {
		return healed, err
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

	missions, err := s.scanQueuedMissions(ctx)
	if err != nil {
		return healed, err
	}
	for i := range missions {
		for _, state := range missionQueueStates(&missions[i]) {
			if err := ensure(missionQueueKind, state, missions[i].ID, missionQueueEntry(&missions[i], state)); err != nil {
				return healed, err
			}
		}
	}
	return healed, nil
}
