package organizations_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
)

func TestRegisterStartsPendingWithItsCreatorAsOwner(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	org := w.register(owner, "Banque alimentaire du Panier")
	stored := w.reload(org.ID)
	if stored.Status != models.OrgPending || stored.City == "" || stored.Lat == 0 {
		t.Fatalf("stored organisation: status %q, city %q, lat %v; want pending and located", stored.Status, stored.City, stored.Lat)
	}
	if m, ok := stored.Member(owner.ID); !ok || m.Role != models.MemberOwner || stored.Owners() != 1 {
		t.Fatalf("creator's membership: %+v (found %v), owners %d; want the only owner", m, ok, stored.Owners())
	}

	in := orgInput("Nulle part")
	unknown := "00000"
	in.Postcode = &unknown
	_, err := w.svc.Register(w.ctx, owner.ID, in)
	var verr *models.ValidationError
	if !errors.As(err, &verr) || verr.Fields[0].Field != "postcode" {
		t.Fatalf("unknown postcode: %v, want a validation error on postcode", err)
	}
	mine, err := w.svc.OfMember(w.ctx, owner.ID)
	if err != nil || len(mine) != 1 {
		t.Fatalf("organisations of the creator: %d (%v), want 1: a refused registration writes nothing", len(mine), err)
	}
}

func TestVisibleHidesUnverifiedOrganisationsFromOthers(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	admin := w.user("Admin", "admin@example.org", models.RoleAdmin)
	org := w.register(owner, "Banque alimentaire du Panier")
	for _, c := range []struct {
		who    string
		userID string
		admin  bool
		sees   bool
	}{{"visitor", "", false, false}, {"stranger", store.NewID(), false, false}, {"member", owner.ID, false, true}, {"admin", admin.ID, true, true}} {
		_, err := w.svc.Visible(w.ctx, org.ID, c.userID, c.admin)
		if c.sees && err != nil || !c.sees && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s reading a pending organisation: %v, sees %v", c.who, err, c.sees)
		}
	}
	w.decide(admin, org.ID, organizations.Verify, "")
	if _, err := w.svc.Visible(w.ctx, org.ID, "", false); err != nil {
		t.Fatalf("visitor reading a verified organisation: %v", err)
	}
}

// Every decision applies to one state only, as models.OrgDecisions says;
// from any other state it is refused with the current state, and nothing
// is written or audited.
func TestDecideFollowsTheTransitionTable(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	admin := w.user("Admin", "admin@example.org", models.RoleAdmin)
	org := w.register(owner, "Banque alimentaire du Panier")

	refuse := func(d organizations.Decision, current models.OrgStatus) {
		t.Helper()
		_, err := w.svc.Decide(w.ctx, admin.ID, org.ID, d, "une raison")
		var state *organizations.StateError
		if !errors.As(err, &state) || state.Current != string(current) {
			t.Fatalf("%s from %s: %v, want a state error naming %s", d, current, err, current)
		}
	}
	refuse(organizations.Suspend, models.OrgPending)
	refuse(organizations.Restore, models.OrgPending)
	if got := w.decide(admin, org.ID, organizations.Verify, "").Status; got != models.OrgVerified {
		t.Fatalf("verify: %s", got)
	}
	refuse(organizations.Verify, models.OrgVerified)
	refuse(organizations.Reject, models.OrgVerified)
	if got := w.decide(admin, org.ID, organizations.Suspend, "Signalements répétés").Status; got != models.OrgSuspended {
		t.Fatalf("suspend: %s", got)
	}
	if reason := w.reload(org.ID).StatusReason; reason != "Signalements répétés" {
		t.Fatalf("suspension reason stored: %q", reason)
	}
	if list, total, err := w.svc.Suspended(w.ctx, 0, 10); err != nil || total != 1 || list[0].ID != org.ID {
		t.Fatalf("suspended list: %d (%v), want the organisation", total, err)
	}
	refuse(organizations.Suspend, models.OrgSuspended)
	refuse(organizations.Verify, models.OrgSuspended)
	if got := w.decide(admin, org.ID, organizations.Restore, "").Status; got != models.OrgVerified {
		t.Fatalf("restore: %s", got)
	}
	want := []string{"organization.verify", "organization.suspend", "organization.restore"}
	if got := w.audited(org.ID); !slices.Equal(got, want) {
		t.Fatalf("audit: %v, want %v (refusals are not audited)", got, want)
	}

	other := w.register(owner, "Épicerie solidaire")
	if got := w.decide(admin, other.ID, organizations.Reject, "Pas une association").Status; got != models.OrgRejected {
		t.Fatalf("reject: %s", got)
	}
	if _, err := w.svc.Decide(w.ctx, admin.ID, store.NewID(), organizations.Verify, ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deciding on an unknown organisation: %v, want not found", err)
	}
	for d, required := range map[organizations.Decision]bool{organizations.Verify: false, organizations.Reject: true,
		organizations.Suspend: true, organizations.Restore: false, organizations.ApproveIdentity: false, organizations.RejectIdentity: true} {
		if organizations.ReasonRequired(d) != required {
			t.Errorf("reason required for %s: %v, want %v", d, !required, required)
		}
	}
}

