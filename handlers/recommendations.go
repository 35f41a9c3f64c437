package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/search"
)

// limitParam reads ?limit= (1 to max, default def).
func limitParam(c *fiber.Ctx, def, maxLimit int) (int, error) {
	v := c.Query("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, errField("limit", "invalid_per_page", maxLimit)
	}
	return n, nil
}

// recommendations lists the missions that best fit the volunteer's profile,
// each with its score and the reasons, in the caller's language.
func (s *Server) recommendations(c *fiber.Ctx) error {
	limit, err := limitParam(c, 20, 50)
	if err != nil {
		return err
	}
	items, profileSet, err := s.recommendFor(c, limit)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": len(items), "page": 1, "per_page": limit, "profile_complete": profileSet})
}

// recommendFor is shared by the API and the volunteer's page.
func (s *Server) recommendFor(c *fiber.Ctx, limit int) ([]search.Recommendation, bool, error) {
	userID := principal(c).UserID
	ctx, cancel := s.ctx(c)
	defer cancel()
	applied, err := s.store.MissionIDsAppliedBy(ctx, userID)
	if err != nil {
		return nil, false, err
	}
	return s.searcher.Recommend(userID, limit, applied, s.lang(c))
}
