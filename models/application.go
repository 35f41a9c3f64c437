package models

import (
	"slices"
	"time"
)

// ApplicationStatus is an application's lifecycle state.
type ApplicationStatus string

// Application states. A place on the shift is held by accepted, offered,
// attended and no_show applications (see HoldsPlace); the others hold none.
const (
	// ApplicationPending waits for the organisation's answer.
	ApplicationPending ApplicationStatus = "pending"
	// ApplicationWaitlisted arrived when the shift was full; WaitlistRank
	// orders the waiting list.
	ApplicationWaitlisted ApplicationStatus = "waitlisted"
	// ApplicationOffered holds a freed place for a waitlisted volunteer
	// until OfferExpiresAt (auto-accept missions).
	ApplicationOffered   ApplicationStatus = "offered"
	ApplicationAccepted  ApplicationStatus = "accepted"
	ApplicationDeclined  ApplicationStatus = "declined"
	ApplicationWithdrawn ApplicationStatus = "withdrawn"
	// ApplicationCancelled follows the cancellation of the mission.
	ApplicationCancelled ApplicationStatus = "cancelled"
	// ApplicationReleased was left unanswered for ReleaseAfter.
	ApplicationReleased ApplicationStatus = "released"
	// ApplicationExpired is an offer not confirmed within OfferTTL.
	ApplicationExpired  ApplicationStatus = "expired"
	ApplicationAttended ApplicationStatus = "attended"
	ApplicationNoShow   ApplicationStatus = "no_show"
)

// ApplicationStatuses lists every state, in display order.
var ApplicationStatuses = []ApplicationStatus{
	ApplicationPending, ApplicationWaitlisted, ApplicationOffered, ApplicationAccepted, ApplicationDeclined,
	ApplicationWithdrawn, ApplicationCancelled, ApplicationReleased, ApplicationExpired, ApplicationAttended, ApplicationNoShow,
}

// ValidApplicationStatus reports whether s is a state.
func ValidApplicationStatus(s string) bool {
	return slices.Contains(ApplicationStatuses, ApplicationStatus(s))
}

// HoldsPlace reports whether an application in state s counts in its
// shift's taken places. Reconciliation recounts places with it.
func (s ApplicationStatus) HoldsPlace() bool {
	switch s {
	case ApplicationAccepted, ApplicationOffered, ApplicationAttended, ApplicationNoShow:
		return true
	}
	return false
}

// Open reports whether the application still waits for something or
// holds an upcoming place (what a withdrawal or a cancellation ends).
func (s ApplicationStatus) Open() bool {
	switch s {
	case ApplicationPending, ApplicationWaitlisted, ApplicationOffered, ApplicationAccepted:
		return true
	}
	return false
}

// PlaceHolding lists the states that hold a place.
func PlaceHolding() []ApplicationStatus {
	return []ApplicationStatus{ApplicationAccepted, ApplicationOffered, ApplicationAttended, ApplicationNoShow}
}

// OpenStatuses lists the states for which Open is true.
func OpenStatuses() []ApplicationStatus {
	return []ApplicationStatus{ApplicationPending, ApplicationWaitlisted, ApplicationOffered, ApplicationAccepted}
}

// Actor is who makes an application change.
type Actor string

// Actors. System is the application itself (auto-accept) and the jobs.
const (
	ActorVolunteer    Actor = "volunteer"
	ActorOrganization Actor = "organization"
	ActorSystem       Actor = "system"
)

