// Package events carries what one part of Entraide tells the others: an
// account was erased, a mission was cancelled or published urgently, an
// organisation invited someone. The service wires every subscriber once,
// where it is assembled (service/service.go); handlers and jobs publish.
package events

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
)

// Bus holds the subscribers of each event, in the order they run. It is
// filled before the service starts and only read afterwards.
type Bus struct {
	accountDeleted    []func(ctx context.Context, userID string) error
	missionCancelled  []func(ctx context.Context, m *models.Mission) error
	urgentPublished   []func(ctx context.Context, m *models.Mission) error
	missionInvitation []func(ctx context.Context, m *models.Mission, volunteerID string) error
	orgInvitation     []func(ctx context.Context, org *models.Organization, email, acceptURL string) error
}

// OnAccountDeleted subscribes f: it erases its part of a user's data.
func (b *Bus) OnAccountDeleted(f func(ctx context.Context, userID string) error) {
	b.accountDeleted = append(b.accountDeleted, f)
}

// OnMissionCancelled subscribes f to missions cancelled by their organisation.
func (b *Bus) OnMissionCancelled(f func(ctx context.Context, m *models.Mission) error) {
	b.missionCancelled = append(b.missionCancelled, f)
}

// OnUrgentPublished subscribes f to urgent missions just published.
func (b *Bus) OnUrgentPublished(f func(ctx context.Context, m *models.Mission) error) {
	b.urgentPublished = append(b.urgentPublished, f)
}

// OnMissionInvitation subscribes f to an organisation inviting a volunteer
// to a mission.
func (b *Bus) OnMissionInvitation(f func(ctx context.Context, m *models.Mission, volunteerID string) error) {
	b.missionInvitation = append(b.missionInvitation, f)
}

// OnOrgInvitation subscribes f to an invitation to join an organisation.
func (b *Bus) OnOrgInvitation(f func(ctx context.Context, org *models.Organization, email, acceptURL string) error) {
	b.orgInvitation = append(b.orgInvitation, f)
}

// AccountDeleted runs the erasure subscribers in order and stops at the
// first error: an erasure is all or retried, never silently partial.
func (b *Bus) AccountDeleted(ctx context.Context, userID string) error {
	for _, f := range b.accountDeleted {
		if err := f(ctx, userID); err != nil {
			return err
		}
	}
	return nil
}

// MissionCancelled runs every subscriber and returns their errors joined.
func (b *Bus) MissionCancelled(ctx context.Context, m *models.Mission) error {
	var errs []error
	for _, f := range b.missionCancelled {
		errs = append(errs, f(ctx, m))
	}
	return errors.Join(errs...)
}

// UrgentPublished runs every subscriber and returns their errors joined.
func (b *Bus) UrgentPublished(ctx context.Context, m *models.Mission) error {
	var errs []error
	for _, f := range b.urgentPublished {
		errs = append(errs, f(ctx, m))
	}
	return errors.Join(errs...)
}

// MissionInvitation runs every subscriber and returns their errors joined.
func (b *Bus) MissionInvitation(ctx context.Context, m *models.Mission, volunteerID string) error {
	var errs []error
	for _, f := range b.missionInvitation {
		errs = append(errs, f(ctx, m, volunteerID))
	}
	return errors.Join(errs...)
}

// OrgInvitation runs every subscriber and returns their errors joined.
func (b *Bus) OrgInvitation(ctx context.Context, org *models.Organization, email, acceptURL string) error {
	var errs []error
	for _, f := range b.orgInvitation {
		errs = append(errs, f(ctx, org, email, acceptURL))
	}
	return errors.Join(errs...)
}
