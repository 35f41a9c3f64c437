package store

import (
	"bytes"
	"context"
	"strings"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"
)

// The embedded FerretDB hands SQLite only a filter that is exactly
// {_id: value}; any other filter, even {_id: x, status: y}, reads the whole
// collection. So every read and conditional write by key goes through the
// two helpers below: they send {_id: value} alone and check the rest of the
// condition here. On MongoDB a read checks the same way (one document, one
// shard), while a conditional write sends the whole filter, since there a
// single-document update is atomic by itself; on the embedded store the
// write lock makes read-check-write atomic instead.

// findByKey reads document id of col into out if it also matches cond
// (top-level or dotted fields, operators $eq $ne $lt $lte $gt $gte $in
// $exists); ErrNotFound otherwise.
func (s *Store) findByKey(ctx context.Context, col, id string, cond bson.D, out any) error {
	raw, err := s.col(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
	if err != nil {
		return mapErr(err)
	}
	if !matches(raw, cond) {
		return ErrNotFound
	}
	return bson.Unmarshal(raw, out)
}

// updateByKey applies update to document id of col if it matches cond, and
// decodes the document after the update into out (when out is not nil).
// ErrNotFound when no document matched; upsert is not supported here.
func (s *Store) updateByKey(ctx context.Context, col, id string, cond, update bson.D, out any) error {
	after := options.FindOneAndUpdate().SetReturnDocument(options.After)
	if s.writeMu == nil {
		filter := append(bson.D{{Key: "_id", Value: id}}, cond...)
		res := s.col(col).FindOneAndUpdate(ctx, filter, update, after)
		if out == nil {
			return mapErr(res.Err())
		}
		return mapErr(res.Decode(out))
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if len(cond) > 0 {
		raw, err := s.col(col).FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Raw()
		if err != nil {
			return mapErr(err)
		}
		if !matches(raw, cond) {
			return ErrNotFound
		}
	}
	res := s.col(col).FindOneAndUpdate(ctx, bson.D{{Key: "_id", Value: id}}, update, after)
	if out == nil {
		return mapErr(res.Err())
	}
	return mapErr(res.Decode(out))
}

// withoutKey returns filter without its _id condition: the rest of a
// filter that updateByKey or findByKey checks beside the key.
func withoutKey(filter bson.D) bson.D {
	out := bson.D{}
	for _, e := range filter {
		if e.Key != "_id" {
			out = append(out, e)
		}
	}
	return out
}

// keyOf returns the _id condition of filter, a plain string ("" if none).
func keyOf(filter bson.D) string {
	for _, e := range filter {
		if id, ok := e.Value.(string); ok && e.Key == "_id" {
			return id
		}
	}
	return ""
}

// matches reports whether doc satisfies every condition of cond.
func matches(doc bson.Raw, cond bson.D) bool {
	for _, c := range cond {
		v, err := doc.LookupErr(strings.Split(c.Key, ".")...)
		present := err == nil && v.Type != bson.TypeNull
		ops, isOps := c.Value.(bson.D)
		if !isOps || len(ops) == 0 || !strings.HasPrefix(ops[0].Key, "$") {
			if !present || !equal(v, c.Value) {
				return false
			}
			continue
		}
		for _, op := range ops {
			if !apply(op.Key, v, present, op.Value) {
				return false
			}
		}
	}
	return true
}

func apply(op string, v bson.RawValue, present bool, arg any) bool {
	switch op {
	case "$exists":
		want, _ := arg.(bool)
		return present == want
	case "$eq":
		return present && equal(v, arg)
	case "$ne":
		return !present || !equal(v, arg)
	case "$in":
		if !present {
			return false
		}
		list, err := bson.Marshal(bson.D{{Key: "l", Value: arg}})
		if err != nil {
			return false
		}
		values, err := bson.Raw(list).Lookup("l").Array().Values()
		if err != nil {
			return false
		}
		for _, item := range values {
			if compare(v, item) == 0 {
				return true
			}
		}
		return false
	case "$lt", "$lte", "$gt", "$gte":
		if !present {
			return false
		}
		c := compare(v, rawOf(arg))
		switch op {
		case "$lt":
			return c == -1
		case "$lte":
			return c == -1 || c == 0
		case "$gt":
			return c == 1
		default:
			return c == 1 || c == 0
		}
	}
	panic("store: operator not supported by matches: " + op)
}

// equal is MongoDB's equality: a value equal to arg, or an array with an
// element equal to it.
func equal(v bson.RawValue, arg any) bool {
	want := rawOf(arg)
	if compare(v, want) == 0 {
		return true
	}
	if v.Type == bson.TypeArray && want.Type != bson.TypeArray {
		values, err := v.Array().Values()
		if err != nil {
			return false
		}
		for _, item := range values {
			if compare(item, want) == 0 {
				return true
			}
		}
	}
	return false
}

func rawOf(arg any) bson.RawValue {
	doc, err := bson.Marshal(bson.D{{Key: "v", Value: arg}})
	if err != nil {
		return bson.RawValue{}
	}
	return bson.Raw(doc).Lookup("v")
}

// compare orders two values of comparable types: -1, 0, 1, or 2 when they
// cannot be compared (which no condition accepts).
func compare(a, b bson.RawValue) int {
	if x, ok := a.AsFloat64OK(); ok {
		if y, ok := b.AsFloat64OK(); ok {
			return order(x < y, x > y)
		}
		return 2
	}
	if a.Type != b.Type {
		return 2
	}
	switch a.Type {
	case bson.TypeString:
		x, y := a.StringValue(), b.StringValue()
		return order(x < y, x > y)
	case bson.TypeDateTime:
		x, y := a.DateTime(), b.DateTime()
		return order(x < y, x > y)
	case bson.TypeBoolean:
		x, y := a.Boolean(), b.Boolean()
		if x == y {
			return 0
		}
		return 2
	}
	if bytes.Equal(a.Value, b.Value) {
		return 0
	}
	return 2
}

func order(less, more bool) int {
	switch {
	case less:
		return -1
	case more:
		return 1
	}
	return 0
}
