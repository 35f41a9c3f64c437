// Package accounts holds the rules of people's accounts: signing up,
// logging in and the sessions it opens, confirming an address, resetting a
// password, the profile and deleting the account. The API handlers and the
// page handlers call the same functions with plain values; tokens and
// hashing themselves are package auth's.
package accounts

import (
	"context"
	"log/slog"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/catalog"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/privacy"
	"github.com/entraide/entraide/store"
)

// Service is the accounts domain with what it needs.
type Service struct {
	Store  *store.Store
	Tokens *auth.Tokens
	Hasher *auth.Hasher
	// Notify queues the account e-mails; without it none is sent.
	Notify *notify.Service
	// Catalog keeps the matching index in step with profiles (optional).
	Catalog *catalog.Catalog
	// Gazetteer places a profile's postcode.
	Gazetteer *geo.Gazetteer
	// Privacy erases a deleted account's data; Owners keeps the last
	// owner of an organisation from leaving it.
	Privacy *privacy.Service
	Owners  Owners
	// Memberships lists the organisations a user belongs to, for the
	// access token; without it tokens name no organisation.
	Memberships func(ctx context.Context, userID string) ([]string, error)
	// Throttle counts one attempt of action from the client's address ip
	// (empty: not counted by address) and for account (an e-mail); it
	// returns the error to answer when either is over its rate. Without
	// it nothing is limited.
	Throttle func(action Action, ip, account string) error
	Log      *slog.Logger
	Now      func() time.Time
}

// Action names what Throttle counts.
type Action string

// The throttled actions.
const (
	ActionSignup       Action = "signup"
	ActionLogin        Action = "login"
	ActionReset        Action = "reset"        // password reset requests
	ActionConfirmation Action = "confirmation" // confirmation e-mails sent again
)

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

func (svc *Service) log() *slog.Logger {
	if svc.Log == nil {
		return slog.Default()
	}
	return svc.Log
}

func (svc *Service) throttle(action Action, ip, account string) error {
	if svc.Throttle == nil {
		return nil
	}
	return svc.Throttle(action, ip, account)
}
