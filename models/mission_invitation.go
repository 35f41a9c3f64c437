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

// Limits on invitations a volunteer receives.
const (
	MaxInvitationsPerMonth = 5
	InvitationWindow       = 30 * 24 * time.Hour
)
