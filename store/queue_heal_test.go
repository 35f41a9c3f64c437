package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// TestHealQueueListsRestoresLostEntries: an organisation, a report and a
// submitted mission whose queue entries a crash lost (the record written,
// its entry not) are back in their admin's queue after the heal, which
// leaves the lists alone once they agree.
func TestHealQueueListsRestoresLostEntries(t *testing.T) {
	st := openInternal(t)
	ctx := context.Background()
	now := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
	owner := NewID()
	org := &models.Organization{ID: NewID(), Name: "Banque alimentaire", Status: models.OrgPending, MemberIDs: []string{owner},
		Members: []models.Member{{UserID: owner, Role: models.MemberOwner}}, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateOrganization(ctx, org); err != nil {
		t.Fatal(err)
	}
	report := &models.Report{ID: NewID(), TargetType: "organization", TargetID: org.ID, Reason: "spam", Status: models.ReportOpen, CreatedAt: now}
	if err := st.CreateReport(ctx, report); err != nil {
		t.Fatal(err)
	}
	mission := &models.Mission{ID: NewID(), OrgID: org.ID, Title: "Colis", Status: models.MissionSubmitted, SubmittedAt: &now, CreatedAt: now, UpdatedAt: now}
	if err := st.CreateMission(ctx, mission, nil); err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct{ kind, state, id string }{
		{orgQueueKind, string(models.OrgPending), org.ID},
		{reportQueueKind, string(models.ReportOpen), report.ID},
		{missionQueueKind, submittedQueue, mission.ID},
	} {
		if !slices.Contains(listed(t, st, e.kind, e.state), e.id) {
			t.Fatalf("%s not listed in %s:%s after its write", e.id, e.kind, e.state)
		}
		if err := st.unsetQueueEntry(ctx, e.kind, e.state, e.id); err != nil {
			t.Fatal(err)
		}
	}
	if orgs, total, err := st.OrganizationsByStatus(ctx, models.OrgPending, 0, 10); err != nil || total != 0 || len(orgs) != 0 {
		t.Fatalf("the lost entry still shows: %v %d %v", orgs, total, err)
	}

	healed, err := st.HealQueueLists(ctx)
	if err != nil || healed != 3 {
		t.Fatalf("heal: %d entries, %v; want 3", healed, err)
	}
	if orgs, total, err := st.OrganizationsByStatus(ctx, models.OrgPending, 0, 10); err != nil || total != 1 || orgs[0].ID != org.ID {
		t.Fatalf("pending organisations after the heal: %v %d %v", orgs, total, err)
	}
	if reports, err := st.Reports(ctx, models.ReportOpen, 10); err != nil || len(reports) != 1 || reports[0].ID != report.ID {
		t.Fatalf("open reports after the heal: %v %v", reports, err)
	}
	submitted, total, err := st.Missions(ctx, MissionFilter{Statuses: []models.MissionStatus{models.MissionSubmitted}, NotSuspended: true}, "submitted_at", 0, 10)
	if err != nil || total != 1 || submitted[0].ID != mission.ID {
		t.Fatalf("submitted missions after the heal: %v %d %v", submitted, total, err)
	}
	if healed, err := st.HealQueueLists(ctx); err != nil || healed != 0 {
		t.Fatalf("second heal: %d entries, %v; want 0", healed, err)
	}
}
