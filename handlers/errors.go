package handlers

import (
	"context"
	"errors"
	"log/slog"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// statusClientClosed is the status logged when the client hung up before
// the answer (nginx's 499): nobody reads the answer, and it is not the
// store's fault.
const statusClientClosed = 499

type fieldProblem struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// toProblem classifies any error returned by a handler.
func toProblem(err error) *Problem {
	var p *Problem
	var verr *models.ValidationError
	var ferr *fiber.Error
	if errors.As(err, &p) {
		return p
	}
	if ap, ok := applicationProblem(err); ok {
		return ap
	}
	if op := orgProblem(err); op != nil {
		return op
	}
	if ap := accountsProblem(err); ap != nil {
		return ap
	}
	if mp := moderationProblem(err); mp != nil {
		return mp
	}
	switch {
	case errors.As(err, &verr):
		return &Problem{Status: 400, Slug: ProblemValidation, Fields: verr.Fields, Err: err}
	case errors.Is(err, store.ErrNotFound):
		return &Problem{Status: 404, Slug: ProblemNotFound, DetailKey: "detail.not_found", Err: err}
	case errors.Is(err, store.ErrConflict):
		return &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.conflict", Err: err}
	case errors.Is(err, context.Canceled):
		// The store reports a canceled call as unavailable too; the cause
		// here is the caller, so this is checked first.
		return &Problem{Status: statusClientClosed, Slug: ProblemClientClosed, Err: err}
	case errors.Is(err, auth.ErrBusy):
		// A login or sign-up waited past the request budget for a hashing
		// slot: a surge, not a fault.
		return &Problem{Status: 503, Slug: ProblemUnavailable, DetailKey: "detail.busy", RetryAfter: 2, Err: err}
	case errors.Is(err, store.ErrUnavailable):
		return &Problem{Status: 503, Slug: ProblemUnavailable, DetailKey: "detail.store_unavailable", RetryAfter: 5, Err: err}
	case errors.As(err, &ferr):
		return fiberProblem(ferr)
	}
	return &Problem{Status: 500, Slug: ProblemInternal, DetailKey: "detail.internal", Err: err}
}

func fiberProblem(ferr *fiber.Error) *Problem {
	switch ferr.Code {
	case fiber.StatusRequestEntityTooLarge:
		return problem(413, ProblemPayloadTooLarge, "detail.body_too_large")
	case fiber.StatusNotFound:
		return problem(404, ProblemNotFound, "detail.not_found")
	case fiber.StatusMethodNotAllowed:
		return problem(405, ProblemMethodNotAllowed, "detail.method_not_allowed")
	case fiber.StatusRequestTimeout:
		return problem(408, ProblemTimeout, "")
	case fiber.StatusUnsupportedMediaType:
		return problem(415, ProblemUnsupportedMediaType, "detail.content_type")
	case fiber.StatusTooManyRequests:
		return problem(429, ProblemRateLimited, "")
	}
	if ferr.Code >= 400 && ferr.Code < 500 {
		return &Problem{Status: ferr.Code, Slug: ProblemBadRequest, DetailKey: "problem.bad_request", Err: ferr}
	}
	return &Problem{Status: 500, Slug: ProblemInternal, DetailKey: "detail.internal", Err: ferr}
}

// errorHandler is the one place that writes errors: problem+json for the
// API, and a page for browsers (see pages.go).
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	p := toProblem(err)
	lang := s.lang(c)
	s.logProblem(c, p)
	if p.Status == statusClientClosed {
		return c.SendStatus(statusClientClosed)
	}
	if p.RetryAfter > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(p.RetryAfter))
	}
	if s.wantsHTML(c) {
		return s.renderErrorPage(c, p, lang)
	}
	body := fiber.Map{
		"type":     "/problems/" + p.Slug,
		"title":    i18n.T(lang, p.Slug.Title()),
		"status":   p.Status,
		"instance": c.Path(),
	}
	if p.DetailKey != "" {
		body["detail"] = i18n.T(lang, p.DetailKey, p.Args...)
	}
	if id, ok := c.Locals("requestid").(string); ok {
		body["request_id"] = id
	}
	if len(p.Fields) > 0 {
		fields := make([]fieldProblem, len(p.Fields))
		for i, f := range p.Fields {
			fields[i] = fieldProblem{Field: f.Field, Code: f.Code, Message: i18n.T(lang, f.Code, f.Params...)}
		}
		body["errors"] = fields
		if p.DetailKey == "" {
			body["detail"] = fields[0].Field + ": " + fields[0].Message
		}
	}
	for k, v := range p.Extra {
		body[k] = v
	}
	c.Set(fiber.HeaderContentLanguage, lang)
	c.Status(p.Status)
	b, jerr := jsonMarshal(body)
	if jerr != nil {
		return c.SendStatus(500)
	}
	c.Set(fiber.HeaderContentType, "application/problem+json; charset=utf-8")
	return c.Send(b)
}

func (s *Server) logProblem(c *fiber.Ctx, p *Problem) {
	attrs := []any{
		slog.Int("status", p.Status),
		slog.String("method", c.Method()),
		slog.String("path", c.Path()),
		slog.String("problem", string(p.Slug)),
	}
	if id, ok := c.Locals("requestid").(string); ok {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if pr := principal(c); pr != nil {
		attrs = append(attrs, slog.String("user_id", pr.UserID))
	}
	if p.Err != nil {
		attrs = append(attrs, slog.String("error", p.Err.Error()))
	}
	switch {
	case p.Status == statusClientClosed:
		s.log.Info("client closed request", attrs...)
	case p.Status >= 500:
		s.log.Error("request failed", attrs...)
	default:
		s.log.Warn("request refused", attrs...)
	}
}
