package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// ErrLimit means a quota refused the write.
var ErrLimit = errorString("store: limit reached")

// ErrOrgLimit means the organisation's share of a quota refused the write.
var ErrOrgLimit = errorString("store: organisation's share of the limit reached")

type errorString string

func (e errorString) Error() string { return string(e) }

// quotas holds one counter document per volunteer and month, and one per
// volunteer, organisation and month: {_id: key, n: invitations}.
const quotas = "invitation_quotas"

// InviteVolunteer records an invitation unless the volunteer was already
// invited to this mission (ErrConflict), received maxTotal invitations this
// month (ErrLimit), or maxOrg from this organisation (ErrOrgLimit).
//
// Each cap is a conditional increment of a counter document keyed by
// volunteer (and organisation) and month — atomic on MongoDB, and under the
// write lock on the embedded store — taken before the insert and given back
// if a later step fails, so concurrent invitations can never pass a cap (a
// count then an insert could). A counter given back after a crash between
// two steps errs on the side of fewer invitations, never more.
func (s *Store) InviteVolunteer(ctx context.Context, inv *models.MissionInvitation, month string, maxTotal, maxOrg int) error {
	col := s.col("mission_invitations")
	dup, err := col.CountDocuments(ctx, bson.D{{Key: "key", Value: inv.Key}})
	if err != nil {
		return mapErr(err)
	}
	if dup > 0 {
		return ErrConflict
	}
	orgKey := "vo:" + inv.VolunteerID + ":" + inv.OrgID + ":" + month
	totalKey := "v:" + inv.VolunteerID + ":" + month
	ok, err := s.takeQuota(ctx, orgKey, maxOrg)
	if err != nil {
		return err
	}
	if !ok {
		return ErrOrgLimit
	}
	// A counter that cannot be given back costs the volunteer one
	// invitation this month: the safe side of a cap.
	release := func(keys ...string) {
		for _, k := range keys {
			_ = s.inc(context.WithoutCancel(ctx), quotas, k, "n", -1)
		}
	}
	ok, err = s.takeQuota(ctx, totalKey, maxTotal)
	if err != nil || !ok {
		release(orgKey)
		if err != nil {
			return err
		}
		return ErrLimit
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = col.InsertOne(ctx, inv)
	unlock()
	if err != nil {
		release(orgKey, totalKey)
		return mapErr(err)
	}
	return nil
}

// takeQuota adds one to counter key if it is below limit, creating the
// counter on first use, and reports whether it did. The upsert of a missing
// counter races with another one creating it: the loser gets a duplicate
// key and tries once more against the document that now exists. A second
// duplicate key means the counter exists and is at its limit.
func (s *Store) takeQuota(ctx context.Context, key string, limit int) (bool, error) {
	for attempt := 0; attempt < 2; attempt++ {
		unlock, err := s.lock(ctx)
		if err != nil {
			return false, err
		}
		err = s.col(quotas).FindOneAndUpdate(ctx,
			bson.D{{Key: "_id", Value: key}, {Key: "n", Value: bson.D{{Key: "$lt", Value: limit}}}},
			bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: 1}}}},
			options.FindOneAndUpdate().SetUpsert(true)).Err()
		unlock()
		switch err = mapErr(err); err {
		case nil, ErrNotFound: // ErrNotFound: upserted, no document before
			return true, nil
		case ErrConflict:
			continue
		default:
			return false, err
		}
	}
	return false, nil
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
