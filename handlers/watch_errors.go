package handlers

import (
	"errors"
	"fmt"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

// watchProblem maps the watch package's own errors.
func watchProblem(err error) error {
	var imp *watch.ImportError
	switch {
	case errors.Is(err, watch.ErrEnded):
		return problem(409, "invalid-state", "watch.ended")
	case errors.Is(err, watch.ErrConcernClosed):
		return errState("closed")
	case errors.As(err, &imp):
		var fields []models.FieldError
		for _, line := range imp.Lines {
			for _, f := range line.Fields {
				fields = append(fields, models.FieldError{Field: fmt.Sprintf("line %d: %s", line.Line, f.Field), Code: f.Code, Params: f.Params})
			}
		}
		return &Problem{Status: 400, Slug: "validation-error", Fields: fields, Err: err}
	}
	return err
}
