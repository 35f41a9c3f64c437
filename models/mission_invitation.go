package models

import "time"

// MissionInvitation is an organisation inviting a volunteer it found among
// a mission's candidates. Key is mission:volunteer, unique.
type MissionInvitation struct {
	ID          string    `bson:"_id"`
	Key         string    `bson:"key"`
	MissionID   string    `bson:"mission_id"`
	OrgID       string    `bson:"org_id"`
	VolunteerID string    `bson:"volunteer_id"`
	InvitedBy   string    `bson:"invited_by"`
	CreatedAt   time.Time `bson:"created_at"`
}

// Limits on invitations a volunteer receives in a calendar month (UTC):
// five in all, two from any one organisation, so that one organisation
// cannot use up a volunteer's invitations for every other.
const (
	MaxInvitationsPerMonth       = 5
	MaxInvitationsPerOrgPerMonth = 2
)

// InvitationMonth is the month an invitation made at t counts against.
func InvitationMonth(t time.Time) string { return t.UTC().Format("2006-01") }
