package store

import (
	"context"
	"slices"
	"strings"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// org_missions lists each organisation's mission ids ({_id: org id, ids}),
// so that the organisation's mission list, its exports and the moderation
// view of its missions read by key instead of filtering missions by
// organisation. An organisation's list grows with its own missions only.
const orgMissionsCol = "org_missions"

type orgMissions struct {
	OrgID string   `bson:"_id"`
	IDs   []string `bson:"ids"`
}

func (s *Store) listOrgMission(ctx context.Context, orgID, missionID string) error {
	return s.addToIDList(ctx, orgMissionsCol, orgID, missionID)
}

// missionsFromOrgList answers a filter naming an organisation from its
// list: key reads, then the rest of the filter, the sort and the page in
// Go. ok is false when the sort field is not one it knows.
func (s *Store) missionsFromOrgList(ctx context.Context, f MissionFilter, sortField string, skip, limit int64) (out []models.Mission, total int64, ok bool, err error) {
	less := missionOrder(sortField)
	if less == nil || f.OrgID == "" {
		return nil, 0, false, nil
	}
	var doc orgMissions
	if err := s.findByKey(ctx, orgMissionsCol, f.OrgID, nil, &doc); err != nil && err != ErrNotFound {
		return nil, 0, true, err
	}
	all, err := byIDs[models.Mission](ctx, s, "missions", doc.IDs)
	if err != nil {
		return nil, 0, true, err
	}
	all = slices.DeleteFunc(all, func(m models.Mission) bool {
		return m.OrgID != f.OrgID || (len(f.Statuses) > 0 && !slices.Contains(f.Statuses, m.Status)) ||
			(f.IDs != nil && !slices.Contains(f.IDs, m.ID))
	})
	slices.SortStableFunc(all, less)
	end := len(all)
	if limit > 0 {
		end = min(int(skip+limit), len(all))
	}
	return all[min(int(skip), len(all)):end], int64(len(all)), true, nil
}

func missionOrder(field string) func(a, b models.Mission) int {
	dir := 1
	if strings.HasPrefix(field, "-") {
		dir, field = -1, field[1:]
	}
	var key func(a, b models.Mission) int
	switch field {
	case "created_at":
		key = func(a, b models.Mission) int { return a.CreatedAt.Compare(b.CreatedAt) }
	case "updated_at":
		key = func(a, b models.Mission) int { return a.UpdatedAt.Compare(b.UpdatedAt) }
	case "submitted_at":
		key = func(a, b models.Mission) int { return timeOrZero(a.SubmittedAt).Compare(timeOrZero(b.SubmittedAt)) }
	default:
		return nil
	}
	return func(a, b models.Mission) int {
		if c := key(a, b); c != 0 {
			return dir * c
		}
		return dir * strings.Compare(a.ID, b.ID)
	}
}

// BackfillOrgMissions writes org_missions from the missions collection,
// once per database (recorded in meta). Idempotent.
func (s *Store) BackfillOrgMissions(ctx context.Context, now time.Time) error {
	const key = "backfill:org_missions:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	cur, err := s.missions().Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "org_id", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	byOrg := map[string][]string{}
	for cur.Next(ctx) {
		var m struct {
			ID    string `bson:"_id"`
			OrgID string `bson:"org_id"`
		}
		if err := cur.Decode(&m); err != nil {
			cur.Close(ctx)
			return mapErr(err)
		}
		byOrg[m.OrgID] = append(byOrg[m.OrgID], m.ID)
	}
	cur.Close(ctx)
	batch := s.newKeyBatch(orgMissionsCol)
	for orgID, ids := range byOrg {
		err := batch.add(ctx, &orgMissions{OrgID: orgID, IDs: ids}, func(ctx context.Context) error {
			return s.addToIDList(ctx, orgMissionsCol, orgID, ids...)
		})
		if err != nil {
			return err
		}
	}
	if err := batch.flush(ctx); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}

func timeOrZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}
