package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
)

type candidateItem struct {
	VolunteerID string          `json:"volunteer_id"`
	DisplayName string          `json:"display_name"`
	Score       float64         `json:"score"`
	Reasons     []search.Reason `json:"reasons"`
	DistanceKm  *float64        `json:"distance_km,omitempty"`
	Invited     bool            `json:"invited"`
}

// candidates ranks the volunteers who opted in to being found for one of
// the organisation's published missions. Personal data is masked: first
// name and initial, distance, no contact details.
func (s *Server) candidates(c *fiber.Ctx) error {
	m := missionOf(c)
	limit, err := limitParam(c, 20, 100)
	if err != nil {
		return err
	}
	items, err := s.candidatesFor(c, m, limit)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"items": items, "total": len(items), "page": 1, "per_page": limit})
}

func (s *Server) candidatesFor(c *fiber.Ctx, m *models.Mission, limit int) ([]candidateItem, error) {
	if m.Status != models.MissionPublished {
		return nil, errState(string(m.Status))
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	applied, err := s.store.VolunteerIDsApplied(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	invited, err := s.store.InvitedVolunteers(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	found, err := s.catalog.Index().Candidates(m.ID, match.MatchOptions{Now: s.now(), Limit: limit, Exclude: applied})
	if errors.Is(err, match.ErrNotFound) {
		return []candidateItem{}, nil // published but without open places
	}
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(found))
	for i, f := range found {
		ids[i] = f.VolunteerID
	}
	names := map[string]string{}
	if len(ids) > 0 {
		if names, err = s.store.UserNames(ctx, ids); err != nil {
			return nil, err
		}
	}
	lang := s.lang(c)
	items := make([]candidateItem, 0, len(found))
	for _, f := range found {
		name, ok := names[f.VolunteerID]
		if !ok {
			continue // deleted or suspended since the index saw them
		}
		it := candidateItem{VolunteerID: f.VolunteerID, DisplayName: models.FirstNameInitial(name),
			Score: search.RoundScore(f.Score), Reasons: search.CandidateReasons(lang, f.Reasons), Invited: invited[f.VolunteerID]}
		if f.HasDistance {
			d := float64(int(f.DistanceKm*10+0.5)) / 10
			it.DistanceKm = &d
		}
		items = append(items, it)
	}
	return items, nil
}

// inviteCandidate invites a volunteer who opted in to being found: once
// per mission, at most 5 invitations a calendar month per volunteer across
// all organisations, and at most 2 of them from any one organisation.
func (s *Server) inviteCandidate(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	volunteerID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	inv, err := s.orgs.InviteVolunteer(ctx, org, m, principal(c).UserID, volunteerID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": inv.ID, "mission_id": m.ID, "volunteer_id": volunteerID, "created_at": inv.CreatedAt})
}
