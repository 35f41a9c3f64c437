package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// TextSetting returns a text setting saved by an admin (in the meta collection, under
// "setting:"+key), or ok=false when none was saved.
func (s *Store) TextSetting(ctx context.Context, key string) (text string, ok bool, err error) {
	var doc struct {
		Text string `bson:"text"`
	}
	err = mapErr(s.col("meta").FindOne(ctx, bson.D{{Key: "_id", Value: "setting:" + key}}).Decode(&doc))
	if err == ErrNotFound {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return doc.Text, true, nil
}

// SetTextSetting saves a text setting.
func (s *Store) SetTextSetting(ctx context.Context, key, text string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("meta").UpdateOne(ctx, bson.D{{Key: "_id", Value: "setting:" + key}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "text", Value: text}, {Key: "updated_at", Value: now}}}},
		options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}
