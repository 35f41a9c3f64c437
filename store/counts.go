package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"

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
