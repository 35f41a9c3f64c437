package store

import (
	"context"

	"github.com/entraide/entraide/models"
)

// byIDs reads documents one key at a time: {_id: {$in: ids}} is not a key
// read for the embedded store (it scans the collection), while a handful
// of {_id: id} reads are, and on a sharded cluster each goes to one shard.
// Missing ids are skipped; lists passed here are a page long.
func byIDs[T any](ctx context.Context, s *Store, col string, ids []string) ([]T, error) {
	out := make([]T, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		var doc T
		err := s.findByKey(ctx, col, id, nil, &doc)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, doc)
	}
	return out, nil
}

// MissionsByIDs returns the missions with these ids (any state), by id:
// callers check who may see them.
func (s *Store) MissionsByIDs(ctx context.Context, ids []string) (map[string]models.Mission, error) {
	list, err := byIDs[models.Mission](ctx, s, "missions", ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]models.Mission, len(list))
	for _, m := range list {
		out[m.ID] = m
	}
	return out, nil
}
