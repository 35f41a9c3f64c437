package models

import "time"

// RefreshToken is a stored refresh token. ID is the token's hash; the token
// itself is never stored. Tokens rotated from one login share a Family.
type RefreshToken struct {
	ID        string    `bson:"_id"`
	Family    string    `bson:"family"`
	UserID    string    `bson:"user_id"`
	Used      bool      `bson:"used"`
	Revoked   bool      `bson:"revoked"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}
