package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// revisionUnset removes a mission's revision.
var revisionUnset = bson.E{Key: "$unset", Value: bson.D{{Key: "revision", Value: ""}, {Key: "revision_id", Value: ""}, {Key: "revision_state", Value: ""}}}

// sameRevision matches a mission whose revision is still the one read in
// before (or still none), so that two concurrent edits cannot overwrite
// each other unseen.
func sameRevision(before *models.Mission) bson.E {
	if before.RevisionID == "" {
		return bson.E{Key: "revision_id", Value: bson.D{{Key: "$exists", Value: false}}}
	}
	return bson.E{Key: "revision_id", Value: before.RevisionID}
}

// SetMissionRevision records rev as the published mission's revision,
// replacing the one read in before. It fails with ErrConflict when the
// mission left the published state or its revision changed meanwhile.
func (s *Store) SetMissionRevision(ctx context.Context, before *models.Mission, rev *models.MissionRevision) (*models.Mission, error) {
	return s.updateMission(ctx,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "org_id", Value: before.OrgID}, {Key: "status", Value: models.MissionPublished}, sameRevision(before)},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revision", Value: rev}, {Key: "revision_id", Value: rev.ID}, {Key: "revision_state", Value: rev.State}}}},
		before.ID)
}

// ClearMissionRevision drops the revision read in before (an edit that
// brings the content back to the published version).
func (s *Store) ClearMissionRevision(ctx context.Context, before *models.Mission) (*models.Mission, error) {
	return s.updateMission(ctx,
		bson.D{{Key: "_id", Value: before.ID}, {Key: "org_id", Value: before.OrgID}, sameRevision(before)},
		bson.D{revisionUnset}, before.ID)
}

// ApplyMissionRevision publishes the pending revision revID of a published
// mission: its content replaces the live one and the revision is removed,
// in one conditional update.
func (s *Store) ApplyMissionRevision(ctx context.Context, id, revID string, content models.MissionContent, now time.Time) (*models.Mission, error) {
	set := append(contentSet(content), bson.E{Key: "updated_at", Value: now}, bson.E{Key: "moderated_at", Value: now})
	return s.updateMission(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "status", Value: models.MissionPublished}, {Key: "revision_id", Value: revID}, {Key: "revision_state", Value: models.RevisionPending}},
		bson.D{{Key: "$set", Value: set}, revisionUnset}, id)
}

// RejectMissionRevision marks the pending revision revID rejected, with
// the moderator's reason; the published version is untouched.
func (s *Store) RejectMissionRevision(ctx context.Context, id string, rev models.MissionRevision, reason string, now time.Time) (*models.Mission, error) {
	rev.State, rev.Reason, rev.DecidedAt = models.RevisionRejected, reason, &now
	return s.updateMission(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "revision_id", Value: rev.ID}, {Key: "revision_state", Value: models.RevisionPending}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "revision", Value: rev}, {Key: "revision_state", Value: models.RevisionRejected}}}}, id)
}

func contentSet(c models.MissionContent) bson.D {
	return bson.D{
		{Key: "title", Value: c.Title}, {Key: "description", Value: c.Description},
		{Key: "category", Value: c.Category}, {Key: "skills", Value: c.Skills}, {Key: "tags", Value: c.Tags},
		{Key: "languages", Value: c.Languages}, {Key: "remote", Value: c.Remote},
		{Key: "address", Value: c.Address}, {Key: "postcode", Value: c.Postcode}, {Key: "city", Value: c.City},
		{Key: "lat", Value: c.Lat}, {Key: "lon", Value: c.Lon}, {Key: "time_zone", Value: c.TimeZone}, {Key: "min_age", Value: c.MinAge},
		{Key: "requires_vetting", Value: c.RequiresVetting}, {Key: "urgent", Value: c.Urgent},
		{Key: "auto_accept", Value: c.AutoAccept}, {Key: "accessibility_notes", Value: c.AccessibilityNotes},
	}
}
