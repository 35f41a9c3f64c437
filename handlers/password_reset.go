package handlers

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/ratelimit"
	"github.com/entraide/entraide/store"
)

// Pages the links of account e-mails open; the token follows in the query.
const (
	passwordResetPage = "/password-reset/confirm?token="
	confirmEmailPage  = "/confirm-email?token="
)

// resetMinDuration is the least time a reset request takes, so that an
// address with an account (a token and an e-mail written) answers no
// slower than one without.
const resetMinDuration = 200 * time.Millisecond

// resetLimiters bound reset and confirmation requests like sign-ups: per IP
// and per address.
type resetLimiters struct {
	ip, account *ratelimit.Window
}

func newResetLimiters(s *Server) *resetLimiters {
	return &resetLimiters{
		ip:      ratelimit.New("reset_ip", s.cfg.SignupRate, s.cfg.RateLimit),
		account: ratelimit.New("reset_account", s.cfg.SignupRate, s.cfg.RateLimit),
	}
}

type passwordResetRequest struct {
	Email string `json:"email"`
}

type passwordResetConfirmRequest struct {
	Token    string `json:"token"`
	Password string `json:"password"`
}

type tokenRequest struct {
	Token string `json:"token"`
}

// requestPasswordReset e-mails a single-use link valid for an hour when an
// active account has the address. It answers 202 either way, after about
// the same time, so that nobody learns which addresses have an account.
func (s *Server) requestPasswordReset(c *fiber.Ctx) error {
	var req passwordResetRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.startPasswordReset(c, req.Email); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"detail": i18n.T(s.lang(c), "detail.reset_requested")})
}

// startPasswordReset is shared by the API and the page: it fails only on
// a malformed address or too many requests, never on an unknown one.
func (s *Server) startPasswordReset(c *fiber.Ctx, rawEmail string) error {
	started := time.Now()
	email := models.NormalizeEmail(rawEmail)
	var v models.Validator
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if err := s.checkLimits(
		limitPair{s.resetLimits.ip, s.clientIP(c)},
		limitPair{s.resetLimits.account, email},
	); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.sendPasswordReset(ctx, email); err != nil {
		// Failing only when the account exists would tell that it does.
		s.log.Error("password reset e-mail not queued", "error", err)
	}
	wait := time.NewTimer(resetMinDuration - time.Since(started))
	defer wait.Stop()
	select {
	case <-wait.C:
	case <-ctx.Done():
	}
	return nil
}

func (s *Server) sendPasswordReset(ctx context.Context, email string) error {
	user, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) || (err == nil && user.Status != models.UserActive) {
		return nil
	}
	if err != nil {
		return err
	}
	token, err := s.oneTimeToken(ctx, user, models.TokenPasswordReset, models.PasswordResetTTL)
	if err != nil {
		return err
	}
	if err := s.notify.EmailUser(ctx, user, models.EventPasswordReset, map[string]string{"link": passwordResetPage + token}); err != nil {
		return err
	}
	s.log.Info("password reset requested", "user_id", user.ID)
	return nil
}

// oneTimeToken makes a single-use token for user and stores its hash.
func (s *Server) oneTimeToken(ctx context.Context, user *models.User, purpose models.TokenPurpose, ttl time.Duration) (string, error) {
	token := auth.RandomToken(32)
	now := s.now()
	err := s.store.InsertOneTimeToken(ctx, &models.OneTimeToken{
		ID: auth.HashToken(token), Purpose: purpose, UserID: user.ID, Email: user.Email,
		CreatedAt: now, ExpiresAt: now.Add(ttl),
	})
	return token, err
}

func errTokenInvalid() *Problem {
	p := errField("token", "token_invalid")
	p.DetailKey = "token_invalid"
	return p
}

