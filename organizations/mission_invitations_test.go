package organizations_test

import (
	"errors"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
)

// An organisation invites a findable volunteer to a published mission once,
// within the monthly quotas: the volunteer's across organisations, and
// each organisation's share of it.
func TestInviteVolunteerKeepsToTheMonthlyQuotas(t *testing.T) {
	w := newWorld(t)
	owner := w.user("Awa Diallo", "awa@example.org", models.RoleOrganization)
	volunteer := w.user("Inès Haddad", "ines@example.org", models.RoleVolunteer)
	hidden := w.user("Paul Morel", "paul@example.org", models.RoleVolunteer)
	if err := w.store.SetProfile(w.ctx, volunteer.ID, models.Profile{Visible: true}, w.clock); err != nil {
		t.Fatal(err)
	}
	if err := w.store.SetProfile(w.ctx, hidden.ID, models.Profile{Visible: false}, w.clock); err != nil {
		t.Fatal(err)
	}
	orgs := []*models.Organization{w.register(owner, "Banque alimentaire du Panier"), w.register(owner, "Épicerie solidaire"),
		w.register(owner, "Restos du Vieux-Port")}
	mission := func(org *models.Organization, status models.MissionStatus) *models.Mission {
		m := &models.Mission{ID: store.NewID(), OrgID: org.ID, Title: "Distribution", Status: status, CreatedAt: w.clock, UpdatedAt: w.clock}
		if err := w.store.CreateMission(w.ctx, m, nil); err != nil {
			t.Fatal(err)
		}
		return m
	}
	invite := func(org *models.Organization, m *models.Mission, volunteerID string) error {
		_, err := w.svc.InviteVolunteer(w.ctx, org, m, owner.ID, volunteerID)
		return err
	}

	draft := mission(orgs[0], models.MissionDraft)
	var state *organizations.StateError
	if err := invite(orgs[0], draft, volunteer.ID); !errors.As(err, &state) || state.Current != string(models.MissionDraft) {
		t.Fatalf("invitation to a draft: %v, want a state error", err)
	}
	first := mission(orgs[0], models.MissionPublished)
	if err := invite(orgs[0], first, hidden.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("invitation of a volunteer who is not findable: %v, want not found", err)
	}
	if err := invite(orgs[0], first, volunteer.ID); err != nil {
		t.Fatalf("first invitation: %v", err)
	}
	if err := invite(orgs[0], first, volunteer.ID); !errors.Is(err, organizations.ErrAlreadyInvited) {
		t.Fatalf("second invitation to the same mission: %v, want already invited", err)
	}
	for range models.MaxInvitationsPerOrgPerMonth - 1 {
		if err := invite(orgs[0], mission(orgs[0], models.MissionPublished), volunteer.ID); err != nil {
			t.Fatalf("invitation within the organisation's share: %v", err)
		}
	}
	var quota *organizations.QuotaError
	if err := invite(orgs[0], mission(orgs[0], models.MissionPublished), volunteer.ID); !errors.As(err, &quota) || !quota.PerOrg {
		t.Fatalf("one more from the same organisation: %v, want its share used up", err)
	}
	sent := models.MaxInvitationsPerOrgPerMonth
	for _, org := range orgs[1:] {
		for range models.MaxInvitationsPerOrgPerMonth {
			if sent == models.MaxInvitationsPerMonth {
				break
			}
			if err := invite(org, mission(org, models.MissionPublished), volunteer.ID); err != nil {
				t.Fatalf("invitation %d: %v", sent+1, err)
			}
			sent++
		}
	}
	if sent != models.MaxInvitationsPerMonth {
		t.Fatalf("the test sent %d invitations, want the volunteer's quota %d", sent, models.MaxInvitationsPerMonth)
	}
	other := w.register(owner, "Jardin partagé")
	err := invite(other, mission(other, models.MissionPublished), volunteer.ID)
	if !errors.As(err, &quota) || quota.PerOrg || quota.Limit != models.MaxInvitationsPerMonth {
		t.Fatalf("one more than the volunteer's quota: %v, want it used up", err)
	}
}
