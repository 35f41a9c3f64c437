package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/ratelimit"
)

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

// requestPasswordReset e-mails a reset link when an active account has
// the address. It answers 202 either way, after about the same time.
func (s *Server) requestPasswordReset(c *fiber.Ctx) error {
	var req passwordResetRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.StartPasswordReset(ctx, req.Email, s.clientIP(c)); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"detail": i18n.T(s.lang(c), "detail.reset_requested")})
}

// confirmPasswordReset sets a new password with a reset token.
func (s *Server) confirmPasswordReset(c *fiber.Ctx) error {
	var req passwordResetConfirmRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ResetPassword(ctx, req.Token, req.Password); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// resendEmailConfirmation sends the caller a new confirmation link.
func (s *Server) resendEmailConfirmation(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ResendConfirmation(ctx, principal(c).User); err != nil {
		return err
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"detail": i18n.T(s.lang(c), "detail.confirmation_sent")})
}

// confirmEmail records that the user owns the address the token was sent
// to.
func (s *Server) confirmEmail(c *fiber.Ctx) error {
	var req tokenRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ConfirmEmail(ctx, req.Token); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