// confirmPasswordReset sets a new password with a reset token: the token
// works once, within the hour. Every session and access token of the
// account stops working.
func (s *Server) confirmPasswordReset(c *fiber.Ctx) error {
	var req passwordResetConfirmRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.resetPassword(c, req.Token, req.Password); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// resetPassword is shared by the API and the page.
func (s *Server) resetPassword(c *fiber.Ctx, rawToken, password string) error {
	var v models.Validator
	token := strings.TrimSpace(rawToken)
	v.Check(token != "", "token", "required")
	if v.Check(password != "", "password", "required") {
		v.Check(len(password) <= models.PasswordMaxLength, "password", "too_long", models.PasswordMaxLength)
	}
	if err := v.Err(); err != nil {
		return err
	}
	if len(token) > 200 {
		return errTokenInvalid()
	}
	hash := auth.HashToken(token)
	ctx, cancel := s.ctx(c)
	defer cancel()
	now := s.now()
	// Look first, use last: a password the policy refuses must not burn
	// the link.
	t, err := s.store.OneTimeToken(ctx, hash, models.TokenPasswordReset, now)
	if errors.Is(err, store.ErrNotFound) {
		return errTokenInvalid()
	}
	if err != nil {
		return err
	}
	user, err := s.store.UserByID(ctx, t.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && (user.Status != models.UserActive || user.Email != t.Email)) {
		return errTokenInvalid()
	}
	if err != nil {
		return err
	}
	models.ValidatePassword(&v, "password", password, user.Email)
	if err := v.Err(); err != nil {
		return err
	}
	passwordHash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return err // auth.ErrBusy: a 503 with Retry-After (see toProblem)
	}
	if _, err := s.store.UseOneTimeToken(ctx, hash, models.TokenPasswordReset, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errTokenInvalid() // used meanwhile
		}
		return err
	}
	if _, err := s.store.SetUserPassword(ctx, user.ID, passwordHash, now); err != nil {
		return err
	}
	if err := s.store.RevokeUserTokens(ctx, user.ID); err != nil {
		return err
	}
	if err := s.store.RevokeOneTimeTokens(ctx, user.ID, models.TokenPasswordReset, now); err != nil {
		return err
	}
	// The link reached the mailbox: the address is the user's.
	if !user.EmailConfirmed {
		if _, err := s.store.ConfirmUserEmail(ctx, user.ID, user.Email, now); err != nil && !errors.Is(err, store.ErrNotFound) {
			return err
		}
	}
	s.log.Info("password reset", "user_id", user.ID)
	return nil
}

// queueEmailConfirmation e-mails a new account its confirmation link. A
// failure is logged and does not fail the sign-up: the user can ask again.
func (s *Server) queueEmailConfirmation(ctx context.Context, user *models.User) {
	if s.notify == nil {
		return
	}
	if err := s.sendEmailConfirmation(ctx, user); err != nil {
		s.log.Error("confirmation e-mail not queued", "user_id", user.ID, "error", err)
	}
}

func (s *Server) sendEmailConfirmation(ctx context.Context, user *models.User) error {
	token, err := s.oneTimeToken(ctx, user, models.TokenEmailConfirm, models.EmailConfirmTTL)
	if err != nil {
		return err
	}
	return s.notify.EmailUser(ctx, user, models.EventEmailConfirm, map[string]string{"link": confirmEmailPage + token})
}

// resendEmailConfirmation sends the caller a new confirmation link.
func (s *Server) resendEmailConfirmation(c *fiber.Ctx) error {
	if err := s.resendConfirmation(c); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"detail": i18n.T(s.lang(c), "detail.confirmation_sent")})
}

// resendConfirmation is shared by the API and the account page.
func (s *Server) resendConfirmation(c *fiber.Ctx) error {
	user := principal(c).User
	if user.EmailConfirmed {
		return problem(409, ProblemConflict, "detail.already_confirmed")
	}
	if err := s.checkLimits(limitPair{s.resetLimits.account, user.Email}); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.sendEmailConfirmation(ctx, user)
}

// confirmEmail records that the user owns the address the token was sent
// to; the token works once, and not after a change of address.
func (s *Server) confirmEmail(c *fiber.Ctx) error {
	var req tokenRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if err := s.confirmEmailToken(c, req.Token); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// confirmEmailToken is shared by the API and the page.
func (s *Server) confirmEmailToken(c *fiber.Ctx, rawToken string) error {
	token := strings.TrimSpace(rawToken)
	if token == "" {
		return errField("token", "required")
	}
	if len(token) > 200 {
		return errTokenInvalid()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	now := s.now()
	t, err := s.store.UseOneTimeToken(ctx, auth.HashToken(token), models.TokenEmailConfirm, now)
	if errors.Is(err, store.ErrNotFound) {
		return errTokenInvalid()
	}
	if err != nil {
		return err
	}
	if _, err := s.store.ConfirmUserEmail(ctx, t.UserID, t.Email, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errTokenInvalid()
		}
		return err
	}
	s.log.Info("e-mail confirmed", "user_id", t.UserID)
	return nil
}
