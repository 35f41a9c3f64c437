package moderation_test

import (
	"errors"
	"testing"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
)

var errThrottled = errors.New("too many reports")

// TestFileReport: bad fields at once before anything is counted; the
// throttle counts what passes validation and its refusal stands; a hidden
// draft is not found for an outsider but is for a member and an admin; a
// second open report on the same target is refused.
func TestFileReport(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	var counted []string
	budget := 5 // the hidden draft, two insiders, two on the live mission
	f.svc.ReportThrottle = func(userID string) error {
		counted = append(counted, userID)
		if len(counted) > budget {
			return errThrottled
		}
		return nil
	}
	volunteer := moderation.Actor{UserID: store.NewID()}
	_, err := f.svc.FileReport(f.ctx, volunteer, moderation.ReportInput{TargetType: "user", TargetID: "x", Reason: "bof"})
	wantFields(t, err, "target_type", "target_id", "reason")
	if len(counted) != 0 {
		t.Fatalf("an invalid report was counted: %v", counted)
	}

	draft := f.draft(t, "Distribution de colis")
	reason := "Cette mission demande de l'argent aux bénévoles."
	_, err = f.svc.FileReport(f.ctx, volunteer, moderation.ReportInput{TargetType: "mission", TargetID: draft.ID, Reason: reason})
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("report on a hidden draft: %v", err)
	}
	for _, insider := range []moderation.Actor{{UserID: f.member}, {UserID: store.NewID(), Admin: true}} {
		if _, err := f.svc.FileReport(f.ctx, insider, moderation.ReportInput{TargetType: "mission", TargetID: draft.ID, Reason: reason}); err != nil {
			t.Fatalf("report by %+v on their draft: %v", insider, err)
		}
	}

	live := f.published(t, "Maraude du soir")
	r, err := f.svc.FileReport(f.ctx, volunteer, moderation.ReportInput{TargetType: "mission", TargetID: live.ID, Reason: "  " + reason + " "})
	if err != nil || r.Status != models.ReportOpen || r.Reason != reason || r.ReporterID != volunteer.UserID {
		t.Fatalf("report: %v %+v", err, r)
	}
	_, err = f.svc.FileReport(f.ctx, volunteer, moderation.ReportInput{TargetType: "mission", TargetID: live.ID, Reason: reason})
	if !errors.Is(err, moderation.ErrAlreadyReported) {
		t.Fatalf("second report: %v", err)
	}
	_, err = f.svc.FileReport(f.ctx, volunteer, moderation.ReportInput{TargetType: "organization", TargetID: f.org.ID, Reason: reason})
	if !errors.Is(err, errThrottled) {
		t.Fatalf("report over the rate: %v", err)
	}
}

// TestResolveReports: reports are grouped by target, most reported first;
// resolving one resolves its group, is audited, and cannot be done twice.
func TestResolveReports(t *testing.T) {
	f := newFixture(t, models.OrgVerified)
	live := f.published(t, "Distribution de colis")
	reason := "Annonce douteuse, rémunération demandée."
	var first *models.Report
	for i := 0; i < 2; i++ {
		r, err := f.svc.FileReport(f.ctx, moderation.Actor{UserID: store.NewID()}, moderation.ReportInput{TargetType: "mission", TargetID: live.ID, Reason: reason})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
		}
	}
	if _, err := f.svc.FileReport(f.ctx, moderation.Actor{UserID: store.NewID()}, moderation.ReportInput{TargetType: "organization", TargetID: f.org.ID, Reason: reason}); err != nil {
		t.Fatal(err)
	}
	groups, err := f.svc.ReportGroups(f.ctx, models.ReportOpen)
	if err != nil || len(groups) != 2 {
		t.Fatalf("groups %+v: %v", groups, err)
	}
	if groups[0].TargetID != live.ID || len(groups[0].Reports) != 2 || groups[0].TargetTitle != live.Title || groups[1].TargetTitle != f.org.Name {
		t.Fatalf("groups %+v: want the mission's two reports first, with the targets' names", groups)
	}

	_, err = f.svc.ResolveReport(f.ctx, f.admin, first.ID, "bad\x00text")
	wantFields(t, err, "resolution")
	resolved, err := f.svc.ResolveReport(f.ctx, f.admin, first.ID, " Mission retirée. ")
	if err != nil || resolved.Status != models.ReportResolved || resolved.Resolution != "Mission retirée." || resolved.ResolvedAt == nil {
		t.Fatalf("resolve: %v %+v", err, resolved)
	}
	entry := f.audited(t, live.ID, "report.resolve")
	if entry.Before["open_reports"] != int64(2) || entry.Reason != "Mission retirée." {
		t.Fatalf("audit entry %+v", entry)
	}
	_, err = f.svc.ResolveReport(f.ctx, f.admin, first.ID, "")
	wantState(t, err, "resolved")
	open, err := f.svc.ReportGroups(f.ctx, models.ReportOpen)
	if err != nil || len(open) != 1 || open[0].TargetID != f.org.ID {
		t.Fatalf("open groups after resolving %+v: %v", open, err)
	}
	all, err := f.svc.ReportGroups(f.ctx, "")
	if err != nil || len(all) != 2 {
		t.Fatalf("all groups %+v: %v", all, err)
	}
}
