package store

import (
	"context"
	"maps"
	"slices"
	"sort"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// job_lists holds the small per-state lists that the per-minute jobs read
// by key instead of filtering the whole applications collection, each
// split into buckets (list_buckets.go):
//
//   - "open_offers#NN": {offers: {application id: offer deadline}}, the
//     waiting-list offers awaiting an answer (ExpireOffers);
//   - "waitlisted_shifts#NN": {shifts: {shift id: true}}, the shifts that
//     may have a waiting list (FillWaitlists);
//   - "published_missions#NN": {ends: {mission id: end of its last
//     shift}}, the published missions, for closing them once ended
//     (auto-close).
//
// They are kept in step where an application's state changes (every change
// goes through listShiftApplication), with $set/$unset of one field, which
// is idempotent; the jobs drop the entries they find stale, so a crash
// between two writes heals at the next run. They hold open offers and
// shifts with a waiting list: a small part of the data, bounded by the
// places being filled right now, not by the years of applications.
const jobListsCol = "job_lists"

// The keys of the lists before they were split (backfill:job_lists:v4 and
// earlier wrote them); the backfill that builds the buckets deletes them.
const (
	openOffersKeyV4       = "open_offers"
	waitlistedShiftsKeyV4 = "waitlisted_shifts"
	publishedKeyV4        = "published_missions"
)

type jobLists struct {
	ID     string               `bson:"_id"`
	Offers map[string]time.Time `bson:"offers,omitempty"`
	Shifts map[string]bool      `bson:"shifts,omitempty"`
	Ends   map[string]time.Time `bson:"ends,omitempty"`
}

// listJobState records a (now in a.Status, before in from) in the job
// lists: an offer opened or ended, a shift that now has a waiting list.
func (s *Store) listJobState(ctx context.Context, a *models.Application, from models.ApplicationStatus) error {
	switch {
	case a.Status == models.ApplicationOffered && a.OfferExpiresAt != nil:
		if err := s.setListEntry(ctx, openOffers, a.ID, a.OfferExpiresAt.UTC()); err != nil {
			return err
		}
	case from == models.ApplicationOffered:
		if err := s.setListEntry(ctx, openOffers, a.ID, nil); err != nil {
			return err
		}
	}
	if err := s.listOrgPending(ctx, a, from); err != nil {
		return err
	}
	if err := s.listReminderState(ctx, a, from); err != nil {
		return err
	}
	if a.Status == models.ApplicationWaitlisted {
		return s.setListEntry(ctx, waitlistedShifts, a.ShiftID, true)
	}
	return nil
}

// org_pending lists each organisation's applications awaiting its answer
// ({_id: org id, ids}), for the count on its to-do page: one key read
// instead of a filter on every application. An application enters when it
// becomes pending and leaves with its answer ($addToSet, $pull: idempotent).
const orgPendingCol = "org_pending"

func (s *Store) listOrgPending(ctx context.Context, a *models.Application, from models.ApplicationStatus) error {
	var update bson.D
	switch {
	case a.OrgID == "":
		return nil
	case a.Status == models.ApplicationPending:
		update = bson.D{{Key: "$addToSet", Value: bson.D{{Key: "ids", Value: a.ID}}}}
	case from == models.ApplicationPending:
		update = bson.D{{Key: "$pull", Value: bson.D{{Key: "ids", Value: a.ID}}}}
	default:
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(orgPendingCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: a.OrgID}}, update, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// CountPendingApplicationsOfOrg counts the applications awaiting orgID's
// answer: one key read.
func (s *Store) CountPendingApplicationsOfOrg(ctx context.Context, orgID string) (int64, error) {
	var doc struct {
		IDs []string `bson:"ids"`
	}
	err := s.findByKey(ctx, orgPendingCol, orgID, nil, &doc)
	if err == ErrNotFound {
		return 0, nil
	}
	return int64(len(doc.IDs)), err
}

// jobList reads every bucket of l by key and merges them.
func (s *Store) jobList(ctx context.Context, l bucketedList) (*jobLists, error) {
	out := &jobLists{ID: l.name, Offers: map[string]time.Time{}, Shifts: map[string]bool{}, Ends: map[string]time.Time{}}
	for _, key := range l.keys() {
		var doc jobLists
		err := s.findByKey(ctx, jobListsCol, key, nil, &doc)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		maps.Copy(out.Offers, doc.Offers)
		maps.Copy(out.Shifts, doc.Shifts)
		maps.Copy(out.Ends, doc.Ends)
	}
	return out, nil
}

// LapsedOffers lists offers whose deadline passed at now, earliest first,
// up to limit: one key read per bucket of the list, one per lapsed offer. Entries
// whose application is no longer an offer are dropped.
func (s *Store) LapsedOffers(ctx context.Context, now time.Time, limit int64) ([]models.Application, error) {
	doc, err := s.jobList(ctx, openOffers)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0)
	for id, exp := range doc.Offers {
		if !exp.After(now) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return doc.Offers[ids[i]].Before(doc.Offers[ids[j]]) })
	out := []models.Application{}
	for _, id := range ids {
		if int64(len(out)) >= limit {
			break
		}
		a, err := s.ApplicationByID(ctx, id)
		if err != nil && err != ErrNotFound {
			return nil, err
		}
		if err == nil && a.Status == models.ApplicationOffered && a.OfferExpiresAt != nil && !a.OfferExpiresAt.After(now) {
			out = append(out, *a)
			continue
		}
		if err := s.dropStaleOffer(ctx, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// dropStaleOffer removes an entry whose application is no longer an open
// offer, then looks again: an offer made again meanwhile (whose own write
// may have come before this removal) is put back.
func (s *Store) dropStaleOffer(ctx context.Context, id string) error {
	if err := s.setListEntry(ctx, openOffers, id, nil); err != nil {
		return err
	}
	a, err := s.ApplicationByID(ctx, id)
	if err == ErrNotFound {
		return nil
	}
	if err != nil {
		return err
	}
	if a.Status == models.ApplicationOffered && a.OfferExpiresAt != nil {
		return s.setListEntry(ctx, openOffers, id, a.OfferExpiresAt.UTC())
	}
	return nil
}

// WaitlistedShiftIDs lists the shifts of waitlisted_shifts, which may have
// a waiting list: one key read per bucket.
func (s *Store) WaitlistedShiftIDs(ctx context.Context) ([]string, error) {
	doc, err := s.jobList(ctx, waitlistedShifts)
	if err != nil {
		return nil, err
	}
	return slices.Collect(maps.Keys(doc.Shifts)), nil
}

// UnlistWaitlistedShift takes a shift off waitlisted_shifts: one that has
// begun (no place is offered on it any more) or is gone.
func (s *Store) UnlistWaitlistedShift(ctx context.Context, shiftID string) error {
	return s.setListEntry(ctx, waitlistedShifts, shiftID, nil)
}

// listPublished records a mission's place in published_missions: listed
// with the end of its last shift while published, removed otherwise.
func (s *Store) listPublished(ctx context.Context, m *models.Mission) error {
	if m.Status == models.MissionPublished {
		return s.setListEntry(ctx, publishedMissions, m.ID, m.LastShiftEnd.UTC())
	}
	return s.setListEntry(ctx, publishedMissions, m.ID, nil)
}

// EndedPublishedMissions returns the published missions whose last shift
// ended at or before now: one key read per bucket of the list, one per mission
// ended. Entries found stale (the mission left published, or its end
// moved) are put in step.
func (s *Store) EndedPublishedMissions(ctx context.Context, now time.Time) ([]models.Mission, error) {
	doc, err := s.jobList(ctx, publishedMissions)
	if err != nil {
		return nil, err
	}
	out := []models.Mission{}
	for id, end := range doc.Ends {
		if end.After(now) {
			continue
		}
		m, err := s.MissionByID(ctx, id)
		if err == ErrNotFound {
			if err := s.setListEntry(ctx, publishedMissions, id, nil); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, err
		}
		if m.Status == models.MissionPublished && !m.LastShiftEnd.After(now) {
			out = append(out, *m)
			continue
		}
		// Put the entry in step, then look again: a change written
		// meanwhile (whose own entry may have come before this one) wins.
		if err := s.listPublished(ctx, m); err != nil {
			return nil, err
		}
		if again, err := s.MissionByID(ctx, id); err == nil && (again.Status != m.Status || !again.LastShiftEnd.Equal(m.LastShiftEnd)) {
			if err := s.listPublished(ctx, again); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// BackfillJobLists writes job_lists from the applications and missions once per
// database (recorded in meta): offers and waiting lists made before these
// lists existed, or written by a bulk load. Idempotent. v5 splits the lists
// into buckets: it deletes the single documents of v4 and builds the
// buckets from the records.
func (s *Store) BackfillJobLists(ctx context.Context, now time.Time) error {
	return s.backfillJobLists(ctx, now, nil)
}

// jobListStatuses are the states of the applications job lists follow.
var jobListStatuses = []models.ApplicationStatus{models.ApplicationOffered, models.ApplicationWaitlisted, models.ApplicationPending, models.ApplicationAccepted}

func (s *Store) backfillJobLists(ctx context.Context, now time.Time, src *bulkSource) error {
	const key = "backfill:job_lists:v5"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	if err := s.deleteUnbucketed(ctx, true, openOffersKeyV4, waitlistedShiftsKeyV4, publishedKeyV4, pendingHoursKeyV4); err != nil {
		return err
	}
	var apps []models.Application
	if src != nil {
		for i := range src.apps {
			if slices.Contains(jobListStatuses, src.apps[i].Status) {
				apps = append(apps, src.apps[i])
			}
		}
	} else {
		var err error
		apps, err = s.findApplications(ctx,
			bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: jobListStatuses}}}},
			options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1}, {Key: "shift_id", Value: 1}, {Key: "org_id", Value: 1},
				{Key: "offer_expires_at", Value: 1}, {Key: "created_at", Value: 1}, {Key: "shift_start", Value: 1}, {Key: "reminders", Value: 1}}))
		if err != nil {
			return err
		}
	}
	// Grouped: one write per bucket, not one per application; a shift
	// with several waitlisted applications is set once.
	lists, pending := newBucketSets(), map[string][]string{}
	for _, a := range apps {
		switch {
		case a.Status == models.ApplicationOffered && a.OfferExpiresAt != nil:
			lists.set(openOffers.key(a.ID), openOffers.field, a.ID, a.OfferExpiresAt.UTC())
		case a.Status == models.ApplicationWaitlisted:
			lists.set(waitlistedShifts.key(a.ShiftID), waitlistedShifts.field, a.ShiftID, true)
		case a.Status == models.ApplicationPending && a.OrgID != "":
			pending[a.OrgID] = append(pending[a.OrgID], a.ID)
		}
	}
	orgs := s.newKeyBatch(orgPendingCol)
	for orgID, ids := range pending {
		doc := bson.D{{Key: "_id", Value: orgID}, {Key: "ids", Value: ids}}
		err := orgs.add(ctx, doc, func(ctx context.Context) error {
			return s.addToIDList(ctx, orgPendingCol, orgID, ids...)
		})
		if err != nil {
			return err
		}
	}
	if err := orgs.flush(ctx); err != nil {
		return err
	}
	if err := s.backfillReminderLists(ctx, apps, now); err != nil {
		return err
	}
	cur, err := s.missions().Find(ctx, bson.D{{Key: "status", Value: models.MissionPublished}},
		options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}, {Key: "status", Value: 1}, {Key: "last_shift_end", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	var published []models.Mission
	if err := cur.All(ctx, &published); err != nil {
		return mapErr(err)
	}
	for _, m := range published {
		lists.set(publishedMissions.key(m.ID), publishedMissions.field, m.ID, m.LastShiftEnd.UTC())
	}
	if err := s.writeBucketSets(ctx, lists); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}
