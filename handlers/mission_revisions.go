package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// revisionResponse is a published mission's change waiting for (or
// refused by) a moderator, with each changed field's published and
// proposed values.
type revisionResponse struct {
	ID            string               `json:"id"`
	State         string               `json:"state"`
	ChangedFields []string             `json:"changed_fields"`
	Changes       []models.FieldChange `json:"changes"`
	Reason        string               `json:"reason,omitempty"`
	SubmittedAt   time.Time            `json:"submitted_at"`
	DecidedAt     *time.Time           `json:"decided_at,omitempty"`
}

// revisionView renders m's revision, if any, against the live version.
// A closed or cancelled mission's revision can no longer go live and is
// not shown.
func revisionView(m *models.Mission) *revisionResponse {
	rev := m.Revision
	if rev == nil || (m.Status != models.MissionPublished && m.Status != models.MissionSubmitted) {
		return nil
	}
	changes := models.ContentChanges(models.ContentOf(m), rev.Content)
	fields := make([]string, len(changes))
	for i, ch := range changes {
		fields[i] = ch.Field
	}
	return &revisionResponse{ID: rev.ID, State: string(rev.State), ChangedFields: fields, Changes: changes,
		Reason: rev.Reason, SubmittedAt: rev.SubmittedAt, DecidedAt: rev.DecidedAt}
}

// revisionQueue lists published missions with a change waiting for a
// moderator, oldest first, with the change and the moderation checks of
// the proposed version.
func (s *Server) revisionQueue(c *fiber.Ctx) error { return queuePage(c, s.revisionQueueItems) }

// revisionQueueItems is shared by the API and the moderation page.
func (s *Server) revisionQueueItems(c *fiber.Ctx, pg paging) ([]missionQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, total, err := s.moderation.PendingRevisions(ctx, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	words, err := s.moderation.Blocklist(ctx)
	if err != nil {
		return nil, 0, err
	}
	views, err := s.renderMissions(c, missions, true)
	if err != nil {
		return nil, 0, err
	}
	items := make([]missionQueueItem, 0, len(missions))
	for i := range missions {
		m, view := &missions[i], views[i]
		proposed := m.WithContent(m.Revision.Content)
		checks, err := s.moderation.Check(ctx, &proposed, words)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, missionQueueItem{missionResponse: view, Checks: checks,
			Changes: changeRows(s.lang(c), view.Revision.Changes, missionFieldLabels)})
	}
	return items, total, nil
}

// moderateRevision approves or rejects a published mission's revision.
func (s *Server) moderateRevision(action string, reasonRequired bool) fiber.Handler {
	return s.adminDecision(reasonRequired, func(ctx context.Context, c *fiber.Ctx, id, reason string) error {
		updated, err := s.moderation.DecideRevision(ctx, principal(c).UserID, id, action == "approve", reason)
		if err != nil {
			return err
		}
		view, err := s.renderMission(c, updated, true)
		if err != nil {
			return err
		}
		return c.JSON(view)
	})
}
