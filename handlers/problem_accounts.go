package handlers

import (
	"errors"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/partners"
	"github.com/entraide/entraide/ratelimit"
)

// accountsProblem maps the refusals of the accounts and partners domains
// to their problems; nil for any other error. toProblem calls it, so that
// the API and the pages answer alike. The sole-owner rule is package
// organizations', mapped by orgProblem.
func accountsProblem(err error) *Problem {
	switch {
	case errors.Is(err, accounts.ErrEmailTaken):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.email_taken",
			Fields: []models.FieldError{{Field: "email", Code: "email_taken"}}, Err: err}
	case errors.Is(err, accounts.ErrBadCredentials):
		return errUnauthorized("detail.bad_credentials")
	case errors.Is(err, accounts.ErrSuspended):
		return errForbidden("detail.account_suspended")
	case errors.Is(err, accounts.ErrRefreshInvalid):
		return errUnauthorized("detail.refresh_invalid")
	case errors.Is(err, accounts.ErrRefreshReused):
		return errUnauthorized("detail.refresh_reused")
	case errors.Is(err, accounts.ErrTokenInvalid):
		p := errField("token", "token_invalid")
		p.DetailKey = "token_invalid"
		return p
	case errors.Is(err, accounts.ErrAlreadyConfirmed):
		return problem(409, ProblemConflict, "detail.already_confirmed")
	case errors.Is(err, partners.ErrKeyRequired):
		return errUnauthorized("detail.api_key_required")
	}
	return nil
}

// throttleAccounts counts an accounts action against the windows of its
// kind: by address and by account, or by account alone when ip is empty.
func (s *Server) throttleAccounts(action accounts.Action, ip, account string) error {
	var byIP, byAccount *ratelimit.Window
	switch action {
	case accounts.ActionSignup:
		byIP, byAccount = s.limits.signupIP, s.limits.signupAccount
	case accounts.ActionLogin:
		byIP, byAccount = s.limits.loginIP, s.limits.loginAccount
	default: // password resets and confirmation e-mails
		byIP, byAccount = s.resetLimits.ip, s.resetLimits.account
	}
	if ip == "" {
		return s.checkLimits(limitPair{byAccount, account})
	}
	return s.checkLimits(limitPair{byIP, ip}, limitPair{byAccount, account})
}
