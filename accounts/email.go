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

// Pages the links of account e-mails open; the token follows in the query.
const (
	PasswordResetLink = "/password-reset/confirm?token="
	ConfirmEmailLink  = "/confirm-email?token="
)

// oneTimeToken makes a single-use token for user and stores its hash.
func (svc *Service) oneTimeToken(ctx context.Context, user *models.User, purpose models.TokenPurpose, ttl time.Duration) (string, error) {
	token := auth.RandomToken(32)
	now := svc.now()
	err := svc.Store.InsertOneTimeToken(ctx, &models.OneTimeToken{
		ID: auth.HashToken(token), Purpose: purpose, UserID: user.ID, Email: user.Email,
		CreatedAt: now, ExpiresAt: now.Add(ttl),
	})
	return token, err
}

// cleanToken trims a token from a link and refuses one that is missing
// (a validation error) or too long to be ours.
func cleanToken(raw string) (string, error) {
	token := strings.TrimSpace(raw)
	if token == "" {
		var v models.Validator
		v.Add("token", "required")
		return "", v.Err()
	}
	if len(token) > maxTokenLength {
		return "", ErrTokenInvalid
	}
	return token, nil
}

// queueEmailConfirmation e-mails a new account its confirmation link. A
// failure is logged and does not fail the sign-up: the user can ask again.
func (svc *Service) queueEmailConfirmation(ctx context.Context, user *models.User) {
	if svc.Notify == nil {
		return
	}
	if err := svc.sendEmailConfirmation(ctx, user); err != nil {
		svc.log().Error("confirmation e-mail not queued", "user_id", user.ID, "error", err)
	}
}

func (svc *Service) sendEmailConfirmation(ctx context.Context, user *models.User) error {
	token, err := svc.oneTimeToken(ctx, user, models.TokenEmailConfirm, models.EmailConfirmTTL)
	if err != nil {
		return err
	}
	if svc.Notify == nil {
		return nil
	}
	return svc.Notify.EmailUser(ctx, user, models.EventEmailConfirm, map[string]string{"link": ConfirmEmailLink + token})
}

// ResendConfirmation sends user a new confirmation link, within the
// account's rate.
func (svc *Service) ResendConfirmation(ctx context.Context, user *models.User) error {
	if user.EmailConfirmed {
		return ErrAlreadyConfirmed
	}
	if err := svc.throttle(ActionConfirmation, "", user.Email); err != nil {
		return err
	}
	return svc.sendEmailConfirmation(ctx, user)
}

// ConfirmEmail records that the user owns the address the token was sent
// to; the token works once, and not after a change of address.
func (svc *Service) ConfirmEmail(ctx context.Context, rawToken string) error {
	token, err := cleanToken(rawToken)
	if err != nil {
		return err
	}
	now := svc.now()
	t, err := svc.Store.UseOneTimeToken(ctx, auth.HashToken(token), models.TokenEmailConfirm, now)
	if errors.Is(err, store.ErrNotFound) {
		return ErrTokenInvalid
	}
	if err != nil {
		return err
	}
	if _, err := svc.Store.ConfirmUserEmail(ctx, t.UserID, t.Email, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return ErrTokenInvalid
		}
		return err
	}
	svc.log().Info("e-mail confirmed", "user_id", t.UserID)
	return nil
}
