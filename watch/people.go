package watch

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// AddPerson validates and adds a person to a programme's list.
func (s *Service) AddPerson(ctx context.Context, p *models.WatchProgramme, actorID string, in PersonInput) (*models.WatchPerson, error) {
	if err := s.active(p); err != nil {
		return nil, err
	}
	if p.People >= MaxPeople {
		return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "people", Code: "watch.list_full", Params: []any{MaxPeople}}}}
	}
	person, err := in.Validate(s.now())
	if err != nil {
		return nil, err
	}
	return s.insert(ctx, p, actorID, person)
}

func (s *Service) insert(ctx context.Context, p *models.WatchProgramme, actorID string, person models.WatchPerson) (*models.WatchPerson, error) {
	now := s.now()
	person.ID, person.ProgrammeID, person.OrgID, person.CreatedAt = store.NewID(), p.ID, p.OrgID, now
	row := models.WatchRow{PersonID: person.ID, FirstName: person.FirstName, Languages: person.Languages,
		BestTimes: person.BestTimes, AddedAt: now}
	if err := s.store.InsertWatchPerson(ctx, &person, row); err != nil {
		return nil, err
	}
	p.People++
	if err := s.audit(ctx, actorID, ActionPersonAdd, "watch_person", person.ID, map[string]any{"programme_id": p.ID}); err != nil {
		return nil, err
	}
	return &person, nil
}

// CSVColumns are the columns of an import, in this order, with a header
// line. Languages and best times are lists separated by ";" or ",".
var CSVColumns = []string{"first_name", "phone", "languages", "best_times", "consent_by", "consent_at", "consent_how"}

// LineError is an invalid line of an import.
type LineError struct {
	Line   int
	Fields []models.FieldError
}

// ImportError lists every invalid line; nothing was added.
type ImportError struct {
	Lines []LineError
}

func (e *ImportError) Error() string { return fmt.Sprintf("watch: %d invalid lines", len(e.Lines)) }

// MaxImport is the largest number of people one import adds.
const MaxImport = 2000

// ImportCSV adds the people of a CSV file: all of them, or none when a
// line is invalid (every invalid line is reported).
func (s *Service) ImportCSV(ctx context.Context, p *models.WatchProgramme, actorID string, r io.Reader) ([]models.WatchPerson, error) {
	if err := s.active(p); err != nil {
		return nil, err
	}
	reader := csv.NewReader(r)
	reader.FieldsPerRecord = -1
	reader.TrimLeadingSpace = true
	records, err := reader.ReadAll()
	if err != nil {
		return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "file", Code: "watch.csv_unreadable"}}}
	}
	if len(records) == 0 {
		return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "file", Code: "watch.csv_empty"}}}
	}
	header := make([]string, len(records[0]))
	for i, h := range records[0] {
		header[i] = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	for _, col := range CSVColumns {
		if !slices.Contains(header, col) {
			return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "file", Code: "watch.csv_columns", Params: []any{strings.Join(CSVColumns, ",")}}}}
		}
	}
	rows := records[1:]
	if len(rows) > MaxImport || p.People+len(rows) > MaxPeople {
		return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "file", Code: "watch.csv_too_many", Params: []any{MaxImport}}}}
	}
	now := s.now()
	people := make([]models.WatchPerson, 0, len(rows))
	var bad ImportError
	for i, rec := range rows {
		cell := func(name string) string {
			j := slices.Index(header, name)
			if j < len(rec) {
				return rec[j]
			}
			return ""
		}
		in := PersonInput{FirstName: cell("first_name"), Phone: cell("phone"), Languages: splitList(cell("languages")),
			BestTimes: splitList(cell("best_times")), ConsentBy: cell("consent_by"), ConsentAt: cell("consent_at"), ConsentHow: cell("consent_how")}
		person, err := in.Validate(now)
		var verr *models.ValidationError
		if errors.As(err, &verr) {
			bad.Lines = append(bad.Lines, LineError{Line: i + 2, Fields: verr.Fields})
			continue
		}
		people = append(people, person)
	}
	if len(bad.Lines) > 0 {
		return nil, &bad
	}
	rowsOut := make([]models.WatchRow, len(people))
	entries := make([]models.AuditEntry, len(people))
	for i := range people {
		person := &people[i]
		person.ID, person.ProgrammeID, person.OrgID, person.CreatedAt = store.NewID(), p.ID, p.OrgID, now
		rowsOut[i] = models.WatchRow{PersonID: person.ID, FirstName: person.FirstName, Languages: person.Languages,
			BestTimes: person.BestTimes, AddedAt: now}
		entries[i] = models.AuditEntry{ID: store.NewID(), ActorID: actorID, Action: ActionPersonAdd, TargetType: "watch_person",
			TargetID: person.ID, After: map[string]any{"programme_id": p.ID}, At: now}
	}
	if err := s.store.InsertWatchPeople(ctx, p.ID, people, rowsOut); err != nil {
		return nil, err
	}
	p.People += len(people)
	return people, s.store.AppendAudits(ctx, entries)
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' || r == '|' })
}

