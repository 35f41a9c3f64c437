package handlers

import (
	"time"

	"github.com/entraide/entraide/models"
)

type historyResponse struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	By     string    `json:"by,omitempty"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to"`
	Reason string    `json:"reason,omitempty"`
	Note   string    `json:"note,omitempty"`
}

type volunteerContact struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	Phone string `json:"phone,omitempty"`
	// EmailConfirmed tells the organisation whether the address was
	// confirmed: a mistyped one must not silently lose a place.
	EmailConfirmed bool `json:"email_confirmed"`
}

type applicationMission struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Org   string `json:"organization,omitempty"`
}

type applicationResponse struct {
	ID               string              `json:"id"`
	MissionID        string              `json:"mission_id"`
	ShiftID          string              `json:"shift_id"`
	OrgID            string              `json:"org_id"`
	Mission          *applicationMission `json:"mission,omitempty"`
	Volunteer        *volunteerContact   `json:"volunteer,omitempty"`
	Status           string              `json:"status"`
	Message          string              `json:"message"`
	WaitlistRank     int                 `json:"waitlist_rank,omitempty"`
	WaitlistPosition int                 `json:"waitlist_position,omitempty"`
	OfferExpiresAt   *time.Time          `json:"offer_expires_at,omitempty"`
	ShiftStart       time.Time           `json:"shift_start"`
	ShiftEnd         time.Time           `json:"shift_end"`
	Hours            float64             `json:"hours"`
	History          []historyResponse   `json:"history"`
	CreatedAt        time.Time           `json:"created_at"`
	UpdatedAt        time.Time           `json:"updated_at"`
	DecidedAt        *time.Time          `json:"decided_at,omitempty"`
	// Applicant is shown to the organisation reviewing one application.
	Applicant *applicantProfile `json:"applicant,omitempty"`
	// TimeZone is the mission's, when the view knows the mission.
	TimeZone string `json:"time_zone,omitempty"`
}

// applicationView renders an application. Members of the organisation see
// who made each change; the volunteer sees only whether it was them, the
// organisation or the platform.
func applicationView(a *models.Application, forOrg bool) applicationResponse {
	r := applicationResponse{
		ID: a.ID, MissionID: a.MissionID, ShiftID: a.ShiftID, OrgID: a.OrgID, Status: string(a.Status),
		Message: a.Message, OfferExpiresAt: a.OfferExpiresAt, ShiftStart: a.ShiftStart, ShiftEnd: a.ShiftEnd,
		Hours: a.Hours, CreatedAt: a.CreatedAt, UpdatedAt: a.UpdatedAt, DecidedAt: a.DecidedAt,
		History: make([]historyResponse, len(a.History)),
	}
	if a.Status == models.ApplicationWaitlisted {
		r.WaitlistRank = a.WaitlistRank
	}
	for i, h := range a.History {
		r.History[i] = historyResponse{At: h.At, Actor: string(h.Actor), From: string(h.From), To: string(h.To), Reason: h.Reason, Note: h.Note}
		if forOrg {
			r.History[i].By = h.By
		}
	}
	return r
}

// contactVisible reports whether the organisation may see the volunteer's
// e-mail and phone: only once it accepted them.
func contactVisible(status models.ApplicationStatus) bool {
	switch status {
	case models.ApplicationAccepted, models.ApplicationAttended, models.ApplicationNoShow:
		return true
	}
	return false
}
