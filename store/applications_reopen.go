package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// ReopenApplication writes a withdrawn application applied to again: the
// same document (one per volunteer and shift, unique volunteer_shift)
// takes a's new state, message and waiting-list rank, appends entries to
// its history (which keeps the withdrawal), and forgets what belonged to
// the earlier application (decision time, offer, reminders, hours). The
// update is conditional on the state still being withdrawn; otherwise it
// returns ErrConflict with the application as it is.
func (s *Store) ReopenApplication(ctx context.Context, a *models.Application, entries []models.StatusChange) (*models.Application, error) {
	set := bson.D{{Key: "status", Value: a.Status}, {Key: "message", Value: a.Message},
		{Key: "updated_at", Value: a.UpdatedAt}, {Key: "reminders", Value: []string{}}, {Key: "hours", Value: 0.0}}
	unset := bson.D{{Key: "decided_at", Value: ""}, {Key: "offer_expires_at", Value: ""}}
	if a.WaitlistRank > 0 {
		set = append(set, bson.E{Key: "waitlist_rank", Value: a.WaitlistRank})
	} else {
		unset = append(unset, bson.E{Key: "waitlist_rank", Value: ""})
	}
	update := bson.D{{Key: "$set", Value: set}, {Key: "$unset", Value: unset},
		{Key: "$push", Value: bson.D{{Key: "history", Value: bson.D{{Key: "$each", Value: entries}}}}}}
	var out models.Application
	err := s.updateByKey(ctx, "applications", a.ID, bson.D{{Key: "status", Value: models.ApplicationWithdrawn}}, update, &out)
	if err == ErrNotFound {
		cur, cerr := s.ApplicationByID(ctx, a.ID)
		if cerr != nil {
			return nil, cerr
		}
		return cur, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	if err := s.SyncApplication(ctx, &out, a.UpdatedAt); err != nil {
		return &out, err
	}
	return &out, s.listShiftApplication(ctx, &out, models.ApplicationWithdrawn)
}

// VolunteerApplicationForShift returns the volunteer's application to a
// shift, whatever its state: two key reads (the volunteer's list, then the
// application).
func (s *Store) VolunteerApplicationForShift(ctx context.Context, volunteerID, shiftID string) (*models.Application, error) {
	var list volunteerApps
	if err := s.findByKey(ctx, volunteerAppsCol, volunteerID, nil, &list); err != nil {
		return nil, err
	}
	for _, ref := range list.Items {
		if ref.ShiftID == shiftID {
			return s.ApplicationByID(ctx, ref.ApplicationID)
		}
	}
	return nil, ErrNotFound
}
