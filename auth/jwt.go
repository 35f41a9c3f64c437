package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Token lifetimes.
const (
	AccessTTL  = 15 * time.Minute
	RefreshTTL = 30 * 24 * time.Hour
)

// Claims are the access token's claims.
type Claims struct {
	Role string   `json:"role"`
	Orgs []string `json:"org,omitempty"`
	Ver  int      `json:"ver"`
	jwt.RegisteredClaims
}

// Key is one HMAC signing key with its identifier.
type Key struct {
	ID     string
	Secret []byte
}

// Tokens issues and verifies access tokens. The first key signs; every key
// verifies, so keys can rotate.
type Tokens struct {
	keys     []Key
	issuer   string
	audience string
	now      func() time.Time
	parser   *jwt.Parser
}

// NewTokens returns a token service. keys[0] signs new tokens.
func NewTokens(keys []Key, issuer, audience string, now func() time.Time) (*Tokens, error) {
	if len(keys) == 0 {
		return nil, errors.New("auth: no signing key")
	}
	for _, k := range keys {
		if len(k.Secret) < 32 {
			return nil, fmt.Errorf("auth: key %q is shorter than 32 bytes", k.ID)
		}
	}
	if now == nil {
		now = time.Now
	}
	t := &Tokens{keys: keys, issuer: issuer, audience: audience, now: now}
	t.parser = jwt.NewParser(
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(issuer),
		jwt.WithAudience(audience),
		jwt.WithExpirationRequired(),
		jwt.WithIssuedAt(),
		jwt.WithLeeway(30*time.Second),
		jwt.WithTimeFunc(func() time.Time { return t.now() }),
	)
	return t, nil
}

// Issue signs an access token for a user.
func (t *Tokens) Issue(userID, role string, orgs []string, version int) (string, error) {
	now := t.now()
	claims := Claims{
		Role: role,
		Orgs: orgs,
		Ver:  version,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   userID,
			Issuer:    t.issuer,
			Audience:  jwt.ClaimStrings{t.audience},
			IssuedAt:  jwt.NewNumericDate(now),
			NotBefore: jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(AccessTTL)),
			ID:        RandomToken(12),
		},
	}
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	token.Header["kid"] = t.keys[0].ID
	return token.SignedString(t.keys[0].Secret)
}

// ErrInvalidToken is returned for any token that does not verify.
var ErrInvalidToken = errors.New("auth: invalid token")

// Verify checks the signature, algorithm, key id, issuer, audience and
// times of an access token and returns its claims.
func (t *Tokens) Verify(raw string) (*Claims, error) {
	var claims Claims
	_, err := t.parser.ParseWithClaims(raw, &claims, func(token *jwt.Token) (any, error) {
		kid, _ := token.Header["kid"].(string)
		for _, k := range t.keys {
			if k.ID == kid {
				return k.Secret, nil
			}
		}
		return nil, errors.New("unknown key id")
	})
	if err != nil || claims.Subject == "" || claims.NotBefore == nil {
		return nil, ErrInvalidToken
	}
	return &claims, nil
}

// RandomToken returns n random bytes encoded base64url, for opaque tokens.
func RandomToken(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("auth: no randomness: " + err.Error())
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// HashToken returns the stored form of an opaque token, so that a database
// leak does not leak usable tokens.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
