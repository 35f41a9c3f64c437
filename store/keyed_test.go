package store

import (
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// matches must agree with MongoDB's filter semantics for every condition
// the store sends with a key, since on the embedded store it replaces them.
func TestMatchesLikeMongoDB(t *testing.T) {
	at := time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC)
	doc, err := bson.Marshal(bson.D{{Key: "_id", Value: "a"}, {Key: "status", Value: "pending"}, {Key: "taken", Value: int32(3)},
		{Key: "capacity", Value: int64(5)}, {Key: "offer", Value: at}, {Key: "reminders", Value: bson.A{"d3", "d7"}},
		{Key: "profile", Value: bson.D{{Key: "stamp", Value: 4}}}})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		cond bson.D
		want bool
	}{
		{nil, true},
		{bson.D{{Key: "status", Value: "pending"}}, true},
		{bson.D{{Key: "status", Value: "accepted"}}, false},
		{bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: []string{"accepted", "pending"}}}}}, true},
		{bson.D{{Key: "status", Value: bson.D{{Key: "$in", Value: []string{"accepted"}}}}}, false},
		{bson.D{{Key: "taken", Value: bson.D{{Key: "$lt", Value: 5}}}, {Key: "capacity", Value: 5}}, true},
		{bson.D{{Key: "taken", Value: bson.D{{Key: "$lt", Value: 3}}}}, false},
		{bson.D{{Key: "taken", Value: bson.D{{Key: "$lte", Value: 3}}}}, true},
		{bson.D{{Key: "taken", Value: bson.D{{Key: "$gt", Value: 0}}}}, true},
		{bson.D{{Key: "offer", Value: bson.D{{Key: "$gt", Value: at.Add(-time.Minute)}}}}, true},
		{bson.D{{Key: "offer", Value: bson.D{{Key: "$gt", Value: at}}}}, false},
		{bson.D{{Key: "offer", Value: bson.D{{Key: "$lte", Value: at}}}}, true},
		{bson.D{{Key: "missing", Value: bson.D{{Key: "$exists", Value: false}}}}, true},
		{bson.D{{Key: "offer", Value: bson.D{{Key: "$exists", Value: false}}}}, false},
		{bson.D{{Key: "missing", Value: bson.D{{Key: "$lt", Value: 3}}}}, false},
		{bson.D{{Key: "missing", Value: bson.D{{Key: "$ne", Value: "x"}}}}, true},
		{bson.D{{Key: "reminders", Value: bson.D{{Key: "$ne", Value: "d3"}}}}, false},
		{bson.D{{Key: "reminders", Value: bson.D{{Key: "$ne", Value: "d1"}}}}, true},
		{bson.D{{Key: "reminders", Value: "d7"}}, true},
		{bson.D{{Key: "profile.stamp", Value: bson.D{{Key: "$gte", Value: 4}}}}, true},
		{bson.D{{Key: "taken", Value: "3"}}, false},
	}
	for i, c := range cases {
		if got := matches(doc, c.cond); got != c.want {
			t.Errorf("case %d %v: got %v, want %v", i, c.cond, got, c.want)
		}
	}
}
