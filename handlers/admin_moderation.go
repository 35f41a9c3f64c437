package handlers

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
)

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
	views, err := s.renderMissions(c, missions, true)
	if err != nil {
		return nil, 0, err
	}
	items := make([]missionQueueItem, 0, len(missions))
	for i := range missions {
		checks, err := s.moderation.Check(ctx, &missions[i], words)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, missionQueueItem{missionResponse: views[i], Checks: checks})
	}
	return items, total, nil
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
