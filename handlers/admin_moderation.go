package handlers

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/store"
)

type orgQueueItem struct {
	orgResponse
	WaitingHours float64 `json:"waiting_hours"`
	// Changes are an identity change's fields as the page shows them.
	Changes []changeRow `json:"-"`
}

// orgQueue lists organisations awaiting verification, oldest first.
func (s *Server) orgQueue(c *fiber.Ctx) error { return queuePage(c, s.orgQueueItems) }

// orgQueueItems is shared by the API and the moderation page.
func (s *Server) orgQueueItems(c *fiber.Ctx, pg paging) ([]orgQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.store.OrganizationsByStatus(ctx, models.OrgPending, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	items := make([]orgQueueItem, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], true)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, orgQueueItem{orgResponse: view, WaitingHours: s.now().Sub(orgs[i].CreatedAt).Hours()})
	}
	return items, total, nil
}

type missionQueueItem struct {
	missionResponse
	Checks moderation.Checks `json:"checks"`
	// Changes are a revision's fields as the moderation page shows them.
	Changes []changeRow `json:"-"`
}

// missionQueue lists submitted missions, oldest submission first, with the
// moderation checks: blocklist hits and likely duplicates.
func (s *Server) missionQueue(c *fiber.Ctx) error { return queuePage(c, s.missionQueueItems) }

// missionQueueItems is shared by the API and the moderation page.
func (s *Server) missionQueueItems(c *fiber.Ctx, pg paging) ([]missionQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, total, err := s.moderation.SubmittedMissions(ctx, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	words, err := s.moderation.Blocklist(ctx)
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
		checks, err := s.moderation.Check(ctx, m, words)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, missionQueueItem{missionResponse: view, Checks: checks})
	}
	return items, total, nil
}

// moderateOrganization applies an admin decision on an organisation.
func (s *Server) moderateOrganization(action string) fiber.Handler {
	decision := models.OrgDecisions[action]
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, decision.ReasonRequired)
		if err != nil {
			return err
		}
		org, err := s.decideOrganization(c, id, action, reason)
		if err != nil {
			return err
		}
		return c.JSON(stateResponse{ID: org.ID, Status: string(org.Status), Reason: reason})
	}
}

// decideOrganization is shared by the API and the moderation page: it
// applies the decision, audits it, and takes a suspended organisation's
// missions down (or back up on restore).
func (s *Server) decideOrganization(c *fiber.Ctx, id, action, reason string) (*models.Organization, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	before, err := s.store.OrganizationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	// The decision applies to one state (verify and restore both lead to
	// verified, from pending and from suspended); the write is conditional
	// on it, so two admins deciding at once make one change.
	d := models.OrgDecisions[action]
	if before.Status != d.From || !models.CanOrgTransition(d.From, d.To) {
		return nil, errState(string(before.Status))
	}
	org, err := s.store.TransitionOrganization(ctx, id, []models.OrgStatus{d.From}, d.To, reason, s.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(org.Status))
	}
	if err != nil {
		return nil, err
	}
	admin := principal(c).UserID
	if err := s.audit(ctx, admin, "organization."+action, "organization", id, reason,
		map[string]any{"status": string(before.Status)}, map[string]any{"status": string(org.Status)}); err != nil {
		return nil, err
	}
	s.apps.TellOrgDecision(ctx, org, action, reason)
	switch action {
	case "suspend":
		if err := s.store.MarkOrgSuspended(ctx, org.ID, true); err != nil {
			return nil, err
		}
		if err := s.unpublishOrgMissions(ctx, admin, org, reason); err != nil {
			return nil, err
		}
	case "restore":
		if err := s.store.MarkOrgSuspended(ctx, org.ID, false); err != nil {
			return nil, err
		}
		if err := s.republishOrgMissions(ctx, admin, org); err != nil {
			return nil, err
		}
	}
	return org, nil
}

// unpublishOrgMissions takes a suspended organisation's missions down and
// cancels the volunteers' places to come, telling them the reason.
func (s *Server) unpublishOrgMissions(ctx context.Context, adminID string, org *models.Organization, reason string) error {
	missions, _, err := s.store.Missions(ctx, store.MissionFilter{OrgID: org.ID, Statuses: []models.MissionStatus{models.MissionPublished}}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	for _, m := range missions {
		_, err := s.store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionPublished}, models.MissionSubmitted, "organization suspended", s.now())
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if err := s.store.MarkUnpublishedBySuspension(ctx, m.ID); err != nil {
			return err
		}
		if err := s.apps.CancelForSuspension(ctx, &m, reason); err != nil {
			return err
		}
		if err := s.audit(ctx, adminID, "mission.unpublish", "mission", m.ID, "organization suspended",
			map[string]any{"status": "published"}, map[string]any{"status": "submitted"}); err != nil {
			return err
		}
		s.missionChanged(ctx, m.ID)
	}
	return nil
}

// republishOrgMissions publishes again what the suspension took down.
func (s *Server) republishOrgMissions(ctx context.Context, adminID string, org *models.Organization) error {
	missions, err := s.store.MissionsUnpublishedBySuspension(ctx, org.ID)
	if err != nil {
		return err
	}
	for _, m := range missions {
		_, err := s.store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionSubmitted}, models.MissionPublished, "organization restored", s.now())
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return err
		}
		if err := s.audit(ctx, adminID, "mission.republish", "mission", m.ID, "organization restored",
			map[string]any{"status": "submitted"}, map[string]any{"status": "published"}); err != nil {
			return err
		}
		s.missionChanged(ctx, m.ID)
	}
	return nil
}

// moderateMission publishes or rejects a submitted mission.
func (s *Server) moderateMission(to models.MissionStatus, action string, reasonRequired bool) fiber.Handler {
	return s.adminDecision(reasonRequired, func(ctx context.Context, c *fiber.Ctx, id, reason string) error {
		updated, err := s.moderation.DecideMission(ctx, principal(c).UserID, id, to, action, reason)
		if err != nil {
			return err
		}
		return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status), Reason: reason})
	})
}

// adminDecision is the API's shape of an admin decision on a queue's item:
// the item's id from the path and a reason from the body (required to
// refuse), then decide, which answers.
func (s *Server) adminDecision(reasonRequired bool, decide func(ctx context.Context, c *fiber.Ctx, id, reason string) error) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, reasonRequired)
		if err != nil {
			return err
		}
		ctx, cancel := s.ctx(c)
		defer cancel()
		return decide(ctx, c, id, reason)
	}
}

// blocklist returns the live blocklist, or the shipped default.
func (s *Server) blocklist(ctx context.Context) ([]string, error) { return s.moderation.Blocklist(ctx) }

// queuePage answers one page of an admin queue as a JSON list; items is the
// queue's reader, shared with the moderation pages.
func queuePage[T any](c *fiber.Ctx, items func(*fiber.Ctx, paging) ([]T, int64, error)) error {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	list, total, err := items(c, pg)
	if err != nil {
		return err
	}
	return c.JSON(newList(list, total, pg))
}
