package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/entraide/entraide/models"
)

// CreateReport inserts a report. An open report is keyed in open_reports
// by reporter and target, so a second open report of one person about one
// thing is ErrConflict on every backend (and found by key, see
// CountOpenReportsBy).
func (s *Store) CreateReport(ctx context.Context, r *models.Report) error {
	keyed := r.Status == models.ReportOpen && r.ReporterID != ""
	if keyed {
		if err := s.claimReportKey(ctx, r); err != nil {
			return err
		}
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col("reports").InsertOne(ctx, r)
	unlock()
	if err != nil && keyed {
		_, _ = s.deleteOneIf(context.WithoutCancel(ctx), openReportsCol, reportKey(r.ReporterID, r.TargetID), bson.D{{Key: "report_id", Value: r.ID}})
	}
	if err != nil {
		return mapErr(err)
	}
	return s.listReport(ctx, r)
}

// Reports lists reports in a state (all when empty), oldest first, at
// most limit (0: all), from the lists of queue_lists: key reads, whatever
// the number of reports in other states.
func (s *Store) Reports(ctx context.Context, status models.ReportStatus, limit int64) ([]models.Report, error) {
	statuses := reportStatuses
	if status != "" {
		statuses = []string{string(status)}
	}
	return s.reportsFromQueue(ctx, statuses, limit)
}

// ReportByID returns a report.
func (s *Store) ReportByID(ctx context.Context, id string) (*models.Report, error) {
	var r models.Report
	if err := s.col("reports").FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&r); err != nil {
		return nil, mapErr(err)
	}
	return &r, nil
}

// ResolveReports resolves the open reports of a target (all reports about
// the same thing are answered together) and returns how many. An admin's
// action: it reads the open reports by key (the open list), keeps the
// target's, then writes each by key.
func (s *Store) ResolveReports(ctx context.Context, targetType, targetID, resolution, adminID string, now time.Time) (int64, error) {
	open, err := s.Reports(ctx, models.ReportOpen, 0)
	if err != nil {
		return 0, err
	}
	cond := bson.D{{Key: "target_type", Value: targetType}, {Key: "target_id", Value: targetID}, {Key: "status", Value: models.ReportOpen}}
	var n int64
	for _, r := range open {
		if r.TargetType != targetType || r.TargetID != targetID {
			continue
		}
		var after models.Report
		err := s.updateByKey(ctx, "reports", r.ID, cond,
			bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: models.ReportResolved}, {Key: "resolution", Value: resolution},
				{Key: "resolved_by", Value: adminID}, {Key: "resolved_at", Value: now}}}}, &after)
		if err == ErrNotFound {
			continue // resolved meanwhile
		}
		if err != nil {
			return n, err
		}
		n++
		if err := s.listReport(ctx, &after, models.ReportOpen); err != nil {
			return n, err
		}
		if _, err := s.deleteOneIf(ctx, openReportsCol, reportKey(r.ReporterID, r.TargetID), bson.D{{Key: "report_id", Value: r.ID}}); err != nil {
			return n, err
		}
	}
	return n, nil
}

// CountOpenReportsBy counts a reporter's open reports about a target, to
// refuse duplicates: two key reads (the key, then its report).
func (s *Store) CountOpenReportsBy(ctx context.Context, reporterID, targetID string) (int64, error) {
	_, err := s.keyedOpenReport(ctx, reporterID, targetID)
	if err == ErrNotFound {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return 1, nil
}

// open_reports keys each open report by reporter and target
// ({_id: "reporter:target", report_id}).
const openReportsCol = "open_reports"

func reportKey(reporterID, targetID string) string { return reporterID + ":" + targetID }

// keyedOpenReport returns the open report keyed for reporter and target,
// ErrNotFound when there is none (or the key outlived its report).
func (s *Store) keyedOpenReport(ctx context.Context, reporterID, targetID string) (*models.Report, error) {
	var key struct {
		ReportID string `bson:"report_id"`
	}
	if err := s.findByKey(ctx, openReportsCol, reportKey(reporterID, targetID), nil, &key); err != nil {
		return nil, err
	}
	r, err := s.ReportByID(ctx, key.ReportID)
	if err != nil {
		return nil, err
	}
	if r.Status != models.ReportOpen || r.ReporterID != reporterID || r.TargetID != targetID {
		return nil, ErrNotFound
	}
	return r, nil
}

// claimReportKey keys r as its reporter's open report about its target;
// ErrConflict when another open report holds the key. A key left by a
// report no longer open (a crash between two writes) is taken over.
func (s *Store) claimReportKey(ctx context.Context, r *models.Report) error {
	id := reportKey(r.ReporterID, r.TargetID)
	for range 2 {
		unlock, err := s.lock(ctx)
		if err != nil {
			return err
		}
		_, err = s.col(openReportsCol).InsertOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "report_id", Value: r.ID}})
		unlock()
		if err = mapErr(err); err != ErrConflict {
			return err
		}
		if _, err := s.keyedOpenReport(ctx, r.ReporterID, r.TargetID); err != ErrNotFound {
			if err == nil {
				return ErrConflict
			}
			return err
		}
		var key struct {
			ReportID string `bson:"report_id"`
		}
		if err := s.findByKey(ctx, openReportsCol, id, nil, &key); err != nil && err != ErrNotFound {
			return err
		}
		if _, err := s.deleteOneIf(ctx, openReportsCol, id, bson.D{{Key: "report_id", Value: key.ReportID}}); err != nil {
			return err
		}
	}
	return ErrConflict
}

// BackfillOpenReports keys the open reports filed before open_reports
// existed, once per database (recorded in meta).
func (s *Store) BackfillOpenReports(ctx context.Context, now time.Time) error {
	const key = "backfill:open_reports:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	open, err := s.scanReports(ctx, models.ReportOpen)
	if err != nil {
		return err
	}
	for i := range open {
		if open[i].ReporterID == "" {
			continue
		}
		if err := s.claimReportKey(ctx, &open[i]); err != nil && err != ErrConflict {
			return err
		}
	}
	return s.markBackfilled(ctx, key, now)
}
