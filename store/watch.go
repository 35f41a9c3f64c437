package store

import (
	"context"
	"sync"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The watch collections, all read by key on request paths:
//   - watch_programmes: a programme with its volunteers and a count of people;
//   - watch_org_programmes: an organisation's programme ids (_id: org id);
//   - watch_people: one person (_id: person id);
//   - watch_calls: a person's call log (_id: person id);
//   - watch_board: the board's rows in WatchBuckets documents per
//     programme (_id: "<programme id>:<n>"), a map keyed by person id;
//   - watch_concerns: a programme's concerns (_id: programme id), a map;
//   - watch_assignments: a volunteer's people (_id: user id), a map of
//     person id to programme id.

// WatchBuckets is how many board documents a programme's rows are spread
// over: at 2,000 people each holds about 250 small rows.
const WatchBuckets = 8

type idList struct {
	ID    string   `bson:"_id"`
	Items []string `bson:"items"`
}

// CreateWatchProgramme stores a new programme and lists it under its
// organisation.
func (s *Store) CreateWatchProgramme(ctx context.Context, p *models.WatchProgramme) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col("watch_programmes").InsertOne(ctx, p); err != nil {
		return mapErr(err)
	}
	_, err = s.col("watch_org_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.OrgID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "items", Value: p.ID}}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// WatchProgramme returns a programme of orgID; another organisation's is
// ErrNotFound. It reads by key and checks the owner in Go.
func (s *Store) WatchProgramme(ctx context.Context, orgID, id string) (*models.WatchProgramme, error) {
	p, err := s.WatchProgrammeByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if p.OrgID != orgID {
		return nil, ErrNotFound
	}
	return p, nil
}

// WatchProgrammeByID returns a programme whoever asks: callers check scope.
func (s *Store) WatchProgrammeByID(ctx context.Context, id string) (*models.WatchProgramme, error) {
	var p models.WatchProgramme
	if err := s.col("watch_programmes").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&p); err != nil {
		return nil, mapErr(err)
	}
	return &p, nil
}

// WatchProgrammesOfOrg lists an organisation's programmes, oldest first.
func (s *Store) WatchProgrammesOfOrg(ctx context.Context, orgID string) ([]models.WatchProgramme, error) {
	var list idList
	err := mapErr(s.col("watch_org_programmes").FindOne(ctx, bson.D{{Key: "_id", Value: orgID}}).Decode(&list))
	if err == ErrNotFound {
		return []models.WatchProgramme{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]models.WatchProgramme, 0, len(list.Items))
	for _, id := range list.Items {
		p, err := s.WatchProgrammeByID(ctx, id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, nil
}

// AddWatchVolunteer adds a volunteer to a programme (the caller checked
// they are not on it yet).
func (s *Store) AddWatchVolunteer(ctx context.Context, programmeID string, v models.WatchVolunteer) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: programmeID}},
		bson.D{{Key: "$push", Value: bson.D{{Key: "volunteers", Value: v}}}}); err != nil {
		return mapErr(err)
	}
	// The volunteer's own document lists their programmes, so that a
	// deleted account leaves every one of them.
	_, err = s.col("watch_assignments").UpdateOne(ctx, bson.D{{Key: "_id", Value: v.UserID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "programmes", Value: programmeID}}}}, options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// RemoveWatchVolunteer takes a volunteer off a programme. The embedded
// store's $pull matches whole values only, so v is the entry as stored.
func (s *Store) RemoveWatchVolunteer(ctx context.Context, programmeID string, v models.WatchVolunteer) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: programmeID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "volunteers", Value: v}}}}); err != nil {
		return mapErr(err)
	}
	_, err = s.col("watch_assignments").UpdateOne(ctx, bson.D{{Key: "_id", Value: v.UserID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "programmes", Value: programmeID}}}})
	return mapErr(err)
}

// WatchBucket is the board document of a person of a programme.
func WatchBucket(programmeID, personID string) string {
	sum := 0
	for i := 0; i < len(personID); i++ {
		sum = sum*31 + int(personID[i])
		sum %= 1 << 20
	}
	return bucketID(programmeID, sum%WatchBuckets)
}

func bucketID(programmeID string, n int) string {
	return programmeID + ":" + string(rune('0'+n))
}

