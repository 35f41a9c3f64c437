package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// volunteerTodo is what waits for the volunteer, shown first in their
// space: places offered from a waiting list, to confirm before they lapse.
type volunteerTodo struct {
	Offers []applicationResponse
}

func (s *Server) volunteerTodoFor(c *fiber.Ctx, userID string) (volunteerTodo, error) {
	ctx, cancel := s.ctx(c)
	offered, err := s.volunteerApplications(ctx, userID, models.ApplicationOffered)
	cancel()
	if err != nil || len(offered) == 0 {
		return volunteerTodo{}, err
	}
	views, err := s.volunteerViews(c, offered, false)
	return volunteerTodo{Offers: views}, err
}

// orgTodo is what waits for the organisation, shown first on its missions
// page: applications to answer, missions the moderation rejected,
// invitations not yet accepted.
type orgTodo struct {
	PendingApplications int64
	Rejected            []missionResponse
	Invitations         int
}

// Empty reports whether nothing waits.
func (t orgTodo) Empty() bool {
	return t.PendingApplications == 0 && len(t.Rejected) == 0 && t.Invitations == 0
}

func (s *Server) orgTodoFor(c *fiber.Ctx, space orgSpace) (orgTodo, error) {
	var todo orgTodo
	var err error
	if todo.Rejected, _, err = s.orgMissionList(c, space.Org, []models.MissionStatus{models.MissionRejected}, paging{Page: 1, PerPage: 5}); err != nil {
		return todo, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	// A key read (the organisation's pending list), so it cannot grow
	// with the platform's applications.
	todo.PendingApplications, err = s.store.CountPendingApplicationsOfOrg(ctx, space.Org.ID)
	if err != nil {
		return todo, err
	}
	if space.IsOwner() {
		invs, err := s.store.Invitations(ctx, space.Org.ID, s.now())
		if err != nil {
			return todo, err
		}
		todo.Invitations = len(invs)
	}
	return todo, nil
}
