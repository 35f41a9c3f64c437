package models

import (
	"sort"
	"time"
)

// Event is something a user is told about, in the app and by e-mail. Its
// name is also the name of its e-mail template.
type Event string

// Account events: e-mail only, always sent, not in the preferences.
const (
	EventEmailConfirm  Event = "email_confirm"
	EventPasswordReset Event = "password_reset"
	// EventInactivityWarning tells the holder of an account unused for
	// years that it will be anonymised: link (the login page), deadline.
	EventInactivityWarning Event = "inactivity_warning"
)

// Events a user can turn e-mails on or off for. Params are the template
// data; each constant names the ones its templates need (optional ones in
// brackets). A "link" may be a path ("/missions/42"): it is made absolute.
const (
	// EventApplicationReceived tells an organisation member that a volunteer
	// applied: volunteer_name, mission_title, shift_start, link.
	EventApplicationReceived Event = "application_received"
	// EventApplicationAccepted tells a volunteer: mission_title, org_name,
	// shift_start, link.
	EventApplicationAccepted Event = "application_accepted"
	// EventApplicationDeclined tells a volunteer: mission_title, org_name,
	// [link].
	EventApplicationDeclined Event = "application_declined"
	// EventWaitlistOffer tells a waitlisted volunteer a place opened:
	// mission_title, shift_start, link, [expires_at].
	EventWaitlistOffer Event = "waitlist_offer"
	// EventApplicationWithdrawn tells an organisation member: volunteer_name,
	// mission_title, shift_start, [link].
	EventApplicationWithdrawn Event = "application_withdrawn"
	// EventShiftReminder24h and EventShiftReminder2h remind a volunteer of a
	// shift: mission_title, shift_start, [address], link.
	EventShiftReminder24h Event = "shift_reminder_24h"
	EventShiftReminder2h  Event = "shift_reminder_2h"
	// EventUrgentMission alerts a matching volunteer: mission_title,
	// org_name, shift_start, link.
	EventUrgentMission Event = "urgent_mission"
	// EventMissionCancelled tells a volunteer: mission_title, org_name,
	// [shift_start], [reason], [link].
	EventMissionCancelled Event = "mission_cancelled"
	// EventMissionInvitation invites a volunteer to apply: mission_title,
	// org_name, link.
	EventMissionInvitation Event = "mission_invitation"
	// EventOrgInvitation invites a colleague into an organisation:
	// org_name, [inviter_name], link (the accept link).
	EventOrgInvitation Event = "org_invitation"
	// EventNewMessage tells one side of an application that the other
	// wrote: sender_name, mission_title, link. Frequent: it may wait for
	// the digest.
	EventNewMessage Event = "new_message"
	// EventOrgVerified, EventOrgRejected and EventOrgSuspended tell an
	// organisation's members the admins' decision: org_name, [reason], link.
	EventOrgVerified  Event = "org_verified"
	EventOrgRejected  Event = "org_rejected"
	EventOrgSuspended Event = "org_suspended"
	// EventMissionPublished, EventMissionRejected and
	// EventMissionChangeApproved tell an organisation's members the
	// moderation's decision on a mission: mission_title, [reason], link.
	EventMissionPublished      Event = "mission_published"
	EventMissionRejected       Event = "mission_rejected"
	EventMissionChangeApproved Event = "mission_change_approved"
	// EventWaitlisted tells a volunteer who applied to a full shift that
	// they are on its waiting list: mission_title, shift_start, link.
	EventWaitlisted Event = "waitlisted"
	// EventInvitationAccepted tells the member who invited a colleague
	// that they joined: member_name, org_name, link.
	EventInvitationAccepted Event = "invitation_accepted"
	// EventPlaceCancelledSuspension tells a volunteer that their place is
	// cancelled because the organisation is suspended: mission_title,
	// org_name, shift_start, [reason], link.
	EventPlaceCancelledSuspension Event = "place_cancelled_suspension"
)

// EventDigest is the daily digest e-mail; not an event of its own.
const EventDigest Event = "digest"

// configurableEvents are the events of the preferences, with whether they
// may wait for the daily digest. Time-bound events (reminders, offers,
// alerts, cancellations, invitations with an accept link) never wait.
var configurableEvents = map[Event]bool{
	EventApplicationReceived:  true,
	EventApplicationAccepted:  true,
	EventApplicationDeclined:  true,
	EventWaitlistOffer:        false,
	EventApplicationWithdrawn: true,
	EventShiftReminder24h:     false,
	EventShiftReminder2h:      false,
	EventUrgentMission:        false,
	EventMissionCancelled:     false,
	EventMissionInvitation:    true,
	EventOrgInvitation:        false,
	// The journeys' events (issue 13): messages are frequent, so they may
	// wait for the digest; decisions and cancellations do not wait.
	EventNewMessage:               true,
	EventOrgVerified:              false,
	EventOrgRejected:              false,
	EventOrgSuspended:             false,
	EventMissionPublished:         true,
	EventMissionRejected:          false,
	EventMissionChangeApproved:    true,
	EventWaitlisted:               true,
	EventInvitationAccepted:       true,
	EventPlaceCancelledSuspension: false,
}