// A suspension takes the organisation's published missions down, and the
// restoration puts back up exactly those.
func TestSuspensionTakesMissionsDownAndRestorationPutsThemBack(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	admin := w.user("Admin", "admin@example.org", models.RoleAdmin)
	org := w.register(owner, "Banque alimentaire du Panier")
	w.decide(admin, org.ID, organizations.Verify, "")
	mission := func(title string, status models.MissionStatus) string {
		m := &models.Mission{ID: store.NewID(), OrgID: org.ID, Title: title, Status: status, CreatedAt: w.clock, UpdatedAt: w.clock}
		if err := w.store.CreateMission(w.ctx, m, nil); err != nil {
			t.Fatalf("create mission: %v", err)
		}
		return m.ID
	}
	published := mission("Distribution du samedi", models.MissionPublished)
	draft := mission("Collecte de printemps", models.MissionDraft)
	status := func(id string) models.MissionStatus {
		m, err := w.store.MissionByID(w.ctx, id)
		if err != nil {
			t.Fatalf("read mission: %v", err)
		}
		return m.Status
	}

	w.decide(admin, org.ID, organizations.Suspend, "Signalements répétés")
	if status(published) != models.MissionSubmitted || status(draft) != models.MissionDraft {
		t.Fatalf("after suspension: published mission %s, draft %s; want submitted and draft", status(published), status(draft))
	}
	if got := w.audited(published); !slices.Equal(got, []string{"mission.unpublish"}) {
		t.Fatalf("mission audit after suspension: %v", got)
	}
	w.decide(admin, org.ID, organizations.Restore, "")
	if status(published) != models.MissionPublished || status(draft) != models.MissionDraft {
		t.Fatalf("after restoration: %s and %s; want published and draft", status(published), status(draft))
	}
}

