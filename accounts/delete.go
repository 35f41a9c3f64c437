package accounts

import (
	"context"
	"errors"
)

// Owners holds the rule that an organisation never loses its last owner;
// package organizations implements it (a *organizations.SoleOwnerError
// names the organisations).
type Owners interface {
	CheckNotSoleOwner(ctx context.Context, userID string) error
}

// Delete erases the user's account and every feature's data of it
// (package privacy, which the inactivity job calls too), unless the user
// is the only owner of an organisation: another owner must be named
// first, or the organisation closed by the Entraide team.
func (svc *Service) Delete(ctx context.Context, userID string) error {
	if svc.Owners == nil {
		return errors.New("accounts: no owners rule to check before deleting")
	}
	if err := svc.Owners.CheckNotSoleOwner(ctx, userID); err != nil {
		return err
	}
	return svc.Privacy.EraseAccount(ctx, userID)
}