// ConfigurableEvents lists, sorted, the events of the preferences.
func ConfigurableEvents() []Event {
	out := make([]Event, 0, len(configurableEvents))
	for e := range configurableEvents {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Configurable reports whether users can turn e-mails for e on or off.
func (e Event) Configurable() bool {
	_, ok := configurableEvents[e]
	return ok
}

// Digestible reports whether e may wait for the daily digest.
func (e Event) Digestible() bool { return configurableEvents[e] }

// Notification is an in-app notification as stored. DigestPending marks
// one that still has to go out in the user's daily digest e-mail.
type Notification struct {
	ID            string            `bson:"_id"`
	UserID        string            `bson:"user_id"`
	Kind          Event             `bson:"kind"`
	Params        map[string]string `bson:"params"`
	CreatedAt     time.Time         `bson:"created_at"`
	ReadAt        *time.Time        `bson:"read_at,omitempty"`
	DigestPending bool              `bson:"digest_pending"`
}

// OutboxStatus is the state of an e-mail job.
type OutboxStatus string

// Outbox job states.
const (
	OutboxPending OutboxStatus = "pending"
	OutboxSent    OutboxStatus = "sent"
	OutboxFailed  OutboxStatus = "failed"
)

// OutboxJob is an e-mail waiting to be sent (collection outbox), or sent
// or failed (collection outbox_done, kept a while). The message is rendered
// from Template and Data when sent; Data is dropped once the job is done,
// as it may hold a single-use link. LastError never holds message content.
type OutboxJob struct {
	ID            string            `bson:"_id"`
	UserID        string            `bson:"user_id,omitempty"`
	To            string            `bson:"to"`
	Lang          string            `bson:"lang"`
	Template      Event             `bson:"template"`
	Data          map[string]string `bson:"data,omitempty"`
	Status        OutboxStatus      `bson:"status"`
	Attempts      int               `bson:"attempts"`
	NextAttemptAt time.Time         `bson:"next_attempt_at"`
	LockedUntil   time.Time         `bson:"locked_until"`
	LockedBy      string            `bson:"locked_by"`
	LastError     string            `bson:"last_error,omitempty"`
	CreatedAt     time.Time         `bson:"created_at"`
	SentAt        *time.Time        `bson:"sent_at,omitempty"`
}

// NotificationPrefs are a user's choices. Email maps an event to whether it
// goes by e-mail; an event absent from the map does (the default). With
// Digest, the events that may wait go out once a day in one e-mail.
type NotificationPrefs struct {
	UserID    string         `bson:"_id"`
	Email     map[Event]bool `bson:"email"`
	Digest    bool           `bson:"digest"`
	UpdatedAt time.Time      `bson:"updated_at"`
}

// EmailOn reports whether e goes by e-mail under these preferences.
func (p *NotificationPrefs) EmailOn(e Event) bool {
	if p == nil || !e.Configurable() {
		return true
	}
	on, set := p.Email[e]
	return !set || on
}

// TokenPurpose says what a single-use token is for.
type TokenPurpose string

// Single-use token purposes and their lifetimes.
const (
	TokenPasswordReset TokenPurpose = "password_reset"
	TokenEmailConfirm  TokenPurpose = "email_confirm"

	PasswordResetTTL = time.Hour
	EmailConfirmTTL  = 7 * 24 * time.Hour
)

// OneTimeToken is a single-use token as stored: ID is the token's hash
// (auth.HashToken), never the token. Email is the address it was sent to,
// so that a token outlives no change of address.
type OneTimeToken struct {
	ID        string       `bson:"_id"`
	Purpose   TokenPurpose `bson:"purpose"`
	UserID    string       `bson:"user_id"`
	Email     string       `bson:"email"`
	Used      bool         `bson:"used"`
	CreatedAt time.Time    `bson:"created_at"`
	ExpiresAt time.Time    `bson:"expires_at"`
	UsedAt    *time.Time   `bson:"used_at,omitempty"`
}

// ValidateEmailPrefs checks the event names of a preferences update and
// reports every unknown one.
func ValidateEmailPrefs(email map[string]bool) (map[Event]bool, error) {
	var v Validator
	out := make(map[Event]bool, len(email))
	names := make([]string, 0, len(email))
	for name := range email {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if v.Check(Event(name).Configurable(), "email."+name, "unknown_event") {
			out[Event(name)] = email[name]
		}
	}
	return out, v.Err()
}
