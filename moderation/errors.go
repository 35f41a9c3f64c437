package moderation

import (
	"errors"

	"github.com/entraide/entraide/models"
)

// StateError refuses a change that the current state of a mission or a
// report does not allow; it names that state.
type StateError struct {
	Current string
}

func (e *StateError) Error() string { return "moderation: not allowed in state " + e.Current }

// OrgNotVerifiedError refuses to send to review or publish a mission of
// an organisation that is not verified.
type OrgNotVerifiedError struct {
	OrgStatus     models.OrgStatus
	MissionStatus models.MissionStatus
}

func (e *OrgNotVerifiedError) Error() string {
	return "moderation: organisation is " + string(e.OrgStatus)
}

// Refusals that name no state.
var (
	// ErrEditedConcurrently: the mission changed since it was read.
	ErrEditedConcurrently = errors.New("moderation: mission edited concurrently")
	// ErrNoPendingRevision: there is no change waiting for a moderator.
	ErrNoPendingRevision = errors.New("moderation: no pending revision")
	// ErrAlreadyReported: the user's report on this target is still open.
	ErrAlreadyReported = errors.New("moderation: already reported")
	// ErrCapacityBelowTaken: a shift cannot have fewer places than taken.
	ErrCapacityBelowTaken = errors.New("moderation: capacity below the places taken")
	// ErrShiftHasPlaces: a shift someone holds a place on stays.
	ErrShiftHasPlaces = errors.New("moderation: shift has places taken")
)

func stateError[S ~string](current S) error { return &StateError{Current: string(current)} }

func orgNotVerified(org *models.Organization, m *models.Mission) error {
	return &OrgNotVerifiedError{OrgStatus: org.Status, MissionStatus: m.Status}
}