// InsertWatchPerson stores a person, lists them in their programme and
// puts their row on the board.
func (s *Store) InsertWatchPerson(ctx context.Context, p *models.WatchPerson, row models.WatchRow) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col("watch_people").InsertOne(ctx, p); err != nil {
		return mapErr(err)
	}
	if _, err := s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ProgrammeID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "people", Value: 1}}}}); err != nil {
		return mapErr(err)
	}
	_, err = s.col("watch_board").UpdateOne(ctx, bson.D{{Key: "_id", Value: WatchBucket(p.ProgrammeID, p.ID)}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "programme_id", Value: p.ProgrammeID}, {Key: "rows." + p.ID, Value: row}}}},
		options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

// WatchPerson returns a person whoever asks: callers check scope (the
// organisation, or the assigned volunteer).
func (s *Store) WatchPerson(ctx context.Context, id string) (*models.WatchPerson, error) {
	var p models.WatchPerson
	if err := s.col("watch_people").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&p); err != nil {
		return nil, mapErr(err)
	}
	return &p, nil
}

// WatchPeopleByIDs returns people by id, skipping those gone.
func (s *Store) WatchPeopleByIDs(ctx context.Context, ids []string) ([]models.WatchPerson, error) {
	out := make([]models.WatchPerson, 0, len(ids))
	for _, id := range ids {
		p, err := s.WatchPerson(ctx, id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *p)
	}
	return out, nil
}

// DeleteWatchPerson erases a person at once: their record, call log,
// board row, assignment and concerns.
func (s *Store) DeleteWatchPerson(ctx context.Context, p *models.WatchPerson) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := s.col("watch_people").DeleteOne(ctx, bson.D{{Key: "_id", Value: p.ID}}); err != nil {
		return mapErr(err)
	}
	if _, err := s.col("watch_calls").DeleteOne(ctx, bson.D{{Key: "_id", Value: p.ID}}); err != nil {
		return mapErr(err)
	}
	if _, err := s.col("watch_programmes").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ProgrammeID}},
		bson.D{{Key: "$inc", Value: bson.D{{Key: "people", Value: -1}}}}); err != nil {
		return mapErr(err)
	}
	if _, err := s.col("watch_board").UpdateOne(ctx, bson.D{{Key: "_id", Value: WatchBucket(p.ProgrammeID, p.ID)}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: "rows." + p.ID, Value: ""}}}}); err != nil {
		return mapErr(err)
	}
	if p.VolunteerID != "" {
		if err := s.unsetAssignment(ctx, p.VolunteerID, p.ID); err != nil {
			return err
		}
	}
	concerns, err := s.watchConcerns(ctx, p.ProgrammeID)
	if err != nil {
		return err
	}
	unset := bson.D{}
	for id, c := range concerns {
		if c.PersonID == p.ID {
			unset = append(unset, bson.E{Key: "items." + id, Value: ""})
		}
	}
	if len(unset) > 0 {
		_, err = s.col("watch_concerns").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ProgrammeID}}, bson.D{{Key: "$unset", Value: unset}})
	}
	return mapErr(err)
}

// AssignWatchPerson gives a person to volunteerID ("" hands them back),
// updating the person, their board row and both volunteers' lists.
func (s *Store) AssignWatchPerson(ctx context.Context, p *models.WatchPerson, volunteerID string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if err := s.assignPeople(ctx, p.ProgrammeID, []WatchAssignment{{PersonID: p.ID, From: p.VolunteerID, To: volunteerID}}); err != nil {
		return err
	}
	p.VolunteerID = volunteerID
	return nil
}

func (s *Store) unsetAssignment(ctx context.Context, volunteerID, personID string) error {
	_, err := s.col("watch_assignments").UpdateOne(ctx, bson.D{{Key: "_id", Value: volunteerID}},
		bson.D{{Key: "$unset", Value: bson.D{{Key: "items." + personID, Value: ""}}}})
	return mapErr(err)
}

type assignments struct {
	ID         string            `bson:"_id"`
	Items      map[string]string `bson:"items"`
	Programmes []string          `bson:"programmes"`
}

// WatchProgrammesOfVolunteer lists the programmes a volunteer is in.
func (s *Store) WatchProgrammesOfVolunteer(ctx context.Context, volunteerID string) ([]string, error) {
	var a assignments
	err := mapErr(s.col("watch_assignments").FindOne(ctx, bson.D{{Key: "_id", Value: volunteerID}}).Decode(&a))
	if err == ErrNotFound {
		return nil, nil
	}
	return a.Programmes, err
}

