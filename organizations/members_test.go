package organizations_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
)

// join brings user into org through an invitation with role.
func (w *world) join(org *models.Organization, owner models.Member, user *models.User, role string) *models.Organization {
	w.t.Helper()
	sent, err := w.svc.Invite(w.ctx, org, owner, user.Email, role)
	if err != nil {
		w.t.Fatalf("invite: %v", err)
	}
	joined, err := w.svc.Join(w.ctx, sent.Token, user)
	if err != nil {
		w.t.Fatalf("join: %v", err)
	}
	return joined
}

// Owners remove anyone, a member may only leave, and the last owner stays.
func TestRemoveMemberNeverLeavesAnOrganisationWithoutAnOwner(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	colleague := w.user("Jules Martin", "jules@example.org", models.RoleOrganization)
	helper := w.user("Inès Haddad", "ines@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	ownerM, _ := org.Member(owner.ID)
	w.join(org, ownerM, colleague, "")
	org = w.join(org, ownerM, helper, "")

	colleagueM, _ := org.Member(colleague.ID)
	if err := w.svc.RemoveMember(w.ctx, org, colleagueM, helper.ID); !errors.Is(err, organizations.ErrOwnerRequired) {
		t.Fatalf("a member removing another: %v, want owners only", err)
	}
	if err := w.svc.RemoveMember(w.ctx, org, ownerM, owner.ID); !errors.Is(err, organizations.ErrLastOwner) {
		t.Fatalf("the last owner leaving: %v, want refused", err)
	}
	if err := w.svc.RemoveMember(w.ctx, org, ownerM, store.NewID()); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("removing a stranger: %v, want not found", err)
	}
	if err := w.svc.RemoveMember(w.ctx, org, colleagueM, colleague.ID); err != nil {
		t.Fatalf("a member leaving: %v", err)
	}
	org = w.reload(org.ID)
	if err := w.svc.RemoveMember(w.ctx, org, ownerM, helper.ID); err != nil {
		t.Fatalf("the owner removing a member: %v", err)
	}
	org = w.reload(org.ID)
	if !slices.Equal(org.MemberIDs, []string{owner.ID}) {
		t.Fatalf("members left: %v, want only the owner", org.MemberIDs)
	}
	// A removal made on a stale read is refused rather than written over
	// another one.
	stale := w.join(org, ownerM, helper, "")
	w.clock = w.clock.Add(time.Minute) // the list's version is its update time
	w.join(stale, ownerM, colleague, "")
	if err := w.svc.RemoveMember(w.ctx, stale, ownerM, helper.ID); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("removal on a stale member list: %v, want a conflict", err)
	}
}

func TestMembersCarryNamesAndInviters(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	colleague := w.user("Jules Martin", "jules@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	ownerM, _ := org.Member(owner.ID)
	org = w.join(org, ownerM, colleague, "owner")
	members, err := w.svc.Members(w.ctx, org)
	if err != nil || len(members) != 2 {
		t.Fatalf("members: %d (%v)", len(members), err)
	}
	got := members[1]
	if got.Name != "Jules Martin" || got.Email != "jules@example.org" || got.Role != models.MemberOwner || got.InvitedByName != "Awa Diallo" {
		t.Fatalf("invited member: %+v", got)
	}
}

// The only owner of an organisation cannot delete their account; once a
// second owner is named, they can.
func TestCheckNotSoleOwnerNamesTheOrganisations(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	colleague := w.user("Jules Martin", "jules@example.org", models.RoleOrganization)
	first := w.register(owner, "Banque alimentaire du Panier")
	w.register(owner, "Épicerie solidaire")
	err := w.svc.CheckNotSoleOwner(w.ctx, owner.ID)
	var sole *organizations.SoleOwnerError
	if !errors.As(err, &sole) || len(sole.Names) != 2 || !strings.Contains(strings.Join(sole.Names, ","), "Épicerie solidaire") {
		t.Fatalf("sole owner of two: %v", err)
	}
	ownerM, _ := first.Member(owner.ID)
	w.join(first, ownerM, colleague, "owner")
	err = w.svc.CheckNotSoleOwner(w.ctx, owner.ID)
	if !errors.As(err, &sole) || !slices.Equal(sole.Names, []string{"Épicerie solidaire"}) {
		t.Fatalf("sole owner of one: %v", err)
	}
	if err := w.svc.CheckNotSoleOwner(w.ctx, colleague.ID); err != nil {
		t.Fatalf("a co-owner: %v", err)
	}
}
