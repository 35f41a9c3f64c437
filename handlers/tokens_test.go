package handlers_test

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
)

func claimsFor(u user, role string, mutate func(jwt.MapClaims)) jwt.MapClaims {
	now := time.Now()
	c := jwt.MapClaims{
		"sub": u.ID, "role": role, "ver": 0, "iss": "entraide", "aud": []string{"entraide-api"},
		"iat": now.Unix(), "nbf": now.Unix(), "exp": now.Add(10 * time.Minute).Unix(), "jti": "x",
	}
	if mutate != nil {
		mutate(c)
	}
	return c
}

func signHS(t *testing.T, claims jwt.MapClaims, secret []byte, kid string) string {
	t.Helper()
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(secret)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestForgedAndStaleTokensRefused(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	kid := config.KeyID([]byte(testSecret))
	e.get("/api/v1/me", signHS(t, claimsFor(u, "volunteer", nil), []byte(testSecret), kid)).expect(t, 200)

	b64 := base64.RawURLEncoding
	part := func(v any) string {
		data, _ := json.Marshal(v)
		return b64.EncodeToString(data)
	}
	validParts := strings.Split(u.Access, ".")

	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rs := jwt.NewWithClaims(jwt.SigningMethodRS256, claimsFor(u, "volunteer", nil))
	rs.Header["kid"] = kid
	rsToken, err := rs.SignedString(rsaKey)
	if err != nil {
		t.Fatal(err)
	}

	tampered := func() string {
		var payload map[string]any
		raw, _ := b64.DecodeString(validParts[1])
		_ = json.Unmarshal(raw, &payload)
		payload["role"] = "admin"
		return validParts[0] + "." + part(payload) + "." + validParts[2]
	}()

	cases := map[string]string{
		"alg none":    part(map[string]string{"alg": "none", "typ": "JWT", "kid": kid}) + "." + validParts[1] + ".",
		"RS256 token": rsToken,
		"HS256 with RSA public key as secret (confusion)": signHS(t, claimsFor(u, "volunteer", nil), rsaKeyPEM(t, rsaKey), kid),
		"tampered payload": tampered,
		"expired":          signHS(t, claimsFor(u, "volunteer", func(c jwt.MapClaims) { c["exp"] = time.Now().Add(-time.Hour).Unix() }), []byte(testSecret), kid),
		"not yet valid":    signHS(t, claimsFor(u, "volunteer", func(c jwt.MapClaims) { c["nbf"] = time.Now().Add(time.Hour).Unix() }), []byte(testSecret), kid),
		"wrong key":        signHS(t, claimsFor(u, "volunteer", nil), []byte("another-secret-0123456789-abcdefghijk"), kid),
		"unknown kid":      signHS(t, claimsFor(u, "volunteer", nil), []byte(testSecret), "nope"),
		"wrong audience":   signHS(t, claimsFor(u, "volunteer", func(c jwt.MapClaims) { c["aud"] = []string{"someone-else"} }), []byte(testSecret), kid),
		"wrong issuer":     signHS(t, claimsFor(u, "volunteer", func(c jwt.MapClaims) { c["iss"] = "evil" }), []byte(testSecret), kid),
		"role escalation":  signHS(t, claimsFor(u, "admin", nil), []byte(testSecret), kid),
		"old version":      signHS(t, claimsFor(u, "volunteer", func(c jwt.MapClaims) { c["ver"] = -1 }), []byte(testSecret), kid),
		"garbage":          "not.a.jwt",
	}
	for name, token := range cases {
		t.Run(name, func(t *testing.T) {
			r := e.get("/api/v1/me", token).expect(t, 401)
			if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/problem+json") {
				t.Fatalf("content type %q", r.Header.Get("Content-Type"))
			}
		})
	}
}

func rsaKeyPEM(t *testing.T, key *rsa.PrivateKey) []byte {
	t.Helper()
	// The bytes an attacker would try as an HMAC secret: the public key.
	return key.PublicKey.N.Bytes()
}

func TestSuspendedAndDeletedUsersTokensRefused(t *testing.T) {
	e := newEnv(t)
	suspended := e.signup(models.RoleVolunteer)
	e.get("/api/v1/me", suspended.Access).expect(t, 200)
	if _, err := e.store.SetUserStatus(t.Context(), suspended.ID, models.UserSuspended, time.Now()); err != nil {
		t.Fatal(err)
	}
	e.get("/api/v1/me", suspended.Access).expect(t, 401)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": suspended.Refresh}).expect(t, 401)
	e.post("/api/v1/auth/login", "", map[string]string{"email": suspended.Email, "password": suspended.Password}).expect(t, 403)

	deleted := e.signup(models.RoleOrganization)
	e.do(req{method: "DELETE", path: "/api/v1/me", token: deleted.Access}).expect(t, 204)
	e.get("/api/v1/me", deleted.Access).expect(t, 401)
}

func TestPasswordChangeBumpsVersion(t *testing.T) {
	e := newEnv(t)
	u := e.signup(models.RoleVolunteer)
	if _, err := e.store.SetUserPassword(t.Context(), u.ID, "x", time.Now()); err != nil {
		t.Fatal(err)
	}
	e.get("/api/v1/me", u.Access).expect(t, 401)
}
