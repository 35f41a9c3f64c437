package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// The reports by state are listed in queue_lists (see queueListsCol):
// "reports:open#NN" and "reports:resolved#NN", each entry dated by the
// report's creation.
const reportQueueKind = "reports"

// reportStatuses are every report state, each with its list.
var reportStatuses = []string{string(models.ReportOpen), string(models.ReportResolved)}

// listReport puts r in the list of its state and out of the lists of the
// states in from.
func (s *Store) listReport(ctx context.Context, r *models.Report, from ...models.ReportStatus) error {
	old := make([]string, len(from))
	for i, f := range from {
		old[i] = string(f)
	}
	return s.moveQueueEntry(ctx, reportQueueKind, string(r.Status), r.ID, queueEntry{At: r.CreatedAt}, old...)
}

// reportsFromQueue reads the reports of statuses, oldest first, at most
// limit (0: all): key reads of the lists, then of the reports.
func (s *Store) reportsFromQueue(ctx context.Context, statuses []string, limit int64) ([]models.Report, error) {
	out, _, err := queuePage(ctx, s, queueView[models.Report]{kind: reportQueueKind, col: "reports", states: statuses,
		id: func(r *models.Report) string { return r.ID },
		belongs: func(r *models.Report, state string, _ queuedIn) bool {
			return string(r.Status) == state
		},
		fix: func(ctx context.Context, id, state string, r *models.Report) error {
			if r == nil {
				return s.unsetQueueEntry(ctx, reportQueueKind, state, id)
			}
			return s.listReport(ctx, r, models.ReportStatus(state))
		}}, 0, limit)
	return out, err
}

// scanReports reads the reports in status (all when empty) from the
// collection, oldest first: for the backfills only.
func (s *Store) scanReports(ctx context.Context, status models.ReportStatus) ([]models.Report, error) {
	filter := bson.D{}
	if status != "" {
		filter = bson.D{{Key: "status", Value: status}}
	}
	cur, err := s.col("reports").Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Report{}
	return out, mapErr(cur.All(ctx, &out))
}

// BackfillReportQueues builds the reports' lists from the records, once
// per database (and again after a bulk load): a scan, at start-up.
func (s *Store) BackfillReportQueues(ctx context.Context, now time.Time) error {
	const key = "backfill:report_queues:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	all, err := s.scanReports(ctx, "")
	if err != nil {
		return err
	}
	lists := map[string]map[string]queueEntry{}
	for _, r := range all {
		if lists[string(r.Status)] == nil {
			lists[string(r.Status)] = map[string]queueEntry{}
		}
		lists[string(r.Status)][r.ID] = queueEntry{At: r.CreatedAt}
	}
	if err := s.rebuildQueues(ctx, reportQueueKind, reportStatuses, lists); err != nil {
		return err
	}
	return s.markBackfilled(ctx, key, now)
}
