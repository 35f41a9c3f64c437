package store

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

func (s *Store) missions() *mongo.Collection { return s.col("missions") }
func (s *Store) shifts() *mongo.Collection   { return s.col("shifts") }

// CreateMission inserts a mission with its shifts. If the shifts cannot be
// written the mission is removed again, so nothing is half-written.
func (s *Store) CreateMission(ctx context.Context, m *models.Mission, shifts []models.Shift) error {
	if err := s.createMission(ctx, m, shifts); err != nil {
		return err
	}
	if err := s.listOrgMission(ctx, m.OrgID, m.ID); err != nil {
		return err
	}
	if m.Status == models.MissionPublished {
		if err := s.listPublished(ctx, m); err != nil {
			return err
		}
	}
	if inSubmittedQueue(m) || inRevisionQueue(m) {
		if err := s.listMissionQueues(ctx, m); err != nil {
			return err
		}
	}
	ids := make([]string, len(shifts))
	for i := range shifts {
		ids[i] = shifts[i].ID
	}
	return s.listShifts(ctx, m.ID, ids...)
}

func (s *Store) createMission(ctx context.Context, m *models.Mission, shifts []models.Shift) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.missions().InsertOne(ctx, m); err != nil {
		return mapErr(err)
	}
	if len(shifts) == 0 {
		return nil
	}
	docs := make([]any, len(shifts))
	for i := range shifts {
		docs[i] = shifts[i]
	}
	if _, err := s.shifts().InsertMany(ctx, docs); err != nil {
		_, _ = s.shifts().DeleteMany(context.WithoutCancel(ctx), bson.D{{Key: "mission_id", Value: m.ID}})
		_, _ = s.missions().DeleteOne(context.WithoutCancel(ctx), bson.D{{Key: "_id", Value: m.ID}})
		return mapErr(err)
	}
	return nil
}

// MissionByID returns a mission; callers check who may see it.
func (s *Store) MissionByID(ctx context.Context, id string) (*models.Mission, error) {
	var m models.Mission
	if err := s.missions().FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&m); err != nil {
		return nil, mapErr(err)
	}
	return &m, nil
}

// MissionInOrg returns a mission only if it belongs to orgID.
func (s *Store) MissionInOrg(ctx context.Context, orgID, id string) (*models.Mission, error) {
	var m models.Mission
	if err := s.findByKey(ctx, "missions", id, bson.D{{Key: "org_id", Value: orgID}}, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// MissionFilter selects missions.
type MissionFilter struct {
	OrgID    string
	Statuses []models.MissionStatus
	IDs      []string
	// NotSuspended leaves out the missions of suspended organisations.
	NotSuspended bool
}

func (f MissionFilter) bson() bson.D {
	filter := bson.D{}
	if f.OrgID != "" {
		filter = append(filter, bson.E{Key: "org_id", Value: f.OrgID})
	}
	if len(f.Statuses) == 1 {
		filter = append(filter, bson.E{Key: "status", Value: f.Statuses[0]})
	} else if len(f.Statuses) > 1 {
		filter = append(filter, bson.E{Key: "status", Value: bson.D{{Key: "$in", Value: f.Statuses}}})
	}
	if f.IDs != nil {
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$in", Value: f.IDs}}})
	}
	if f.NotSuspended {
		filter = append(filter, bson.E{Key: "org_suspended", Value: bson.D{{Key: "$ne", Value: true}}})
	}
	return filter
}

// Missions lists missions matching f, sorted by sortField ascending (a
// leading "-" for descending), with paging.
// A filter naming an organisation is answered from its list by key.
func (s *Store) Missions(ctx context.Context, f MissionFilter, sortField string, skip, limit int64) ([]models.Mission, int64, error) {
	if out, total, ok, err := s.missionsFromOrgList(ctx, f, sortField, skip, limit); ok {
		return out, total, err
	}
	if out, total, ok, err := s.submittedFromQueue(ctx, f, sortField, skip, limit); ok {
		return out, total, err
	}
	filter := f.bson()
	total, err := s.missions().CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	dir := 1
	if len(sortField) > 0 && sortField[0] == '-' {
		dir, sortField = -1, sortField[1:]
	}
	opts := options.Find().SetSort(bson.D{{Key: sortField, Value: dir}, {Key: "_id", Value: dir}}).SetSkip(skip)
	if limit > 0 {
		opts.SetLimit(limit)
	}
	cur, err := s.missions().Find(ctx, filter, opts)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	out := []models.Mission{}
	if err := cur.All(ctx, &out); err != nil {
		return nil, 0, mapErr(err)
	}
	return out, total, nil
}

// MissionFields are a mission's editable fields, validated by models.
type MissionFields = models.Mission

// UpdateMissionContent writes the editable fields of m (already validated)
// and, when the substance changed on a published mission, sends it back to
// submitted — in one conditional update on the status read before.
func (s *Store) UpdateMissionContent(ctx context.Context, before *models.Mission, m *models.Mission, now time.Time) (*models.Mission, error) {
	set := bson.D{
		{Key: "title", Value: m.Title}, {Key: "description", Value: m.Description},
		{Key: "category", Value: m.Category}, {Key: "skills", Value: m.Skills}, {Key: "tags", Value: m.Tags},
		{Key: "languages", Value: m.Languages}, {Key: "remote", Value: m.Remote},
		{Key: "address", Value: m.Address}, {Key: "postcode", Value: m.Postcode}, {Key: "city", Value: m.City},
		{Key: "lat", Value: m.Lat}, {Key: "lon", Value: m.Lon}, {Key: "time_zone", Value: m.TimeZone}, {Key: "min_age", Value: m.MinAge},
		{Key: "requires_vetting", Value: m.RequiresVetting}, {Key: "urgent", Value: m.Urgent},
		{Key: "auto_accept", Value: m.AutoAccept}, {Key: "accessibility_notes", Value: m.AccessibilityNotes},
		{Key: "status", Value: m.Status}, {Key: "updated_at", Value: now},
	}
	if m.Status == models.MissionSubmitted && before.Status != models.MissionSubmitted {
		set = append(set, bson.E{Key: "submitted_at", Value: now})
	}
	update := bson.D{{Key: "$set", Value: set}}
	if before.RevisionID != "" {
		// A direct edit (of a mission not online) makes an older revision
		// stale: approving it later would undo this edit.
		update = append(update, revisionUnset)
	}
	return s.updateMission(ctx,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "org_id", Value: before.OrgID}, {Key: "status", Value: before.Status}},
		update, before.ID)
}

