package store

import (
	"context"
	"sync"

	"github.com/entraide/entraide/models"
)

// readersPerPage bounds the key reads one call of byIDs makes at once. A
// key read is a round trip to the server, mostly spent decoding there; a
// few in flight use the machine's cores (the embedded server answers each
// connection on its own goroutine) without taking a request's share of the
// connection pool.
const readersPerPage = 4

// byIDs reads documents one key at a time: {_id: {$in: ids}} is not a key
// read for the embedded store (it scans the collection), while a handful
// of {_id: id} reads are, and on a sharded cluster each goes to one shard.
// The reads run a few at a time; the result keeps the order of ids.
// Missing ids are skipped; lists passed here are a page long.
func byIDs[T any](ctx context.Context, s *Store, col string, ids []string) ([]T, error) {
	unique := make([]string, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			unique = append(unique, id)
		}
	}
	docs := make([]T, len(unique))
	found := make([]bool, len(unique))
	errs := make([]error, len(unique))
	read := func(i int) {
		switch err := s.findByKey(ctx, col, unique[i], nil, &docs[i]); err {
		case nil:
			found[i] = true
		case ErrNotFound:
		default:
			errs[i] = err
		}
	}
	if len(unique) <= 1 {
		for i := range unique {
			read(i)
		}
	} else {
		next := make(chan int)
		var wg sync.WaitGroup
		for range min(readersPerPage, len(unique)) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					read(i)
				}
			}()
		}
		for i := range unique {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	out := make([]T, 0, len(unique))
	for i := range unique {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if found[i] {
			out = append(out, docs[i])
		}
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
