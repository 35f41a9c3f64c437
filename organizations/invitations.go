package organizations

import (
	"context"
	"errors"
	"strings"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// PublicIDLen is the length of an invitation's public id: the start of its
// token's hash, never the token itself.
const PublicIDLen = 16

// PublicID is the id an invitation is shown and revoked by.
func PublicID(inv *models.Invitation) string { return inv.ID[:PublicIDLen] }

// Sent is an invitation just made, with its token and the link that
// carries it (e-mailed, and shown once to the owner who sent it).
type Sent struct {
	Invitation *models.Invitation
	Token      string
	AcceptURL  string
}

// Invite sends a single-use invitation, valid models.InvitationTTL, to join
// the organisation as a member (role "") or an owner; owners only. The
// e-mail goes through the events bus.
func (svc *Service) Invite(ctx context.Context, org *models.Organization, me models.Member, email, role string) (*Sent, error) {
	if me.Role != models.MemberOwner {
		return nil, ErrOwnerRequired
	}
	var v models.Validator
	email = models.NormalizeEmail(email)
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	memberRole := models.MemberMember
	if role != "" {
		memberRole = models.MemberRole(role)
		v.Check(memberRole == models.MemberMember || memberRole == models.MemberOwner, "role", "one_of", "member, owner")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	token := auth.RandomToken(32)
	now := svc.now()
	inv := &models.Invitation{
		ID: auth.HashToken(token), OrgID: org.ID, Email: email, Role: memberRole, InvitedBy: me.UserID,
		CreatedAt: now, ExpiresAt: now.Add(models.InvitationTTL),
	}
	if err := svc.Store.CreateInvitation(ctx, inv); err != nil {
		return nil, err
	}
	acceptURL := svc.BaseURL + "/invitations/" + token
	if err := svc.Events.OrgInvitation(ctx, org, email, acceptURL); err != nil {
		svc.Log.Error("invitation e-mail not queued", "org_id", org.ID, "error", err)
	}
	return &Sent{Invitation: inv, Token: token, AcceptURL: acceptURL}, nil
}

// PendingInvitation is an invitation not yet used, with the name of the
// member who sent it.
type PendingInvitation struct {
	models.Invitation
	InvitedByName string
}

// Pending lists the organisation's pending invitations; owners only.
func (svc *Service) Pending(ctx context.Context, org *models.Organization, me models.Member) ([]PendingInvitation, error) {
	if me.Role != models.MemberOwner {
		return nil, ErrOwnerRequired
	}
	invs, err := svc.Store.Invitations(ctx, org.ID, svc.now())
	if err != nil {
		return nil, err
	}
	out := make([]PendingInvitation, len(invs))
	for i, inv := range invs {
		out[i] = PendingInvitation{Invitation: inv}
		if out[i].InvitedByName, err = svc.userName(ctx, inv.InvitedBy); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Revoke deletes the organisation's pending invitation with the public
// id, so that its link no longer works; owners only. Another
// organisation's, or an unknown one, is ErrNotFound.
func (svc *Service) Revoke(ctx context.Context, org *models.Organization, me models.Member, publicID string) (*models.Invitation, error) {
	if me.Role != models.MemberOwner {
		return nil, ErrOwnerRequired
	}
	if len(publicID) != PublicIDLen {
		return nil, ErrNotFound
	}
	invs, err := svc.Store.Invitations(ctx, org.ID, svc.now())
	if err != nil {
		return nil, err
	}
	for i := range invs {
		if PublicID(&invs[i]) == publicID {
			return &invs[i], svc.Store.DeleteInvitation(ctx, org.ID, invs[i].ID)
		}
	}
	return nil, ErrNotFound
}

// Resend replaces a pending invitation with a new one to the same address
// and role, valid from now, and e-mails its link; owners only. The old
// link stops working: only the token's hash is kept, so the same link
// cannot be sent again.
func (svc *Service) Resend(ctx context.Context, org *models.Organization, me models.Member, publicID string) (*Sent, error) {
	old, err := svc.Revoke(ctx, org, me, publicID)
	if err != nil {
		return nil, err
	}
	return svc.Invite(ctx, org, me, old.Email, string(old.Role))
}

// Join adds the user to the organisation of the invitation with token,
// once, if it was sent to the user's e-mail (another account's use is
// ErrNotFound). The inviter is told. A user already a member spends the
// invitation and keeps the membership. A new account calls it right after
// signing up through the invitation's link, an existing one from the
// invitation's page or the API.
func (svc *Service) Join(ctx context.Context, token string, user *models.User) (*models.Organization, error) {
	hash := auth.HashToken(token)
	inv, err := svc.Store.InvitationByHash(ctx, hash)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(inv.Email, user.Email) {
		// Invitations are personal: another account cannot use one.
		return nil, ErrNotFound
	}
	inv, err = svc.Store.UseInvitation(ctx, hash, svc.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, ErrInvitationUsed
	case errors.Is(err, store.ErrNotFound):
		return nil, ErrInvitationExpired
	case err != nil:
		return nil, err
	}
	org, err := svc.Store.AddMember(ctx, inv.OrgID, models.Member{UserID: user.ID, Role: inv.Role, InvitedBy: inv.InvitedBy}, svc.now())
	if err == nil {
		svc.Apps.Tell(ctx, inv.InvitedBy, models.EventInvitationAccepted, map[string]string{
			"member_name": user.Name, "org_name": org.Name, "link": "/organizations/" + org.ID + "/members"})
	}
	if errors.Is(err, store.ErrNotFound) {
		// Already a member: the invitation is spent, the membership stands.
		return svc.Store.OrganizationForMember(ctx, user.ID, inv.OrgID)
	}
	return org, err
}

// Refused reports whether err is a refusal of Join that the invitation's
// page explains (unknown, someone else's, used or expired), rather than a
// failure.
func Refused(err error) bool {
	return errors.Is(err, store.ErrNotFound) || errors.Is(err, ErrInvitationUsed) || errors.Is(err, ErrInvitationExpired)
}

// Preview is what an invitation's link shows before anyone joins.
type Preview struct {
	OrgName, Email, Inviter string
	// State is what the page offers: "join" (signed in, the right
	// account), "visitor" (sign up or log in first), "other" (signed in
	// with another address, or as an admin), "gone" (used, revoked or
	// expired).
	State string
}

// PreviewInvitation reads the invitation with token for viewer (nil for a
// visitor). It never spends it: a mail scanner opening the link must not.
func (svc *Service) PreviewInvitation(ctx context.Context, token string, viewer *models.User) (Preview, error) {
	out := Preview{State: "gone"}
	inv, err := svc.Store.InvitationByHash(ctx, auth.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	if inv.Used || !inv.ExpiresAt.After(svc.now()) {
		return out, nil
	}
	org, err := svc.Store.OrganizationByID(ctx, inv.OrgID)
	if errors.Is(err, store.ErrNotFound) {
		return out, nil
	}
	if err != nil {
		return out, err
	}
	out.OrgName, out.Email = org.Name, inv.Email
	if u, err := svc.Store.UserByID(ctx, inv.InvitedBy); err == nil {
		out.Inviter = u.Name
	}
	switch {
	case viewer == nil:
		out.State = "visitor"
	case strings.EqualFold(viewer.Email, inv.Email) && viewer.Role != models.RoleAdmin:
		out.State = "join"
	default:
		out.State = "other"
	}
	return out, nil
}
