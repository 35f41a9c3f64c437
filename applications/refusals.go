package applications

import (
	"errors"
	"fmt"
)

// Kind says what sort of refusal a rule makes: a conflict with the state
// of things (the shift started, the place is taken), or a request that
// cannot be met whatever the state (too young, too many open).
type Kind int

// Kinds of refusal.
const (
	KindConflict Kind = iota
	KindUnprocessable
)

// Refusal is a rule of applications refusing an action. Code names the
// rule for scripts (and, prefixed, its sentence in the catalogue); Args
// are the sentence's values.
type Refusal struct {
	Code string
	Kind Kind
	Args []any
}

func (r *Refusal) Error() string { return fmt.Sprintf("applications: refused: %s", r.Code) }

func conflict(code string, args ...any) *Refusal {
	return &Refusal{Code: code, Kind: KindConflict, Args: args}
}

func unprocessable(code string, args ...any) *Refusal {
	return &Refusal{Code: code, Kind: KindUnprocessable, Args: args}
}

// Codes of the refusals, in the catalogue as detail.application_<code>.
const (
	CodeShiftStarted      = "shift_started"
	CodeShiftNotStarted   = "shift_not_started"
	CodeShiftFull         = "shift_full"
	CodeAlreadyApplied    = "already_applied"
	CodeOverlap           = "overlap"
	CodeTooMany           = "too_many"
	CodeBirthDateRequired = "birth_date_required"
	CodeTooYoung          = "too_young"
)

// StateError refuses a transition the application's (or the mission's)
// current state does not allow, and names that state.
type StateError struct {
	Current string
}

func (e *StateError) Error() string { return "applications: not allowed in state " + e.Current }

func stateError(current string) *StateError { return &StateError{Current: current} }

// ErrOwnMission refuses an application from a member of the mission's
// organisation: its members run the mission, they do not apply to it.
var ErrOwnMission = errors.New("applications: members do not apply to their own mission")

// RefusalOf returns err's Refusal, if it is one.
func RefusalOf(err error) (*Refusal, bool) {
	var r *Refusal
	ok := errors.As(err, &r)
	return r, ok
}
