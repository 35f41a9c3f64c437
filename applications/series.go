package applications

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// A recurring commitment (a weekly phone round, a Tuesday distribution)
// is a series of applications of one volunteer to shifts of one mission.
// It is not a document of its own: each date stays an application with
// its own state, place and history, going through the same rules as one
// made alone, so that the organisation decides per date, the waiting list
// works per date, and the volunteer can step back from one date.

// CodeNoShiftToCome refuses a series when the mission has no shift left.
const CodeNoShiftToCome = "no_shift_to_come"

// ShiftRefusal is why one shift of a series was not applied to, or one
// application of a series not withdrawn.
type ShiftRefusal struct {
	ShiftID       string
	ApplicationID string
	Err           error
}

// ApplySeries applies v to several shifts of a mission at once: the
// shifts shiftIDs, or all its shifts to come. Each shift, earliest first,
// goes through the rules of Apply (eligibility, open applications cap,
// overlap, full shift to the waiting list); a refused shift does not stop
// the others. A refusal of the mission itself (unknown, closed, the
// caller's own) or a failure of the store is returned as the error; the
// applications made before a failure stand, each on its own.
func (svc *Service) ApplySeries(ctx context.Context, v Volunteer, missionID string, shiftIDs []string, all bool, rawMessage string) (*models.Mission, []models.Application, []ShiftRefusal, error) {
	message, err := models.ValidateApplicationMessage(rawMessage)
	if err != nil {
		return nil, nil, nil, err
	}
	m, err := svc.applicableMission(ctx, missionID)
	if err != nil {
		return nil, nil, nil, err
	}
	if err := svc.notMember(ctx, v.ID, m); err != nil {
		return nil, nil, nil, err
	}
	shifts, refused, err := svc.seriesShifts(ctx, v.ID, m, shiftIDs, all)
	if err != nil {
		return nil, nil, nil, err
	}
	made := []models.Application{}
	for i := range shifts {
		a, err := svc.applyToShift(ctx, v, m, &shifts[i], message)
		if err != nil {
			if !refusesShift(err) {
				return m, made, refused, err
			}
			refused = append(refused, ShiftRefusal{ShiftID: shifts[i].ID, Err: err})
			continue
		}
		made = append(made, *a)
	}
	return m, made, refused, nil
}

// seriesShifts reads the shifts a series asks for, earliest first. All
// means every shift to come that the volunteer has not applied to yet (a
// withdrawn application may be made again): "all the dates" as a person
// ticks it. An id that is not a shift of the mission is refused as not
// found.
func (svc *Service) seriesShifts(ctx context.Context, volunteerID string, m *models.Mission, shiftIDs []string, all bool) ([]models.Shift, []ShiftRefusal, error) {
	shifts, err := svc.Store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return nil, nil, err
	}
	var out []models.Shift
	var refused []ShiftRefusal
	if all {
		applied, err := svc.appliedShifts(ctx, volunteerID)
		if err != nil {
			return nil, nil, err
		}
		now, toCome := svc.now(), 0
		for _, sh := range shifts {
			if !sh.Start.After(now) {
				continue
			}
			toCome++
			if !applied[sh.ID] {
				out = append(out, sh)
			}
		}
		switch {
		case toCome == 0:
			return nil, nil, conflict(CodeNoShiftToCome)
		case len(out) == 0:
			return nil, nil, conflict(CodeAlreadyApplied)
		}
	} else {
		for _, id := range shiftIDs {
			i := slices.IndexFunc(shifts, func(sh models.Shift) bool { return sh.ID == id })
			if i < 0 {
				refused = append(refused, ShiftRefusal{ShiftID: id, Err: store.ErrNotFound})
				continue
			}
			out = append(out, shifts[i])
		}
	}
	slices.SortStableFunc(out, func(a, b models.Shift) int { return a.Start.Compare(b.Start) })
	return out, refused, nil
}

