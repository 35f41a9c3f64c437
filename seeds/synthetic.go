package seeds

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"time"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// SyntheticOptions size the synthetic data set.
type SyntheticOptions struct {
	Missions   int
	Volunteers int
	Seed       uint64    // the same seed gives the same data
	Progress   io.Writer // a progress bar with the time left (stderr); nil for none
}

// SyntheticCounts says what Synthetic wrote.
type SyntheticCounts struct {
	Organizations, OrgAccounts, Missions, Shifts, Volunteers int
	Applications, Messages, Notifications, Reports, Audit    int
	ByStatus                                                 map[models.ApplicationStatus]int
}

// Accounts of the synthetic data set; every one has the password
// DemoPassword. Volunteer n (from 1) is SyntheticVolunteerEmail(n) and the
// owner of organisation n is SyntheticOrgEmail(n).
const SyntheticAdminEmail = "admin@synthetic.entraide.invalid"

// SyntheticVolunteerEmail is the e-mail of synthetic volunteer n (from 1).
func SyntheticVolunteerEmail(n int) string { return fmt.Sprintf("v%07d@synthetic.entraide.invalid", n) }

// SyntheticOrgEmail is the e-mail of the owner of synthetic organisation n (from 1).
func SyntheticOrgEmail(n int) string { return fmt.Sprintf("org%06d@synthetic.entraide.invalid", n) }

// SyntheticVolunteerID is the id of synthetic volunteer n (from 1).
func SyntheticVolunteerID(n int) string { return seedID("65d00000", n) }

// SyntheticMissionID is the id of synthetic mission n (from 1).
func SyntheticMissionID(n int) string { return seedID("65b00000", n) }

// postcodePicker draws real postcodes weighted by population.
type postcodePicker struct {
	places []geo.Place
	cum    []int64
}

func newPostcodePicker() *postcodePicker {
	p := &postcodePicker{}
	var total int64
	for _, pl := range geo.Default().Places() {
		if pl.Population <= 0 {
			continue
		}
		total += int64(pl.Population)
		p.places = append(p.places, pl)
		p.cum = append(p.cum, total)
	}
	return p
}

func (p *postcodePicker) pick(r *rand.Rand) geo.Place {
	x := r.Int64N(p.cum[len(p.cum)-1])
	i := sort.Search(len(p.cum), func(i int) bool { return p.cum[i] > x })
	return p.places[i]
}

func pickSome[T any](r *rand.Rand, from []T, n int) []T {
	out := make([]T, 0, n)
	for _, i := range r.Perm(len(from))[:min(n, len(from))] {
		out = append(out, from[i])
	}
	return out
}

var syntheticLanguages = []string{"fr", "fr", "fr", "fr", "en", "ar", "es", "pt", "it", "de", "ro", "tr", "wo", "zh", "ru", "uk"}

// synth is one run of the generator: its random source and what it wrote
// so far.
type synth struct {
	st       *store.Store
	r        *rand.Rand
	now, day time.Time
	hash     string
	picker   *postcodePicker
	bar      *progressBar
	keys     *store.KeyBuilder // what the key documents are built from
	counts   SyntheticCounts
	adminID  string
	orgs     []models.Organization
	missions []models.Mission
	shifts   [][]models.Shift // per mission; taken counts grow as applications are drawn
	open     []int            // missions volunteers may apply to (published or closed)
	ranks    map[string]int   // waiting list length per shift
	applied  map[string]bool  // shifts the current volunteer applied to
}

