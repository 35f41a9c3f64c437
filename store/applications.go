package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

func (s *Store) applications() *mongo.Collection { return s.col("applications") }

// InsertApplication writes a new application; a second application of the
// same volunteer to the same shift is ErrConflict (unique volunteer_shift).
func (s *Store) InsertApplication(ctx context.Context, a *models.Application) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.applications().InsertOne(ctx, a)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.listShiftApplication(ctx, a, "")
}

// ApplicationByID returns an application, whoever asks: callers check scope.
func (s *Store) ApplicationByID(ctx context.Context, id string) (*models.Application, error) {
	return s.findApplication(ctx, id, nil)
}

// ApplicationOfVolunteer returns an application only if it is volunteerID's.
func (s *Store) ApplicationOfVolunteer(ctx context.Context, volunteerID, id string) (*models.Application, error) {
	return s.findApplication(ctx, id, bson.D{{Key: "volunteer_id", Value: volunteerID}})
}

// ApplicationInOrg returns an application only if it was made to orgID.
func (s *Store) ApplicationInOrg(ctx context.Context, orgID, id string) (*models.Application, error) {
	return s.findApplication(ctx, id, bson.D{{Key: "org_id", Value: orgID}})
}

func (s *Store) findApplication(ctx context.Context, id string, cond bson.D) (*models.Application, error) {
	var a models.Application
	if err := s.findByKey(ctx, "applications", id, cond, &a); err != nil {
		return nil, err
	}
	return &a, nil
}

// ApplicationFilter selects applications; empty fields do not filter.
type ApplicationFilter struct {
	VolunteerID string
	OrgID       string
	MissionID   string
	ShiftID     string
	Statuses    []models.ApplicationStatus
	IDs         []string
}

func (f ApplicationFilter) bson() bson.D {
	filter := bson.D{}
	for _, kv := range [][2]string{{"volunteer_id", f.VolunteerID}, {"org_id", f.OrgID}, {"mission_id", f.MissionID}, {"shift_id", f.ShiftID}} {
		if kv[1] != "" {
			filter = append(filter, bson.E{Key: kv[0], Value: kv[1]})
		}
	}
	if len(f.Statuses) == 1 {
		filter = append(filter, bson.E{Key: "status", Value: f.Statuses[0]})
	} else if len(f.Statuses) > 1 {
		filter = append(filter, bson.E{Key: "status", Value: bson.D{{Key: "$in", Value: f.Statuses}}})
	}
	if f.IDs != nil {
		filter = append(filter, bson.E{Key: "_id", Value: bson.D{{Key: "$in", Value: f.IDs}}})
	}
	return filter
}

// Applications lists the applications matching f sorted by sortField (a
// leading "-" for descending), with paging; limit 0 lists them all.
// A filter naming a shift or a mission is answered from the shift lists
// by key (see shift_applications.go).
func (s *Store) Applications(ctx context.Context, f ApplicationFilter, sortField string, skip, limit int64) ([]models.Application, int64, error) {
	if all, ok, err := s.applicationsFromLists(ctx, f, sortField); ok {
		if err != nil {
			return nil, 0, err
		}
		end := len(all)
		if limit > 0 {
			end = min(int(skip+limit), len(all))
		}
		return all[min(int(skip), len(all)):end], int64(len(all)), nil
	}
	filter := f.bson()
	total, err := s.applications().CountDocuments(ctx, filter)
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
	out, err := s.findApplications(ctx, filter, opts)
	return out, total, err
}

func (s *Store) findApplications(ctx context.Context, filter bson.D, opts *options.FindOptionsBuilder) ([]models.Application, error) {
	cur, err := s.applications().Find(ctx, filter, opts)
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Application{}
	return out, mapErr(cur.All(ctx, &out))
}

// CountApplications counts the applications matching f.
func (s *Store) CountApplications(ctx context.Context, f ApplicationFilter) (int64, error) {
	if all, ok, err := s.applicationsFromLists(ctx, f, "created_at"); ok {
		return int64(len(all)), err
	}
	n, err := s.applications().CountDocuments(ctx, f.bson())
	return n, mapErr(err)
}

// WaitingAhead counts the applications still waitlisted on shiftID that
// arrived before rank: the current position is this plus one.
func (s *Store) WaitingAhead(ctx context.Context, shiftID string, rank int) (int64, error) {
	n, err := s.applications().CountDocuments(ctx, bson.D{{Key: "shift_id", Value: shiftID},
		{Key: "status", Value: models.ApplicationWaitlisted}, {Key: "waitlist_rank", Value: bson.D{{Key: "$lt", Value: rank}}}})
	return n, mapErr(err)
}

