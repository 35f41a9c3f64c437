package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/entraide/entraide/models"
)

func (s *Store) users() *mongo.Collection { return s.col("users") }

// CreateUser inserts a user; a taken e-mail is ErrConflict.
func (s *Store) CreateUser(ctx context.Context, u *models.User) error {
	if err := s.claimEmail(ctx, u.Email, u.ID); err != nil {
		return err
	}
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.users().InsertOne(ctx, u)
	unlock()
	if err != nil {
		_ = s.releaseEmail(ctx, u.Email, u.ID)
		return mapErr(err)
	}
	return nil
}

// UserByID returns a user that has not been deleted.
func (s *Store) UserByID(ctx context.Context, id string) (*models.User, error) {
	var u models.User
	if err := s.findByKey(ctx, "users", id, nil, &u); err != nil {
		return nil, err
	}
	if u.Status == models.UserDeleted {
		return nil, ErrNotFound
	}
	return &u, nil
}

// UserByEmail returns the user with that normalized e-mail.
func (s *Store) UserByEmail(ctx context.Context, email string) (*models.User, error) {
	id, err := s.userIDByEmail(ctx, email)
	if err != nil {
		return nil, err
	}
	var u models.User
	if err := s.findByKey(ctx, "users", id, bson.D{{Key: "email", Value: email}}, &u); err != nil {
		return nil, err
	}
	return &u, nil
}

// UpdateUser applies a patch and returns the updated user.
func (s *Store) UpdateUser(ctx context.Context, id string, p models.UserPatch, now time.Time) (*models.User, error) {
	set := bson.D{{Key: "updated_at", Value: now}}
	if p.Name != nil {
		set = append(set, bson.E{Key: "name", Value: *p.Name})
	}
	if p.Phone != nil {
		set = append(set, bson.E{Key: "phone", Value: *p.Phone})
	}
	if p.Language != nil {
		set = append(set, bson.E{Key: "language", Value: *p.Language})
	}
	return s.updateUser(ctx, id, bson.D{{Key: "$set", Value: set}})
}

func (s *Store) updateUser(ctx context.Context, id string, update bson.D) (*models.User, error) {
	var u models.User
	err := s.updateByKey(ctx, "users", id, bson.D{{Key: "status", Value: bson.D{{Key: "$ne", Value: models.UserDeleted}}}}, update, &u)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// SetUserPassword replaces the password hash and bumps the token version,
// which invalidates every access token already issued.
func (s *Store) SetUserPassword(ctx context.Context, id, hash string, now time.Time) (*models.User, error) {
	return s.updateUser(ctx, id, bson.D{
		{Key: "$set", Value: bson.D{{Key: "password_hash", Value: hash}, {Key: "updated_at", Value: now}}},
		{Key: "$inc", Value: bson.D{{Key: "token_version", Value: 1}}},
	})
}

// SetUserStatus suspends or restores a user and bumps the token version.
func (s *Store) SetUserStatus(ctx context.Context, id string, status models.UserStatus, now time.Time) (*models.User, error) {
	return s.updateUser(ctx, id, bson.D{
		{Key: "$set", Value: bson.D{{Key: "status", Value: status}, {Key: "updated_at", Value: now}}},
		{Key: "$inc", Value: bson.D{{Key: "token_version", Value: 1}}},
	})
}

// TouchLogin records the time of a successful login. It also clears an
// inactivity warning: the account is in use, so it must not be anonymised.
func (s *Store) TouchLogin(ctx context.Context, id string, now time.Time) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.users().UpdateOne(ctx, bson.D{{Key: "_id", Value: id}}, bson.D{
		{Key: "$set", Value: bson.D{{Key: "last_login_at", Value: now}}},
		{Key: "$unset", Value: bson.D{{Key: "inactivity_warned_at", Value: ""}}},
	})
	return mapErr(err)
}

// AnonymizeUser erases a user's personal data. The account document stays
// (other records point to it) but its e-mail is freed for a new sign-up.
func (s *Store) AnonymizeUser(ctx context.Context, id string, now time.Time) error {
	var before models.User
	if err := s.findByKey(ctx, "users", id, nil, &before); err != nil {
		return err
	}
	_, err := s.updateUser(ctx, id, bson.D{
		{Key: "$set", Value: bson.D{
			{Key: "email", Value: "deleted-" + id + "@invalid"},
			{Key: "password_hash", Value: ""},
			{Key: "name", Value: ""},
			{Key: "phone", Value: ""},
			{Key: "status", Value: models.UserDeleted},
			{Key: "deleted_at", Value: now},
			{Key: "updated_at", Value: now},
		}},
		{Key: "$unset", Value: bson.D{{Key: "profile", Value: ""}, {Key: "last_login_at", Value: ""}, {Key: "inactivity_warned_at", Value: ""}}},
		{Key: "$inc", Value: bson.D{{Key: "token_version", Value: 1}}},
	})
	if err != nil {
		return err
	}
	return s.releaseEmail(ctx, before.Email, id)
}

// CountUsers counts users by role (all roles when role is empty).
func (s *Store) CountUsers(ctx context.Context, role models.Role) (int64, error) {
	filter := bson.D{{Key: "status", Value: bson.D{{Key: "$ne", Value: models.UserDeleted}}}}
	if role != "" {
		filter = append(filter, bson.E{Key: "role", Value: role})
	}
	n, err := s.users().CountDocuments(ctx, filter)
	return n, mapErr(err)
}
