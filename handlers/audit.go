package handlers

import (
	"context"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// audit records an admin or moderation action. A failure to record fails
// the request: an unaudited admin action must not pass silently.
func (s *Server) audit(ctx context.Context, actorID, action, targetType, targetID, reason string, before, after map[string]any) error {
	return s.store.AppendAudit(ctx, &models.AuditEntry{
		ID: store.NewID(), ActorID: actorID, Action: action, TargetType: targetType, TargetID: targetID,
		Reason: reason, Before: before, After: after, At: s.now(),
	})
}
