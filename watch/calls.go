package watch

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

var zeroTime time.Time

// Assigned is a person as their volunteer sees them.
type Assigned struct {
	Person    models.WatchPerson
	Programme *models.WatchProgramme
	// Due reports whether the next call date has come.
	Due bool
}

// MyPeople lists the people assigned to a volunteer now, in programmes
// that are still running, the calls due first.
func (s *Service) MyPeople(ctx context.Context, volunteerID string) ([]Assigned, error) {
	assigned, err := s.store.WatchAssignments(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	programmes := map[string]*models.WatchProgramme{}
	now := s.now()
	out := make([]Assigned, 0, len(assigned))
	for personID, programmeID := range assigned {
		p, ok := programmes[programmeID]
		if !ok {
			p, err = s.store.WatchProgrammeByID(ctx, programmeID)
			if err != nil && err != store.ErrNotFound {
				return nil, err
			}
			programmes[programmeID] = p
		}
		if p == nil || s.active(p) != nil {
			continue
		}
		person, err := s.store.WatchPerson(ctx, personID)
		if err == store.ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		// The person's own record is the authority: a stale list entry
		// never shows someone handed to another volunteer.
		if person.VolunteerID != volunteerID {
			continue
		}
		out = append(out, Assigned{Person: *person, Programme: p, Due: person.NextCallOn == nil || !person.NextCallOn.After(now)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Due != out[j].Due {
			return out[i].Due
		}
		return out[i].Person.FirstName < out[j].Person.FirstName
	})
	return out, nil
}

// MyPerson returns a person for their volunteer, audited; anybody else,
// and the volunteer once the person is handed back or the programme is
// over, gets ErrNotFound.
func (s *Service) MyPerson(ctx context.Context, volunteerID, personID string) (*models.WatchPerson, *models.WatchProgramme, error) {
	person, p, err := s.assigned(ctx, volunteerID, personID)
	if err != nil {
		return nil, nil, err
	}
	if err := s.audit(ctx, volunteerID, ActionPersonView, "watch_person", person.ID, nil); err != nil {
		return nil, nil, err
	}
	return person, p, nil
}

// assigned reads a person for their volunteer, without auditing a view.
func (s *Service) assigned(ctx context.Context, volunteerID, personID string) (*models.WatchPerson, *models.WatchProgramme, error) {
	person, err := s.store.WatchPerson(ctx, personID)
	if err != nil {
		return nil, nil, err
	}
	if person.VolunteerID == "" || person.VolunteerID != volunteerID {
		return nil, nil, store.ErrNotFound
	}
	p, err := s.store.WatchProgrammeByID(ctx, person.ProgrammeID)
	if err != nil {
		return nil, nil, err
	}
	if s.active(p) != nil {
		return nil, nil, store.ErrNotFound
	}
	if _, ok := p.Volunteer(volunteerID); !ok {
		return nil, nil, store.ErrNotFound
	}
	return person, p, nil
}

// MyCalls returns the calls a volunteer sees of their person, newest
// first: dates, outcomes and next dates; notes are for the coordinators.
func (s *Service) MyCalls(ctx context.Context, personID string) ([]models.WatchCall, error) {
	calls, err := s.store.WatchCalls(ctx, personID)
	if err != nil {
		return nil, err
	}
	for i := range calls {
		calls[i].Note = ""
	}
	slices.Reverse(calls)
	return calls, nil
}

// Logged is the result of logging a call.
type Logged struct {
	Call    models.WatchCall
	Concern *models.WatchConcernItem
	// Emergency lists the numbers to call at once.
	Emergency []string
}

// LogCall records a volunteer's call to their person. A concern opens an
// item on the board; from level 2 the coordinators are told at once.
func (s *Service) LogCall(ctx context.Context, volunteerID, personID string, in CallInput) (*Logged, error) {
	person, p, err := s.assigned(ctx, volunteerID, personID)
	if err != nil {
		return nil, err
	}
	now := s.now()
	call, err := in.Validate(now, p.RhythmDays)
	if err != nil {
		return nil, err
	}
	call.ID, call.At, call.VolunteerID = store.NewID(), now, volunteerID
	change := store.WatchCallChange{Call: call, Reached: call.Outcome == models.OutcomeReached, NoAnswer: call.Outcome == models.OutcomeNoAnswer}
	if err := s.store.AppendWatchCall(ctx, person, change); err != nil {
		return nil, err
	}
	if err := s.audit(ctx, volunteerID, ActionCallLog, "watch_person", person.ID,
		map[string]any{"outcome": string(call.Outcome), "concern": string(call.Concern)}); err != nil {
		return nil, err
	}
	out := &Logged{Call: call}
	if call.Concern == models.ConcernNone {
		return out, nil
	}
	item := models.WatchConcernItem{ID: store.NewID(), PersonID: person.ID, FirstName: person.FirstName, Level: call.Concern,
		CallID: call.ID, RaisedBy: volunteerID, RaisedAt: now}
	if err := s.store.AddWatchConcern(ctx, p.ID, item); err != nil {
		return nil, err
	}
	out.Concern = &item
	if call.Concern == models.ConcernEmergency {
		out.Emergency = EmergencyNumbers
	}
	if call.Concern.Alerts() {
		if err := s.alertCoordinators(ctx, p, item); err != nil {
			// The call is logged and the concern is on the board; a
			// failed notification must not hide that from the volunteer.
			s.log.Error("watch concern alert failed", "programme_id", p.ID, "concern_id", item.ID, "error", err)
		}
	}
	return out, nil
}

// alertCoordinators tells every member of the organisation, in the app and
// by e-mail, that a concern needs them; the message names the programme
// and the level, never the person.
func (s *Service) alertCoordinators(ctx context.Context, p *models.WatchProgramme, item models.WatchConcernItem) error {
	org, err := s.store.OrganizationByID(ctx, p.OrgID)
	if err != nil {
		return err
	}
	params := map[string]string{
		"programme_name": p.Name,
		"level":          string(item.Level),
		"link":           "/organizations/" + p.OrgID + "/watch/" + p.ID + "#concerns",
	}
	for _, m := range org.Members {
		key := "watch-concern:" + item.ID + ":" + m.UserID
		if _, err := s.notify.NotifyOnce(ctx, key, m.UserID, models.EventWatchConcern, params); err != nil && err != store.ErrNotFound {
			return err
		}
	}
	return nil
}

// HandleConcern records that a coordinator handles a concern, or closes
// it; a closed concern is ErrConcernClosed.
func (s *Service) HandleConcern(ctx context.Context, p *models.WatchProgramme, actorID, concernID string, closing bool) (*models.WatchConcernItem, error) {
	item, err := s.store.HandleWatchConcern(ctx, p.ID, concernID, actorID, closing, s.now())
	if err != nil {
		if item != nil && item.ClosedAt != nil {
			return item, fmt.Errorf("%w: %w", ErrConcernClosed, err)
		}
		return item, err
	}
	action := "handle"
	if closing {
		action = "close"
	}
	return item, s.audit(ctx, actorID, ActionConcern, "watch_person", item.PersonID, map[string]any{"concern_id": item.ID, "action": action})
}
