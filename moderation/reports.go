package moderation

import (
	"context"
	"errors"
	"sort"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/store"
)

// Report targets.
const (
	TargetMission      = "mission"
	TargetOrganization = "organization"
)

// ReportInput is a report as a user files it.
type ReportInput struct {
	TargetType, TargetID, Reason string
}

// FileReport files reporter's report on a mission or an organisation they
// can see. Bad fields are reported at once; then the reporter's rate is
// counted; a target the reporter cannot see is not found (a hidden draft
// cannot be probed through reports); a second open report by the same
// person on the same target is refused.
func (svc *Service) FileReport(ctx context.Context, reporter Actor, in ReportInput) (*models.Report, error) {
	var v models.Validator
	v.Check(in.TargetType == TargetMission || in.TargetType == TargetOrganization, "target_type", "one_of", "mission, organization")
	v.Check(store.ValidID(in.TargetID), "target_id", "invalid_id")
	reason, ok := models.CleanText(in.Reason)
	if v.Check(ok, "reason", "invalid_text") {
		v.Length(reason, "reason", 5, 1000)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	if svc.ReportThrottle != nil {
		if err := svc.ReportThrottle(reporter.UserID); err != nil {
			return nil, err
		}
	}
	if err := svc.checkVisible(ctx, reporter, in.TargetType, in.TargetID); err != nil {
		return nil, err
	}
	open, err := svc.Store.CountOpenReportsBy(ctx, reporter.UserID, in.TargetID)
	if err != nil {
		return nil, err
	}
	if open > 0 {
		return nil, ErrAlreadyReported
	}
	r := &models.Report{ID: store.NewID(), TargetType: in.TargetType, TargetID: in.TargetID, ReporterID: reporter.UserID,
		Reason: reason, Status: models.ReportOpen, CreatedAt: svc.now()}
	if err := svc.Store.CreateReport(ctx, r); err != nil {
		return nil, err
	}
	return r, nil
}

// checkVisible answers store.ErrNotFound for a target that does not exist
// or that who cannot see (organizations.CanSee; a mission that is not
// public, unless who is a member of its organisation or an admin).
func (svc *Service) checkVisible(ctx context.Context, who Actor, kind, id string) error {
	if kind == TargetOrganization {
		org, err := svc.Store.OrganizationByID(ctx, id)
		if err != nil {
			return err
		}
		if !organizations.CanSee(org, who.UserID, who.Admin) {
			return store.ErrNotFound
		}
		return nil
	}
	m, err := svc.Store.MissionByID(ctx, id)
	if err != nil {
		return err
	}
	if Public(m.Status) {
		return nil
	}
	insider, err := svc.Insider(ctx, who, m)
	if err == nil && !insider {
		err = store.ErrNotFound
	}
	return err
}

// Insider reports whether who sees m as its organisation does: an admin,
// or a member of its organisation.
func (svc *Service) Insider(ctx context.Context, who Actor, m *models.Mission) (bool, error) {
	if who.Admin {
		return true, nil
	}
	if who.UserID == "" {
		return false, nil
	}
	_, err := svc.Store.OrganizationForMember(ctx, who.UserID, m.OrgID)
	if errors.Is(err, store.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// ReportGroup is the reports on one target.
type ReportGroup struct {
	TargetType, TargetID string
	// TargetTitle is the mission's title or the organisation's name, empty
	// when the target is gone.
	TargetTitle     string
	FirstAt, LastAt time.Time
	Reports         []models.Report
}

// ReportGroups groups the reports in status (any when empty) by target,
// most reported first, then in the order of their first report.
func (svc *Service) ReportGroups(ctx context.Context, status models.ReportStatus) ([]ReportGroup, error) {
	reports, err := svc.Store.Reports(ctx, status, 5000)
	if err != nil {
		return nil, err
	}
	groups := map[string]*ReportGroup{}
	var order []string
	for _, r := range reports {
		key := r.TargetType + ":" + r.TargetID
		g, ok := groups[key]
		if !ok {
			g = &ReportGroup{TargetType: r.TargetType, TargetID: r.TargetID, FirstAt: r.CreatedAt}
			groups[key] = g
			order = append(order, key)
		}
		g.LastAt = r.CreatedAt
		g.Reports = append(g.Reports, r)
	}
	titles, err := svc.targetTitles(ctx, groups)
	if err != nil {
		return nil, err
	}
	out := make([]ReportGroup, 0, len(order))
	for _, key := range order {
		g := groups[key]
		g.TargetTitle = titles[key]
		out = append(out, *g)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Reports) > len(out[j].Reports) })
	return out, nil
}

// targetTitles names each group's target (by "type:id"; a target gone has
// no title), in two batches of key reads: the missions and the
// organisations.
func (svc *Service) targetTitles(ctx context.Context, groups map[string]*ReportGroup) (map[string]string, error) {
	var missionIDs, orgIDs []string
	for _, g := range groups {
		if g.TargetType == TargetOrganization {
			orgIDs = append(orgIDs, g.TargetID)
		} else {
			missionIDs = append(missionIDs, g.TargetID)
		}
	}
	titles := make(map[string]string, len(groups))
	missions, err := svc.Store.MissionsByIDs(ctx, missionIDs)
	if err != nil {
		return nil, err
	}
	for id, m := range missions {
		titles[TargetMission+":"+id] = m.Title
	}
	orgs, err := svc.Store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		titles[TargetOrganization+":"+o.ID] = o.Name
	}
	return titles, nil
}

// ResolveReport resolves an open report and every other open report on
// the same target, with the admin's resolution (optional, at most 1,000
// characters), and audits it.
func (svc *Service) ResolveReport(ctx context.Context, adminID, id, rawResolution string) (*models.Report, error) {
	resolution, ok := models.CleanText(rawResolution)
	if !ok || len([]rune(resolution)) > 1000 {
		var v models.Validator
		v.Add("resolution", "invalid_text")
		return nil, v.Err()
	}
	r, err := svc.Store.ReportByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if r.Status != models.ReportOpen {
		return nil, stateError(r.Status)
	}
	err = svc.decide(ctx, decision{adminID: adminID, action: "report.resolve", targetType: r.TargetType, targetID: r.TargetID, reason: resolution,
		apply: func(ctx context.Context) (map[string]any, map[string]any, error) {
			n, err := svc.Store.ResolveReports(ctx, r.TargetType, r.TargetID, resolution, adminID, svc.now())
			return map[string]any{"open_reports": n}, map[string]any{"status": "resolved"}, err
		},
	})
	if err != nil {
		return nil, err
	}
	r, err = svc.Store.ReportByID(ctx, id)
	if err != nil {
		return nil, err
	}
	return r, nil
}
