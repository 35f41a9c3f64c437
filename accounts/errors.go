package accounts

import "errors"

// Refusals of the accounts domain. The HTTP layer maps each to its problem
// type in one place (handlers/problem_accounts.go); invalid input is a
// *models.ValidationError like everywhere else.
var (
	// ErrEmailTaken: another account has the address.
	ErrEmailTaken = errors.New("accounts: e-mail taken")
	// ErrBadCredentials: unknown address, deleted account or wrong
	// password, told apart by nobody.
	ErrBadCredentials = errors.New("accounts: bad credentials")
	// ErrSuspended: the right password of a suspended account.
	ErrSuspended = errors.New("accounts: account suspended")
	// ErrRefreshInvalid: an unknown, expired or revoked refresh token, or
	// one of an account that is no longer active.
	ErrRefreshInvalid = errors.New("accounts: refresh token invalid")
	// ErrRefreshReused: a rotated refresh token presented again; its
	// family is revoked.
	ErrRefreshReused = errors.New("accounts: refresh token reused")
	// ErrTokenInvalid: an e-mail link's token that is unknown, used,
	// expired or no longer matches the account.
	ErrTokenInvalid = errors.New("accounts: one-time token invalid")
	// ErrAlreadyConfirmed: the address is confirmed already.
	ErrAlreadyConfirmed = errors.New("accounts: e-mail already confirmed")
)