// Synthetic writes a reproducible data set that looks like a year of use:
// verified organisations with their owners, missions (past and closed,
// published, awaiting moderation) with shifts, volunteers with profiles at
// real postcodes weighted by population, about two applications per
// volunteer in every state (shift places taken agree with them), messages,
// notifications, reports and audit entries. It records in meta that the
// database holds a synthetic set, so the demo data is never loaded on top.
func Synthetic(ctx context.Context, st *store.Store, passwordHash string, now time.Time, opts SyntheticOptions) (SyntheticCounts, error) {
	g := &synth{st: st, r: rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15)), now: now,
		day: now.Truncate(24 * time.Hour), hash: passwordHash, picker: newPostcodePicker(), keys: st.NewKeyBuilder(),
		ranks: map[string]int{}, applied: map[string]bool{}, counts: SyntheticCounts{ByStatus: map[models.ApplicationStatus]int{}}}
	orgCount := max(opts.Missions/25, 1)
	g.bar = newProgressBar(opts.Progress, orgCount+opts.Missions+opts.Volunteers)
	if opts.Progress == nil {
		g.bar = nil
	}
	// Marked first: a start-up racing the load never puts the demo data in.
	if _, err := st.MarkOnce(ctx, "demo-seeds", now); err != nil {
		return g.counts, err
	}
	if err := st.SetDataset(ctx, store.Dataset{Kind: store.DatasetSynthetic, Missions: opts.Missions,
		Volunteers: opts.Volunteers, Seed: opts.Seed, At: now}); err != nil {
		return g.counts, err
	}
	steps := []func(context.Context) error{
		func(ctx context.Context) error { return g.writeOrganizations(ctx, orgCount) },
		func(ctx context.Context) error { return g.writeMissions(ctx, opts.Missions) },
		func(ctx context.Context) error { return g.writeVolunteers(ctx, opts.Volunteers) },
		g.writeShifts,
		g.writeModeration,
		// The key documents request paths read (e-mail keys, lists), built
		// from the records gathered as they were written.
		func(ctx context.Context) error {
			g.bar.note("writing the lookup documents (accounts by e-mail, applications by volunteer and by shift, lists)...")
			return g.keys.Write(ctx, now)
		},
		// The home page's figures, kept so that the first page after the
		// load shows them without waiting on a count.
		func(ctx context.Context) error {
			g.bar.note("counting the home page's figures...")
			_, err := st.CountPlatformNumbers(ctx, time.Now)
			return err
		},
	}
	for i, step := range steps {
		if err := step(ctx); err != nil {
			return g.counts, fmt.Errorf("step %d: %w", i+1, err)
		}
	}
	g.bar.finish()
	return g.counts, nil
}

