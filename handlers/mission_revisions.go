package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
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

// reviseMission edits a published mission. What the public sees does not
// change until a moderator approves: the edit becomes (or amends) the
// mission's pending revision. An edit that brings everything back to the
// published version withdraws the revision.
func (s *Server) reviseMission(c *fiber.Ctx, org *models.Organization, m *models.Mission, in models.MissionInput) (*models.Mission, error) {
	base := *m
	if m.Revision != nil && m.RevisionState == models.RevisionPending {
		base = m.WithContent(m.Revision.Content)
	}
	next, err := in.Apply(&base)
	if err != nil {
		return nil, err
	}
	if next.Postcode != base.Postcode || next.Remote != base.Remote || next.TimeZone == "" {
		if err := s.locate(&next, org); err != nil {
			return nil, err
		}
	}
	proposed := models.ContentOf(&next)
	changes := models.ContentChanges(models.ContentOf(m), proposed)
	ctx, cancel := s.ctx(c)
	defer cancel()
	var updated *models.Mission
	switch {
	case len(changes) == 0 && m.RevisionState != models.RevisionPending:
		return m, nil // a refused change stays shown until the next one
	case len(changes) == 0:
		updated, err = s.store.ClearMissionRevision(ctx, m)
	default:
		fields := make([]string, len(changes))
		for i, ch := range changes {
			fields[i] = ch.Field
		}
		rev := &models.MissionRevision{ID: store.NewID(), Content: proposed, Changed: fields, State: models.RevisionPending,
			SubmittedBy: principal(c).UserID, SubmittedAt: s.now()}
		updated, err = s.store.SetMissionRevision(ctx, m, rev)
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.edited_concurrently"}
	}
	return updated, err
}

// revisionQueue lists published missions with a change waiting for a
// moderator, oldest first, with the change and the moderation checks of
// the proposed version.
func (s *Server) revisionQueue(c *fiber.Ctx) error { return queuePage(c, s.revisionQueueItems) }

// revisionQueueItems is shared by the API and the moderation page.
func (s *Server) revisionQueueItems(c *fiber.Ctx, pg paging) ([]missionQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, total, err := s.store.MissionsWithPendingRevision(ctx, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	words, err := s.blocklist(ctx)
	if err != nil {
		return nil, 0, err
	}
	items := make([]missionQueueItem, 0, len(missions))
	for i := range missions {
		m := &missions[i]
		view, err := s.renderMission(c, m, true)
		if err != nil {
			return nil, 0, err
		}
		proposed := m.WithContent(m.Revision.Content)
		checks, err := s.moderationChecks(ctx, &proposed, words)
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
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, reasonRequired)
		if err != nil {
			return err
		}
		updated, err := s.decideRevision(c, id, action, reason)
		if err != nil {
			return err
		}
		view, err := s.renderMission(c, updated, true)
		if err != nil {
			return err
		}
		return c.JSON(view)
	}
}

// decideRevision is shared by the API and the moderation page: approving
// applies the revision to the published mission (and its index entry);
// rejecting keeps the published version and tells the organisation why.
// Both are audited with the changed fields.
func (s *Server) decideRevision(c *fiber.Ctx, id, action, reason string) (*models.Mission, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	noRevision := &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.no_pending_revision"}
	if m.Revision == nil || m.RevisionState != models.RevisionPending || m.Status != models.MissionPublished {
		return nil, noRevision
	}
	before, after := map[string]any{}, map[string]any{}
	for _, ch := range models.ContentChanges(models.ContentOf(m), m.Revision.Content) {
		before[ch.Field], after[ch.Field] = ch.Old, ch.New
	}
	var updated *models.Mission
	if action == "approve" {
		updated, err = s.store.ApplyMissionRevision(ctx, id, m.RevisionID, m.Revision.Content, s.now())
	} else {
		updated, err = s.store.RejectMissionRevision(ctx, id, *m.Revision, reason, s.now())
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, noRevision
	}
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, principal(c).UserID, "mission.revision_"+action, "mission", id, reason, before, after); err != nil {
		return nil, err
	}
	if action == "approve" {
		s.missionChanged(ctx, id)
		s.apps.TellMissionDecision(ctx, updated, "approve_change", "")
		if updated.Urgent && !m.Urgent {
			if err := s.events.UrgentPublished(ctx, updated); err != nil {
				s.log.Error("urgent alerts not queued", "mission_id", id, "error", err)
			}
		}
	}
	return updated, nil
}
