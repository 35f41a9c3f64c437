package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/watch"
)

// The volunteers' watch API: a volunteer reads and calls only the people
// assigned to them now; anybody else is a 404.

func (s *Server) myWatch(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.MyPeople(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	items := watch.AssignedViews(list)
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

func (s *Server) myWatchPerson(c *fiber.Ctx) error {
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	me := principal(c).UserID
	person, p, err := s.watch.MyPerson(ctx, me, id)
	if err != nil {
		return err
	}
	calls, err := s.watch.MyCalls(ctx, person.ID)
	if err != nil {
		return err
	}
	return c.JSON(watch.MyPersonView{AssignedView: watch.NewAssignedView(watch.Assigned{Person: *person, Programme: p}),
		Calls: watch.CallViews(calls)})
}

type callRequest struct {
	Outcome    string `json:"outcome"`
	Concern    string `json:"concern"`
	Note       string `json:"note"`
	NextCallOn string `json:"next_call_on"`
}

func (s *Server) logWatchCall(c *fiber.Ctx) error {
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	var req callRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	logged, err := s.watch.LogCall(ctx, principal(c).UserID, id, watch.CallInput(req))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(watch.NewLoggedView(logged))
}

// leaveWatchProgramme takes the volunteer off a programme; their people go
// back to the coordinators.
func (s *Server) leaveWatchProgramme(c *fiber.Ctx) error {
	id, err := idParam(c, "programmeId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.Leave(ctx, principal(c).UserID, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
