package handlers

import (
	"errors"
	"fmt"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

// The JSON shapes of the watch API. A person's phone appears only in a
// person's own record (to their coordinators and their volunteer), never
// in the board or a list of calls.

func day(t *time.Time) *string {
	if t == nil || t.IsZero() {
		return nil
	}
	s := t.UTC().Format("2006-01-02")
	return &s
}

type watchVolunteerResponse struct {
	UserID   string    `json:"user_id"`
	Name     string    `json:"name"`
	JoinedAt time.Time `json:"joined_at"`
}

type programmeResponse struct {
	ID         string                   `json:"id"`
	OrgID      string                   `json:"org_id"`
	Name       string                   `json:"name"`
	RhythmDays int                      `json:"rhythm_days"`
	EndsOn     string                   `json:"ends_on"`
	Ended      bool                     `json:"ended"`
	People     int                      `json:"people"`
	Volunteers []watchVolunteerResponse `json:"volunteers"`
	CreatedAt  time.Time                `json:"created_at"`
	PurgedAt   *time.Time               `json:"purged_at,omitempty"`
	Stats      *models.WatchStats       `json:"stats,omitempty"`
}

func newProgrammeResponse(p *models.WatchProgramme, now time.Time) programmeResponse {
	out := programmeResponse{ID: p.ID, OrgID: p.OrgID, Name: p.Name, RhythmDays: p.RhythmDays, EndsOn: p.EndsOn.Format("2006-01-02"),
		Ended: p.Ended(now), People: p.People, Volunteers: []watchVolunteerResponse{}, CreatedAt: p.CreatedAt,
		PurgedAt: p.PurgedAt, Stats: p.Stats}
	for _, v := range p.Volunteers {
		out.Volunteers = append(out.Volunteers, watchVolunteerResponse(v))
	}
	return out
}

type consentResponse struct {
	By  string `json:"by"`
	At  string `json:"at"`
	How string `json:"how"`
}

type personResponse struct {
	ID          string          `json:"id"`
	ProgrammeID string          `json:"programme_id"`
	FirstName   string          `json:"first_name"`
	Phone       string          `json:"phone"`
	Languages   []string        `json:"languages"`
	BestTimes   []string        `json:"best_times"`
	Consent     consentResponse `json:"consent"`
	VolunteerID *string         `json:"volunteer_id"`
	CreatedAt   time.Time       `json:"created_at"`
	LastCallAt  *time.Time      `json:"last_call_at"`
	LastOutcome *string         `json:"last_outcome"`
	NextCallOn  *string         `json:"next_call_on"`
}

func newPersonResponse(p *models.WatchPerson) personResponse {
	out := personResponse{ID: p.ID, ProgrammeID: p.ProgrammeID, FirstName: p.FirstName, Phone: p.Phone,
		Languages: nonNil(p.Languages), BestTimes: nonNil(p.BestTimes), CreatedAt: p.CreatedAt,
		Consent:    consentResponse{By: p.Consent.By, At: p.Consent.At.Format("2006-01-02"), How: p.Consent.How},
		LastCallAt: p.LastCallAt, NextCallOn: day(p.NextCallOn)}
	if p.VolunteerID != "" {
		out.VolunteerID = &p.VolunteerID
	}
	if p.LastOutcome != "" {
		o := string(p.LastOutcome)
		out.LastOutcome = &o
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type callResponse struct {
	ID          string    `json:"id"`
	At          time.Time `json:"at"`
	VolunteerID string    `json:"volunteer_id"`
	Outcome     string    `json:"outcome"`
	Concern     string    `json:"concern"`
	Note        string    `json:"note,omitempty"`
	NextCallOn  *string   `json:"next_call_on"`
}

func newCallResponse(c models.WatchCall) callResponse {
	return callResponse{ID: c.ID, At: c.At, VolunteerID: c.VolunteerID, Outcome: string(c.Outcome), Concern: string(c.Concern),
		Note: c.Note, NextCallOn: day(c.NextCallOn)}
}

type rowResponse struct {
	PersonID       string     `json:"person_id"`
	FirstName      string     `json:"first_name"`
	Languages      []string   `json:"languages"`
	VolunteerID    *string    `json:"volunteer_id"`
	LastCallAt     *time.Time `json:"last_call_at"`
	LastOutcome    *string    `json:"last_outcome"`
	LastReachedAt  *time.Time `json:"last_reached_at"`
	NoAnswerStreak int        `json:"no_answer_streak"`
	NextCallOn     *string    `json:"next_call_on"`
	DaysSince      int        `json:"days_since"`
}

func newRows(rows []watch.Row) []rowResponse {
	out := make([]rowResponse, 0, len(rows))
	for _, r := range rows {
		row := rowResponse{PersonID: r.PersonID, FirstName: r.FirstName, Languages: nonNil(r.Languages), LastCallAt: r.LastCallAt,
			LastReachedAt: r.LastReachedAt, NoAnswerStreak: r.NoAnswerStreak, NextCallOn: day(r.NextCallOn), DaysSince: r.DaysSince}
		if r.VolunteerID != "" {
			id := r.VolunteerID
			row.VolunteerID = &id
		}
		if r.LastOutcome != "" {
			o := string(r.LastOutcome)
			row.LastOutcome = &o
		}
		out = append(out, row)
	}
	return out
}

type concernResponse struct {
	ID           string     `json:"id"`
	PersonID     string     `json:"person_id"`
	FirstName    string     `json:"first_name"`
	Level        string     `json:"level"`
	RaisedBy     string     `json:"raised_by"`
	RaisedByName string     `json:"raised_by_name"`
	RaisedAt     time.Time  `json:"raised_at"`
	HandlerID    *string    `json:"handler_id"`
	HandlerName  string     `json:"handler_name"`
	HandledAt    *time.Time `json:"handled_at"`
	ClosedAt     *time.Time `json:"closed_at"`
	// MissionDraft opens the mission editor prefilled, for supplies.
	MissionDraft string `json:"mission_draft,omitempty"`
}

func newConcernResponse(c watch.Concern, orgID, programmeName, lang string) concernResponse {
	out := concernResponse{ID: c.ID, PersonID: c.PersonID, FirstName: c.FirstName, Level: string(c.Level), RaisedBy: c.RaisedBy,
		RaisedByName: c.RaisedByName, RaisedAt: c.RaisedAt, HandlerName: c.HandlerName, HandledAt: c.HandledAt, ClosedAt: c.ClosedAt}
	if c.HandlerID != "" {
		id := c.HandlerID
		out.HandlerID = &id
	}
	if c.Level == models.ConcernSupplies && c.ClosedAt == nil {
		out.MissionDraft = missionDraftLink(orgID, programmeName, lang)
	}
	return out
}

type loadResponse struct {
	UserID  string `json:"user_id"`
	Name    string `json:"name"`
	People  int    `json:"people"`
	Overdue int    `json:"overdue"`
}

type boardResponse struct {
	ProgrammeID    string            `json:"programme_id"`
	RhythmDays     int               `json:"rhythm_days"`
	People         int               `json:"people"`
	Overdue        []rowResponse     `json:"overdue"`
	NoAnswer       []rowResponse     `json:"no_answer"`
	Declined       []rowResponse     `json:"declined"`
	Unassigned     []rowResponse     `json:"unassigned"`
	OpenConcerns   []concernResponse `json:"open_concerns"`
	ClosedConcerns []concernResponse `json:"closed_concerns"`
	Load           []loadResponse    `json:"load"`
}

func newBoardResponse(b *watch.Board, lang string) boardResponse {
	p := b.Programme
	out := boardResponse{ProgrammeID: p.ID, RhythmDays: p.RhythmDays, People: b.People, Overdue: newRows(b.Overdue), NoAnswer: newRows(b.NoAnswer),
		Declined: newRows(b.Declined), Unassigned: newRows(b.Unassigned), OpenConcerns: []concernResponse{},
		ClosedConcerns: []concernResponse{}, Load: []loadResponse{}}
	for _, c := range b.Open {
		out.OpenConcerns = append(out.OpenConcerns, newConcernResponse(c, p.OrgID, p.Name, lang))
	}
	for _, c := range b.Closed {
		out.ClosedConcerns = append(out.ClosedConcerns, newConcernResponse(c, p.OrgID, p.Name, lang))
	}
	for _, l := range b.Load {
		out.Load = append(out.Load, loadResponse(l))
	}
	return out
}

type pairResponse struct {
	PersonID      string   `json:"person_id"`
	FirstName     string   `json:"first_name"`
	VolunteerID   string   `json:"volunteer_id"`
	VolunteerName string   `json:"volunteer_name"`
	Languages     []string `json:"languages"`
	Times         []string `json:"times"`
}

func newPairs(pairs []watch.Pair) []pairResponse {
	out := make([]pairResponse, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, pairResponse{PersonID: p.PersonID, FirstName: p.FirstName, VolunteerID: p.VolunteerID,
			VolunteerName: p.Volunteer, Languages: nonNil(p.Languages), Times: nonNil(p.Times)})
	}
	return out
}

// watchProblem maps the watch package's own errors.
func watchProblem(err error) error {
	var imp *watch.ImportError
	switch {
	case errors.Is(err, watch.ErrEnded):
		return problem(409, "invalid-state", "watch.ended")
	case errors.As(err, &imp):
		var fields []models.FieldError
		for _, line := range imp.Lines {
			for _, f := range line.Fields {
				fields = append(fields, models.FieldError{Field: fmt.Sprintf("line %d: %s", line.Line, f.Field), Code: f.Code, Params: f.Params})
			}
		}
		return &Problem{Status: 400, Slug: "validation-error", Fields: fields, Err: err}
	}
	return err
}
