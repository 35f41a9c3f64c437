package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// idParam returns a path id, or a 404 when it cannot be an id: malformed
// ids never reach the store.
func idParam(c *fiber.Ctx, name string) (string, error) {
	id := c.Params(name)
	if !store.ValidID(id) {
		return "", errNotFound()
	}
	return id, nil
}

// paging reads page and per_page (1-based) with a maximum page size.
type paging struct {
	Page, PerPage int
}

func (p paging) skip() int64  { return int64((p.Page - 1) * p.PerPage) }
func (p paging) limit() int64 { return int64(p.PerPage) }

// MaxPage bounds page numbers (see models.MaxPage).
const MaxPage = models.MaxPage

func parsePaging(c *fiber.Ctx, defaultSize, maxSize int) (paging, error) {
	return pagingOf(func(name string) string { return c.Query(name) }, defaultSize, maxSize)
}

// pagingOf reads page and per_page with get, which reads a query string or a form.
func pagingOf(get func(string) string, defaultSize, maxSize int) (paging, error) {
	var v models.Validator
	page, perPage := models.ParsePaging(&v, get, defaultSize, maxSize)
	p := paging{Page: page, PerPage: perPage}
	var verr *models.ValidationError
	if err := v.Err(); errors.As(err, &verr) {
		f := verr.Fields[0]
		return p, errField(f.Field, f.Code, f.Params...)
	}
	return p, nil
}

// listResponse is the JSON shape of every list.
type listResponse[T any] struct {
	Items   []T   `json:"items"`
	Total   int64 `json:"total"`
	Page    int   `json:"page"`
	PerPage int   `json:"per_page"`
}

func newList[T any](items []T, total int64, p paging) listResponse[T] {
	if items == nil {
		items = []T{}
	}
	return listResponse[T]{Items: items, Total: total, Page: p.Page, PerPage: p.PerPage}
}

// parseTimeParam reads an RFC 3339 time or a YYYY-MM-DD date.
func parseTimeParam(c *fiber.Ctx, name string) (time.Time, error) {
	t, err := parseTime(strings.TrimSpace(c.Query(name)))
	if err != nil {
		return t, errField(name, "invalid_date")
	}
	return t, nil
}

// parseTime reads an RFC 3339 time or a YYYY-MM-DD date; "" is the zero time.
func parseTime(v string) (time.Time, error) { return models.ParseTime(v) }

// reasonRequest is the body of moderation actions.
type reasonRequest struct {
	Reason string `json:"reason"`
}

// readReason decodes an optional or required reason.
func readReason(c *fiber.Ctx, required bool) (string, error) {
	var req reasonRequest
	if len(c.Body()) > 0 {
		if err := decodeJSON(c, &req); err != nil {
			return "", err
		}
	}
	return checkReason(req.Reason, required)
}

// checkReason is shared by the API and the pages' forms: a reason is
// trimmed, at most 1,000 characters, and present when required.
func checkReason(raw string, required bool) (string, error) {
	reason := strings.TrimSpace(raw)
	if required && reason == "" {
		return "", errField("reason", "required")
	}
	if len([]rune(reason)) > 1000 {
		return "", errField("reason", "too_long", 1000)
	}
	return reason, nil
}
