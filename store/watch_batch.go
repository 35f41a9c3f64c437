package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// Batches for imports and pairings: on the embedded store every write of
// a large document (a board bucket of hundreds of rows) costs its whole
// size, so a batch writes each document once rather than once per person.

// InsertWatchPeople stores the people of an import: one insert, one count
// update and one update per board document.
func (s *Store) InsertWatchPeople(ctx context.Context, programmeID string, people []models.WatchPerson, rows []models.WatchRow) error {
	if len(people) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	docs := make([]any, len(people))
	for i := range people {
		docs[i] = people[i]
	}
	if _, err := s.col("watch_people").InsertMany(ctx, docs); err != nil {
		return mapErr(err)
	}
	if _, err := s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: programmeID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "people", Value: len(people)}}}}); err != nil {
		return mapErr(err)
	}
	buckets := map[string]bson.D{}
	for _, r := range rows {
		b := WatchBucket(programmeID, r.PersonID)
		if buckets[b] == nil {
			buckets[b] = bson.D{{Key: "programme_id", Value: programmeID}}
		}
		buckets[b] = append(buckets[b], bson.E{Key: "rows." + r.PersonID, Value: r})
	}
	for id, set := range buckets {
		if _, err := s.col("watch_board").UpdateOne(ctx, bson.D{{Key: "_id", Value: id}},
			bson.D{{Key: "$set", Value: set}}, options.UpdateOne().SetUpsert(true)); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// WatchAssignment moves a person from one volunteer to another ("" for
// nobody).
type WatchAssignment struct {
	PersonID, From, To string
}

// AssignWatchPeople applies assignments: each person's record, then each
// board document and each volunteer's list once.
func (s *Store) AssignWatchPeople(ctx context.Context, programmeID string, list []WatchAssignment) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	return s.assignPeople(ctx, programmeID, list)
}

func (s *Store) assignPeople(ctx context.Context, programmeID string, list []WatchAssignment) error {
	type change struct{ set, unset bson.D }
	buckets, lists := map[string]*change{}, map[string]*change{}
	get := func(m map[string]*change, k string) *change {
		if m[k] == nil {
			m[k] = &change{}
		}
		return m[k]
	}
	for _, a := range list {
		op, value := "$set", any(a.To)
		if a.To == "" {
			op, value = "$unset", ""
		}
		if _, err := s.col("watch_people").UpdateOne(ctx, bson.D{{Key: "_id", Value: a.PersonID}},
			bson.D{{Key: op, Value: bson.D{{Key: "volunteer_id", Value: value}}}}); err != nil {
			return mapErr(err)
		}
		b := get(buckets, WatchBucket(programmeID, a.PersonID))
		field := "rows." + a.PersonID + ".volunteer_id"
		if a.To == "" {
			b.unset = append(b.unset, bson.E{Key: field, Value: ""})
		} else {
			b.set = append(b.set, bson.E{Key: field, Value: a.To})
			l := get(lists, a.To)
			l.set = append(l.set, bson.E{Key: "items." + a.PersonID, Value: programmeID})
		}
		if a.From != "" {
			l := get(lists, a.From)
			l.unset = append(l.unset, bson.E{Key: "items." + a.PersonID, Value: ""})
		}
	}
	write := func(col string, m map[string]*change, upsert bool) error {
		for id, ch := range m {
			update := bson.D{}
			if len(ch.set) > 0 {
				update = append(update, bson.E{Key: "$set", Value: ch.set})
			}
			if len(ch.unset) > 0 {
				update = append(update, bson.E{Key: "$unset", Value: ch.unset})
			}
			if _, err := s.col(col).UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, update,
				options.UpdateOne().SetUpsert(upsert && len(ch.set) > 0)); err != nil {
				return mapErr(err)
			}
		}
		return nil
	}
	if err := write("watch_board", buckets, false); err != nil {
		return err
	}
	return write("watch_assignments", lists, true)
}

// AppendAudits inserts several audit entries at once.
func (s *Store) AppendAudits(ctx context.Context, entries []models.AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	docs := make([]any, len(entries))
	for i := range entries {
		docs[i] = entries[i]
	}
	_, err = s.col("audit").InsertMany(ctx, docs)
	return mapErr(err)
}