// A verified organisation's identity changes wait for an admin, through
// the same decision path as its state; the description changes at once.
func TestIdentityChangeWaitsForTheAdminsDecision(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	admin := w.user("Admin", "admin@example.org", models.RoleAdmin)
	org := w.register(owner, "Banque alimentaire du Panier")

	// Before verification, an edit is immediate.
	name := "Banque alimentaire du Vieux-Port"
	edited, err := w.svc.Edit(w.ctx, owner.ID, org, models.OrgInput{Name: &name})
	if err != nil || edited.Name != name || edited.IdentityChange != nil {
		t.Fatalf("edit of a pending organisation: %v, name %q, change %v", err, edited.Name, edited.IdentityChange)
	}
	if _, err := w.svc.Decide(w.ctx, admin.ID, org.ID, organizations.ApproveIdentity, ""); !errors.Is(err, organizations.ErrNoIdentityChange) {
		t.Fatalf("approving when no change waits: %v", err)
	}
	org = w.decide(admin, org.ID, organizations.Verify, "")

	renamed, description := "Restos du Vieux-Port", "Distributions de repas chauds chaque soir de la semaine."
	edited, err = w.svc.Edit(w.ctx, owner.ID, org, models.OrgInput{Name: &renamed, Description: &description})
	if err != nil {
		t.Fatalf("edit of a verified organisation: %v", err)
	}
	if edited.Name != name || edited.Description != description {
		t.Fatalf("after the edit: name %q (want the verified %q), description %q (want the new one)", edited.Name, name, edited.Description)
	}
	ch, pending := edited.PendingIdentity()
	if !pending || ch.Proposed.Name != renamed {
		t.Fatalf("pending identity change: %+v (%v), want the new name", ch, pending)
	}
	waiting, total, err := w.svc.AwaitingIdentityDecision(w.ctx, 0, 10)
	if err != nil || total != 1 || waiting[0].ID != org.ID {
		t.Fatalf("identity queue: %d (%v)", total, err)
	}

	w.clock = w.clock.Add(time.Hour)
	if _, err := w.svc.Decide(w.ctx, admin.ID, org.ID, organizations.RejectIdentity, "Nom non justifié"); err != nil {
		t.Fatalf("reject the change: %v", err)
	}
	if got := w.reload(org.ID); got.Name != name {
		t.Fatalf("after rejection the name is %q, want the verified %q", got.Name, name)
	}
	if _, err := w.svc.Decide(w.ctx, admin.ID, org.ID, organizations.RejectIdentity, "encore"); !errors.Is(err, organizations.ErrNoIdentityChange) {
		t.Fatalf("deciding twice: %v, want no identity change", err)
	}

	org = w.reload(org.ID)
	if _, err := w.svc.Edit(w.ctx, owner.ID, org, models.OrgInput{Name: &renamed}); err != nil {
		t.Fatalf("propose again: %v", err)
	}
	approved := w.decide(admin, org.ID, organizations.ApproveIdentity, "")
	if approved.Name != renamed || approved.Status != models.OrgVerified {
		t.Fatalf("after approval: %q %s, want %q verified", approved.Name, approved.Status, renamed)
	}
	want := []string{"organization.verify", "organization.identity_reject", "organization.identity_approve"}
	if got := w.audited(org.ID); !slices.Equal(got, want) {
		t.Fatalf("audit: %v, want %v", got, want)
	}
}

func TestSearchFiltersByNameAndState(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	admin := w.user("Admin", "admin@example.org", models.RoleAdmin)
	w.register(owner, "Banque alimentaire du Panier")
	verified := w.register(owner, "Banque des Quartiers Nord")
	w.register(owner, "Épicerie solidaire")
	w.decide(admin, verified.ID, organizations.Verify, "")

	q, err := organizations.NewQuery("  banque ", "")
	if err != nil {
		t.Fatal(err)
	}
	found, total, err := w.svc.Search(w.ctx, q, 0, 1)
	if err != nil || total != 2 || len(found) != 1 {
		t.Fatalf("search banque: %d of %d (%v), want the first of 2", len(found), total, err)
	}
	q, _ = organizations.NewQuery("banque", "verified")
	found, total, err = w.svc.Search(w.ctx, q, 0, 10)
	if err != nil || total != 1 || found[0].ID != verified.ID {
		t.Fatalf("search verified banque: %d (%v)", total, err)
	}
	if _, err := organizations.NewQuery(string(make([]byte, 101)), "closed"); err == nil {
		t.Fatal("a long query and an unknown state were accepted")
	} else if verr := (*models.ValidationError)(nil); !errors.As(err, &verr) || len(verr.Fields) != 2 {
		t.Fatalf("bad query: %v, want both fields reported", err)
	}
}
