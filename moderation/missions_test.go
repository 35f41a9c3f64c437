package moderation_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
)

// TestDraftValidatesAndLocates: every bad field at once, an unknown
// postcode refused, and a good draft located from its postcode.
func TestDraftValidatesAndLocates(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	short := "Aide"
	bad := input(short)
	bad.Shifts = nil
	_, err := f.svc.Draft(f.ctx, f.org, f.member, bad)
	wantFields(t, err, "title", "shifts")

	unknown := input("Distribution de colis")
	pc := "00000"
	unknown.Postcode = &pc
	_, err = f.svc.Draft(f.ctx, f.org, f.member, unknown)
	wantFields(t, err, "postcode")

	m := f.draft(t, "Distribution de colis")
	if m.Status != models.MissionDraft || m.City == "" || m.TimeZone == "" || m.CreatedBy != f.member || m.LastShiftEnd.IsZero() {
		t.Fatalf("draft %+v: want a located draft by its member with its last shift's end", m)
	}
	stored, err := f.st.MissionByID(f.ctx, m.ID)
	if err != nil || stored.Status != models.MissionDraft {
		t.Fatalf("stored draft: %v %+v", err, stored)
	}
}

// TestOrganisationTransitionsFollowTheTables: an organisation sends its
// draft to review, and may cancel it, but cannot send a published mission
// back to review nor close one that is not published; an organisation that
// is not verified cannot send anything to review; only a draft is deleted.
func TestOrganisationTransitionsFollowTheTables(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	m := f.draft(t, "Distribution de colis")
	_, err := f.svc.Close(f.ctx, m)
	wantState(t, err, "draft")
	submitted, err := f.svc.Submit(f.ctx, f.org, m)
	if err != nil || submitted.Status != models.MissionSubmitted || submitted.SubmittedAt == nil {
		t.Fatalf("submit: %v %+v", err, submitted)
	}
	_, err = f.svc.Submit(f.ctx, f.org, submitted)
	wantState(t, err, "submitted")
	wantState(t, f.svc.DeleteDraft(f.ctx, f.org, submitted), "submitted")

	live := f.published(t, "Maraude du soir")
	// Only the system sends a published mission back to review (its
	// organisation suspended); the organisation's edits wait as a revision.
	_, err = f.svc.Submit(f.ctx, f.org, live)
	wantState(t, err, "published")
	closed, err := f.svc.Close(f.ctx, live)
	if err != nil || closed.Status != models.MissionClosed || closed.ClosedAt == nil {
		t.Fatalf("close: %v %+v", err, closed)
	}
	_, err = f.svc.Cancel(f.ctx, closed, "")
	wantState(t, err, "closed")
	if len(f.cancelled) != 0 {
		t.Fatalf("a refused cancellation was announced: %v", f.cancelled)
	}

	cancelled, err := f.svc.Cancel(f.ctx, submitted, "plus de bénévoles nécessaires")
	if err != nil || cancelled.Status != models.MissionCancelled || cancelled.StatusReason != "plus de bénévoles nécessaires" {
		t.Fatalf("cancel: %v %+v", err, cancelled)
	}
	if !slices.Equal(f.cancelled, []string{submitted.ID}) {
		t.Fatalf("cancellations announced %v, want %s", f.cancelled, submitted.ID)
	}

	other := f.draft(t, "Atelier numérique")
	if err := f.svc.DeleteDraft(f.ctx, f.org, other); err != nil {
		t.Fatalf("delete draft: %v", err)
	}
	if _, err := f.st.MissionByID(f.ctx, other.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("deleted draft still read: %v", err)
	}

	pending := newFixture(t, models.OrgPending)
	draft := pending.draft(t, "Distribution de colis")
	_, err = pending.svc.Submit(pending.ctx, pending.org, draft)
	var nv *moderation.OrgNotVerifiedError
	if !errors.As(err, &nv) || nv.OrgStatus != models.OrgPending || nv.MissionStatus != models.MissionDraft {
		t.Fatalf("submit for a pending organisation: %v", err)
	}
}

// TestDecideMission: an admin publishes or rejects only what waits for
// review, only for a verified organisation; each decision is audited with
// the states, and an urgent mission published alerts volunteers.
func TestDecideMission(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	draft := f.draft(t, "Distribution de colis")
	_, err := f.svc.DecideMission(f.ctx, f.admin, draft.ID, models.MissionPublished, "publish", "")
	wantState(t, err, "draft")

	in := input("Garde d'enfants urgente")
	urgent := true
	in.Urgent = &urgent
	m, err := f.svc.Draft(f.ctx, f.org, f.member, in)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Submit(f.ctx, f.org, m); err != nil {
		t.Fatal(err)
	}
	live, err := f.svc.DecideMission(f.ctx, f.admin, m.ID, models.MissionPublished, "publish", "")
	if err != nil || live.Status != models.MissionPublished || live.PublishedAt == nil {
		t.Fatalf("publish: %v %+v", err, live)
	}
	entry := f.audited(t, m.ID, "mission.publish")
	if entry.ActorID != f.admin || entry.Before["status"] != "submitted" || entry.After["status"] != "published" {
		t.Fatalf("audit entry %+v", entry)
	}
	if !slices.Equal(f.urgent, []string{m.ID}) {
		t.Fatalf("urgent alerts %v, want %s", f.urgent, m.ID)
	}
	_, err = f.svc.DecideMission(f.ctx, f.admin, m.ID, models.MissionRejected, "reject", "trop tard")
	wantState(t, err, "published")

	if _, err := f.svc.Submit(f.ctx, f.org, draft); err != nil {
		t.Fatal(err)
	}
	rejected, err := f.svc.DecideMission(f.ctx, f.admin, draft.ID, models.MissionRejected, "reject", "annonce rémunérée")
	if err != nil || rejected.Status != models.MissionRejected || rejected.StatusReason != "annonce rémunérée" {
		t.Fatalf("reject: %v %+v", err, rejected)
	}
	if entry := f.audited(t, draft.ID, "mission.reject"); entry.Reason != "annonce rémunérée" {
		t.Fatalf("audit entry %+v", entry)
	}
	if len(f.urgent) != 1 {
		t.Fatalf("urgent alerts %v after a rejection", f.urgent)
	}

	// A rejected mission goes back to review once edited.
	if _, err := f.svc.Submit(f.ctx, f.org, rejected); err != nil {
		t.Fatalf("submit again: %v", err)
	}
	if _, err := f.st.TransitionOrganization(f.ctx, f.org.ID, []models.OrgStatus{models.OrgVerified}, models.OrgSuspended, "enquête", time.Now()); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.DecideMission(f.ctx, f.admin, draft.ID, models.MissionPublished, "publish", "")
	var nv *moderation.OrgNotVerifiedError
	if !errors.As(err, &nv) || nv.OrgStatus != models.OrgSuspended || nv.MissionStatus != models.MissionSubmitted {
		t.Fatalf("publish for a suspended organisation: %v", err)
	}
	if _, err := f.svc.DecideMission(f.ctx, f.admin, store.NewID(), models.MissionPublished, "publish", ""); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unknown mission: %v", err)
	}
}
