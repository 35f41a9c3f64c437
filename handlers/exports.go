package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/csvx"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/timefmt"
)

// exportOrgMissions downloads the organisation's missions as CSV.
func (s *Server) exportOrgMissions(c *fiber.Ctx) error {
	org, lang := orgOf(c), s.lang(c)
	if _, err := csvSeparator(c); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, _, err := s.store.Missions(ctx, store.MissionFilter{OrgID: org.ID}, "created_at", 0, 0)
	if err != nil {
		return err
	}
	rows := [][]string{csvx.Header(lang, "title", "category", "status", "remote", "postcode", "city", "shifts", "capacity", "taken", "first_shift", "last_shift_end", "created_at", "published_at", "reference")}
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
				first = timefmt.Numeric(lang, sh.Start, m.Zone())
			}
		}
		zone := m.Zone()
		rows = append(rows, []string{m.Title, i18n.T(lang, "category."+string(m.Category)), i18n.T(lang, "mstatus."+string(m.Status)),
			csvx.YesNo(lang, m.Remote), m.Postcode, m.City, strconv.Itoa(len(shifts)), strconv.Itoa(capacity), strconv.Itoa(taken), first,
			csvx.Time(lang, &m.LastShiftEnd, zone), csvx.Time(lang, &m.CreatedAt, zone), csvx.Time(lang, m.PublishedAt, zone), m.ID})
	}
	return sendCSV(c, "missions-"+org.ID+".csv", rows)
}

// exportOrganizations downloads every organisation as CSV (admins).
func (s *Server) exportOrganizations(c *fiber.Ctx) error {
	lang := s.lang(c)
	if _, err := csvSeparator(c); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, _, err := s.store.OrganizationsByStatus(ctx, "", 0, 0)
	if err != nil {
		return err
	}
	rows := [][]string{csvx.Header(lang, "name", "kind", "siret", "rna", "address", "postcode", "city", "status", "contact_email", "contact_phone", "members", "created_at", "verified_at", "reference")}
	for _, o := range orgs {
		zone := timefmt.Zone(timefmt.ZoneOfPostcode(o.Postcode))
		rows = append(rows, []string{o.Name, i18n.T(lang, "org_kind."+string(o.Kind)), o.SIRET, o.RNA, o.Address, o.Postcode, o.City,
			i18n.T(lang, "ostatus."+string(o.Status)), o.ContactEmail, o.ContactPhone, strconv.Itoa(len(o.Members)),
			csvx.Time(lang, &o.CreatedAt, zone), csvx.Time(lang, o.VerifiedAt, zone), o.ID})
	}
	if err := s.audit(ctx, principal(c).UserID, "organizations.export", "organization", "", "", nil, map[string]any{"rows": len(orgs)}); err != nil {
		return err
	}
	return sendCSV(c, "organizations.csv", rows)
}
