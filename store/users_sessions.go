package store

import (
	"context"

	"go.mongodb.org/mongo-driver/v2/bson"
)

// EndAccessTokens bumps a user's token version. Every request reads the
// account and compares its version with the token's, so every access
// token already issued stops working at once (log out everywhere, a
// stolen refresh token detected).
func (s *Store) EndAccessTokens(ctx context.Context, userID string) error {
	_, err := s.updateUser(ctx, userID, bson.D{{Key: "$inc", Value: bson.D{{Key: "token_version", Value: 1}}}})
	return err
}
