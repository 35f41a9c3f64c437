package handlers

import (
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/gofiber/fiber/v2"
)

// PanicLogMessage is the message of the log line written when a request
// ends in a panic. Tests watch for it: no test may reach a panic.
const PanicLogMessage = "panic recovered"

// recoverPanic turns a panic of a request into a 500 problem, logs it with
// its stack and counts it (entraide_http_panics_total), so that an alert
// fires on the first one rather than when someone reads the logs.
func (s *Server) recoverPanic(c *fiber.Ctx) (err error) {
	defer func() {
		v := recover()
		if v == nil {
			return
		}
		if s.metrics != nil {
			s.metrics.Panicked()
		}
		attrs := []any{slog.String("panic", fmt.Sprint(v)), slog.String("method", c.Method()), slog.String("path", c.Path())}
		if id, ok := c.Locals("requestid").(string); ok {
			attrs = append(attrs, slog.String("request_id", id))
		}
		attrs = append(attrs, slog.String("stack", string(debug.Stack())))
		s.log.Error(PanicLogMessage, attrs...)
		err = &Problem{Status: fiber.StatusInternalServerError, Slug: ProblemInternal, DetailKey: "detail.internal", Err: fmt.Errorf("panic: %v", v)}
	}()
	return c.Next()
}