// ApplicationTransitions lists the allowed changes and who may make each:
//
//	pending    → accepted, declined (organisation); withdrawn (volunteer);
//	             released (system, unanswered for ReleaseAfter); cancelled (system);
//	             accepted (system, auto-accept: a place was free)
//	waitlisted → offered (system, auto-accept: a place freed, held OfferTTL);
//	             pending (system, manual review: a place freed);
//	             accepted, declined (organisation); withdrawn (volunteer); cancelled (system)
//	offered    → accepted (volunteer confirms); expired (system, after OfferTTL);
//	             withdrawn (volunteer); cancelled (system)
//	accepted   → attended, no_show (organisation, once the shift started);
//	             withdrawn (volunteer, before the shift starts); cancelled (system)
//	attended ⇄ no_show (organisation corrects the register)
//	withdrawn  → pending (volunteer applies again to the same shift; the
//	             shift's rules then decide, as for a new application)
var ApplicationTransitions = map[ApplicationStatus]map[ApplicationStatus][]Actor{
	ApplicationPending: {
		ApplicationDeclined:  {ActorOrganization},
		ApplicationWithdrawn: {ActorVolunteer}, ApplicationReleased: {ActorSystem}, ApplicationCancelled: {ActorSystem},
		// The shift filled up while it waited: it joins the waiting list
		// rather than wait for an answer that cannot come.
		ApplicationWaitlisted: {ActorSystem},
		ApplicationAccepted:   {ActorOrganization, ActorSystem},
	},
	ApplicationWaitlisted: {
		ApplicationOffered: {ActorSystem}, ApplicationPending: {ActorSystem},
		ApplicationAccepted: {ActorOrganization}, ApplicationDeclined: {ActorOrganization},
		ApplicationWithdrawn: {ActorVolunteer}, ApplicationCancelled: {ActorSystem},
	},
	ApplicationOffered: {
		ApplicationAccepted: {ActorVolunteer}, ApplicationExpired: {ActorSystem},
		ApplicationWithdrawn: {ActorVolunteer}, ApplicationCancelled: {ActorSystem},
	},
	ApplicationAccepted: {
		ApplicationAttended: {ActorOrganization}, ApplicationNoShow: {ActorOrganization},
		ApplicationWithdrawn: {ActorVolunteer}, ApplicationCancelled: {ActorSystem},
	},
	ApplicationAttended:  {ApplicationNoShow: {ActorOrganization}},
	ApplicationNoShow:    {ApplicationAttended: {ActorOrganization}},
	ApplicationWithdrawn: {ApplicationPending: {ActorVolunteer}},
}

// CanTransition reports whether actor may move an application from to to.
func CanTransition(from, to ApplicationStatus, actor Actor) bool {
	return slices.Contains(ApplicationTransitions[from][to], actor)
}

// ApplicationSourcesFor lists the states from which actor may reach to:
// the condition of the store's conditional update.
func ApplicationSourcesFor(to ApplicationStatus, actor Actor) []ApplicationStatus {
	var out []ApplicationStatus
	for _, from := range ApplicationStatuses {
		if CanTransition(from, to, actor) {
			out = append(out, from)
		}
	}
	return out
}

// Application rules.
const (
	ApplicationMessageMax = 2000
	// MaxOpenApplications bounds the applications awaiting an answer
	// (pending or waitlisted) that a volunteer may have at once.
	MaxOpenApplications = 10
	// OfferTTL is how long a freed place is held for a waitlisted volunteer.
	OfferTTL = 48 * time.Hour
	// FirstReminderAfter and SecondReminderAfter remind the organisation
	// of an unanswered application; ReleaseAfter releases it.
	FirstReminderAfter  = 3 * 24 * time.Hour
	SecondReminderAfter = 7 * 24 * time.Hour
	ReleaseAfter        = 14 * 24 * time.Hour
	MessageMax          = 5000
	DeclineNoteMax      = 1000
)

// DeclineReasons are the reasons an organisation picks from when it
// declines; "other" needs a note.
var DeclineReasons = []string{"shift_full", "profile_mismatch", "requirements_not_met", "schedule_changed", "other"}

// Reminder keys recorded on an application once sent, so that each goes
// out once whatever the number of instances running the jobs.
const (
	ReminderOrgFirst  = "org_3d"
	ReminderOrgSecond = "org_7d"
	ReminderShift24h  = "shift_24h"
	ReminderShift2h   = "shift_2h"
)

