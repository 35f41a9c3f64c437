package models

import "time"

// The watch feature keeps in touch with isolated people: an organisation's
// programme, its watch list, the volunteers who call and the call log. The
// people on a list are vulnerable; their records hold only what a call
// needs, and nobody but the organisation's members and the volunteer they
// are assigned to ever reads them.

// EventWatchConcern tells an organisation member that a call raised a
// concern of level 2 or more: programme_name, level, link. It never names
// the person: their details stay in the application.
const EventWatchConcern Event = "watch_concern"

// WatchOutcome is how a call went.
type WatchOutcome string

// Call outcomes.
const (
	OutcomeReached     WatchOutcome = "reached"
	OutcomeNoAnswer    WatchOutcome = "no_answer"
	OutcomeWrongNumber WatchOutcome = "wrong_number"
	OutcomeDeclined    WatchOutcome = "declined" // does not wish to be called
)

// WatchOutcomes lists the outcomes in the order a form shows them.
var WatchOutcomes = []WatchOutcome{OutcomeReached, OutcomeNoAnswer, OutcomeWrongNumber, OutcomeDeclined}

// WatchConcern is the level of concern a call raised.
type WatchConcern string

// Concern levels: 1 needs to talk, 2 health worry, 3 supplies or daily
// needs, and an emergency.
const (
	ConcernNone      WatchConcern = "none"
	ConcernListen    WatchConcern = "listen"
	ConcernHealth    WatchConcern = "health"
	ConcernSupplies  WatchConcern = "supplies"
	ConcernEmergency WatchConcern = "emergency"
)

// WatchConcerns lists the levels in order.
var WatchConcerns = []WatchConcern{ConcernNone, ConcernListen, ConcernHealth, ConcernSupplies, ConcernEmergency}

// Level is the concern's rank: 0 none, 1, 2, 3, 4 for an emergency.
func (c WatchConcern) Level() int {
	for i, l := range WatchConcerns {
		if l == c {
			return i
		}
	}
	return -1
}

// Alerts reports whether the coordinators are told at once.
func (c WatchConcern) Alerts() bool { return c.Level() >= 2 }

// WatchConsent records who agreed to be called, when and how.
type WatchConsent struct {
	By  string    `bson:"by"`  // person, relative, guardian, referrer
	At  time.Time `bson:"at"`  // the day it was given
	How string    `bson:"how"` // phone, paper, in_person, email
}

// Consent values.
var (
	ConsentBy  = []string{"person", "relative", "guardian", "referrer"}
	ConsentHow = []string{"phone", "paper", "in_person", "email"}
)

// WatchVolunteer is a volunteer of a programme.
type WatchVolunteer struct {
	UserID   string    `bson:"user_id"`
	Name     string    `bson:"name"`
	JoinedAt time.Time `bson:"joined_at"`
}

// WatchStats are the anonymised counts kept after a programme's data is
// deleted.
type WatchStats struct {
	People    int            `bson:"people" json:"people"`
	Calls     int            `bson:"calls" json:"calls"`
	Reached   int            `bson:"reached" json:"reached"`
	Concerns  map[string]int `bson:"concerns" json:"concerns"`
	Computed  time.Time      `bson:"computed_at" json:"computed_at"`
	Volunteer int            `bson:"volunteers" json:"volunteers"`
}

// WatchProgramme is an organisation's programme: its rhythm, its end, its
// volunteers and how many people are on its list (the list itself is the
// board's rows; each person's details are a document of their own). It
// stays small: every call reads it.
type WatchProgramme struct {
	ID         string           `bson:"_id"`
	OrgID      string           `bson:"org_id"`
	Name       string           `bson:"name"`
	RhythmDays int              `bson:"rhythm_days"`
	EndsOn     time.Time        `bson:"ends_on"`
	Volunteers []WatchVolunteer `bson:"volunteers"`
	People     int              `bson:"people"`
	CreatedBy  string           `bson:"created_by"`
	CreatedAt  time.Time        `bson:"created_at"`
	// PurgedAt is set when retention deleted the list and the logs.
	PurgedAt *time.Time  `bson:"purged_at,omitempty"`
	Stats    *WatchStats `bson:"stats,omitempty"`
}

