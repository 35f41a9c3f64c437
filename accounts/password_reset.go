package accounts

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// ResetMinDuration is the least time a reset request takes, so that an
// address with an account (a token and an e-mail written) answers no
// slower than one without.
const ResetMinDuration = 200 * time.Millisecond

// StartPasswordReset e-mails a single-use link valid for an hour when an
// active account has the address. It fails only on a malformed address or
// too many requests, never on an unknown one, and takes about the same
// time either way, so that nobody learns which addresses have an account.
func (svc *Service) StartPasswordReset(ctx context.Context, rawEmail, ip string) error {
	started := time.Now()
	email := models.NormalizeEmail(rawEmail)
	var v models.Validator
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if err := svc.throttle(ActionReset, ip, email); err != nil {
		return err
	}
	if err := svc.sendPasswordReset(ctx, email); err != nil {
		// Failing only when the account exists would tell that it does.
		svc.log().Error("password reset e-mail not queued", "error", err)
	}
	wait := time.NewTimer(ResetMinDuration - time.Since(started))
	defer wait.Stop()
	select {
	case <-wait.C:
	case <-ctx.Done():
	}
	return nil
}

func (svc *Service) sendPasswordReset(ctx context.Context, email string) error {
	user, err := svc.Store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && user.Status != models.UserActive) {
		return nil
	}
	if err != nil {
		return err
	}
	token, err := svc.oneTimeToken(ctx, user, models.TokenPasswordReset, models.PasswordResetTTL)
	if err != nil {
		return err
	}
	if svc.Notify != nil {
		if err := svc.Notify.EmailUser(ctx, user, models.EventPasswordReset, map[string]string{"link": PasswordResetLink + token}); err != nil {
			return err
		}
	}
	svc.log().Info("password reset requested", "user_id", user.ID)
	return nil
}

// ResetPassword sets a new password with a reset token: the token works
// once, within the hour. Every session and access token of the account
// stops working, and the address counts as confirmed (the link reached
// the mailbox).
func (svc *Service) ResetPassword(ctx context.Context, rawToken, password string) error {
	var v models.Validator
	token := strings.TrimSpace(rawToken)
	v.Check(token != "", "token", "required")
	if v.Check(password != "", "password", "required") {
		v.Check(len(password) <= models.PasswordMaxLength, "password", "too_long", models.PasswordMaxLength)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if len(token) > maxTokenLength {
		return ErrTokenInvalid
	}
	hash := auth.HashToken(token)
	now := svc.now()
	// Look first, use last: a password the policy refuses must not burn
	// the link.
	t, err := svc.Store.OneTimeToken(ctx, hash, models.TokenPasswordReset, now)
	if errors.Is(err, store.ErrNotFound) {
		return ErrTokenInvalid
	}
	if err != nil {
		return err
	}
	user, err := svc.Store.UserByID(ctx, t.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (user.Status != models.UserActive || user.Email != t.Email)) {
		return ErrTokenInvalid
	}
	if err != nil {
		return err
	}
	models.ValidatePassword(&v, "password", password, user.Email)
	if err := v.Err(); err != nil {
		return err
	}
	passwordHash, err := svc.Hasher.Hash(ctx, password)
	if err != nil {
		return err // auth.ErrBusy under a surge
	}
	if _, err := svc.Store.UseOneTimeToken(ctx, hash, models.TokenPasswordReset, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrTokenInvalid // used meanwhile
		}
		return err
	}
	if _, err := svc.Store.SetUserPassword(ctx, user.ID, passwordHash, now); err != nil {
		return err
	}
	if err := svc.Store.RevokeUserTokens(ctx, user.ID); err != nil {
		return err
	}
	if err := svc.Store.RevokeOneTimeTokens(ctx, user.ID, models.TokenPasswordReset, now); err != nil {
		return err
	}
	if !user.EmailConfirmed {
		if _, err := svc.Store.ConfirmUserEmail(ctx, user.ID, user.Email, now); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	svc.log().Info("password reset", "user_id", user.ID)
	return nil
}
