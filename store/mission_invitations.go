package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// ErrLimit means a quota refused the write.
var ErrLimit = errorString("store: limit reached")

type errorString string

func (e errorString) Error() string { return string(e) }

// InviteVolunteer records an invitation unless the volunteer was already
// invited to this mission (ErrConflict) or received the monthly maximum
// since since (ErrLimit). The count and the insert happen under the write
// lock on the embedded store; on MongoDB the unique key still refuses
// duplicates and the cap may be exceeded by a race of a few requests.
func (s *Store) InviteVolunteer(ctx context.Context, inv *models.MissionInvitation, since time.Time, max int) error {
	defer s.lock()()
	col := s.col("mission_invitations")
	n, err := col.CountDocuments(ctx, bson.D{{Key: "volunteer_id", Value: inv.VolunteerID}, {Key: "created_at", Value: bson.D{{Key: "$gte", Value: since}}}})
	if err != nil {
		return mapErr(err)
	}
	dup, err := col.CountDocuments(ctx, bson.D{{Key: "key", Value: inv.Key}})
	if err != nil {
		return mapErr(err)
	}
	if dup > 0 {
		return ErrConflict
	}
	if n >= int64(max) {
		return ErrLimit
	}
	_, err = col.InsertOne(ctx, inv)
	return mapErr(err)
}

// InvitedVolunteers lists the volunteers already invited to a mission.
func (s *Store) InvitedVolunteers(ctx context.Context, missionID string) (map[string]bool, error) {
	cur, err := s.col("mission_invitations").Find(ctx, bson.D{{Key: "mission_id", Value: missionID}})
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []models.MissionInvitation
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]bool, len(rows))
	for _, r := range rows {
		out[r.VolunteerID] = true
	}
	return out, nil
}

// VolunteerIDsApplied lists the volunteers who applied to a mission.
func (s *Store) VolunteerIDsApplied(ctx context.Context, missionID string) (map[string]bool, error) {
	cur, err := s.col("applications").Find(ctx, bson.D{{Key: "mission_id", Value: missionID}})
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []struct {
		VolunteerID string `bson:"volunteer_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	out := make(map[string]bool, len(rows))
	for _, r := range rows {
		out[r.VolunteerID] = true
	}
	return out, nil
}
