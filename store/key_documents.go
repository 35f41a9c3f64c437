package store

import (
	"context"
	"fmt"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// backfilledCollections hold the key documents the backfills build from the
// records (RedoBackfills).
var backfilledCollections = []string{userEmailsCol, userOrgsCol, missionShiftsCol, volunteerAppsCol, shiftAppsCol,
	notificationListsCol, orgMissionsCol, jobListsCol, orgPendingCol, userSessionsCol, openReportsCol,
	digestUsersCol, queueListsCol}

// KeyDocuments returns every key document, by collection and key, to check
// that two ways of building them agree (tests, repairs). It reads whole
// collections: never on a request path.
func (s *Store) KeyDocuments(ctx context.Context) (map[string]map[string]bson.M, error) {
	out := map[string]map[string]bson.M{}
	for _, col := range backfilledCollections {
		cur, err := s.col(col).Find(ctx, bson.D{})
		if err != nil {
			return nil, mapErr(err)
		}
		var docs []bson.M
		if err := cur.All(ctx, &docs); err != nil {
			return nil, mapErr(err)
		}
		byKey := map[string]bson.M{}
		for _, d := range docs {
			byKey[fmt.Sprint(d["_id"])] = d
		}
		out[col] = byKey
	}
	return out, nil
}

// ClearKeyDocuments deletes every key document, so that RedoBackfills
// builds them from the records alone (tests, repairs).
func (s *Store) ClearKeyDocuments(ctx context.Context) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	for _, col := range backfilledCollections {
		if _, err := s.col(col).DeleteMany(ctx, bson.D{}); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