// Person returns a person of programme p for a coordinator, audited.
func (s *Service) Person(ctx context.Context, p *models.WatchProgramme, actorID, personID string) (*models.WatchPerson, error) {
	person, err := s.store.WatchPerson(ctx, personID)
	if err != nil {
		return nil, err
	}
	if person.ProgrammeID != p.ID {
		return nil, store.ErrNotFound
	}
	if err := s.audit(ctx, actorID, ActionPersonView, "watch_person", person.ID, nil); err != nil {
		return nil, err
	}
	return person, nil
}

// People returns a page of the list of programme p for a coordinator, by
// first name, and the size of the list; the view is audited once, on the
// programme, with the ids shown.
func (s *Service) People(ctx context.Context, p *models.WatchProgramme, actorID string, skip, limit int) ([]models.WatchPerson, int, error) {
	rows, err := s.store.WatchBoard(ctx, p.ID)
	if err != nil {
		return nil, 0, err
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].FirstName != rows[j].FirstName {
			return rows[i].FirstName < rows[j].FirstName
		}
		return rows[i].PersonID < rows[j].PersonID
	})
	ids := []string{}
	for i := skip; i < len(rows) && i < skip+limit; i++ {
		ids = append(ids, rows[i].PersonID)
	}
	people, err := s.store.WatchPeopleByIDs(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	if err := s.audit(ctx, actorID, ActionListView, "watch_programme", p.ID, map[string]any{"people": len(people), "skip": skip}); err != nil {
		return nil, 0, err
	}
	return people, len(rows), nil
}

// Calls returns a person's call log for a coordinator, newest first, audited.
func (s *Service) Calls(ctx context.Context, p *models.WatchProgramme, actorID, personID string) ([]models.WatchCall, error) {
	person, err := s.store.WatchPerson(ctx, personID)
	if err != nil {
		return nil, err
	}
	if person.ProgrammeID != p.ID {
		return nil, store.ErrNotFound
	}
	if err := s.audit(ctx, actorID, ActionCallsView, "watch_person", person.ID, nil); err != nil {
		return nil, err
	}
	calls, err := s.store.WatchCalls(ctx, personID)
	slices.Reverse(calls)
	return calls, err
}

// RemovePerson deletes a person at their request, with their call log,
// at once; allowed even after the programme's end.
func (s *Service) RemovePerson(ctx context.Context, p *models.WatchProgramme, actorID, personID string) error {
	person, err := s.store.WatchPerson(ctx, personID)
	if err != nil {
		return err
	}
	if person.ProgrammeID != p.ID {
		return store.ErrNotFound
	}
	if err := s.store.DeleteWatchPerson(ctx, person); err != nil {
		return err
	}
	return s.audit(ctx, actorID, ActionPersonDelete, "watch_person", person.ID, map[string]any{"programme_id": p.ID})
}

// Assign gives a person to a volunteer of the programme ("" hands them
// back to the programme).
func (s *Service) Assign(ctx context.Context, p *models.WatchProgramme, actorID, personID, volunteerID string) (*models.WatchPerson, error) {
	if err := s.active(p); err != nil {
		return nil, err
	}
	person, err := s.store.WatchPerson(ctx, personID)
	if err != nil {
		return nil, err
	}
	if person.ProgrammeID != p.ID {
		return nil, store.ErrNotFound
	}
	if volunteerID != "" {
		if _, ok := p.Volunteer(volunteerID); !ok {
			return nil, &models.ValidationError{Fields: []models.FieldError{{Field: "volunteer_id", Code: "watch.not_a_volunteer"}}}
		}
	}
	if person.VolunteerID == volunteerID {
		return person, nil
	}
	if err := s.store.AssignWatchPerson(ctx, person, volunteerID); err != nil {
		return nil, err
	}
	return person, s.audit(ctx, actorID, ActionPersonAssign, "watch_person", person.ID, map[string]any{"volunteer_id": volunteerID})
}
