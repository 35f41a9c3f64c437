package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

type userResponse struct {
	ID             string     `json:"id"`
	Email          string     `json:"email"`
	Name           string     `json:"name"`
	Phone          string     `json:"phone"`
	Language       string     `json:"language"`
	Role           string     `json:"role"`
	Status         string     `json:"status"`
	EmailConfirmed bool       `json:"email_confirmed"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
	LastLoginAt    *time.Time `json:"last_login_at,omitempty"`
}

func (s *Server) userResponse(u *models.User) userResponse {
	return userResponse{
		ID: u.ID, Email: u.Email, Name: u.Name, Phone: u.Phone, Language: u.Language,
		Role: string(u.Role), Status: string(u.Status), EmailConfirmed: u.EmailConfirmed,
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt, LastLoginAt: u.LastLoginAt,
	}
}

type mePatchRequest struct {
	Name     *string `json:"name"`
	Phone    *string `json:"phone"`
	Language *string `json:"language"`
}

func (s *Server) getMe(c *fiber.Ctx) error {
	return c.JSON(s.userResponse(principal(c).User))
}

func (s *Server) patchMe(c *fiber.Ctx) error {
	var req mePatchRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.accounts.UpdateUser(ctx, principal(c).UserID, models.UserPatch{Name: req.Name, Phone: req.Phone, Language: req.Language})
	if err != nil {
		return err
	}
	return c.JSON(s.userResponse(user))
}

// exportMe returns every piece of personal data held about the caller.
func (s *Server) exportMe(c *fiber.Ctx) error {
	export, err := s.personalData(c)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="entraide-export.json"`)
	return c.JSON(export)
}

func (s *Server) personalData(c *fiber.Ctx) (fiber.Map, error) {
	p := principal(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	sessions, err := s.store.CountActiveSessions(ctx, p.UserID, s.now())
	if err != nil {
		return nil, err
	}
	export := fiber.Map{
		"exported_at":     s.now(),
		"account":         s.userResponse(p.User),
		"active_sessions": sessions,
	}
	for _, part := range s.exportParts {
		if err := part(ctx, p.UserID, export); err != nil {
			return nil, err
		}
	}
	return export, nil
}

// deleteMe anonymises the caller's account, revokes every session and frees
// the e-mail for a new sign-up.
func (s *Server) deleteMe(c *fiber.Ctx) error {
	if err := s.deleteAccount(c); err != nil {
		return err
	}
	s.clearAuthCookies(c)
	return c.SendStatus(fiber.StatusNoContent)
}

// deleteAccount is shared by the API and the account page.
func (s *Server) deleteAccount(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.accounts.Delete(ctx, principal(c).UserID)
}
