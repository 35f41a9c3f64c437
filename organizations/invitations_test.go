package organizations_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
)

// An invitation is for owners to send, e-mailed through the events bus,
// personal to its address, single-use, and previewed without being spent.
func TestInvitationIsPersonalAndSingleUse(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	invitee := w.user("Jules Martin", "Jules@Example.org", models.RoleOrganization)
	stranger := w.user("Léa Petit", "lea@example.org", models.RoleOrganization)
	admin := w.user("Admin", "jules@example.org.admin", models.RoleAdmin)
	org := w.register(owner, "Banque alimentaire du Panier")
	ownerM, _ := org.Member(owner.ID)

	if _, err := w.svc.Invite(w.ctx, org, models.Member{UserID: stranger.ID, Role: models.MemberMember}, "x@example.org", ""); !errors.Is(err, organizations.ErrOwnerRequired) {
		t.Fatalf("a member inviting: %v, want owners only", err)
	}
	_, err := w.svc.Invite(w.ctx, org, ownerM, "not an address", "boss")
	var verr *models.ValidationError
	if !errors.As(err, &verr) || len(verr.Fields) != 2 {
		t.Fatalf("bad invitation: %v, want email and role reported together", err)
	}
	if len(w.mailed) != 0 {
		t.Fatalf("refused invitations were e-mailed: %v", w.mailed)
	}

	sent, err := w.svc.Invite(w.ctx, org, ownerM, " JULES@example.org ", "")
	if err != nil {
		t.Fatalf("invite: %v", err)
	}
	if sent.Invitation.Email != "jules@example.org" || sent.Invitation.Role != models.MemberMember ||
		sent.AcceptURL != "https://entraide.example/invitations/"+sent.Token || strings.Contains(sent.Invitation.ID, sent.Token) {
		t.Fatalf("sent: %+v", sent)
	}
	if len(w.mailed) != 1 || w.mailed[0] != "jules@example.org "+sent.AcceptURL {
		t.Fatalf("e-mailed: %v", w.mailed)
	}

	for _, c := range []struct {
		who    string
		viewer *models.User
		state  string
	}{{"visitor", nil, "visitor"}, {"invitee", invitee, "join"}, {"stranger", stranger, "other"}, {"admin", admin, "other"}} {
		p, err := w.svc.PreviewInvitation(w.ctx, sent.Token, c.viewer)
		if err != nil || p.State != c.state || p.OrgName != org.Name || p.Inviter != "Awa Diallo" {
			t.Errorf("preview for the %s: %+v (%v), want state %s", c.who, p, err, c.state)
		}
	}

	if _, err := w.svc.Join(w.ctx, sent.Token, stranger); !errors.Is(err, store.ErrNotFound) || !organizations.Refused(err) {
		t.Fatalf("another account joining: %v, want not found", err)
	}
	joined, err := w.svc.Join(w.ctx, sent.Token, invitee)
	if err != nil {
		t.Fatalf("join: %v", err)
	}
	if m, ok := joined.Member(invitee.ID); !ok || m.Role != models.MemberMember || m.InvitedBy != owner.ID {
		t.Fatalf("membership: %+v (%v)", m, ok)
	}
	if _, err := w.svc.Join(w.ctx, sent.Token, invitee); !errors.Is(err, organizations.ErrInvitationUsed) || !organizations.Refused(err) {
		t.Fatalf("joining twice: %v, want used", err)
	}
	if p, _ := w.svc.PreviewInvitation(w.ctx, sent.Token, invitee); p.State != "gone" {
		t.Fatalf("preview of a used invitation: %s", p.State)
	}
	if _, err := w.svc.Join(w.ctx, "no-such-token", invitee); !organizations.Refused(err) {
		t.Fatalf("unknown token: %v, want a refusal the page explains", err)
	}
}

// An account that is already a member spends the invitation and keeps its
// membership as it was.
func TestInvitationToAnExistingMemberKeepsTheMembership(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	ownerM, _ := org.Member(owner.ID)
	sent, err := w.svc.Invite(w.ctx, org, ownerM, owner.Email, "member")
	if err != nil {
		t.Fatal(err)
	}
	got, err := w.svc.Join(w.ctx, sent.Token, owner)
	if err != nil {
		t.Fatalf("join as a member: %v", err)
	}
	if m, _ := got.Member(owner.ID); m.Role != models.MemberOwner || len(got.Members) != 1 {
		t.Fatalf("membership after: %+v, %d members; want the owner unchanged", m, len(got.Members))
	}
}

func TestInvitationExpires(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	invitee := w.user("Jules Martin", "jules@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	ownerM, _ := org.Member(owner.ID)
	sent, err := w.svc.Invite(w.ctx, org, ownerM, invitee.Email, "")
	if err != nil {
		t.Fatal(err)
	}
	w.clock = w.clock.Add(models.InvitationTTL)
	if p, _ := w.svc.PreviewInvitation(w.ctx, sent.Token, invitee); p.State != "gone" {
		t.Fatalf("preview of an expired invitation: %s", p.State)
	}
	if _, err := w.svc.Join(w.ctx, sent.Token, invitee); !errors.Is(err, organizations.ErrInvitationExpired) {
		t.Fatalf("joining after expiry: %v, want expired", err)
	}
	pending, err := w.svc.Pending(w.ctx, org, ownerM)
	if err != nil || len(pending) != 0 {
		t.Fatalf("pending after expiry: %d (%v)", len(pending), err)
	}
}

// Owners see, revoke and resend their organisation's invitations by public
// id; another organisation's id is not found, and a resent invitation's
// old link stops working.
func TestRevokeAndResendAreScopedToTheOrganisation(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	invitee := w.user("Jules Martin", "jules@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	other := w.register(owner, "Épicerie solidaire")
	ownerM, _ := org.Member(owner.ID)
	sent, err := w.svc.Invite(w.ctx, org, ownerM, invitee.Email, "owner")
	if err != nil {
		t.Fatal(err)
	}
	id := organizations.PublicID(sent.Invitation)

	pending, err := w.svc.Pending(w.ctx, org, ownerM)
	if err != nil || len(pending) != 1 || pending[0].InvitedByName != "Awa Diallo" {
		t.Fatalf("pending: %+v (%v)", pending, err)
	}
	member := models.Member{UserID: invitee.ID, Role: models.MemberMember}
	if _, err := w.svc.Pending(w.ctx, org, member); !errors.Is(err, organizations.ErrOwnerRequired) {
		t.Fatalf("a member listing invitations: %v", err)
	}
	if _, err := w.svc.Revoke(w.ctx, other, ownerM, id); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("revoking through another organisation: %v, want not found", err)
	}
	if _, err := w.svc.Revoke(w.ctx, org, ownerM, sent.Token); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("revoking by token: %v, want not found", err)
	}

	resent, err := w.svc.Resend(w.ctx, org, ownerM, id)
	if err != nil {
		t.Fatalf("resend: %v", err)
	}
	if resent.Invitation.Role != models.MemberOwner || resent.Invitation.Email != invitee.Email || resent.Token == sent.Token {
		t.Fatalf("resent: %+v", resent.Invitation)
	}
	if _, err := w.svc.Join(w.ctx, sent.Token, invitee); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("the old link after resending: %v, want not found", err)
	}
	if len(w.mailed) != 2 {
		t.Fatalf("e-mails: %d, want the invitation and its resending", len(w.mailed))
	}
	if _, err := w.svc.Revoke(w.ctx, org, ownerM, organizations.PublicID(resent.Invitation)); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if _, err := w.svc.Join(w.ctx, resent.Token, invitee); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("a revoked link: %v, want not found", err)
	}
}
