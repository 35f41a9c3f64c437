package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/watch"
)

// The volunteers' watch API: a volunteer reads and calls only the people
// assigned to them now; anybody else is a 404.

type assignedResponse struct {
	ID            string     `json:"id"`
	ProgrammeID   string     `json:"programme_id"`
	ProgrammeName string     `json:"programme_name"`
	FirstName     string     `json:"first_name"`
	Phone         string     `json:"phone"`
	Languages     []string   `json:"languages"`
	BestTimes     []string   `json:"best_times"`
	LastCallAt    *time.Time `json:"last_call_at"`
	LastOutcome   *string    `json:"last_outcome"`
	NextCallOn    *string    `json:"next_call_on"`
	Due           bool       `json:"due"`
}

func newAssignedResponse(a watch.Assigned) assignedResponse {
	p := newPersonResponse(&a.Person)
	return assignedResponse{ID: p.ID, ProgrammeID: a.Programme.ID, ProgrammeName: a.Programme.Name, FirstName: p.FirstName,
		Phone: p.Phone, Languages: p.Languages, BestTimes: p.BestTimes, LastCallAt: p.LastCallAt, LastOutcome: p.LastOutcome,
		NextCallOn: p.NextCallOn, Due: a.Due}
}

func (s *Server) myWatch(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.MyPeople(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	items := make([]assignedResponse, 0, len(list))
	for _, a := range list {
		items = append(items, newAssignedResponse(a))
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

type myPersonResponse struct {
	assignedResponse
	Calls []callResponse `json:"calls"`
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
	out := myPersonResponse{assignedResponse: newAssignedResponse(watch.Assigned{Person: *person, Programme: p}), Calls: []callResponse{}}
	for i := len(calls) - 1; i >= 0; i-- {
		out.Calls = append(out.Calls, newCallResponse(calls[i]))
	}
	return c.JSON(out)
}

type callRequest struct {
	Outcome    string `json:"outcome"`
	Concern    string `json:"concern"`
	Note       string `json:"note"`
	NextCallOn string `json:"next_call_on"`
}

type loggedResponse struct {
	Call             callResponse `json:"call"`
	ConcernID        *string      `json:"concern_id"`
	EmergencyNumbers []string     `json:"emergency_numbers"`
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
	return c.Status(fiber.StatusCreated).JSON(newLoggedResponse(logged))
}

func newLoggedResponse(l *watch.Logged) loggedResponse {
	out := loggedResponse{Call: newCallResponse(l.Call), EmergencyNumbers: nonNil(l.Emergency)}
	if l.Concern != nil {
		out.ConcernID = &l.Concern.ID
	}
	return out
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
	me := principal(c).UserID
	p, err := s.store.WatchProgrammeByID(ctx, id)
	if err != nil {
		return err
	}
	if err := s.watch.RemoveVolunteer(ctx, p, me, me); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
