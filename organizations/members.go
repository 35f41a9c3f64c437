package organizations

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// MemberInfo is a member with the names a list shows: the member's own
// (empty for an erased account) and that of whoever invited them.
type MemberInfo struct {
	models.Member
	Name, Email   string
	InvitedByName string
}

// Members lists an organisation's members with their names, in the
// organisation's order.
func (svc *Service) Members(ctx context.Context, org *models.Organization) ([]MemberInfo, error) {
	out := make([]MemberInfo, 0, len(org.Members))
	for _, m := range org.Members {
		info := MemberInfo{Member: m}
		if u, err := svc.Store.UserByID(ctx, m.UserID); err == nil {
			info.Name, info.Email = u.Name, u.Email
		} else if !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		if m.InvitedBy != "" {
			var err error
			if info.InvitedByName, err = svc.userName(ctx, m.InvitedBy); err != nil {
				return nil, err
			}
		}
		out = append(out, info)
	}
	return out, nil
}

// RemoveMember removes userID from the organisation for the member me:
// owners remove anyone, a member may leave, and the last owner can never
// be removed. The write is conditional on the member list read, so two
// removals at once cannot leave the organisation without an owner.
func (svc *Service) RemoveMember(ctx context.Context, org *models.Organization, me models.Member, userID string) error {
	target, ok := org.Member(userID)
	if !ok {
		return ErrNotFound
	}
	if me.Role != models.MemberOwner && userID != me.UserID {
		return ErrOwnerRequired
	}
	if target.Role == models.MemberOwner && org.Owners() <= 1 {
		return ErrLastOwner
	}
	kept := make([]models.Member, 0, len(org.Members))
	for _, m := range org.Members {
		if m.UserID != userID {
			kept = append(kept, m)
		}
	}
	_, err := svc.Store.ReplaceMembers(ctx, org, kept, svc.now())
	return err
}

// CheckNotSoleOwner refuses (*SoleOwnerError) to delete the account of the
// only owner of an organisation, which would be left with nobody to run
// it: another owner must be named first, or the organisation closed by the
// Entraide team.
func (svc *Service) CheckNotSoleOwner(ctx context.Context, userID string) error {
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
	if len(names) == 0 {
		return nil
	}
	return &SoleOwnerError{Names: names}
}

// OfMember lists the organisations a user belongs to.
func (svc *Service) OfMember(ctx context.Context, userID string) ([]models.Organization, error) {
	return svc.Store.OrganizationsOfMember(ctx, userID)
}