// StatusChange is one entry of an application's history.
type StatusChange struct {
	At     time.Time         `bson:"at"`
	By     string            `bson:"by"` // user id, or "system"
	Actor  Actor             `bson:"actor"`
	From   ApplicationStatus `bson:"from,omitempty"`
	To     ApplicationStatus `bson:"to"`
	Reason string            `bson:"reason,omitempty"`
	Note   string            `bson:"note,omitempty"`
}

// Application is one volunteer's application to one shift, as stored.
// The shift's times are copied: shifts never move, and reminders,
// calendars and overlap checks need them without a join.
type Application struct {
	ID          string `bson:"_id"`
	MissionID   string `bson:"mission_id"`
	ShiftID     string `bson:"shift_id"`
	OrgID       string `bson:"org_id"`
	VolunteerID string `bson:"volunteer_id"`
	// VolunteerShift is volunteer_id + ":" + shift_id, unique: one
	// application per volunteer and shift.
	VolunteerShift string            `bson:"volunteer_shift"`
	Status         ApplicationStatus `bson:"status"`
	Message        string            `bson:"message"`
	// WaitlistRank is the order of arrival on the shift's waiting list
	// (1 for the first), from a per-shift counter; zero when never
	// waitlisted.
	WaitlistRank   int            `bson:"waitlist_rank,omitempty"`
	OfferExpiresAt *time.Time     `bson:"offer_expires_at,omitempty"`
	ShiftStart     time.Time      `bson:"shift_start"`
	ShiftEnd       time.Time      `bson:"shift_end"`
	Hours          float64        `bson:"hours"`
	History        []StatusChange `bson:"history"`
	Reminders      []string       `bson:"reminders"`
	CreatedAt      time.Time      `bson:"created_at"`
	UpdatedAt      time.Time      `bson:"updated_at"`
	// DecidedAt is the organisation's first answer (accept or decline),
	// for its response time.
	DecidedAt *time.Time `bson:"decided_at,omitempty"`
}

// ShiftHours is the length of a shift in hours, to the quarter hour: the
// hours an attended shift counts.
func ShiftHours(start, end time.Time) float64 {
	quarters := end.Sub(start).Round(15*time.Minute) / (15 * time.Minute)
	if quarters < 0 {
		return 0
	}
	return float64(quarters) / 4
}

// Overlaps reports whether two time ranges share a moment.
func Overlaps(aStart, aEnd, bStart, bEnd time.Time) bool {
	return aStart.Before(bEnd) && bStart.Before(aEnd)
}

// Message is one message of an application's thread.
type Message struct {
	ID            string    `bson:"_id"`
	ApplicationID string    `bson:"application_id"`
	OrgID         string    `bson:"org_id"`
	VolunteerID   string    `bson:"volunteer_id"`
	AuthorID      string    `bson:"author_id"`
	AuthorRole    Actor     `bson:"author_role"`
	Body          string    `bson:"body"`
	CreatedAt     time.Time `bson:"created_at"`
}

// ValidateApplicationMessage checks the optional message of an
// application and returns it cleaned.
func ValidateApplicationMessage(msg string) (string, error) {
	var v Validator
	clean, ok := CleanText(msg)
	if v.Check(ok, "message", "invalid_text") {
		v.Length(clean, "message", 0, ApplicationMessageMax)
	}
	return clean, v.Err()
}

// ValidateMessage checks a thread message and returns it cleaned.
func ValidateMessage(body string) (string, error) {
	var v Validator
	clean, ok := CleanText(body)
	if v.Check(ok, "body", "invalid_text") {
		v.Length(clean, "body", 1, MessageMax)
	}
	return clean, v.Err()
}

// ValidateDecline checks a decline reason and its note, reporting both.
func ValidateDecline(reason, note string) (string, error) {
	var v Validator
	v.Check(slices.Contains(DeclineReasons, reason), "reason", "one_of", joinStrings(DeclineReasons))
	clean, ok := CleanText(note)
	if v.Check(ok, "note", "invalid_text") && v.Length(clean, "note", 0, DeclineNoteMax) {
		v.Check(reason != "other" || clean != "", "note", "required")
	}
	return clean, v.Err()
}

func joinStrings(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
