package handlers

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/store"
)

func formatTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// exportOrgMissions downloads the organisation's missions as CSV.
func (s *Server) exportOrgMissions(c *fiber.Ctx) error {
	org := orgOf(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, _, err := s.store.Missions(ctx, store.MissionFilter{OrgID: org.ID}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	rows := [][]string{{"id", "title", "category", "status", "remote", "postcode", "city", "shifts", "capacity", "taken", "first_shift", "last_shift_end", "created_at", "published_at"}}
	for _, m := range missions {
		shifts, err := s.store.ShiftsOfMissions(ctx, m.ID)
		if err != nil {
			return err
		}
		capacity, taken := 0, 0
		first := ""
		for i, sh := range shifts {
			capacity += sh.Capacity
			taken += sh.Taken
			if i == 0 {
				first = sh.Start.UTC().Format(time.RFC3339)
			}
		}
		rows = append(rows, []string{m.ID, m.Title, string(m.Category), string(m.Status), strconv.FormatBool(m.Remote),
			m.Postcode, m.City, strconv.Itoa(len(shifts)), strconv.Itoa(capacity), strconv.Itoa(taken), first,
			formatTime(&m.LastShiftEnd), formatTime(&m.CreatedAt), formatTime(m.PublishedAt)})
	}
	return sendCSV(c, "missions-"+org.ID+".csv", rows)
}

// exportOrganizations downloads every organisation as CSV (admins).
func (s *Server) exportOrganizations(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, _, err := s.store.OrganizationsByStatus(ctx, "", 0, 0)
	if err != nil {
		return err
	}
	rows := [][]string{{"id", "name", "kind", "siret", "rna", "address", "postcode", "city", "status", "contact_email", "contact_phone", "members", "created_at", "verified_at"}}
	for _, o := range orgs {
		rows = append(rows, []string{o.ID, o.Name, string(o.Kind), o.SIRET, o.RNA, o.Address, o.Postcode, o.City,
			string(o.Status), o.ContactEmail, o.ContactPhone, strconv.Itoa(len(o.Members)), formatTime(&o.CreatedAt), formatTime(o.VerifiedAt)})
	}
	if err := s.audit(ctx, principal(c).UserID, "organizations.export", "organization", "", "", nil, map[string]any{"rows": len(orgs)}); err != nil {
		return err
	}
	return sendCSV(c, "organizations.csv", rows)
}
