package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type auditResponse struct {
	ID         string         `json:"id"`
	ActorID    string         `json:"actor_id"`
	Action     string         `json:"action"`
	TargetType string         `json:"target_type"`
	TargetID   string         `json:"target_id"`
	Reason     string         `json:"reason,omitempty"`
	Before     map[string]any `json:"before,omitempty"`
	After      map[string]any `json:"after,omitempty"`
	At         time.Time      `json:"at"`
}

// adminAudit lists audit entries, newest first, filtered by actor, target,
// action and time.
func (s *Server) adminAudit(c *fiber.Ctx) error {
	list, err := s.auditEntries(c)
	if err != nil {
		return err
	}
	return c.JSON(list)
}

// auditEntries reads the filters of the query (actor, target, action,
// from, to, page, per_page) and lists the entries; it is shared by the
// API and the audit page, whose GET form sends the same parameters.
func (s *Server) auditEntries(c *fiber.Ctx) (listResponse[auditResponse], error) {
	pg, err := parsePaging(c, 50, 200)
	if err != nil {
		return listResponse[auditResponse]{}, err
	}
	f := models.AuditFilter{ActorID: c.Query("actor"), TargetID: c.Query("target"), Action: c.Query("action")}
	if f.ActorID != "" && !store.ValidID(f.ActorID) {
		return listResponse[auditResponse]{}, errField("actor", "invalid_id")
	}
	if f.TargetID != "" && !store.ValidID(f.TargetID) {
		return listResponse[auditResponse]{}, errField("target", "invalid_id")
	}
	if len(f.Action) > 64 {
		return listResponse[auditResponse]{}, errField("action", "too_long", 64)
	}
	if f.From, err = parseTimeParam(c, "from"); err != nil {
		return listResponse[auditResponse]{}, err
	}
	if f.To, err = parseTimeParam(c, "to"); err != nil {
		return listResponse[auditResponse]{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	entries, total, err := s.store.Audit(ctx, f, pg.skip(), pg.limit())
	if err != nil {
		return listResponse[auditResponse]{}, err
	}
	items := make([]auditResponse, len(entries))
	for i, e := range entries {
		items[i] = auditResponse{ID: e.ID, ActorID: e.ActorID, Action: e.Action, TargetType: e.TargetType,
			TargetID: e.TargetID, Reason: e.Reason, Before: e.Before, After: e.After, At: e.At}
	}
	return newList(items, total, pg), nil
}