func (g *synth) writeOrganizations(ctx context.Context, n int) error {
	g.adminID = seedID("65e00000", 1)
	users := []any{&models.User{ID: g.adminID, Email: SyntheticAdminEmail, PasswordHash: g.hash, Name: "Admin synthétique",
		Language: "fr", Role: models.RoleAdmin, Status: models.UserActive, EmailConfirmed: true,
		CreatedAt: g.now.AddDate(-1, 0, 0), UpdatedAt: g.now}}
	orgs := make([]any, 0, n)
	for i := range n {
		pl := g.picker.pick(g.r)
		created := g.now.Add(-time.Duration(180+g.r.IntN(185)) * 24 * time.Hour)
		ownerID := seedID("65e10000", i+1)
		users = append(users, &models.User{ID: ownerID, Email: SyntheticOrgEmail(i + 1), PasswordHash: g.hash,
			Name: fmt.Sprintf("Responsable %d", i+1), Language: "fr", Role: models.RoleOrganization, Status: models.UserActive,
			EmailConfirmed: true, CreatedAt: created, UpdatedAt: created})
		org := models.Organization{ID: seedID("65a00000", i+1), Name: fmt.Sprintf("Association solidaire %s n°%d", pl.City, i+1),
			Kind: "association", RNA: fmt.Sprintf("W%09d", 100000000+i), Address: "1 place de la Mairie", Postcode: pl.Postcode,
			City: pl.City, Lat: pl.Lat, Lon: pl.Lon, Description: "Organisation synthétique pour les tests de charge.",
			ContactEmail: SyntheticOrgEmail(i + 1), ContactPhone: "0100000000", Status: models.OrgVerified,
			Members: []models.Member{{UserID: ownerID, Role: models.MemberOwner, JoinedAt: created}}, MemberIDs: []string{ownerID},
			CreatedBy: ownerID, CreatedAt: created, UpdatedAt: created, VerifiedAt: &created}
		g.orgs = append(g.orgs, org)
		orgs = append(orgs, &g.orgs[len(g.orgs)-1])
	}
	// One in twenty more awaits verification, in the admin's queue.
	for i := range n / 20 {
		pl := g.picker.pick(g.r)
		created := g.now.Add(-time.Duration(1+g.r.IntN(72)) * time.Hour)
		ownerID := seedID("65e20000", i+1)
		users = append(users, &models.User{ID: ownerID, Email: fmt.Sprintf("pending%06d@synthetic.entraide.invalid", i+1),
			PasswordHash: g.hash, Name: fmt.Sprintf("Responsable en attente %d", i+1), Language: "fr", Role: models.RoleOrganization,
			Status: models.UserActive, EmailConfirmed: true, CreatedAt: created, UpdatedAt: created})
		orgs = append(orgs, &models.Organization{ID: seedID("65a10000", i+1), Name: fmt.Sprintf("Collectif %s n°%d", pl.City, i+1),
			Kind: "association", RNA: fmt.Sprintf("W%09d", 200000000+i), Address: "2 rue de la Gare", Postcode: pl.Postcode,
			City: pl.City, Lat: pl.Lat, Lon: pl.Lon, Description: "Organisation synthétique en attente de vérification.",
			ContactEmail: fmt.Sprintf("pending%06d@synthetic.entraide.invalid", i+1), ContactPhone: "0100000000", Status: models.OrgPending,
			Members: []models.Member{{UserID: ownerID, Role: models.MemberOwner, JoinedAt: created}}, MemberIDs: []string{ownerID},
			CreatedBy: ownerID, CreatedAt: created, UpdatedAt: created})
	}
	if err := g.st.InsertBulk(ctx, "users", users); err != nil {
		return err
	}
	for _, u := range users {
		g.keys.AddUser(u.(*models.User).ID, u.(*models.User).Email)
	}
	if err := g.st.InsertBulk(ctx, "organizations", orgs); err != nil {
		return err
	}
	audit := make([]any, 0, n)
	for i := range g.orgs {
		o := &g.orgs[i]
		audit = append(audit, &models.AuditEntry{ID: seedID("65f10000", i+1), ActorID: g.adminID, Action: "organization.verify",
			TargetType: "organization", TargetID: o.ID, Before: map[string]any{"status": "pending"},
			After: map[string]any{"status": "verified"}, At: o.CreatedAt})
	}
	if err := g.st.InsertBulk(ctx, "audit", audit); err != nil {
		return err
	}
	g.counts.Organizations, g.counts.OrgAccounts, g.counts.Audit = len(orgs), len(users), n
	g.bar.add("organisations", n)
	return nil
}

