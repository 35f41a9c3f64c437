package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// Lookups that would otherwise filter a large collection on a field are
// answered by small documents keyed by that field:
//   - user_emails: {_id: normalised e-mail, user_id} — login, sign-up,
//     password reset, admin search. Inserting it first makes "one account
//     per address" a property of the key on every backend.
//   - user_orgs: {_id: user id, org_ids} — the organisations a user belongs
//     to, read at every login and token refresh.
// On MongoDB each is one document on one shard, read by its key.

const (
	userEmailsCol = "user_emails"
	userOrgsCol   = "user_orgs"
)

type emailKey struct {
	Email  string `bson:"_id"`
	UserID string `bson:"user_id"`
}

// claimEmail records that email belongs to userID; ErrConflict when it
// belongs to another account already.
func (s *Store) claimEmail(ctx context.Context, email, userID string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(userEmailsCol).InsertOne(ctx, emailKey{Email: email, UserID: userID})
	if err = mapErr(err); err != ErrConflict {
		return err
	}
	var cur emailKey
	if ferr := s.col(userEmailsCol).FindOne(ctx, bson.D{{Key: "_id", Value: email}}).Decode(&cur); ferr == nil && cur.UserID == userID {
		return nil
	}
	return ErrConflict
}

const emailBatch = 1000