// Volunteer returns the programme's volunteer userID.
func (p *WatchProgramme) Volunteer(userID string) (WatchVolunteer, bool) {
	for _, v := range p.Volunteers {
		if v.UserID == userID {
			return v, true
		}
	}
	return WatchVolunteer{}, false
}

// Ended reports whether the programme is over at now.
func (p *WatchProgramme) Ended(now time.Time) bool { return !now.Before(p.EndsOn) }

// WatchPerson is one person on a watch list.
type WatchPerson struct {
	ID          string       `bson:"_id"`
	ProgrammeID string       `bson:"programme_id"`
	OrgID       string       `bson:"org_id"`
	FirstName   string       `bson:"first_name"`
	Phone       string       `bson:"phone"`
	Languages   []string     `bson:"languages"`
	BestTimes   []string     `bson:"best_times"` // "mon-morning", ...; empty: any time
	Consent     WatchConsent `bson:"consent"`
	VolunteerID string       `bson:"volunteer_id,omitempty"`
	CreatedAt   time.Time    `bson:"created_at"`
	// The last call, for the volunteer's page (the board keeps its own).
	LastCallAt  *time.Time   `bson:"last_call_at,omitempty"`
	LastOutcome WatchOutcome `bson:"last_outcome,omitempty"`
	NextCallOn  *time.Time   `bson:"next_call_on,omitempty"`
}

// WatchCall is one logged call. The note is for coordinators only.
type WatchCall struct {
	ID          string       `bson:"id"`
	At          time.Time    `bson:"at"`
	VolunteerID string       `bson:"volunteer_id"`
	Outcome     WatchOutcome `bson:"outcome"`
	Concern     WatchConcern `bson:"concern"`
	Note        string       `bson:"note,omitempty"`
	NextCallOn  *time.Time   `bson:"next_call_on,omitempty"`
}

// WatchRow is a person's line on the coordinator's board, kept up to date
// on every call so that the board reads a few documents, never the logs.
type WatchRow struct {
	PersonID       string       `bson:"person_id"`
	FirstName      string       `bson:"first_name"`
	Languages      []string     `bson:"languages"`
	BestTimes      []string     `bson:"best_times"`
	VolunteerID    string       `bson:"volunteer_id,omitempty"`
	AddedAt        time.Time    `bson:"added_at"`
	LastCallAt     *time.Time   `bson:"last_call_at,omitempty"`
	LastOutcome    WatchOutcome `bson:"last_outcome,omitempty"`
	LastReachedAt  *time.Time   `bson:"last_reached_at,omitempty"`
	NoAnswerStreak int          `bson:"no_answer_streak"`
	NextCallOn     *time.Time   `bson:"next_call_on,omitempty"`
	Calls          int          `bson:"calls"`
}

// WatchConcernItem is a concern raised by a call, followed until closed.
type WatchConcernItem struct {
	ID        string       `bson:"id"`
	PersonID  string       `bson:"person_id"`
	FirstName string       `bson:"first_name"`
	Level     WatchConcern `bson:"level"`
	CallID    string       `bson:"call_id"`
	RaisedBy  string       `bson:"raised_by"`
	RaisedAt  time.Time    `bson:"raised_at"`
	HandlerID string       `bson:"handler_id,omitempty"`
	HandledAt *time.Time   `bson:"handled_at,omitempty"`
	ClosedBy  string       `bson:"closed_by,omitempty"`
	ClosedAt  *time.Time   `bson:"closed_at,omitempty"`
}

// Tel is the phone number for a tel: link: digits and a leading plus.
func (p *WatchPerson) Tel() string {
	out := make([]byte, 0, len(p.Phone))
	for i := 0; i < len(p.Phone); i++ {
		if c := p.Phone[i]; c >= '0' && c <= '9' || c == '+' && len(out) == 0 {
			out = append(out, c)
		}
	}
	return string(out)
}
