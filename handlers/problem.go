package handlers

import (
	"fmt"
	"strings"

	"github.com/entraide/entraide/models"
)

// Problem is an error that knows its HTTP status and its safe, translated
// message. The wrapped Err is only logged.
type Problem struct {
	Status     int
	Slug       ProblemType
	DetailKey  string // i18n key of the detail
	Args       []any
	Fields     []models.FieldError
	Extra      map[string]any // extension members, e.g. current_state
	RetryAfter int            // seconds, for 429 and 503
	Err        error
}

func (p *Problem) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d %s", p.Status, p.Slug)
	if p.DetailKey != "" {
		fmt.Fprintf(&b, " (%s)", p.DetailKey)
	}
	if p.Err != nil {
		fmt.Fprintf(&b, ": %v", p.Err)
	}
	return b.String()
}

func (p *Problem) Unwrap() error { return p.Err }

func problem(status int, slug ProblemType, detailKey string, args ...any) *Problem {
	return &Problem{Status: status, Slug: slug, DetailKey: detailKey, Args: args}
}

func errBadRequest(detailKey string, args ...any) *Problem {
	return problem(400, ProblemBadRequest, detailKey, args...)
}

// errField reports one invalid field as a validation problem.
func errField(field, code string, params ...any) *Problem {
	return &Problem{Status: 400, Slug: ProblemValidation,
		Fields: []models.FieldError{{Field: field, Code: code, Params: params}}}
}

func errUnauthorized(detailKey string) *Problem {
	return problem(401, ProblemUnauthorized, detailKey)
}

func errForbidden(detailKey string, args ...any) *Problem {
	return problem(403, ProblemForbidden, detailKey, args...)
}

func errNotFound() *Problem { return problem(404, ProblemNotFound, "detail.not_found") }

// errState refuses a transition and names the current state.
func errState(current string) *Problem {
	p := problem(409, ProblemInvalidState, "detail.invalid_state", current)
	p.Extra = map[string]any{"current_state": current}
	return p
}
