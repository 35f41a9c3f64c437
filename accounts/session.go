package accounts

import (
	"context"
	"errors"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// maxTokenLength bounds the opaque tokens a client presents: anything
// longer is no token of ours, and is refused before it is hashed.
const maxTokenLength = 200

// Session is what logging in gives: a short access token and the refresh
// token that renews it.
type Session struct {
	AccessToken  string
	RefreshToken string
}

// LogIn checks credentials and opens a session (a new refresh token
// family). Every failure answers the same, after the same work, whether or
// not the account exists. ip is the client's address, for throttling.
func (svc *Service) LogIn(ctx context.Context, rawEmail, password, ip string) (*Session, *models.User, error) {
	email := models.NormalizeEmail(rawEmail)
	var v models.Validator
	v.Check(email != "", "email", "required")
	v.Check(password != "", "password", "required")
	v.Check(len(password) <= models.PasswordMaxLength, "password", "too_long", models.PasswordMaxLength)
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	if err := svc.throttle(ActionLogin, ip, email); err != nil {
		return nil, nil, err
	}
	user, err := svc.Store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, nil, err
	}
	hash := ""
	if user != nil && user.Status != models.UserDeleted {
		hash = user.PasswordHash
	}
	// An empty hash still costs a real check (see auth.Hasher.Verify).
	if err := svc.Hasher.Verify(ctx, password, hash); err != nil {
		if errors.Is(err, auth.ErrMismatch) {
			return nil, nil, ErrBadCredentials
		}
		return nil, nil, err
	}
	if user.Status == models.UserSuspended {
		return nil, nil, ErrSuspended
	}
	session, err := svc.OpenSession(ctx, user, "")
	if err != nil {
		return nil, nil, err
	}
	_ = svc.Store.TouchLogin(ctx, user.ID, svc.now())
	return session, user, nil
}

// OpenSession issues an access token and a refresh token in family (a new
// family when empty).
func (svc *Service) OpenSession(ctx context.Context, user *models.User, family string) (*Session, error) {
	var orgs []string
	if svc.Memberships != nil {
		var err error
		if orgs, err = svc.Memberships(ctx, user.ID); err != nil {
			return nil, err
		}
	}
	access, err := svc.Tokens.Issue(user.ID, string(user.Role), orgs, user.TokenVersion)
	if err != nil {
		return nil, err
	}
	if family == "" {
		family = store.NewID()
	}
	refresh := auth.RandomToken(32)
	now := svc.now()
	err = svc.Store.InsertRefreshToken(ctx, &models.RefreshToken{
		ID: auth.HashToken(refresh), Family: family, UserID: user.ID,
		CreatedAt: now, ExpiresAt: now.Add(auth.RefreshTTL),
	})
	if err != nil {
		return nil, err
	}
	return &Session{AccessToken: access, RefreshToken: refresh}, nil
}

// Refresh rotates a refresh token. Presenting a rotated token again
// revokes its whole family: one of the two holders is a thief.
func (svc *Service) Refresh(ctx context.Context, raw string) (*Session, error) {
	if len(raw) > maxTokenLength {
		return nil, ErrRefreshInvalid
	}
	old, err := svc.Store.UseRefreshToken(ctx, auth.HashToken(raw), svc.now())
	switch {
	case errors.Is(err, store.ErrTokenReused):
		// The access token the thief got with the rotated one lives 15
		// minutes: end every access token of the account now. Its other
		// sessions refresh and carry on.
		t, err := svc.Store.RefreshTokenByHash(ctx, auth.HashToken(raw))
		if err != nil {
			return nil, err // it was there a moment ago: a store failure
		}
		if err := svc.Store.EndAccessTokens(ctx, t.UserID); err != nil {
			return nil, err
		}
		svc.log().Warn("refresh token reused; family revoked, access tokens ended", "user_id", t.UserID)
		return nil, ErrRefreshReused
	case errors.Is(err, store.ErrNotFound):
		return nil, ErrRefreshInvalid
	case err != nil:
		return nil, err
	}
	user, err := svc.Store.UserByID(ctx, old.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && user.Status != models.UserActive) {
		return nil, ErrRefreshInvalid
	}
	if err != nil {
		return nil, err
	}
	return svc.OpenSession(ctx, user, old.Family)
}

// LogOut revokes the session of a refresh token. callerID is the signed-in
// caller, empty for none: a caller's token must be theirs, and an
// anonymous caller must name a token. An unknown token is no error: the
// session is over either way.
func (svc *Service) LogOut(ctx context.Context, refresh, callerID string) error {
	if refresh == "" {
		if callerID == "" {
			var v models.Validator
			v.Add("refresh_token", "required")
			return v.Err()
		}
		return nil
	}
	t, err := svc.Store.RefreshTokenByHash(ctx, auth.HashToken(refresh))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if callerID != "" && t.UserID != callerID {
		return nil
	}
	return svc.Store.RevokeFamily(ctx, t.UserID, t.Family)
}

// LogOutEverywhere ends every session of the user: refresh tokens are
// revoked, and access tokens end with the token version.
func (svc *Service) LogOutEverywhere(ctx context.Context, userID string) error {
	if err := svc.Store.RevokeUserTokens(ctx, userID); err != nil {
		return err
	}
	return svc.Store.EndAccessTokens(ctx, userID)
}
