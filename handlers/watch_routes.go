package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// watchProgrammeLocal is where the programme guard leaves the programme.
const watchProgrammeLocal = "watch_programme"

// loadWatchProgramme loads the path's watch programme (:programmeId)
// within the organisation the membership guard loaded; another
// organisation's programme is a 404. In the route table it follows the
// membership guard: member.and("programme", s.loadWatchProgramme).
func (s *Server) loadWatchProgramme(c *fiber.Ctx) error {
	id, err := idParam(c, "programmeId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.watch.Programme(ctx, orgOf(c).ID, id)
	if err != nil {
		return err
	}
	c.Locals(watchProgrammeLocal, p)
	return c.Next()
}

// programmeOf is the programme the guard loaded.
func programmeOf(c *fiber.Ctx) *models.WatchProgramme {
	return c.Locals(watchProgrammeLocal).(*models.WatchProgramme)
}