// NextWaitlistRank returns the next rank of a shift's waiting list: a
// per-shift counter document incremented in one atomic update, so that
// concurrent applicants get 1, 2, 3... with neither gap nor repeat.
func (s *Store) NextWaitlistRank(ctx context.Context, shiftID string) (int, error) {
	unlock, err := s.lock(ctx)
	if err != nil {
		return 0, err
	}
	defer unlock()
	var doc struct {
		N int `bson:"n"`
	}
	err = s.col("counters").FindOneAndUpdate(ctx,
		bson.D{{Key: "_id", Value: "waitlist:" + shiftID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "n", Value: 1}}}},
		options.FindOneAndUpdate().SetUpsert(true).SetReturnDocument(options.After)).Decode(&doc)
	return doc.N, mapErr(err)
}

// ApplicationChange is one state change of an application, made only if
// its state is still one of From (and, for offers, the deadline holds).
type ApplicationChange struct {
	From  []models.ApplicationStatus
	Entry models.StatusChange // Entry.To is the new state
	// OfferExpiresAt starts an offer; ClearOffer ends one.
	OfferExpiresAt *time.Time
	ClearOffer     bool
	// OfferValidAt requires an offer still valid at that time (confirm);
	// OfferLapsedAt requires one expired by then (expiry job).
	OfferValidAt  time.Time
	OfferLapsedAt time.Time
	Hours         *float64
	Decided       bool // the organisation's answer: sets decided_at once
	ClearRank     bool
	WaitlistRank  int // set when > 0: the place on the waiting list
}

// TransitionApplication applies ch in one conditional update on the
// current state. When the state no longer allows it, it returns
// ErrConflict with the application as it is now.
func (s *Store) TransitionApplication(ctx context.Context, id string, ch ApplicationChange) (*models.Application, error) {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: ch.From}}}}
	if !ch.OfferValidAt.IsZero() {
		filter = append(filter, bson.E{Key: "offer_expires_at", Value: bson.D{{Key: "$gt", Value: ch.OfferValidAt}}})
	}
	if !ch.OfferLapsedAt.IsZero() {
		filter = append(filter, bson.E{Key: "offer_expires_at", Value: bson.D{{Key: "$lte", Value: ch.OfferLapsedAt}}})
	}
	set := bson.D{{Key: "status", Value: ch.Entry.To}, {Key: "updated_at", Value: ch.Entry.At}}
	if ch.OfferExpiresAt != nil {
		set = append(set, bson.E{Key: "offer_expires_at", Value: *ch.OfferExpiresAt})
	}
	if ch.Hours != nil {
		set = append(set, bson.E{Key: "hours", Value: *ch.Hours})
	}
	if ch.Decided {
		set = append(set, bson.E{Key: "decided_at", Value: ch.Entry.At})
	}
	if ch.WaitlistRank > 0 {
		set = append(set, bson.E{Key: "waitlist_rank", Value: ch.WaitlistRank})
	}
	update := bson.D{{Key: "$set", Value: set}, {Key: "$push", Value: bson.D{{Key: "history", Value: ch.Entry}}}}
	var unset bson.D
	if ch.ClearOffer {
		unset = append(unset, bson.E{Key: "offer_expires_at", Value: ""})
	}
	if ch.ClearRank {
		unset = append(unset, bson.E{Key: "waitlist_rank", Value: ""})
	}
	if unset != nil {
		update = append(update, bson.E{Key: "$unset", Value: unset})
	}
	var a models.Application
	err := s.updateByKey(ctx, "applications", id, filter, update, &a)
	if err == ErrNotFound {
		cur, cerr := s.ApplicationByID(ctx, id)
		if cerr != nil {
			return nil, cerr
		}
		return cur, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	// The volunteer's document and the shift's lists follow the new
	// state; a failure here is repaired by the next change or by
	// RebuildVolunteerApplications.
	if err := s.SyncApplication(ctx, &a, ch.Entry.At); err != nil {
		return &a, err
	}
	if err := s.listShiftApplication(ctx, &a, ch.Entry.From); err != nil {
		return &a, err
	}
	return &a, nil
}

// MarkReminder records that reminder key went out for an application still
// in state status, and reports whether this call recorded it: the
// conditional update lets one caller only send each reminder.
func (s *Store) MarkReminder(ctx context.Context, id string, status models.ApplicationStatus, key string) (bool, error) {
	var a models.Application
	err := s.updateByKey(ctx, "applications", id,
		bson.D{{Key: "status", Value: status}, {Key: "reminders", Value: bson.D{{Key: "$ne", Value: key}}}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "reminders", Value: key}}}}, &a)
	switch err {
	case nil:
		// The reminder buckets carry the reminders sent, so the job
		// does not read this application again for this reminder.
		return true, s.listReminderState(ctx, &a, "")
	case ErrNotFound:
		return false, nil
	}
	return false, err
}

// UsersByIDs returns the users with these ids, by id, for the lists of
// applicants: one key read each.
func (s *Store) UsersByIDs(ctx context.Context, ids []string) (map[string]models.User, error) {
	users, err := byIDs[models.User](ctx, s, "users", ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]models.User, len(users))
	for _, u := range users {
		out[u.ID] = u
	}
	return out, nil
}