// WatchAssignments returns the people assigned to a volunteer now: person
// id to programme id.
func (s *Store) WatchAssignments(ctx context.Context, volunteerID string) (map[string]string, error) {
	var a assignments
	err := mapErr(s.col("watch_assignments").FindOne(ctx, bson.D{{Key: "_id", Value: volunteerID}}).Decode(&a))
	if err == ErrNotFound || a.Items == nil {
		return map[string]string{}, nil
	}
	return a.Items, err
}

// WatchCallChange is what a logged call changes on the person and the row.
type WatchCallChange struct {
	Call    models.WatchCall
	Reached bool
	// NoAnswer adds one to the streak of unanswered calls; Reached resets it.
	NoAnswer bool
}

// AppendWatchCall writes a call to the person's log and brings the person
// and their board row up to date, each with single-document operators.
func (s *Store) AppendWatchCall(ctx context.Context, p *models.WatchPerson, ch WatchCallChange) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	call := ch.Call
	if _, err := s.col("watch_calls").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ID}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "programme_id", Value: p.ProgrammeID}}},
			{Key: "$push", Value: bson.D{{Key: "items", Value: call}}}},
		options.UpdateOne().SetUpsert(true)); err != nil {
		return mapErr(err)
	}
	person := bson.D{{Key: "last_call_at", Value: call.At}, {Key: "last_outcome", Value: call.Outcome}, {Key: "next_call_on", Value: call.NextCallOn}}
	if _, err := s.col("watch_people").UpdateOne(ctx, bson.D{{Key: "_id", Value: p.ID}}, bson.D{{Key: "$set", Value: person}}); err != nil {
		return mapErr(err)
	}
	prefix := "rows." + p.ID + "."
	set := bson.D{{Key: prefix + "last_call_at", Value: call.At}, {Key: prefix + "last_outcome", Value: call.Outcome},
		{Key: prefix + "next_call_on", Value: call.NextCallOn}}
	inc := bson.D{{Key: prefix + "calls", Value: 1}}
	switch {
	case ch.Reached:
		set = append(set, bson.E{Key: prefix + "last_reached_at", Value: call.At}, bson.E{Key: prefix + "no_answer_streak", Value: 0})
	case ch.NoAnswer:
		inc = append(inc, bson.E{Key: prefix + "no_answer_streak", Value: 1})
	}
	_, err = s.col("watch_board").UpdateOne(ctx, bson.D{{Key: "_id", Value: WatchBucket(p.ProgrammeID, p.ID)}},
		bson.D{{Key: "$set", Value: set}, {Key: "$inc", Value: inc}})
	return mapErr(err)
}

type callLog struct {
	ID    string             `bson:"_id"`
	Items []models.WatchCall `bson:"items"`
}

// WatchCalls returns a person's call log, oldest first.
func (s *Store) WatchCalls(ctx context.Context, personID string) ([]models.WatchCall, error) {
	var log callLog
	err := mapErr(s.col("watch_calls").FindOne(ctx, bson.D{{Key: "_id", Value: personID}}).Decode(&log))
	if err == ErrNotFound || log.Items == nil {
		return []models.WatchCall{}, nil
	}
	return log.Items, err
}

type boardBucket struct {
	ID   string                     `bson:"_id"`
	Rows map[string]models.WatchRow `bson:"rows"`
}

// WatchBoard returns the rows of a programme's board, read from its
// WatchBuckets documents at once (reads take no lock: on the embedded
// store they overlap).
func (s *Store) WatchBoard(ctx context.Context, programmeID string) ([]models.WatchRow, error) {
	buckets := make([]boardBucket, WatchBuckets)
	errs := make([]error, WatchBuckets)
	var wg sync.WaitGroup
	for n := range WatchBuckets {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := mapErr(s.col("watch_board").FindOne(ctx, bson.D{{Key: "_id", Value: bucketID(programmeID, n)}}).Decode(&buckets[n]))
			if err != ErrNotFound {
				errs[n] = err
			}
		}()
	}
	wg.Wait()
	var out []models.WatchRow
	for n, b := range buckets {
		if errs[n] != nil {
			return nil, errs[n]
		}
		for _, r := range b.Rows {
			out = append(out, r)
		}
	}
	return out, nil
}
