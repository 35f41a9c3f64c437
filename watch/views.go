package watch

import (
	"net/url"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// The views of the watch data that the API sends. They say what each
// reader may see: a person's phone appears only in the person's own record
// (to their coordinators and their volunteer), never in the board or a
// list of calls.

// day writes a date as YYYY-MM-DD, or nil.
func day(t *time.Time) *string {
	if t == nil || t.IsZero() {
		return nil
	}
	s := t.UTC().Format("2006-01-02")
	return &s
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// optional is s, or nil when empty.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// VolunteerView is a volunteer of a programme.
type VolunteerView struct {
	UserID   string    `json:"user_id"`
	Name     string    `json:"name"`
	JoinedAt time.Time `json:"joined_at"`
}

// ProgrammeView is a programme.
type ProgrammeView struct {
	ID         string             `json:"id"`
	OrgID      string             `json:"org_id"`
	Name       string             `json:"name"`
	RhythmDays int                `json:"rhythm_days"`
	EndsOn     string             `json:"ends_on"`
	Ended      bool               `json:"ended"`
	People     int                `json:"people"`
	Volunteers []VolunteerView    `json:"volunteers"`
	CreatedAt  time.Time          `json:"created_at"`
	PurgedAt   *time.Time         `json:"purged_at,omitempty"`
	Stats      *models.WatchStats `json:"stats,omitempty"`
}

// NewProgrammeView is p's view at now.
func NewProgrammeView(p *models.WatchProgramme, now time.Time) ProgrammeView {
	out := ProgrammeView{ID: p.ID, OrgID: p.OrgID, Name: p.Name, RhythmDays: p.RhythmDays, EndsOn: p.EndsOn.Format("2006-01-02"),
		Ended: p.Ended(now), People: p.People, Volunteers: []VolunteerView{}, CreatedAt: p.CreatedAt,
		PurgedAt: p.PurgedAt, Stats: p.Stats}
	for _, v := range p.Volunteers {
		out.Volunteers = append(out.Volunteers, VolunteerView(v))
	}
	return out
}

// ConsentView is a person's recorded consent.
type ConsentView struct {
	By  string `json:"by"`
	At  string `json:"at"`
	How string `json:"how"`
}

// PersonView is a person's own record, with their phone.
type PersonView struct {
	ID          string      `json:"id"`
	ProgrammeID string      `json:"programme_id"`
	FirstName   string      `json:"first_name"`
	Phone       string      `json:"phone"`
	Languages   []string    `json:"languages"`
	BestTimes   []string    `json:"best_times"`
	Consent     ConsentView `json:"consent"`
	VolunteerID *string     `json:"volunteer_id"`
	CreatedAt   time.Time   `json:"created_at"`
	LastCallAt  *time.Time  `json:"last_call_at"`
	LastOutcome *string     `json:"last_outcome"`
	NextCallOn  *string     `json:"next_call_on"`
}

// NewPersonView is p's record.
func NewPersonView(p *models.WatchPerson) PersonView {
	return PersonView{ID: p.ID, ProgrammeID: p.ProgrammeID, FirstName: p.FirstName, Phone: p.Phone,
		Languages: nonNil(p.Languages), BestTimes: nonNil(p.BestTimes), CreatedAt: p.CreatedAt,
		Consent:    ConsentView{By: p.Consent.By, At: p.Consent.At.Format("2006-01-02"), How: p.Consent.How},
		LastCallAt: p.LastCallAt, NextCallOn: day(p.NextCallOn), VolunteerID: optional(p.VolunteerID),
		LastOutcome: optional(string(p.LastOutcome))}
}

// PeopleViews are the records of people.
func PeopleViews(people []models.WatchPerson) []PersonView {
	out := make([]PersonView, 0, len(people))
	for i := range people {
		out = append(out, NewPersonView(&people[i]))
	}
	return out
}

// CallView is a call of the log; Note is empty for volunteers (MyCalls).
type CallView struct {
	ID          string    `json:"id"`
	At          time.Time `json:"at"`
	VolunteerID string    `json:"volunteer_id"`
	Outcome     string    `json:"outcome"`
	Concern     string    `json:"concern"`
	Note        string    `json:"note,omitempty"`
	NextCallOn  *string   `json:"next_call_on"`
}

// NewCallView is c's view.
func NewCallView(c models.WatchCall) CallView {
	return CallView{ID: c.ID, At: c.At, VolunteerID: c.VolunteerID, Outcome: string(c.Outcome), Concern: string(c.Concern),
		Note: c.Note, NextCallOn: day(c.NextCallOn)}
}

// CallViews are the views of calls, in their order.
func CallViews(calls []models.WatchCall) []CallView {
	out := make([]CallView, 0, len(calls))
	for _, c := range calls {
		out = append(out, NewCallView(c))
	}
	return out
}

// RowView is a person's line on the board: no phone.
type RowView struct {
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

func rowViews(rows []Row) []RowView {
	out := make([]RowView, 0, len(rows))
	for _, r := range rows {
		out = append(out, RowView{PersonID: r.PersonID, FirstName: r.FirstName, Languages: nonNil(r.Languages), LastCallAt: r.LastCallAt,
			LastReachedAt: r.LastReachedAt, NoAnswerStreak: r.NoAnswerStreak, NextCallOn: day(r.NextCallOn), DaysSince: r.DaysSince,
			VolunteerID: optional(r.VolunteerID), LastOutcome: optional(string(r.LastOutcome))})
	}
	return out
}

// ConcernView is a concern on the board.
type ConcernView struct {
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

// NewConcernView is c's view in programme p, in lang: an open supplies
// concern offers a mission draft.
func NewConcernView(c Concern, p *models.WatchProgramme, lang string) ConcernView {
	out := ConcernView{ID: c.ID, PersonID: c.PersonID, FirstName: c.FirstName, Level: string(c.Level), RaisedBy: c.RaisedBy,
		RaisedByName: c.RaisedByName, RaisedAt: c.RaisedAt, HandlerName: c.HandlerName, HandledAt: c.HandledAt, ClosedAt: c.ClosedAt,
		HandlerID: optional(c.HandlerID)}
	if c.Level == models.ConcernSupplies && c.ClosedAt == nil {
		out.MissionDraft = MissionDraftLink(p.OrgID, p.Name, lang)
	}
	return out
}

// MissionDraftLink opens the mission editor prefilled for a supplies
// need: generic words only, never the person's details.
func MissionDraftLink(orgID, programmeName, lang string) string {
	q := url.Values{}
	q.Set("title", i18n.T(lang, "watch.draft_title", programmeName))
	q.Set("description", i18n.T(lang, "watch.draft_description"))
	q.Set("category", "food_aid")
	return "/organizations/" + orgID + "/missions/new?" + q.Encode()
}

// LoadView is a volunteer's share of the list.
type LoadView struct {
	UserID  string `json:"user_id"`
	Name    string `json:"name"`
	People  int    `json:"people"`
	Overdue int    `json:"overdue"`
}

// BoardView is the coordinator's board.
type BoardView struct {
	ProgrammeID    string        `json:"programme_id"`
	RhythmDays     int           `json:"rhythm_days"`
	People         int           `json:"people"`
	Overdue        []RowView     `json:"overdue"`
	NoAnswer       []RowView     `json:"no_answer"`
	Declined       []RowView     `json:"declined"`
	Unassigned     []RowView     `json:"unassigned"`
	OpenConcerns   []ConcernView `json:"open_concerns"`
	ClosedConcerns []ConcernView `json:"closed_concerns"`
	Load           []LoadView    `json:"load"`
}

// NewBoardView is b's view in lang.
func NewBoardView(b *Board, lang string) BoardView {
	p := b.Programme
	out := BoardView{ProgrammeID: p.ID, RhythmDays: p.RhythmDays, People: b.People, Overdue: rowViews(b.Overdue), NoAnswer: rowViews(b.NoAnswer),
		Declined: rowViews(b.Declined), Unassigned: rowViews(b.Unassigned), OpenConcerns: []ConcernView{},
		ClosedConcerns: []ConcernView{}, Load: []LoadView{}}
	for _, c := range b.Open {
		out.OpenConcerns = append(out.OpenConcerns, NewConcernView(c, p, lang))
	}
	for _, c := range b.Closed {
		out.ClosedConcerns = append(out.ClosedConcerns, NewConcernView(c, p, lang))
	}
	for _, l := range b.Load {
		out.Load = append(out.Load, LoadView(l))
	}
	return out
}

// PairView is a proposed pair.
type PairView struct {
	PersonID      string   `json:"person_id"`
	FirstName     string   `json:"first_name"`
	VolunteerID   string   `json:"volunteer_id"`
	VolunteerName string   `json:"volunteer_name"`
	Languages     []string `json:"languages"`
	Times         []string `json:"times"`
}

// PairViews are the views of pairs.
func PairViews(pairs []Pair) []PairView {
	out := make([]PairView, 0, len(pairs))
	for _, p := range pairs {
		out = append(out, PairView{PersonID: p.PersonID, FirstName: p.FirstName, VolunteerID: p.VolunteerID,
			VolunteerName: p.Volunteer, Languages: nonNil(p.Languages), Times: nonNil(p.Times)})
	}
	return out
}

// CandidateView is a volunteer who may join a programme.
type CandidateView struct {
	UserID string `json:"user_id"`
	Name   string `json:"name"`
}

// CandidateViews are the views of candidates.
func CandidateViews(list []models.WatchVolunteer) []CandidateView {
	out := make([]CandidateView, 0, len(list))
	for _, v := range list {
		out = append(out, CandidateView{UserID: v.UserID, Name: v.Name})
	}
	return out
}

// AssignedView is a person as their volunteer sees them.
type AssignedView struct {
	ID            string     `json:"id"`
	ProgrammeID   string     `json:"programme_id"`
	ProgrammeName string     `json:"programme_name"`
	FirstName     string     `json:"first_name"`
	Phone         string     `json:"phone"`
	Languages     []string   `json:"languages"`
	BestTimes     []string   `json:"best_times"`
	LastCallAt    *time.Time `json:"last_call_at"`
	LastOutcome   *string    `json:"last_outcome"`
	NextCallOn    *string    `json:"next_call_on"`
	Due           bool       `json:"due"`
}

// NewAssignedView is a's view.
func NewAssignedView(a Assigned) AssignedView {
	p := NewPersonView(&a.Person)
	return AssignedView{ID: p.ID, ProgrammeID: a.Programme.ID, ProgrammeName: a.Programme.Name, FirstName: p.FirstName,
		Phone: p.Phone, Languages: p.Languages, BestTimes: p.BestTimes, LastCallAt: p.LastCallAt, LastOutcome: p.LastOutcome,
		NextCallOn: p.NextCallOn, Due: a.Due}
}

// AssignedViews are the views of a volunteer's people.
func AssignedViews(list []Assigned) []AssignedView {
	out := make([]AssignedView, 0, len(list))
	for _, a := range list {
		out = append(out, NewAssignedView(a))
	}
	return out
}

// MyPersonView is a volunteer's person with the calls they see, newest first.
type MyPersonView struct {
	AssignedView
	Calls []CallView `json:"calls"`
}

// LoggedView is the answer to a logged call.
type LoggedView struct {
	Call             CallView `json:"call"`
	ConcernID        *string  `json:"concern_id"`
	EmergencyNumbers []string `json:"emergency_numbers"`
}

// NewLoggedView is l's view.
func NewLoggedView(l *Logged) LoggedView {
	out := LoggedView{Call: NewCallView(l.Call), EmergencyNumbers: nonNil(l.Emergency)}
	if l.Concern != nil {
		out.ConcernID = &l.Concern.ID
	}
	return out
}
