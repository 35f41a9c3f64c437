package moderation_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
)

// TestRevisionOfAPublishedMission: an edit of a published mission waits
// as a revision with the fields it changes while the public version stays;
// an edit back withdraws it; a rejection keeps the public version with its
// reason; an approval applies it. Each decision is audited with the
// changed fields' values, and a decided revision cannot be decided again.
func TestRevisionOfAPublishedMission(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	live := f.published(t, "Distribution de colis")

	title := "Distribution de colis le samedi"
	revised, err := f.svc.Edit(f.ctx, f.org, live, f.member, models.MissionInput{Title: &title})
	if err != nil {
		t.Fatalf("edit: %v", err)
	}
	if revised.Title != live.Title || revised.RevisionState != models.RevisionPending || !slices.Equal(revised.Revision.Changed, []string{"title"}) ||
		revised.Revision.SubmittedBy != f.member || revised.Revision.Content.Title != title {
		t.Fatalf("revision %+v of %+v: want the title change pending, the public title kept", revised.Revision, revised)
	}

	back := live.Title
	withdrawn, err := f.svc.Edit(f.ctx, f.org, revised, f.member, models.MissionInput{Title: &back})
	if err != nil || withdrawn.Revision != nil || withdrawn.RevisionState != "" {
		t.Fatalf("edit back: %v %+v", err, withdrawn)
	}
	if _, err := f.svc.DecideRevision(f.ctx, f.admin, live.ID, true, ""); !errors.Is(err, moderation.ErrNoPendingRevision) {
		t.Fatalf("approve without a revision: %v", err)
	}

	revised, err = f.svc.Edit(f.ctx, f.org, withdrawn, f.member, models.MissionInput{Title: &title})
	if err != nil {
		t.Fatal(err)
	}
	// A second edit amends the pending revision rather than the public version.
	urgent := true
	revised, err = f.svc.Edit(f.ctx, f.org, revised, f.member, models.MissionInput{Urgent: &urgent})
	if err != nil || !slices.Equal(revised.Revision.Changed, []string{"title", "urgent"}) {
		t.Fatalf("amend: %v %+v", err, revised.Revision)
	}
	rejected, err := f.svc.DecideRevision(f.ctx, f.admin, live.ID, false, "titre trompeur")
	if err != nil || rejected.Title != live.Title || rejected.RevisionState != models.RevisionRejected || rejected.Revision.Reason != "titre trompeur" {
		t.Fatalf("reject: %v %+v", err, rejected)
	}
	entry := f.audited(t, live.ID, "mission.revision_reject")
	if entry.Before["title"] != live.Title || entry.After["title"] != title || entry.Reason != "titre trompeur" {
		t.Fatalf("audit entry %+v", entry)
	}
	if _, err := f.svc.DecideRevision(f.ctx, f.admin, live.ID, false, "encore"); !errors.Is(err, moderation.ErrNoPendingRevision) {
		t.Fatalf("reject twice: %v", err)
	}

	revised, err = f.svc.Edit(f.ctx, f.org, rejected, f.member, models.MissionInput{Title: &title, Urgent: &urgent})
	if err != nil || revised.RevisionState != models.RevisionPending {
		t.Fatalf("edit after a rejection: %v %+v", err, revised)
	}
	approved, err := f.svc.DecideRevision(f.ctx, f.admin, live.ID, true, "")
	if err != nil || approved.Title != title || !approved.Urgent || approved.Revision != nil || approved.Status != models.MissionPublished {
		t.Fatalf("approve: %v %+v", err, approved)
	}
	if entry := f.audited(t, live.ID, "mission.revision_approve"); entry.After["urgent"] != true {
		t.Fatalf("audit entry %+v", entry)
	}
	// The change made it urgent: volunteers are alerted as on publication.
	if !slices.Equal(f.urgent, []string{live.ID}) {
		t.Fatalf("urgent alerts %v, want %s", f.urgent, live.ID)
	}

	// Edits of a closed mission are refused.
	closed, err := f.svc.Close(f.ctx, approved)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Edit(f.ctx, f.org, closed, f.member, models.MissionInput{Title: &back})
	wantState(t, err, "closed")
}

// TestEditRefusesAStaleState: an edit made from a version read before the
// mission changed state is refused rather than written over the new state.
func TestEditRefusesAStaleState(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	m := f.draft(t, "Distribution de colis")
	if _, err := f.svc.Submit(f.ctx, f.org, m); err != nil {
		t.Fatal(err)
	}
	title := "Distribution de colis frais"
	if _, err := f.svc.Edit(f.ctx, f.org, m, f.member, models.MissionInput{Title: &title}); !errors.Is(err, moderation.ErrEditedConcurrently) {
		t.Fatalf("stale edit: %v", err)
	}
}

// TestQueueChecks: the review queue lists what was sent, and the checks
// find blocklisted words, web addresses and a near-identical sibling.
func TestQueueChecks(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	f.draft(t, "Distribution de colis")
	in := input("Distribution de colis !")
	desc := "Mission rémunérée, voir www.exemple.com pour les détails du samedi."
	in.Description = &desc
	m, err := f.svc.Draft(f.ctx, f.org, f.member, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Submit(f.ctx, f.org, m); err != nil {
		t.Fatal(err)
	}
	queue, total, err := f.svc.SubmittedMissions(f.ctx, 0, 10)
	if err != nil || total != 1 || len(queue) != 1 || queue[0].ID != m.ID {
		t.Fatalf("queue %v (%d): %v", queue, total, err)
	}
	if err := f.st.SetBlocklist(f.ctx, []string{"rémunéré"}, m.CreatedAt); err != nil {
		t.Fatal(err)
	}
	words, err := f.svc.Blocklist(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	checks, err := f.svc.Check(f.ctx, m, words)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(checks.Links, []string{"www.exemple.com"}) || len(checks.LikelyDuplicates) != 1 {
		t.Fatalf("checks %+v: want the link and the sibling", checks)
	}
	if len(checks.BlocklistHits) != 0 {
		t.Fatalf("checks %+v: 'rémunéré' is not a whole word of 'rémunérée'", checks)
	}
	if err := f.st.SetBlocklist(f.ctx, []string{"rémunérée"}, m.CreatedAt); err != nil {
		t.Fatal(err)
	}
	words, _ = f.svc.Blocklist(f.ctx)
	if checks, _ := f.svc.Check(f.ctx, m, words); !slices.Equal(checks.BlocklistHits, []string{"rémunérée"}) {
		t.Fatalf("blocklist hits %v", checks.BlocklistHits)
	}
}
