// Package organizations holds the rules of organisations: registering one,
// editing it (a verified organisation's identity changes wait for an
// admin), its members and their roles, the invitations that bring members
// in, and the admins' decisions (verify, reject, suspend, restore, and
// approve or reject an identity change). API handlers and page handlers
// call the same functions; it knows nothing of HTTP.
package organizations

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Service is the organisations domain with what it needs: the store, the
// applications domain (notifications, the matching index, cancelling the
// places of a suspended organisation's missions), the events bus (the
// invitation e-mail), the gazetteer (postcodes), the site's base URL (for
// invitation links), a logger and a clock.
type Service struct {
	Store     *store.Store
	Apps      *applications.Service
	Events    *events.Bus
	Gazetteer *geo.Gazetteer
	BaseURL   string
	Log       *slog.Logger
	Now       func() time.Time
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

// Refusals of the rules. Handlers map each to its problem type in one
// place (handlers/organizations_problems.go); wrong input is a
// *models.ValidationError and someone else's resource wraps
// store.ErrNotFound, as everywhere else.
var (
	// ErrNotFound is a resource the caller may not see: another
	// organisation's invitation, a member of another organisation.
	ErrNotFound = fmt.Errorf("organizations: not found: %w", store.ErrNotFound)
	// ErrOwnerRequired refuses what only an owner may do.
	ErrOwnerRequired = errors.New("organizations: owners only")
	// ErrLastOwner refuses to remove an organisation's last owner.
	ErrLastOwner = errors.New("organizations: the last owner cannot be removed")
	// ErrInvitationUsed is an invitation already accepted.
	ErrInvitationUsed = errors.New("organizations: invitation already used")
	// ErrInvitationExpired is an invitation past its date (or revoked
	// between reading and using it).
	ErrInvitationExpired = errors.New("organizations: invitation expired")
	// ErrEditedConcurrently is an identity change that crossed another
	// edit of the same organisation.
	ErrEditedConcurrently = errors.New("organizations: edited concurrently")
	// ErrNoIdentityChange is a decision on an identity change when none
	// waits (never made, or already decided).
	ErrNoIdentityChange = errors.New("organizations: no identity change waits")
	// ErrUnknownDecision is an action that is not a decision.
	ErrUnknownDecision = errors.New("organizations: unknown decision")
)

// StateError refuses an action that does not apply to the current state
// of the organisation (or of the mission it is about), which it names.
type StateError struct{ Current string }

func (e *StateError) Error() string {
	return "organizations: not allowed from state " + e.Current
}

// SoleOwnerError refuses to delete the account of the only owner of the
// named organisations.
type SoleOwnerError struct{ Names []string }

func (e *SoleOwnerError) Error() string {
	return fmt.Sprintf("organizations: sole owner of %d organisation(s)", len(e.Names))
}

// fieldError reports one invalid field, as validation does.
func fieldError(field, code string) error {
	return &models.ValidationError{Fields: []models.FieldError{{Field: field, Code: code}}}
}

// audit records an admin action. A failure to record fails the action: an
// unaudited admin action must not pass silently.
func (svc *Service) audit(ctx context.Context, actorID, action, targetType, targetID, reason string, before, after map[string]any) error {
	return svc.Store.AppendAudit(ctx, &models.AuditEntry{
		ID: store.NewID(), ActorID: actorID, Action: action, TargetType: targetType, TargetID: targetID,
		Reason: reason, Before: before, After: after, At: svc.now(),
	})
}

// userName is a user's display name, "" for an erased account.
func (svc *Service) userName(ctx context.Context, userID string) (string, error) {
	u, err := svc.Store.UserByID(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return u.Name, nil
}
