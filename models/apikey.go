package models

import "time"

// APIKey lets a partner site read the mission feed. ID is the key's hash;
// the key itself is shown once, at creation.
type APIKey struct {
	ID            string     `bson:"_id"`
	PublicID      string     `bson:"public_id"`
	Name          string     `bson:"name"`
	RatePerMinute int        `bson:"rate_per_minute"`
	CreatedBy     string     `bson:"created_by"`
	CreatedAt     time.Time  `bson:"created_at"`
	RevokedAt     *time.Time `bson:"revoked_at,omitempty"`
}

// Partner feed limits.
const (
	DefaultFeedRate = 60
	MaxFeedRate     = 6000
	MaxFeedPage     = 200
)