// claimEmails records a batch of keys in one insert, falling back to one
// claimEmail each when the batch meets a key that exists already.
func (s *Store) claimEmails(ctx context.Context, keys []emailKey) error {
	if len(keys) == 0 {
		return nil
	}
	docs := make([]any, len(keys))
	for i := range keys {
		docs[i] = keys[i]
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.col(userEmailsCol).InsertMany(ctx, docs, options.InsertMany().SetOrdered(false))
	unlock()
	if err == nil {
		return nil
	}
	for _, k := range keys {
		if err := s.claimEmail(ctx, k.Email, k.UserID); err != nil && err != ErrConflict {
			return err
		}
	}
	return nil
}

// releaseEmail frees email if it still belongs to userID.
func (s *Store) releaseEmail(ctx context.Context, email, userID string) error {
	var cur emailKey
	if err := s.findByKey(ctx, userEmailsCol, email, bson.D{{Key: "user_id", Value: userID}}, &cur); err != nil {
		if err == ErrNotFound {
			return nil
		}
		return err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(userEmailsCol).DeleteOne(ctx, bson.D{{Key: "_id", Value: email}})
	return mapErr(err)
}

// userIDByEmail returns the id of the account holding email.
func (s *Store) userIDByEmail(ctx context.Context, email string) (string, error) {
	var key emailKey
	if err := s.findByKey(ctx, userEmailsCol, email, nil, &key); err != nil {
		return "", err
	}
	return key.UserID, nil
}

type userOrgs struct {
	UserID string   `bson:"_id"`
	OrgIDs []string `bson:"org_ids"`
}

// joinOrgs and leaveOrgs keep user_orgs in step with member lists; both
// are idempotent ($addToSet, $pull), so a retry or a repair is harmless.
func (s *Store) joinOrgs(ctx context.Context, userID string, orgIDs ...string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(userOrgsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$addToSet", Value: bson.D{{Key: "org_ids", Value: bson.D{{Key: "$each", Value: orgIDs}}}}}},
		options.UpdateOne().SetUpsert(true))
	return mapErr(err)
}

func (s *Store) leaveOrg(ctx context.Context, userID, orgID string) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col(userOrgsCol).UpdateOne(ctx, bson.D{{Key: "_id", Value: userID}},
		bson.D{{Key: "$pull", Value: bson.D{{Key: "org_ids", Value: orgID}}}})
	return mapErr(err)
}

// syncMembers updates user_orgs after an organisation's member list went
// from before to after.
func (s *Store) syncMembers(ctx context.Context, orgID string, before, after []string) error {
	in := map[string]bool{}
	for _, id := range after {
		in[id] = true
		if err := s.joinOrgs(ctx, id, orgID); err != nil {
			return err
		}
	}
	for _, id := range before {
		if !in[id] {
			if err := s.leaveOrg(ctx, id, orgID); err != nil {
				return err
			}
		}
	}
	return nil
}

// orgIDsOfMember reads the user's organisation ids by key.
func (s *Store) orgIDsOfMember(ctx context.Context, userID string) ([]string, error) {
	var doc userOrgs
	err := s.findByKey(ctx, userOrgsCol, userID, nil, &doc)
	if err == ErrNotFound {
		return []string{}, nil
	}
	if err != nil {
		return nil, err
	}
	return nonNil(doc.OrgIDs), nil
}

// indexUserDocs writes the key documents of users inserted in bulk (seeds).
func (s *Store) indexUserDocs(ctx context.Context, docs []any) error {
	for _, d := range docs {
		raw, err := bson.Marshal(d)
		if err != nil {
			return err
		}
		var u struct {
			ID    string `bson:"_id"`
			Email string `bson:"email"`
		}
		if err := bson.Unmarshal(raw, &u); err != nil {
			return err
		}
		if u.Email != "" {
			if err := s.claimEmail(ctx, u.Email, u.ID); err != nil && err != ErrConflict {
				return err
			}
		}
	}
	return nil
}

// BackfillUserKeys writes user_emails and user_orgs from users and
// organisations, once per database (recorded in meta): data written before
// these documents existed. Idempotent.
func (s *Store) BackfillUserKeys(ctx context.Context, now time.Time) error {
	return s.backfillUserKeys(ctx, now, nil)
}

func (s *Store) backfillUserKeys(ctx context.Context, now time.Time, src *bulkSource) error {
	const key = "backfill:user_keys:v1"
	if done, err := s.backfilled(ctx, key); done || err != nil {
		return err
	}
	if src != nil {
		for keys := src.emails; len(keys) > 0; {
			n := min(len(keys), emailBatch)
			if err := s.claimEmails(ctx, keys[:n]); err != nil {
				return err
			}
			keys = keys[n:]
		}
		return s.backfillUserOrgs(ctx, now, key)
	}
	cur, err := s.users().Find(ctx, bson.D{}, options.Find().SetProjection(bson.D{{Key: "email", Value: 1}, {Key: "status", Value: 1}}))
	if err != nil {
		return mapErr(err)
	}
	// Batches of keys in one insert each: a bulk load's 100,000 accounts
	// cost a hundred writes, not 100,000. A batch that meets a key already
	// there (a backfill run again) is redone one key at a time.
	batch := make([]emailKey, 0, emailBatch)
	flush := func() error {
		err := s.claimEmails(ctx, batch)
		batch = batch[:0]
		return err
	}
	for cur.Next(ctx) {
		var u struct {
			ID     string            `bson:"_id"`
			Email  string            `bson:"email"`
			Status models.UserStatus `bson:"status"`
		}
		if err := cur.Decode(&u); err != nil {
			cur.Close(ctx)
			return mapErr(err)
		}
		if u.Status == models.UserDeleted || u.Email == "" {
			continue
		}
		if batch = append(batch, emailKey{Email: u.Email, UserID: u.ID}); len(batch) == emailBatch {
			if err := flush(); err != nil {
				cur.Close(ctx)
				return err
			}
		}
	}
	cur.Close(ctx)
	if err := flush(); err != nil {
		return err
	}
	return s.backfillUserOrgs(ctx, now, key)
}

// backfillUserOrgs writes user_orgs from the organisations (few), then
// records the step done under key.
func (s *Store) backfillUserOrgs(ctx context.Context, now time.Time, key string) error {
	orgs, err := s.findOrgs(ctx, bson.D{}, options.Find())
	if err != nil {
		return err
	}
	for _, o := range orgs {
		for _, id := range o.MemberIDs {
			if err := s.joinOrgs(ctx, id, o.ID); err != nil {
				return err
			}
		}
	}
	return s.markBackfilled(ctx, key, now)
}

// afterInsert writes the key documents that follow from documents inserted
// in bulk or by the seed loaders, which bypass the creating functions.
// Every step is idempotent, so loading twice changes nothing.
func (s *Store) afterInsert(ctx context.Context, col string, docs []any) error {
	switch col {
	case "users":
		return s.indexUserDocs(ctx, docs)
	case "organizations", "applications", "shifts", "notifications", "missions":
	default:
		return nil
	}
	for _, d := range docs {
		raw, err := bson.Marshal(d)
		if err != nil {
			return err
		}
		switch col {
		case "organizations":
			var o models.Organization
			if err := bson.Unmarshal(raw, &o); err != nil {
				return err
			}
			if err = s.syncMembers(ctx, o.ID, nil, o.MemberIDs); err == nil {
				err = s.listOrg(ctx, &o)
			}
		case "applications":
			var a models.Application
			if err := bson.Unmarshal(raw, &a); err != nil {
				return err
			}
			err = s.IndexApplication(ctx, &a)
		case "shifts":
			var sh models.Shift
			if err := bson.Unmarshal(raw, &sh); err != nil {
				return err
			}
			err = s.listShifts(ctx, sh.MissionID, sh.ID)
		case "missions":
			var m models.Mission
			if err := bson.Unmarshal(raw, &m); err != nil {
				return err
			}
			err = s.listOrgMission(ctx, m.OrgID, m.ID)
		case "notifications":
			var n models.Notification
			if err := bson.Unmarshal(raw, &n); err != nil {
				return err
			}
			err = s.listNotification(ctx, &n)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
