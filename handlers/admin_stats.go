package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

type weekCount struct {
	Week  string `json:"week"` // ISO week start date, YYYY-MM-DD (Monday)
	Count int    `json:"count"`
}

// statsResponse holds the platform's figures. Each map counts one
// collection by one field, so its values add up to the collection's
// total; the figures the home page shows too (open missions, volunteers,
// verified organisations) are counted as it counts them (platform_counts.go).
type statsResponse struct {
	Organizations          map[string]int64 `json:"organizations"`
	Missions               map[string]int64 `json:"missions"`
	MissionsByCategory     map[string]int64 `json:"missions_by_category"`
	OpenMissions           int              `json:"open_missions"`
	OpenMissionsByCategory map[string]int   `json:"open_missions_by_category"`
	Applications           map[string]int64 `json:"applications"`
	// Volunteers are the accounts that can volunteer (volunteerAccounts);
	// Users counts the accounts in use by the role they signed up with.
	Volunteers            int64            `json:"volunteers"`
	PublishedPerWeek      []weekCount      `json:"published_per_week"`
	OrganizationsAwaiting int64            `json:"organizations_awaiting_verification"`
	MedianModerationHours *float64         `json:"median_moderation_hours"`
	Users                 map[string]int64 `json:"users"`
	ModeratedLast90Days   int              `json:"moderated_last_90_days"`
	GeneratedAt           time.Time        `json:"generated_at"`
}

// adminStats computes the platform statistics.
func (s *Server) adminStats(c *fiber.Ctx) error {
	stats, err := s.platformStats(c)
	if err != nil {
		return err
	}
	return c.JSON(stats)
}

func (s *Server) platformStats(c *fiber.Ctx) (*statsResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	now := s.now()
	orgs, err := s.store.CountOrganizations(ctx)
	if err != nil {
		return nil, err
	}
	byStatus, byCategory, err := s.store.CountMissions(ctx)
	if err != nil {
		return nil, err
	}
	volunteers, users, err := s.countVolunteers(ctx)
	if err != nil {
		return nil, err
	}
	for _, role := range []models.Role{models.RoleVolunteer, models.RoleOrganization, models.RoleAdmin} {
		if _, ok := users[string(role)]; !ok {
			users[string(role)] = 0 // every role is listed, even with nobody
		}
	}
	applications, err := s.store.CountApplicationsByStatus(ctx)
	if err != nil {
		return nil, err
	}
	open, err := s.openMissions()
	if err != nil {
		return nil, err
	}
	moderated, err := s.store.ModeratedMissions(ctx, now.AddDate(0, 0, -90))
	if err != nil {
		return nil, err
	}
	var hours []float64
	weeks := map[string]int{}
	for _, m := range moderated {
		if h, ok := moderationHours(&m); ok {
			hours = append(hours, h)
		}
		if m.PublishedAt != nil {
			weeks[weekStart(*m.PublishedAt)]++
		}
	}
	perWeek := make([]weekCount, 0, 13)
	for i := 12; i >= 0; i-- {
		w := weekStart(now.AddDate(0, 0, -7*i))
		perWeek = append(perWeek, weekCount{Week: w, Count: weeks[w]})
	}
	return &statsResponse{
		Organizations: orgs, Missions: byStatus, MissionsByCategory: byCategory, PublishedPerWeek: perWeek,
		OrganizationsAwaiting: orgs[string(models.OrgPending)], MedianModerationHours: models.Median(hours),
		OpenMissions: open.Total, OpenMissionsByCategory: open.Facets["category"], Applications: applications,
		Volunteers: volunteers, Users: users, ModeratedLast90Days: len(hours), GeneratedAt: now,
	}, nil
}

// moderationHours is how long a mission waited for its moderation; the
// statistics page's chart buckets the same figure.
func moderationHours(m *models.Mission) (float64, bool) {
	if m.SubmittedAt == nil || m.ModeratedAt == nil || m.ModeratedAt.Before(*m.SubmittedAt) {
		return 0, false
	}
	return m.ModeratedAt.Sub(*m.SubmittedAt).Hours(), true
}

func weekStart(t time.Time) string {
	t = t.UTC()
	offset := (int(t.Weekday()) + 6) % 7
	return t.AddDate(0, 0, -offset).Format("2006-01-02")
}
