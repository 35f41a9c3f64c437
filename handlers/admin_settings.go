package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type blocklistBody struct {
	Words []string `json:"words"`
}

func (s *Server) getBlocklist(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	words, err := s.blocklist(ctx)
	if err != nil {
		return err
	}
	return c.JSON(blocklistBody{Words: words})
}

// putBlocklist replaces the moderation blocklist.
func (s *Server) putBlocklist(c *fiber.Ctx) error {
	var req blocklistBody
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	if req.Words == nil {
		return errField("words", "required")
	}
	clean, err := s.saveBlocklist(c, req.Words)
	if err != nil {
		return err
	}
	return c.JSON(blocklistBody{Words: clean})
}

// saveBlocklist checks and saves the words, shared by the API and the
// blocklist page.
func (s *Server) saveBlocklist(c *fiber.Ctx, words []string) ([]string, error) {
	req := blocklistBody{Words: words}
	if len(req.Words) > 2000 {
		return nil, errField("words", "too_many", 2000)
	}
	clean := make([]string, 0, len(req.Words))
	seen := map[string]bool{}
	for _, w := range req.Words {
		w, ok := models.CleanText(w)
		if !ok || len([]rune(w)) > 80 || strings.ContainsAny(w, "\n\r\t") {
			return nil, errField("words", "invalid_text")
		}
		if w != "" && !seen[strings.ToLower(w)] {
			seen[strings.ToLower(w)] = true
			clean = append(clean, w)
		}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	before, err := s.blocklist(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.store.SetBlocklist(ctx, clean, s.now()); err != nil {
		return nil, err
	}
	if err := s.audit(ctx, principal(c).UserID, "blocklist.update", "blocklist", "", "",
		map[string]any{"count": len(before)}, map[string]any{"count": len(clean)}); err != nil {
		return nil, err
	}
	return clean, nil
}

type adminUserResponse struct {
	userResponse
}

// adminFindUser looks an account up by e-mail (exact) for support.
func (s *Server) adminFindUser(c *fiber.Ctx) error {
	u, err := s.findUserByEmail(c, c.Query("email"))
	if err != nil {
		return err
	}
	items := []adminUserResponse{{s.userResponse(u)}}
	return c.JSON(newList(items, 1, paging{Page: 1, PerPage: 1}))
}

// findUserByEmail is shared by the API and the users page.
func (s *Server) findUserByEmail(c *fiber.Ctx, raw string) (*models.User, error) {
	email := models.NormalizeEmail(raw)
	if !models.ValidEmail(email) {
		return nil, errField("email", "invalid_email")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.UserByEmail(ctx, email)
}

// setUserStatus suspends or restores an account; its tokens stop working.
func (s *Server) setUserStatus(status models.UserStatus, action string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, status == models.UserSuspended)
		if err != nil {
			return err
		}
		u, err := s.changeUserStatus(c, id, status, action, reason)
		if err != nil {
			return err
		}
		return c.JSON(stateResponse{ID: u.ID, Status: string(u.Status), Reason: reason})
	}
}

// changeUserStatus is shared by the API and the users page.
func (s *Server) changeUserStatus(c *fiber.Ctx, id string, status models.UserStatus, action, reason string) (*models.User, error) {
	admin := principal(c).UserID
	if id == admin {
		return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.not_yourself"}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	before, err := s.store.UserByID(ctx, id)
	if err != nil {
		return nil, err
	}
	// Suspend applies to active accounts, restore to suspended ones.
	want := models.UserActive
	if status == models.UserActive {
		want = models.UserSuspended
	}
	if before.Status != want {
		return nil, errState(string(before.Status))
	}
	u, err := s.store.SetUserStatus(ctx, id, status, s.now())
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFound()
	}
	if err != nil {
		return nil, err
	}
	if status == models.UserSuspended {
		if err := s.store.RevokeUserTokens(ctx, id); err != nil {
			return nil, err
		}
	}
	if s.catalog != nil {
		if err := s.catalog.VolunteerChanged(ctx, id); err != nil {
			s.log.Error("index not updated", "user_id", id, "error", err)
		}
	}
	if err := s.audit(ctx, admin, "user."+action, "user", id, reason,
		map[string]any{"status": string(before.Status)}, map[string]any{"status": string(u.Status)}); err != nil {
		return nil, err
	}
	return u, nil
}
