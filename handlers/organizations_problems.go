package handlers

import (
	"errors"
	"strings"

	"github.com/entraide/entraide/organizations"
)

// orgProblem maps the organisation rules' refusals to their problem types,
// the one place that does (toProblem calls it); nil for any other error.
// Someone else's resource (organizations.ErrNotFound) wraps
// store.ErrNotFound and bad input is a *models.ValidationError, which
// toProblem maps as every other package's.
func orgProblem(err error) *Problem {
	var state *organizations.StateError
	var sole *organizations.SoleOwnerError
	var quota *organizations.QuotaError
	var p *Problem
	switch {
	case errors.As(err, &state):
		p = errState(state.Current)
	case errors.As(err, &sole):
		p = problem(409, ProblemSoleOwner, "detail.sole_owner", strings.Join(sole.Names, ", "))
		p.Extra = map[string]any{"organizations": sole.Names}
	case errors.As(err, &quota) && quota.PerOrg:
		p = problem(422, ProblemInvitationLimit, "detail.invitation_org_limit", quota.Limit)
	case errors.As(err, &quota):
		p = problem(422, ProblemInvitationLimit, "detail.invitation_limit", quota.Limit)
	case errors.Is(err, organizations.ErrAlreadyInvited):
		p = problem(409, ProblemAlreadyInvited, "detail.already_invited")
	case errors.Is(err, organizations.ErrOwnerRequired):
		p = errForbidden("detail.owner_required")
	case errors.Is(err, organizations.ErrLastOwner):
		p = problem(409, ProblemLastOwner, "detail.last_owner")
	case errors.Is(err, organizations.ErrInvitationUsed):
		p = problem(409, ProblemInvitationUsed, "detail.invitation_used")
	case errors.Is(err, organizations.ErrInvitationExpired):
		p = problem(410, ProblemInvitationExpired, "detail.invitation_expired")
	case errors.Is(err, organizations.ErrEditedConcurrently):
		p = problem(409, ProblemConflict, "detail.org_edited_concurrently")
	case errors.Is(err, organizations.ErrNoIdentityChange):
		p = problem(409, ProblemConflict, "detail.no_identity_change")
	default:
		return nil
	}
	p.Err = err
	return p
}