// writeMissions draws the missions: three in ten ran and closed within the
// past year, two in a hundred await moderation, the others are published
// with shifts in the next two months. Shifts are written last, once the
// applications have taken their places.
func (g *synth) writeMissions(ctx context.Context, n int) error {
	skills := models.SkillCodes()
	batch := make([]any, 0, 1000)
	for i := range n {
		pl := g.picker.pick(g.r)
		cat := models.Categories[g.r.IntN(len(models.Categories))]
		remote := g.r.IntN(5) == 0
		org := &g.orgs[g.r.IntN(len(g.orgs))]
		m := models.Mission{ID: SyntheticMissionID(i + 1), OrgID: org.ID,
			Title: fmt.Sprintf("Mission %s n°%d à %s", cat, i+1, pl.City), Description: "Mission synthétique pour mesurer la recherche et le matching.",
			Category: cat, Skills: pickSome(g.r, skills, 1+g.r.IntN(3)), Tags: []string{}, Languages: pickSome(g.r, syntheticLanguages, 1+g.r.IntN(2)),
			Remote: remote, MinAge: models.MinAgeFor(cat), RequiresVetting: cat == "childcare", Urgent: g.r.IntN(20) == 0,
			CreatedBy: org.MemberIDs[0]}
		if !remote {
			m.Address, m.Postcode, m.City, m.Lat, m.Lon = "Rue de la Solidarité", pl.Postcode, pl.City, pl.Lat, pl.Lon
		}
		kind := g.r.IntN(100)
		var first time.Time
		switch {
		case kind < 30: // ran in the past year
			first = g.day.Add(-time.Duration(7+g.r.IntN(350)) * 24 * time.Hour)
			m.Status = models.MissionClosed
		case kind < 32: // awaiting moderation
			first = g.day.Add(time.Duration(3+g.r.IntN(60)) * 24 * time.Hour)
			m.Status = models.MissionSubmitted
		default:
			first = g.day.Add(time.Duration(1+g.r.IntN(60)) * 24 * time.Hour)
			m.Status = models.MissionPublished
		}
		created := first.Add(-time.Duration(7+g.r.IntN(30)) * 24 * time.Hour)
		m.CreatedAt, m.UpdatedAt, m.SubmittedAt = created, created, &created
		if m.Status != models.MissionSubmitted {
			published := created.Add(24 * time.Hour)
			m.PublishedAt, m.ModeratedAt = &published, &published
		}
		var shifts []models.Shift
		for k := range 1 + g.r.IntN(3) {
			start := first.Add(time.Duration(k*(1+g.r.IntN(7)))*24*time.Hour + time.Duration(8+g.r.IntN(10))*time.Hour)
			sh := models.Shift{ID: seedID("65c00000", (i+1)*4+k), MissionID: m.ID, OrgID: m.OrgID, Start: start,
				End: start.Add(time.Duration(2+g.r.IntN(4)) * time.Hour), Capacity: 1 + g.r.IntN(20), CreatedAt: created}
			shifts = append(shifts, sh)
			if sh.End.After(m.LastShiftEnd) {
				m.LastShiftEnd = sh.End
			}
		}
		if m.Status == models.MissionClosed {
			closed := m.LastShiftEnd
			m.ClosedAt = &closed
		}
		g.missions = append(g.missions, m)
		g.shifts = append(g.shifts, shifts)
		if m.Status != models.MissionSubmitted {
			g.open = append(g.open, i)
		}
		batch = append(batch, &g.missions[len(g.missions)-1])
		if len(batch) == cap(batch) {
			if err := g.st.InsertBulk(ctx, "missions", batch); err != nil {
				return err
			}
			g.bar.add("missions", len(batch))
			batch = batch[:0]
		}
	}
	if err := g.st.InsertBulk(ctx, "missions", batch); err != nil {
		return err
	}
	g.bar.add("missions", len(batch))
	g.counts.Missions = n
	return nil
}

// writeShifts writes every shift with the places its applications took.
func (g *synth) writeShifts(ctx context.Context) error {
	batch := make([]any, 0, 2000)
	for i := range g.shifts {
		for k := range g.shifts[i] {
			batch = append(batch, &g.shifts[i][k])
			g.counts.Shifts++
			if len(batch) == cap(batch) {
				if err := g.st.InsertBulk(ctx, "shifts", batch); err != nil {
					return err
				}
				batch = batch[:0]
			}
		}
	}
	return g.st.InsertBulk(ctx, "shifts", batch)
}

// syntheticUser is a user document with its embedded profile.
type syntheticUser struct {
	models.User `bson:",inline"`
	Profile     *models.Profile `bson:"profile"`
}

func toStrings(cats []models.Category) []string {
	out := make([]string, len(cats))
	for i, c := range cats {
		out[i] = string(c)
	}
	return out
}
