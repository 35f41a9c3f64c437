package seeds

import (
	"context"
	"fmt"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// seedOrg is one demo organisation with its missions.
type seedOrg struct {
	name, kind, rna, address, postcode, description string
	status                                          models.OrgStatus
	missions                                        []seedMission
}

// seedMission is one demo mission; shifts start `day` days after loading.
type seedMission struct {
	title, description, category string
	skills, languages            []string
	remote, urgent, vetting      bool
	status                       models.MissionStatus
	days                         []int
	capacity                     int
}

func seedID(prefix string, n int) string { return fmt.Sprintf("%s%016x", prefix, n) }

// LoadOrganizations inserts the demo organisations, their owners, missions
// and shifts that are missing. Ids are fixed, so a second load changes
// nothing.
func LoadOrganizations(ctx context.Context, st *store.Store, hash string, now time.Time) error {
	day := now.Truncate(24 * time.Hour)
	for i, o := range demoOrgs {
		orgID := seedID("64c00000", i+1)
		ownerID := demoUsers[2].id // the demo organisation account owns the first two
		if i >= 2 {
			ownerID = seedID("64b10000", i+1)
			owner := &models.User{ID: ownerID, Email: fmt.Sprintf("orga%02d@demo.entraide.fr", i+1), Name: "Responsable " + o.name,
				Role: models.RoleOrganization, PasswordHash: hash, Language: "fr", Status: models.UserActive,
				EmailConfirmed: true, CreatedAt: now, UpdatedAt: now}
			if _, err := st.InsertUserIfAbsent(ctx, owner, ownerID); err != nil {
				return fmt.Errorf("seed owner %s: %w", owner.Email, err)
			}
		}
		place, ok := geo.Default().Lookup(o.postcode)
		if !ok {
			return fmt.Errorf("seed organisation %s: unknown postcode %s", o.name, o.postcode)
		}
		created := now.Add(-time.Duration(30-i) * 24 * time.Hour)
		org := &models.Organization{
			ID: orgID, Name: o.name, Kind: models.OrgKind(o.kind), RNA: o.rna, SIRET: seedSIRET(o.rna, i), Address: o.address,
			Postcode: o.postcode, City: place.City, Lat: place.Lat, Lon: place.Lon, Description: o.description,
			ContactEmail: fmt.Sprintf("contact%02d@demo.entraide.fr", i+1), ContactPhone: "04 91 00 00 " + fmt.Sprintf("%02d", i+1),
			Status: o.status, Members: []models.Member{{UserID: ownerID, Role: models.MemberOwner, JoinedAt: created}},
			MemberIDs: []string{ownerID}, CreatedBy: ownerID, CreatedAt: created, UpdatedAt: created,
		}
		if o.status == models.OrgVerified {
			org.VerifiedAt = &created
		}
		if err := st.InsertIfAbsent(ctx, "organizations", orgID, org); err != nil {
			return fmt.Errorf("seed organisation %s: %w", o.name, err)
		}
		for j, sm := range o.missions {
			if err := loadMission(ctx, st, org, ownerID, (i+1)*100+j+1, sm, day, now); err != nil {
				return err
			}
		}
	}
	return nil
}

func loadMission(ctx context.Context, st *store.Store, org *models.Organization, ownerID string, n int, sm seedMission, day, now time.Time) error {
	id := seedID("64d00000", n)
	m := &models.Mission{
		ID: id, OrgID: org.ID, Title: sm.title, Description: sm.description, Category: models.Category(sm.category),
		Skills: sm.skills, Tags: []string{}, Languages: sm.languages, Remote: sm.remote, MinAge: models.MinAgeFor(models.Category(sm.category)),
		RequiresVetting: sm.vetting, Urgent: sm.urgent, AutoAccept: !sm.vetting && sm.urgent,
		Status: sm.status, CreatedBy: ownerID, CreatedAt: now.Add(-72 * time.Hour), UpdatedAt: now.Add(-48 * time.Hour),
	}
	if m.Languages == nil {
		m.Languages = []string{"fr"}
	}
	if !sm.remote {
		m.Address, m.Postcode, m.City, m.Lat, m.Lon = org.Address, org.Postcode, org.City, org.Lat, org.Lon
	}
	submitted, moderated := now.Add(-47*time.Hour), now.Add(-30*time.Hour)
	switch sm.status {
	case models.MissionSubmitted:
		m.SubmittedAt = &submitted
	case models.MissionPublished, models.MissionClosed, models.MissionCancelled:
		m.SubmittedAt, m.ModeratedAt, m.PublishedAt = &submitted, &moderated, &moderated
	case models.MissionRejected:
		m.SubmittedAt, m.ModeratedAt = &submitted, &moderated
		m.StatusReason = "Précisez l'adresse et les horaires."
	}
	capacity := sm.capacity
	if capacity == 0 {
		capacity = 6
	}
	shifts := make([]models.Shift, 0, len(sm.days))
	for k, d := range sm.days {
		start := day.Add(time.Duration(d)*24*time.Hour + 9*time.Hour + time.Duration(k%2)*5*time.Hour)
		shifts = append(shifts, models.Shift{ID: seedID("64e00000", n*1000+k+1), MissionID: id, OrgID: org.ID,
			Start: start, End: start.Add(3 * time.Hour), Capacity: capacity, CreatedAt: now})
		if end := start.Add(3 * time.Hour); end.After(m.LastShiftEnd) {
			m.LastShiftEnd = end
		}
	}
	if sm.status == models.MissionClosed {
		closed := now.Add(-time.Hour)
		m.ClosedAt = &closed
	}
	if err := st.InsertIfAbsent(ctx, "missions", id, m); err != nil {
		return fmt.Errorf("seed mission %s: %w", sm.title, err)
	}
	for k := range shifts {
		if err := st.InsertIfAbsent(ctx, "shifts", shifts[k].ID, &shifts[k]); err != nil {
			return fmt.Errorf("seed shift: %w", err)
		}
	}
	return nil
}

// seedSIRET gives organisations without an RNA number a SIRET with a valid
// Luhn key.
func seedSIRET(rna string, n int) string {
	if rna != "" {
		return ""
	}
	base := fmt.Sprintf("2130%09d", 10001+n)
	for d := 0; d <= 9; d++ {
		if candidate := base + fmt.Sprint(d); models.ValidSIRET(candidate) {
			return candidate
		}
	}
	return ""
}
