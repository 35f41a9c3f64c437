package handlers

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/auth"
)

// The rules of accounts live in package accounts; these handlers decode,
// call it and encode.

type signupRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Name     string `json:"name"`
	Role     string `json:"role"`
	Language string `json:"language"`
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token"`
}

type logoutRequest struct {
	RefreshToken string `json:"refresh_token"`
	All          bool   `json:"all"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

func newTokenResponse(session *accounts.Session) *tokenResponse {
	return &tokenResponse{
		AccessToken: session.AccessToken, RefreshToken: session.RefreshToken, TokenType: "Bearer",
		ExpiresIn: int(auth.AccessTTL / time.Second),
	}
}

// signup creates a volunteer or organisation account.
func (s *Server) signup(c *fiber.Ctx) error {
	var req signupRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.accounts.SignUp(ctx, accounts.Signup(req), s.lang(c), s.clientIP(c))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(s.userResponse(user))
}

// login checks credentials and opens a session (a refresh token family).
func (s *Server) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	session, _, err := s.accounts.LogIn(ctx, req.Email, req.Password, s.clientIP(c))
	if err != nil {
		return err
	}
	return c.JSON(newTokenResponse(session))
}

// refresh rotates a refresh token.
func (s *Server) refresh(c *fiber.Ctx) error {
	var req refreshRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if strings.TrimSpace(req.RefreshToken) == "" {
		return errField("refresh_token", "required")
	}
	tokens, err := s.rotate(c, req.RefreshToken)
	if err != nil {
		return err
	}
	return c.JSON(tokens)
}

// rotate is shared by the API and the pages' session refresh.
func (s *Server) rotate(c *fiber.Ctx, raw string) (*tokenResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	session, err := s.accounts.Refresh(ctx, raw)
	if err != nil {
		return nil, err
	}
	return newTokenResponse(session), nil
}

// logout revokes the session of the given refresh token, or every session
// of the caller with {"all": true}.
func (s *Server) logout(c *fiber.Ctx) error {
	var req logoutRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return err
		}
	}
	if err := s.endSession(c, req.RefreshToken, req.All); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// endSession is shared by the API and the logout form.
func (s *Server) endSession(c *fiber.Ctx, refresh string, all bool) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	p := principal(c)
	if all {
		if p == nil {
			return errUnauthorized("detail.login_required")
		}
		return s.accounts.LogOutEverywhere(ctx, p.UserID)
	}
	callerID := ""
	if p != nil {
		callerID = p.UserID
	}
	return s.accounts.LogOut(ctx, refresh, callerID)
}

// memberships lists the organisations the user belongs to, for an access
// token reissued outside a session (page_invitation.go).
func (s *Server) memberships(c *fiber.Ctx, userID string) ([]string, error) {
	if s.orgMemberships == nil {
		return nil, nil
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.orgMemberships(ctx, userID)
}
