package store

import (
	"context"
	"slices"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// shift_applications lists each shift's application ids
// ({_id: shift id, ids, pending, waitlisted}), in order of arrival, so that
// a shift's waiting list, its pending count and a mission's applications
// for the organisation are key reads (the mission's shifts come from
// mission_shifts), not filters on the whole applications collection. A
// shift's list is as long as its applications: bounded by the mission, not
// by the data. Every change is $addToSet or $pull, idempotent, so a retry
// or the rebuild repairs a list a crash left behind.
const shiftAppsCol = "shift_applications"

type shiftApps struct {
	ShiftID    string   `bson:"_id"`
	IDs        []string `bson:"ids"`
	Pending    []string `bson:"pending"`
	Waitlisted []string `bson:"waitlisted"`
}

func queueOf(st models.ApplicationStatus) string {
	switch st {
	case models.ApplicationPending:
		return "pending"
	case models.ApplicationWaitlisted:
		return "waitlisted"
	}
	return ""
}

// listShiftApplication records a (now in a.Status, before in from) in its
// shift's lists.
func (s *Store) listShiftApplication(ctx context.Context, a *models.Application, from models.ApplicationStatus) error {
	add := bson.D{{Key: "ids", Value: a.ID}}
	if q := queueOf(a.Status); q != "" {
		add = append(add, bson.E{Key: q, Value: a.ID})
	}
	update := bson.D{{Key: "$addToSet", Value: add}}
	if q := queueOf(from); q != "" && from != a.Status {
		update = append(update, bson.E{Key: "$pull", Value: bson.D{{Key: q, Value: a.ID}}})
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(shiftAppsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: a.ShiftID}}, update, options.UpdateOne().SetUpsert(true))
	unlock()
	if err != nil {
		return mapErr(err)
	}
	return s.listJobState(ctx, a, from)
}

func (s *Store) shiftApps(ctx context.Context, shiftID string) (*shiftApps, error) {
	var doc shiftApps
	err := s.findByKey(ctx, shiftAppsCol, shiftID, nil, &doc)
	if err == ErrNotFound {
		return &shiftApps{ShiftID: shiftID}, nil
	}
	return &doc, err
}

// WaitlistPosition returns an application's place on its shift's waiting
// list (1 for the next in line), or 0 when it is not on it.
func (s *Store) WaitlistPosition(ctx context.Context, shiftID, applicationID string) (int, error) {
	doc, err := s.shiftApps(ctx, shiftID)
	if err != nil {
		return 0, err
	}
	return slices.Index(doc.Waitlisted, applicationID) + 1, nil
}

// OldestWaitlisted returns the first application of a shift's waiting
// list, or ErrNotFound when nobody waits. The list is in order of arrival;
// applications that arrived together may have pushed in either order, so
// among the first few still waiting the lowest rank wins.
func (s *Store) OldestWaitlisted(ctx context.Context, shiftID string) (*models.Application, error) {
	doc, err := s.shiftApps(ctx, shiftID)
	if err != nil {
		return nil, err
	}
	var best *models.Application
	seen := 0
	for _, id := range doc.Waitlisted {
		a, err := s.ApplicationByID(ctx, id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		if a.Status != models.ApplicationWaitlisted || a.ShiftID != shiftID {
			continue
		}
		if best == nil || a.WaitlistRank < best.WaitlistRank || a.WaitlistRank == best.WaitlistRank && a.ID < best.ID {
			best = a
		}
		if seen++; seen == 5 {
			break
		}
	}
	if best == nil {
		return nil, ErrNotFound
	}
	return best, nil
}

// applicationsFromLists answers f from the shift lists when it names a
// shift or a mission: key reads, then the rest of the filter, the sort and
// the page in Go. ok is false when f cannot be answered that way.
func (s *Store) applicationsFromLists(ctx context.Context, f ApplicationFilter, sortField string) (out []models.Application, ok bool, err error) {
	less := applicationOrder(sortField)
	if less == nil || (f.ShiftID == "" && f.MissionID == "") {
		return nil, false, nil
	}
	shiftIDs := []string{f.ShiftID}
	if f.ShiftID == "" {
		if shiftIDs, err = s.shiftIDsOf(ctx, f.MissionID); err != nil {
			return nil, true, err
		}
	}
	// The shifts' lists, then every application, each in one byIDs (its
	// reads run a few at a time).
	docs, err := byIDs[shiftApps](ctx, s, shiftAppsCol, shiftIDs)
	if err != nil {
		return nil, true, err
	}
	var ids []string
	for _, doc := range docs {
		switch {
		case len(f.Statuses) == 1 && queueOf(f.Statuses[0]) == "pending":
			ids = append(ids, doc.Pending...)
		case len(f.Statuses) == 1 && queueOf(f.Statuses[0]) == "waitlisted":
			ids = append(ids, doc.Waitlisted...)
		default:
			ids = append(ids, doc.IDs...)
		}
	}
	apps, err := byIDs[models.Application](ctx, s, "applications", ids)
	if err != nil {
		return nil, true, err
	}
	out = []models.Application{}
	for _, a := range apps {
		if f.keeps(&a) {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, less)
	return out, true, nil
}

// keeps reports whether a matches every field of f.
func (f ApplicationFilter) keeps(a *models.Application) bool {
	for _, kv := range [][2]string{{f.VolunteerID, a.VolunteerID}, {f.OrgID, a.OrgID}, {f.MissionID, a.MissionID}, {f.ShiftID, a.ShiftID}} {
		if kv[0] != "" && kv[0] != kv[1] {
			return false
		}
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, a.Status) {
		return false
	}
	return f.IDs == nil || slices.Contains(f.IDs, a.ID)
}

// applicationOrder sorts like the query's sort on field (then _id); nil
// for a field it does not know.
func applicationOrder(field string) func(a, b models.Application) int {
	dir := 1
	if strings.HasPrefix(field, "-") {
		dir, field = -1, field[1:]
	}
	var key func(a, b models.Application) int
	switch field {
	case "created_at":
		key = func(a, b models.Application) int { return a.CreatedAt.Compare(b.CreatedAt) }
	case "updated_at":
		key = func(a, b models.Application) int { return a.UpdatedAt.Compare(b.UpdatedAt) }
	case "shift_start":
		key = func(a, b models.Application) int { return a.ShiftStart.Compare(b.ShiftStart) }
	default:
		return nil
	}
	return func(a, b models.Application) int {
		if c := key(a, b); c != 0 {
			return dir * c
		}
		return dir * strings.Compare(a.ID, b.ID)
	}
}
