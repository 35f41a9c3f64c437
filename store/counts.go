package store

import (
	"context"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

// CountActiveUsersByRole counts the accounts in use (neither suspended nor
// erased) by the role they signed up with. The home page and the admins'
// statistics both count people from it, so their figures agree. A scan:
// callers cache it (home page) or are admin tools.
func (s *Store) CountActiveUsersByRole(ctx context.Context) (map[string]int64, error) {
	return s.countBy(ctx, "users", "role", bson.D{{Key: "status", Value: models.UserActive}})
}

// CountApplicationsByStatus counts every application by state; the states add up
// to the number of applications.
func (s *Store) CountApplicationsByStatus(ctx context.Context) (map[string]int64, error) {
	return s.countBy(ctx, "applications", "status", nil)
}

// PlatformNumbers are the home page's figures as last counted, kept by key
// so that a restart shows them at once instead of waiting on a scan.
type PlatformNumbers struct {
	Volunteers    int64     `bson:"volunteers"`
	Organizations int64     `bson:"organizations"`
	At            time.Time `bson:"at"`
	// Took is how long the count took: the caller spaces recounts by it.
	Took time.Duration `bson:"took"`
}

const platformNumbersKey = "platform_numbers"

// CountPlatformNumbers counts the accounts that can volunteer
// (models.CanVolunteer: every account in use but the admins') and the
// verified organisations, and keeps the figures (SavedPlatformNumbers).
// Two scans: never on a request's path but the very first. Figures
// counted but not kept come back with the error (At set).
func (s *Store) CountPlatformNumbers(ctx context.Context, now func() time.Time) (PlatformNumbers, error) {
	start := now()
	byRole, err := s.CountActiveUsersByRole(ctx)
	if err != nil {
		return PlatformNumbers{}, err
	}
	orgs, err := s.CountOrganizations(ctx)
	if err != nil {
		return PlatformNumbers{}, err
	}
	var n PlatformNumbers
	for role, count := range byRole {
		if models.CanVolunteer(models.Role(role)) {
			n.Volunteers += count
		}
	}
	n.Organizations = orgs[string(models.OrgVerified)]
	n.At = now().UTC()
	n.Took = n.At.Sub(start)
	if err := s.savePlatformNumbers(ctx, n); err != nil {
		return n, err
	}
	return n, nil
}

func (s *Store) savePlatformNumbers(ctx context.Context, n PlatformNumbers) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.col("meta").ReplaceOne(ctx, bson.D{{Key: "_id", Value: platformNumbersKey}}, n, options.Replace().SetUpsert(true))
	return mapErr(err)
}

// SavedPlatformNumbers reads the figures last counted, by key; ok is false
// when they were never counted.
func (s *Store) SavedPlatformNumbers(ctx context.Context) (n PlatformNumbers, ok bool, err error) {
	err = s.findByKey(ctx, "meta", platformNumbersKey, nil, &n)
	if err == ErrNotFound {
		return n, false, nil
	}
	return n, err == nil, err
}
