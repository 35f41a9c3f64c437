package handlers

import (
	"bytes"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

// The coordinators' watch API: members of the organisation only (the
// membership guard); any other organisation's programme or person is a
// 404.

// watchProgramme is the path's programme, which the route's guard loaded.
func (s *Server) watchProgramme(c *fiber.Ctx) (*models.WatchProgramme, error) {
	return programmeOf(c), nil
}

type programmeRequest struct {
	Name       string `json:"name"`
	RhythmDays int    `json:"rhythm_days"`
	EndsOn     string `json:"ends_on"`
}

func (s *Server) listWatchProgrammes(c *fiber.Ctx) error {
	org := orgOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.Programmes(ctx, org.ID)
	if err != nil {
		return err
	}
	items := make([]watch.ProgrammeView, 0, len(list))
	for i := range list {
		items = append(items, watch.NewProgrammeView(&list[i], s.now()))
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

func (s *Server) createWatchProgramme(c *fiber.Ctx) error {
	org := orgOf(c)
	var req programmeRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.watch.CreateProgramme(ctx, org.ID, principal(c).UserID, watch.ProgrammeInput(req))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(watch.NewProgrammeView(p, s.now()))
}

func (s *Server) getWatchProgramme(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	return c.JSON(watch.NewProgrammeView(p, s.now()))
}

func (s *Server) watchBoard(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	b, err := s.watch.Board(ctx, p)
	if err != nil {
		return err
	}
	return c.JSON(watch.NewBoardView(b, s.lang(c)))
}

type personRequest struct {
	FirstName  string   `json:"first_name"`
	Phone      string   `json:"phone"`
	Languages  []string `json:"languages"`
	BestTimes  []string `json:"best_times"`
	ConsentBy  string   `json:"consent_by"`
	ConsentAt  string   `json:"consent_at"`
	ConsentHow string   `json:"consent_how"`
}

func (s *Server) listWatchPeople(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	pg, err := parsePaging(c, 100, 500)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	people, total, err := s.watch.People(ctx, p, principal(c).UserID, int(pg.skip()), pg.PerPage)
	if err != nil {
		return err
	}
	return c.JSON(newList(watch.PeopleViews(people), int64(total), pg))
}

func (s *Server) addWatchPerson(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	var req personRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	person, err := s.watch.AddPerson(ctx, p, principal(c).UserID, watch.PersonInput(req))
	if err != nil {
		return watchProblem(err)
	}
	return c.Status(fiber.StatusCreated).JSON(watch.NewPersonView(person))
}

// importWatchPeople adds people from a CSV file sent as the body
// (text/csv): all of them, or none when a line is invalid.
func (s *Server) importWatchPeople(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	if ct := string(c.Request().Header.ContentType()); !bytes.HasPrefix([]byte(ct), []byte("text/csv")) {
		return problem(415, "unsupported-media-type", "detail.content_type")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	people, err := s.watch.ImportCSV(ctx, p, principal(c).UserID, bytes.NewReader(c.Body()))
	if err != nil {
		return watchProblem(err)
	}
	items := watch.PeopleViews(people)
	return c.Status(fiber.StatusCreated).JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

func (s *Server) getWatchPerson(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	person, err := s.watch.Person(ctx, p, principal(c).UserID, id)
	if err != nil {
		return err
	}
	return c.JSON(watch.NewPersonView(person))
}

// deleteWatchPerson removes a person at their request, with their calls.
func (s *Server) deleteWatchPerson(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.RemovePerson(ctx, p, principal(c).UserID, id); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) watchPersonCalls(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	calls, err := s.watch.Calls(ctx, p, principal(c).UserID, id)
	if err != nil {
		return err
	}
	items := watch.CallViews(calls)
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

type assignRequest struct {
	VolunteerID *string `json:"volunteer_id"`
}

func (s *Server) assignWatchPerson(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	var req assignRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	volunteerID := ""
	if req.VolunteerID != nil {
		volunteerID = *req.VolunteerID
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	person, err := s.watch.Assign(ctx, p, principal(c).UserID, id, volunteerID)
	if err != nil {
		return watchProblem(err)
	}
	return c.JSON(watch.NewPersonView(person))
}

type watchVolunteerRequest struct {
	UserID string `json:"user_id"`
	Email  string `json:"email"`
}

func (s *Server) addWatchVolunteer(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	var req watchVolunteerRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.watch.AddVolunteer(ctx, p, principal(c).UserID, req.UserID, req.Email); err != nil {
		return watchProblem(err)
	}
	return c.Status(fiber.StatusCreated).JSON(watch.NewProgrammeView(p, s.now()))
}

// watchVolunteerCandidates lists the organisation's accepted volunteers
// who are not in the programme yet.
func (s *Server) watchVolunteerCandidates(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.Candidates(ctx, p)
	if err != nil {
		return err
	}
	items := watch.CandidateViews(list)
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

func (s *Server) removeWatchVolunteer(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	userID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.RemoveVolunteer(ctx, p, principal(c).UserID, userID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) watchPairing(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	pairs, err := s.watch.Propose(ctx, p)
	if err != nil {
		return err
	}
	items := watch.PairViews(pairs)
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

type pairRequest struct {
	PersonID    string `json:"person_id"`
	VolunteerID string `json:"volunteer_id"`
}

type pairsRequest struct {
	Pairs []pairRequest `json:"pairs"`
}

// applyWatchPairing assigns the pairs the coordinator confirmed.
func (s *Server) applyWatchPairing(c *fiber.Ctx) error {
	p, err := s.watchProgramme(c)
	if err != nil {
		return err
	}
	var req pairsRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	pairs := make([][2]string, len(req.Pairs))
	for i, pr := range req.Pairs {
		pairs[i] = [2]string{pr.PersonID, pr.VolunteerID}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	n, err := s.watch.ApplyPairs(ctx, p, principal(c).UserID, pairs)
	if err != nil {
		return watchProblem(err)
	}
	return c.JSON(fiber.Map{"assigned": n})
}

// watchConcernAction handles or closes a concern.
func (s *Server) watchConcernAction(closing bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		p, err := s.watchProgramme(c)
		if err != nil {
			return err
		}
		id, err := idParam(c, "concernId")
		if err != nil {
			return err
		}
		ctx, cancel := s.ctx(c)
		defer cancel()
		item, err := s.watch.HandleConcern(ctx, p, principal(c).UserID, id, closing)
		if err != nil {
			return watchProblem(err)
		}
		named, err := s.watch.NamedConcern(ctx, p, *item)
		if err != nil {
			return err
		}
		return c.JSON(watch.NewConcernView(named, p, s.lang(c)))
	}
}
