package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// inactiveFilter selects live accounts with no login since cutoff (or, never
// logged in, created before cutoff) that were not warned yet.
func inactiveFilter(cutoff time.Time) bson.D {
	return bson.D{
		{Key: "status", Value: bson.D{{Key: "$ne", Value: models.UserDeleted}}},
		{Key: "inactivity_warned_at", Value: bson.D{{Key: "$exists", Value: false}}},
		{Key: "$or", Value: bson.A{
			bson.D{{Key: "last_login_at", Value: bson.D{{Key: "$lt", Value: cutoff}}}},
			bson.D{
				{Key: "last_login_at", Value: bson.D{{Key: "$exists", Value: false}}},
				{Key: "created_at", Value: bson.D{{Key: "$lt", Value: cutoff}}},
			},
		}},
	}
}

// InactiveUnwarnedUsers lists live accounts inactive since cutoff that have
// not been warned, admins included (the caller decides what to do with
// them).
func (s *Store) InactiveUnwarnedUsers(ctx context.Context, cutoff time.Time) ([]models.User, error) {
	cur, err := s.users().Find(ctx, inactiveFilter(cutoff), options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.User{}
	return out, mapErr(cur.All(ctx, &out))
}

// MarkInactivityWarned records that an inactive account is being warned.
// The write is conditional on the account still being inactive and
// unwarned, so when several instances run the job only one gets true and
// sends the e-mail.
func (s *Store) MarkInactivityWarned(ctx context.Context, id string, cutoff, now time.Time) (bool, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return false, err
	}
	defer unlock()
	filter := append(bson.D{{Key: "_id", Value: id}}, inactiveFilter(cutoff)...)
	res, err := s.users().UpdateOne(ctx, filter,
		bson.D{{Key: "$set", Value: bson.D{{Key: "inactivity_warned_at", Value: now}}}})
	if err != nil {
		return false, mapErr(err)
	}
	return res.ModifiedCount == 1, nil
}

// UnmarkInactivityWarned takes back a warning mark set at warnedAt, when
// its e-mail could not be queued, so that the next run tries again rather
// than anonymise an account that was never told.
func (s *Store) UnmarkInactivityWarned(ctx context.Context, id string, warnedAt time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.users().UpdateOne(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "inactivity_warned_at", Value: warnedAt}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: "inactivity_warned_at", Value: ""}}}})
	return mapErr(err)
}

// UsersWarnedBefore lists live accounts warned of their inactivity before
// t. A login clears the mark (TouchLogin), so each of them is still
// inactive.
func (s *Store) UsersWarnedBefore(ctx context.Context, t time.Time) ([]models.User, error) {
	cur, err := s.users().Find(ctx, bson.D{
		{Key: "status", Value: bson.D{{Key: "$ne", Value: models.UserDeleted}}},
		{Key: "inactivity_warned_at", Value: bson.D{{Key: "$lt", Value: t}}},
	}, options.Find().SetSort(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.User{}
	return out, mapErr(cur.All(ctx, &out))
}

// finalApplicationStatuses are the states an application never leaves
// (attended and no_show only swap with each other).
func finalApplicationStatuses() []models.ApplicationStatus {
	var out []models.ApplicationStatus
	for _, st := range models.ApplicationStatuses {
		if !st.Open() {
			out = append(out, st)
		}
	}
	return out
}

// purgeBatch bounds the ids of one $in, to keep each command small.
const purgeBatch = 500

// PurgeClosedApplicationMessages erases what applicants and organisations
// wrote to each other on applications in a final state last changed before
// closedBefore: the thread messages are deleted and the application's own
// message is emptied. The application, its status history and its hours
// stay (volunteers' hours and organisations' statistics need them). It
// returns the thread messages deleted.
func (s *Store) PurgeClosedApplicationMessages(ctx context.Context, closedBefore time.Time) (int64, error) {
	filter := bson.D{
		{Key: "status", Value: bson.D{{Key: "$in", Value: finalApplicationStatuses()}}},
		{Key: "updated_at", Value: bson.D{{Key: "$lt", Value: closedBefore}}},
	}
	cur, err := s.applications().Find(ctx, filter, options.Find().SetProjection(bson.D{{Key: "_id", Value: 1}}))
	if err != nil {
		return 0, mapErr(err)
	}
	var rows []struct {
		ID string `bson:"_id"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return 0, mapErr(err)
	}
	var deleted int64
	for start := 0; start < len(rows); start += purgeBatch {
		ids := make([]string, 0, purgeBatch)
		for _, r := range rows[start:min(start+purgeBatch, len(rows))] {
			ids = append(ids, r.ID)
		}
		n, err := s.deleteMessagesOf(ctx, ids)
		deleted += n
		if err != nil {
			return deleted, err
		}
	}
	// updated_at is left alone: it dates the closing, not this erasure.
	_, err = s.updateEach(ctx, "applications",
		append(filter, bson.E{Key: "message", Value: bson.D{{Key: "$ne", Value: ""}}}),
		bson.D{{Key: "$set", Value: bson.D{{Key: "message", Value: ""}}}})
	return deleted, err
}

func (s *Store) deleteMessagesOf(ctx context.Context, applicationIDs []string) (int64, error) {
	res, err := s.deleteEach(ctx, "messages", bson.D{{Key: "application_id", Value: bson.D{{Key: "$in", Value: applicationIDs}}}})
	if err != nil {
		return 0, mapErr(err)
	}
	return res, nil
}

// SessionIssuedSince reports whether a refresh token was issued to the user
// at or after t. Refreshes rotate the token without a login, so a session
// kept alive this way is an account in use.
func (s *Store) SessionIssuedSince(ctx context.Context, userID string, t time.Time) (bool, error) {
	n, err := s.col("refresh_tokens").CountDocuments(ctx, bson.D{
		{Key: "user_id", Value: userID}, {Key: "created_at", Value: bson.D{{Key: "$gte", Value: t}}},
	}, options.Count().SetLimit(1))
	return n > 0, mapErr(err)
}

// ClearApplicationMessagesOf empties the message a volunteer wrote with
// each of their applications (account deletion). The applications stay:
// organisations' attendance and statistics count them.
func (s *Store) ClearApplicationMessagesOf(ctx context.Context, volunteerID string) error {
	_, err := s.updateEach(ctx, "applications", bson.D{{Key: "volunteer_id", Value: volunteerID}, {Key: "message", Value: bson.D{{Key: "$ne", Value: ""}}}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "message", Value: ""}}}})
	return mapErr(err)
}

// ReportsBy lists the reports a person filed, oldest first (data export).
func (s *Store) ReportsBy(ctx context.Context, reporterID string) ([]models.Report, error) {
	cur, err := s.col("reports").Find(ctx, bson.D{{Key: "reporter_id", Value: reporterID}}, options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Report{}
	return out, mapErr(cur.All(ctx, &out))
}

// AnonymizeReportsBy removes a deleted account from the reports it filed:
// the reporter's id and words go, the report stays (it still counts
// against its target, and the admin's resolution stays readable).
func (s *Store) AnonymizeReportsBy(ctx context.Context, reporterID string) error {
	_, err := s.updateEach(ctx, "reports", bson.D{{Key: "reporter_id", Value: reporterID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "reporter_id", Value: ""}, {Key: "reason", Value: ""}, {Key: "reporter_deleted", Value: true}}}})
	return mapErr(err)
}