func (s *Store) updateMission(ctx context.Context, filter, update bson.D, id string) (*models.Mission, error) {
	var m models.Mission
	err := s.updateByKey(ctx, "missions", id, withoutKey(filter), update, &m)
	if err == ErrNotFound {
		if _, cerr := s.MissionByID(ctx, id); cerr != nil {
			return nil, cerr
		}
		return nil, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	// Revisions (and direct edits dropping one) move the mission in the
	// revision queue.
	if err := s.listMissionQueues(ctx, &m); err != nil {
		return &m, err
	}
	return &m, nil
}

// TransitionMission moves a mission from one of from to to in one
// conditional update. When its state is not one of from, it returns
// ErrConflict with the mission as it is.
func (s *Store) TransitionMission(ctx context.Context, id string, from []models.MissionStatus, to models.MissionStatus, reason string, now time.Time, extra ...bson.E) (*models.Mission, error) {
	set := bson.D{{Key: "status", Value: to}, {Key: "status_reason", Value: reason}, {Key: "updated_at", Value: now}}
	switch to {
	case models.MissionSubmitted:
		set = append(set, bson.E{Key: "submitted_at", Value: now})
	case models.MissionPublished:
		set = append(set, bson.E{Key: "published_at", Value: now}, bson.E{Key: "moderated_at", Value: now},
			bson.E{Key: "unpublished_by_suspension", Value: false})
	case models.MissionRejected:
		set = append(set, bson.E{Key: "moderated_at", Value: now})
	case models.MissionClosed, models.MissionCancelled:
		set = append(set, bson.E{Key: "closed_at", Value: now})
	}
	set = append(set, extra...)
	var m models.Mission
	err := s.updateByKey(ctx, "missions", id, bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: from}}}},
		bson.D{{Key: "$set", Value: set}}, &m)
	if err == ErrNotFound {
		cur, cerr := s.MissionByID(ctx, id)
		if cerr != nil {
			return nil, cerr
		}
		return cur, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	if to == models.MissionPublished || slices.Contains(from, models.MissionPublished) {
		if err := s.listPublished(ctx, &m); err != nil {
			return &m, err
		}
	}
	if err := s.listMissionQueues(ctx, &m); err != nil {
		return &m, err
	}
	return &m, nil
}

// MarkUnpublishedBySuspension flags a mission taken down with its
// organisation.
func (s *Store) MarkUnpublishedBySuspension(ctx context.Context, id string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.missions().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "unpublished_by_suspension", Value: true}}}})
	return mapErr(err)
}

