package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// AppendAudit inserts an audit entry. The store offers no way to change or
// delete one.
func (s *Store) AppendAudit(ctx context.Context, e *models.AuditEntry) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("audit").InsertOne(ctx, e)
	return mapErr(err)
}

// Audit lists audit entries matching f, newest first.
func (s *Store) Audit(ctx context.Context, f models.AuditFilter, skip, limit int64) ([]models.AuditEntry, int64, error) {
	filter := bson.D{}
	if f.ActorID != "" {
		filter = append(filter, bson.E{Key: "actor_id", Value: f.ActorID})
	}
	if f.TargetID != "" {
		filter = append(filter, bson.E{Key: "target_id", Value: f.TargetID})
	}
	if f.Action != "" {
		filter = append(filter, bson.E{Key: "action", Value: f.Action})
	}
	at := bson.D{}
	if !f.From.IsZero() {
		at = append(at, bson.E{Key: "$gte", Value: f.From})
	}
	if !f.To.IsZero() {
		at = append(at, bson.E{Key: "$lte", Value: f.To})
	}
	if len(at) > 0 {
		filter = append(filter, bson.E{Key: "at", Value: at})
	}
	total, err := s.col("audit").CountDocuments(ctx, filter)
	if err != nil {
		return nil, 0, mapErr(err)
	}
	cur, err := s.col("audit").Find(ctx, filter, options.Find().SetSort(bson.D{{Key: "at", Value: -1}, {Key: "_id", Value: -1}}).SetSkip(skip).SetLimit(limit))
	if err != nil {
		return nil, 0, mapErr(err)
	}
	out := []models.AuditEntry{}
	return out, total, mapErr(cur.All(ctx, &out))
}
