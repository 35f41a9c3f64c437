package accounts

import (
	"context"

	"github.com/entraide/entraide/models"
)

// Delete erases the user's account and every feature's data of it
// (package privacy, which the inactivity job calls too), unless the user
// is the only owner of an organisation: that one would be left with
// nobody to run it, so another owner must be named first (members page),
// or the organisation closed by the Entraide team.
func (svc *Service) Delete(ctx context.Context, userID string) error {
	if err := svc.checkNotSoleOwner(ctx, userID); err != nil {
		return err
	}
	return svc.Privacy.EraseAccount(ctx, userID)
}

func (svc *Service) checkNotSoleOwner(ctx context.Context, userID string) error {
	orgs, err := svc.Store.OrganizationsOfMember(ctx, userID)
	if err != nil {
		return err
	}
	var names []string
	for i := range orgs {
		if m, ok := orgs[i].Member(userID); ok && m.Role == models.MemberOwner && orgs[i].Owners() == 1 {
			names = append(names, orgs[i].Name)
		}
	}
	if len(names) > 0 {
		return &SoleOwnerError{Organizations: names}
	}
	return nil
}