// MarkOrgSuspended flags (or clears) every mission of an organisation as
// belonging to a suspended one. An admin's action, not a request path: it
// may scan.
func (s *Store) MarkOrgSuspended(ctx context.Context, orgID string, suspended bool) error {
	update := bson.D{{Key: "$set", Value: bson.D{{Key: "org_suspended", Value: true}}}}
	if !suspended {
		update = bson.D{{Key: "$unset", Value: bson.D{{Key: "org_suspended", Value: ""}}}}
	}
	if _, err := s.updateEach(ctx, "missions", bson.D{{Key: "org_id", Value: orgID}}, update); err != nil {
		return mapErr(err)
	}
	return s.relistOrgMissions(ctx, orgID)
}

// MissionsUnpublishedBySuspension lists an organisation's missions taken
// down by its suspension.
func (s *Store) MissionsUnpublishedBySuspension(ctx context.Context, orgID string) ([]models.Mission, error) {
	cur, err := s.missions().Find(ctx, bson.D{{Key: "org_id", Value: orgID}, {Key: "unpublished_by_suspension", Value: true}})
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Mission{}
	return out, mapErr(cur.All(ctx, &out))
}

// DeleteMission removes a mission in one of the given states (drafts) and
// its shifts: the mission by a conditional delete (on the embedded store,
// checked by key under the write lock), its shifts by key from
// mission_shifts, so nothing is scanned under the lock.
func (s *Store) DeleteMission(ctx context.Context, orgID, id string, states []models.MissionStatus) error {
	cond := bson.D{{Key: "org_id", Value: orgID}, {Key: "status", Value: bson.D{{Key: "$in", Value: states}}}}
	shiftIDs, err := s.shiftIDsOf(ctx, id)
	if err != nil {
		return err
	}
	if s.writeMu == nil {
		res, err := s.missions().DeleteOne(ctx, append(bson.D{{Key: "_id", Value: id}}, cond...))
		if err != nil {
			return mapErr(err)
		}
		if res.DeletedCount == 0 {
			return ErrConflict
		}
		if _, err := s.shifts().DeleteMany(ctx, bson.D{{Key: "mission_id", Value: id}}); err != nil {
			return mapErr(err)
		}
	} else {
		deleted, err := s.deleteOneIf(ctx, "missions", id, cond)
		if err != nil {
			return err
		}
		if !deleted {
			return ErrConflict
		}
		for _, sh := range shiftIDs {
			if _, err := s.deleteOneIf(ctx, "shifts", sh, bson.D{{Key: "mission_id", Value: id}}); err != nil {
				return err
			}
		}
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err = s.col(missionShiftsCol).DeleteOne(ctx, bson.D{{Key: "_id", Value: id}}); err != nil {
		return mapErr(err)
	}
	_, err = s.col(orgMissionsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: orgID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "ids", Value: id}}}})
	return mapErr(err)
}

// SetLastShiftEnd records when a mission's last shift ends.
func (s *Store) SetLastShiftEnd(ctx context.Context, id string, end time.Time) error {
	var m models.Mission
	if err := s.updateByKey(ctx, "missions", id, nil, bson.D{{Key: "$set", Value: bson.D{{Key: "last_shift_end", Value: end}}}}, &m); err != nil {
		return err
	}
	if m.Status == models.MissionPublished {
		return s.listPublished(ctx, &m)
	}
	return nil
}

// CountMissions counts missions by status, and by category among published.
func (s *Store) CountMissions(ctx context.Context) (byStatus, byCategory map[string]int64, err error) {
	byStatus, err = s.countBy(ctx, "missions", "status", nil)
	if err != nil {
		return nil, nil, err
	}
	byCategory, err = s.countBy(ctx, "missions", "category", nil)
	return byStatus, byCategory, err
}

// ModerationTimes returns, for moderated missions, submission and
// moderation times, and publication times, for statistics.
func (s *Store) ModeratedMissions(ctx context.Context, since time.Time) ([]models.Mission, error) {
	cur, err := s.missions().Find(ctx, bson.D{{Key: "moderated_at", Value: bson.D{{Key: "$gte", Value: since}}}})
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Mission{}
	return out, mapErr(cur.All(ctx, &out))
}

// StampMission records that a mission changed, for other instances'
// index pollers.
func (s *Store) StampMission(ctx context.Context, id string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	// updated_at moves too: for partners' feeds, new places are news.
	_, err = s.missions().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{{Key: "$set", Value: bson.D{{Key: "index_stamp", Value: now}, {Key: "updated_at", Value: now}}}})
	return mapErr(err)
}

// MissionIDsStampedSince lists the missions changed at or after since.
func (s *Store) MissionIDsStampedSince(ctx context.Context, since time.Time) ([]string, error) {
	cur, err := s.missions().Find(ctx, bson.D{{Key: "index_stamp", Value: bson.D{{Key: "$gte", Value: since}}}})
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	return ids, nil
}