// appliedShifts are the shifts the volunteer holds an application to
// that is not withdrawn.
func (svc *Service) appliedShifts(ctx context.Context, volunteerID string) (map[string]bool, error) {
	apps, err := svc.VolunteerApplications(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, a := range apps {
		if a.Status != models.ApplicationWithdrawn {
			out[a.ShiftID] = true
		}
	}
	return out, nil
}

// refusesShift reports whether err refuses one shift (a rule, a state, a
// shift not found) rather than failing the whole series.
func refusesShift(err error) bool {
	var r *Refusal
	var se *StateError
	return errors.As(err, &r) || errors.As(err, &se) || errors.Is(err, store.ErrNotFound)
}

// SeriesOf returns v's applications to a mission, earliest shift first;
// store.ErrNotFound when there is none (someone else's series is none).
func (svc *Service) SeriesOf(ctx context.Context, volunteerID, missionID string) ([]models.Application, error) {
	apps, err := svc.VolunteerApplications(ctx, volunteerID)
	if err != nil {
		return nil, err
	}
	out := slices.DeleteFunc(apps, func(a models.Application) bool { return a.MissionID != missionID })
	if len(out) == 0 {
		return nil, store.ErrNotFound
	}
	slices.SortStableFunc(out, func(a, b models.Application) int { return a.ShiftStart.Compare(b.ShiftStart) })
	return out, nil
}

// WithdrawSeries withdraws every open application of v to a mission, each
// through the rules of Withdraw: an accepted shift that started stays, and
// is listed with its refusal. The withdrawn applications come back
// earliest first; store.ErrNotFound when v never applied to the mission.
func (svc *Service) WithdrawSeries(ctx context.Context, v Volunteer, missionID, reason string) ([]models.Application, []ShiftRefusal, error) {
	apps, err := svc.SeriesOf(ctx, v.ID, missionID)
	if err != nil {
		return nil, nil, err
	}
	withdrawn := []models.Application{}
	var kept []ShiftRefusal
	for i := range apps {
		if !apps[i].Status.Open() {
			continue
		}
		updated, err := svc.Withdraw(ctx, v, &apps[i], reason)
		if err != nil {
			if !refusesShift(err) {
				return withdrawn, kept, err
			}
			kept = append(kept, ShiftRefusal{ShiftID: apps[i].ShiftID, ApplicationID: apps[i].ID, Err: err})
			continue
		}
		withdrawn = append(withdrawn, *updated)
	}
	return withdrawn, kept, nil
}

// Series is a volunteer's commitment to one mission as "Mes missions"
// shows it: its applications still open, earliest first, and the next
// date to come.
type Series struct {
	MissionID    string
	Applications []models.Application
	Next         *models.Application
}

// GroupSeries gathers open applications (as VolunteerApplications returns
// them) into series, one per mission with at least two, in the order their
// missions first appear; the applications in no series are returned apart,
// in their order.
func GroupSeries(apps []models.Application, now time.Time) (series []Series, single []models.Application) {
	byMission := map[string][]models.Application{}
	var order []string
	for _, a := range apps {
		if _, ok := byMission[a.MissionID]; !ok {
			order = append(order, a.MissionID)
		}
		byMission[a.MissionID] = append(byMission[a.MissionID], a)
	}
	inSeries := map[string]bool{}
	for _, id := range order {
		list := byMission[id]
		if len(list) < 2 {
			continue
		}
		inSeries[id] = true
		slices.SortStableFunc(list, func(a, b models.Application) int { return a.ShiftStart.Compare(b.ShiftStart) })
		s := Series{MissionID: id, Applications: list}
		for i := range list {
			if list[i].ShiftStart.After(now) {
				s.Next = &list[i]
				break
			}
		}
		series = append(series, s)
	}
	for _, a := range apps {
		if !inSeries[a.MissionID] {
			single = append(single, a)
		}
	}
	return series, single
}
