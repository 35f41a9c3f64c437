package handlers

import (
	"errors"

	"github.com/entraide/entraide/moderation"
)

// moderationProblem maps the moderation domain's refusals to their
// problem types, or answers nil for any other error. It is the one place
// where they meet HTTP.
func moderationProblem(err error) *Problem {
	var state *moderation.StateError
	var notVerified *moderation.OrgNotVerifiedError
	switch {
	case errors.As(err, &state):
		return errState(state.Current)
	case errors.As(err, &notVerified):
		p := problem(409, ProblemOrganizationNotVerified, "detail.org_not_verified", string(notVerified.OrgStatus))
		p.Extra = map[string]any{"organization_status": string(notVerified.OrgStatus), "current_state": string(notVerified.MissionStatus)}
		return p
	case errors.Is(err, moderation.ErrEditedConcurrently):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.edited_concurrently"}
	case errors.Is(err, moderation.ErrNoPendingRevision):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.no_pending_revision"}
	case errors.Is(err, moderation.ErrCapacityBelowTaken):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.capacity_below_taken"}
	case errors.Is(err, moderation.ErrShiftHasPlaces):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.shift_has_places"}
	case errors.Is(err, moderation.ErrAlreadyReported):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.already_reported"}
	}
	return nil
}
