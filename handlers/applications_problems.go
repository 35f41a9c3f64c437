package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/applications"
)

// applicationProblem is the one place where the refusals of package
// applications become problems: a refusal is a 409 or 422 naming its rule
// in code for scripts and in detail for people; a state error names the
// current state.
func applicationProblem(err error) (*Problem, bool) {
	var refused *applications.Refusal
	var state *applications.StateError
	switch {
	case errors.As(err, &refused):
		status, slug := fiber.StatusConflict, ProblemConflict
		if refused.Kind == applications.KindUnprocessable {
			status, slug = fiber.StatusUnprocessableEntity, ProblemUnprocessable
		}
		p := problem(status, slug, "detail.application_"+refused.Code, refused.Args...)
		p.Extra = map[string]any{"code": refused.Code}
		return p, true
	case errors.As(err, &state):
		return errState(state.Current), true
	case errors.Is(err, applications.ErrOwnMission):
		return errForbidden("journeys.own_mission"), true
	}
	return nil, false
}

// volunteerOf is the signed-in caller as the applications domain knows a
// volunteer.
func volunteerOf(c *fiber.Ctx) applications.Volunteer {
	p := principal(c)
	return applications.Volunteer{ID: p.UserID, Name: strings.TrimSpace(p.User.Name)}
}
