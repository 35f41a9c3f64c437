package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// CreateReport inserts a report.
func (s *Store) CreateReport(ctx context.Context, r *models.Report) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("reports").InsertOne(ctx, r)
	return mapErr(err)
}

// Reports lists reports in a state (all when empty), oldest first.
func (s *Store) Reports(ctx context.Context, status models.ReportStatus, limit int64) ([]models.Report, error) {
	filter := bson.D{}
	if status != "" {
		filter = bson.D{{Key: "status", Value: status}}
	}
	cur, err := s.col("reports").Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}}).SetLimit(limit))
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Report{}
	return out, mapErr(cur.All(ctx, &out))
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
// the same thing are answered together) and returns how many.
func (s *Store) ResolveReports(ctx context.Context, targetType, targetID, resolution, adminID string, now time.Time) (int64, error) {
	res, err := s.updateEach(ctx, "reports", bson.D{{Key: "target_type", Value: targetType}, {Key: "target_id", Value: targetID}, {Key: "status", Value: models.ReportOpen}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "status", Value: models.ReportResolved}, {Key: "resolution", Value: resolution},
			{Key: "resolved_by", Value: adminID}, {Key: "resolved_at", Value: now}}}})
	if err != nil {
		return 0, mapErr(err)
	}
	return res, nil
}

// CountOpenReportsBy counts a reporter's open reports about a target, to
// refuse duplicates.
func (s *Store) CountOpenReportsBy(ctx context.Context, reporterID, targetID string) (int64, error) {
	n, err := s.col("reports").CountDocuments(ctx, bson.D{{Key: "reporter_id", Value: reporterID}, {Key: "target_id", Value: targetID}, {Key: "status", Value: models.ReportOpen}})
	return n, mapErr(err)
}
