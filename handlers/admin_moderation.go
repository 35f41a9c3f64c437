package handlers

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type duplicateRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
}

type moderationChecks struct {
	BlocklistHits    []string       `json:"blocklist_hits"`
	Links            []string       `json:"links"`
	LikelyDuplicates []duplicateRef `json:"likely_duplicates"`
}

type missionQueueItem struct {
	missionResponse
	Checks moderationChecks `json:"checks"`
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
	// A suspended organisation's missions wait for its restoration, not
	// for a moderator.
	missions, total, err := s.store.Missions(ctx, store.MissionFilter{Statuses: []models.MissionStatus{models.MissionSubmitted}, NotSuspended: true}, "submitted_at", pg.skip(), pg.limit())
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
		checks, err := s.moderationChecks(ctx, m, words)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, missionQueueItem{missionResponse: view, Checks: checks})
	}
	return items, total, nil
}

func (s *Server) moderationChecks(ctx context.Context, m *models.Mission, words []string) (moderationChecks, error) {
	checks := moderationChecks{
		BlocklistHits:    models.BlocklistHits(words, append([]string{m.Title, m.Description, m.AccessibilityNotes}, m.Tags...)...),
		Links:            models.LinkHits(m.Title, m.Description, m.AccessibilityNotes, m.Address),
		LikelyDuplicates: []duplicateRef{},
	}
	if checks.BlocklistHits == nil {
		checks.BlocklistHits = []string{}
	}
	siblings, _, err := s.store.Missions(ctx, store.MissionFilter{OrgID: m.OrgID}, "created_at", 0, 500)
	if err != nil {
		return checks, err
	}
	for _, other := range siblings {
		if other.ID != m.ID && other.Status != models.MissionCancelled && models.SimilarTitles(m.Title, other.Title) {
			checks.LikelyDuplicates = append(checks.LikelyDuplicates, duplicateRef{ID: other.ID, Title: other.Title, Status: string(other.Status)})
		}
	}
	return checks, nil
}

// moderateMission publishes or rejects a submitted mission.
func (s *Server) moderateMission(to models.MissionStatus, action string, reasonRequired bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, reasonRequired)
		if err != nil {
			return err
		}
		updated, err := s.decideMission(c, id, to, action, reason)
		if err != nil {
			return err
		}
		return c.JSON(stateResponse{ID: updated.ID, Status: string(updated.Status), Reason: reason})
	}
}

// decideMission is shared by the API and the moderation page: it
// publishes (only for a verified organisation) or rejects a submitted
// mission, audits it, and alerts volunteers of an urgent one.
func (s *Server) decideMission(c *fiber.Ctx, id string, to models.MissionStatus, action, reason string) (*models.Mission, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if m.Status != models.MissionSubmitted {
		return nil, errState(string(m.Status))
	}
	if to == models.MissionPublished {
		org, err := s.store.OrganizationByID(ctx, m.OrgID)
		if err != nil {
			return nil, err
		}
		if org.Status != models.OrgVerified {
			return nil, errOrgNotVerified(org, m)
		}
	}
	updated, err := s.store.TransitionMission(ctx, id, []models.MissionStatus{models.MissionSubmitted}, to, reason, s.now())
	if errors.Is(err, store.ErrConflict) {
		return nil, errState(string(updated.Status))
	}
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, principal(c).UserID, "mission."+action, "mission", id, reason,
		map[string]any{"status": string(m.Status)}, map[string]any{"status": string(updated.Status)}); err != nil {
		return nil, err
	}
	s.missionChanged(ctx, id)
	s.apps.TellMissionDecision(ctx, updated, action, reason)
	if to == models.MissionPublished && updated.Urgent {
		if err := s.events.UrgentPublished(ctx, updated); err != nil {
			s.log.Error("urgent alerts not queued", "mission_id", id, "error", err)
		}
	}
	return updated, nil
}

// blocklist returns the live blocklist, or the shipped default.
func (s *Server) blocklist(ctx context.Context) ([]string, error) {
	words, ok, err := s.store.Blocklist(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return models.DefaultBlocklist(), nil
	}
	return words, nil
}

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
