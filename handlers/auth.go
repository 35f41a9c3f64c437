package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

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

// validate checks a sign-up and returns the user to create (without hash).
func (r signupRequest) validate(lang string) (*models.User, error) {
	var v models.Validator
	email := models.NormalizeEmail(r.Email)
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	models.ValidatePassword(&v, "password", r.Password, email)
	name := models.ValidateName(&v, "name", r.Name)
	role := models.Role(r.Role)
	if v.Check(r.Role != "", "role", "required") {
		v.Check(role == models.RoleVolunteer || role == models.RoleOrganization, "role", "one_of", "volunteer, organization")
	}
	if r.Language != "" {
		v.Check(models.ValidLanguage(r.Language), "language", "one_of", "fr, en")
		lang = r.Language
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return &models.User{Email: email, Name: name, Role: role, Language: lang, Status: models.UserActive}, nil
}

// signup creates a volunteer or organisation account.
func (s *Server) signup(c *fiber.Ctx) error {
	var req signupRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	user, err := s.createAccount(c, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(s.userResponse(user))
}

// createAccount is shared by the API and the sign-up page.
func (s *Server) createAccount(c *fiber.Ctx, req signupRequest) (*models.User, error) {
	user, err := req.validate(s.lang(c))
	if err != nil {
		return nil, err
	}
	if err := s.checkLimits(
		limitPair{s.limits.signupIP, s.clientIP(c)},
		limitPair{s.limits.signupAccount, user.Email},
	); err != nil {
		return nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	// Hashing can queue behind a surge: give it the whole request budget
	// but no more.
	user.PasswordHash, err = s.hasher.Hash(ctx, req.Password)
	if err != nil {
		return nil, err // auth.ErrBusy: a 503 with Retry-After (see toProblem)
	}
	now := s.now()
	user.ID = store.NewID()
	user.CreatedAt, user.UpdatedAt = now, now
	if err := s.store.CreateUser(ctx, user); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.email_taken",
				Fields: []models.FieldError{{Field: "email", Code: "email_taken"}}, Err: err}
		}
		return nil, err
	}
	s.log.Info("account created", "user_id", user.ID, "role", user.Role)
	s.queueEmailConfirmation(ctx, user)
	return user, nil
}

// login checks credentials and opens a session (a refresh token family).
func (s *Server) login(c *fiber.Ctx) error {
	var req loginRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	tokens, _, err := s.authenticateCredentials(c, req)
	if err != nil {
		return err
	}
	return c.JSON(tokens)
}

// authenticateCredentials is shared by the API and the login page. Every
// failure answers the same, after the same work, whether or not the
// account exists.
func (s *Server) authenticateCredentials(c *fiber.Ctx, req loginRequest) (*tokenResponse, *models.User, error) {
	email := models.NormalizeEmail(req.Email)
	var v models.Validator
	v.Check(email != "", "email", "required")
	v.Check(req.Password != "", "password", "required")
	v.Check(len(req.Password) <= models.PasswordMaxLength, "password", "too_long", models.PasswordMaxLength)
	if err := v.Err(); err != nil {
		return nil, nil, err
	}
	if err := s.checkLimits(
		limitPair{s.limits.loginIP, s.clientIP(c)},
		limitPair{s.limits.loginAccount, email},
	); err != nil {
		return nil, nil, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.store.UserByEmail(ctx, email)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, nil, err
	}
	hash := ""
	if user != nil && user.Status != models.UserDeleted {
		hash = user.PasswordHash
	}
	if err := s.hasher.Verify(ctx, req.Password, hash); err != nil {
		if errors.Is(err, auth.ErrMismatch) {
			return nil, nil, errUnauthorized("detail.bad_credentials")
		}
		return nil, nil, err
	}
	if user.Status == models.UserSuspended {
		return nil, nil, errForbidden("detail.account_suspended")
	}
	tokens, err := s.openSession(c, user, "")
	if err != nil {
		return nil, nil, err
	}
	_ = s.store.TouchLogin(ctx, user.ID, s.now())
	return tokens, user, nil
}

// openSession issues an access token and a refresh token in family (a new
// family when empty).
func (s *Server) openSession(c *fiber.Ctx, user *models.User, family string) (*tokenResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, err := s.memberships(c, user.ID)
	if err != nil {
		return nil, err
	}
	access, err := s.issueAccess(user, orgs)
	if err != nil {
		return nil, err
	}
	if family == "" {
		family = store.NewID()
	}
	refresh := auth.RandomToken(32)
	now := s.now()
	err = s.store.InsertRefreshToken(ctx, &models.RefreshToken{
		ID: auth.HashToken(refresh), Family: family, UserID: user.ID,
		CreatedAt: now, ExpiresAt: now.Add(auth.RefreshTTL),
	})
	if err != nil {
		return nil, err
	}
	return &tokenResponse{
		AccessToken: access, RefreshToken: refresh, TokenType: "Bearer",
		ExpiresIn: int(auth.AccessTTL / time.Second),
	}, nil
}

// refresh rotates a refresh token. Presenting a rotated token again revokes
// its whole family: one of the two holders is a thief.
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

func (s *Server) rotate(c *fiber.Ctx, raw string) (*tokenResponse, error) {
	if len(raw) > 200 {
		return nil, errUnauthorized("detail.refresh_invalid")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	old, err := s.store.UseRefreshToken(ctx, auth.HashToken(raw), s.now())
	switch {
	case errors.Is(err, store.ErrTokenReused):
		// One of the two holders is a thief, and the access token it got
		// with the rotated one lives 15 minutes: end every access token of
		// the account now. Its other sessions refresh and carry on.
		t, err := s.store.RefreshTokenByHash(ctx, auth.HashToken(raw))
		if err != nil {
			return nil, err // it was there a moment ago: a store failure
		}
		if err := s.store.EndAccessTokens(ctx, t.UserID); err != nil {
			return nil, err
		}
		s.log.Warn("refresh token reused; family revoked, access tokens ended", "request_id", c.Locals("requestid"), "user_id", t.UserID)
		return nil, errUnauthorized("detail.refresh_reused")
	case errors.Is(err, store.ErrNotFound):
		return nil, errUnauthorized("detail.refresh_invalid")
	case err != nil:
		return nil, err
	}
	user, err := s.store.UserByID(ctx, old.UserID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && user.Status != models.UserActive) {
		return nil, errUnauthorized("detail.refresh_invalid")
	}
	if err != nil {
		return nil, err
	}
	return s.openSession(c, user, old.Family)
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

func (s *Server) endSession(c *fiber.Ctx, refresh string, all bool) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	p := principal(c)
	if all {
		if p == nil {
			return errUnauthorized("detail.login_required")
		}
		if err := s.store.RevokeUserTokens(ctx, p.UserID); err != nil {
			return err
		}
		// Refresh tokens are revoked; access tokens end with the version.
		return s.store.EndAccessTokens(ctx, p.UserID)
	}
	if refresh == "" {
		if p == nil {
			return errField("refresh_token", "required")
		}
		return nil
	}
	t, err := s.store.RefreshTokenByHash(ctx, auth.HashToken(refresh))
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if p != nil && t.UserID != p.UserID {
		return nil
	}
	return s.store.RevokeFamily(ctx, t.UserID, t.Family)
}

// memberships lists the organisations the user belongs to, for the token.
// New sets the lookup; a server assembled by hand without it issues
// tokens that name no organisation.
func (s *Server) memberships(c *fiber.Ctx, userID string) ([]string, error) {
	if s.orgMemberships == nil {
		return nil, nil
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.orgMemberships(ctx, userID)
}
