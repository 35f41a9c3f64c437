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
	Seed       uint64 // the same seed gives the same data
	Progress   io.Writer
}

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

// Synthetic writes a reproducible synthetic data set: verified
// organisations, published missions with shifts, and volunteers with
// profiles, located at real postcodes weighted by population.
func Synthetic(ctx context.Context, st *store.Store, passwordHash string, now time.Time, opts SyntheticOptions) error {
	r := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	picker := newPostcodePicker()
	skills := models.SkillCodes()
	day := now.Truncate(24 * time.Hour)
	progress := func(format string, args ...any) {
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, format, args...)
		}
	}
	orgCount := max(opts.Missions/25, 1)
	orgs := make([]any, 0, orgCount)
	orgIDs := make([]string, orgCount)
	for i := range orgCount {
		pl := picker.pick(r)
		id := seedID("65a00000", i+1)
		orgIDs[i] = id
		orgs = append(orgs, &models.Organization{ID: id, Name: fmt.Sprintf("Association solidaire %s n°%d", pl.City, i+1),
			Kind: "association", RNA: fmt.Sprintf("W%09d", 100000000+i), Address: "1 place de la Mairie", Postcode: pl.Postcode,
			City: pl.City, Lat: pl.Lat, Lon: pl.Lon, Description: "Organisation synthétique pour les tests de charge.",
			ContactEmail: fmt.Sprintf("org%06d@synthetic.entraide.invalid", i+1), ContactPhone: "0100000000",
			Status: models.OrgVerified, Members: []models.Member{}, MemberIDs: []string{}, CreatedAt: now, UpdatedAt: now})
	}
	if err := st.InsertMany(ctx, "organizations", orgs); err != nil {
		return err
	}
	progress("organisations: %d\n", orgCount)
	batch, shifts := make([]any, 0, 1000), make([]any, 0, 3000)
	flush := func() error {
		if err := st.InsertMany(ctx, "missions", batch); err != nil {
			return err
		}
		if err := st.InsertMany(ctx, "shifts", shifts); err != nil {
			return err
		}
		batch, shifts = batch[:0], shifts[:0]
		return nil
	}
	for i := range opts.Missions {
		pl := picker.pick(r)
		cat := models.Categories[r.IntN(len(models.Categories))]
		remote := r.IntN(5) == 0
		m := &models.Mission{ID: seedID("65b00000", i+1), OrgID: orgIDs[r.IntN(orgCount)],
			Title: fmt.Sprintf("Mission %s n°%d à %s", cat, i+1, pl.City), Description: "Mission synthétique pour mesurer la recherche et le matching.",
			Category: cat, Skills: pickSome(r, skills, 1+r.IntN(3)), Tags: []string{}, Languages: pickSome(r, syntheticLanguages, 1+r.IntN(2)),
			Remote: remote, MinAge: models.MinAgeFor(cat), RequiresVetting: cat == "childcare", Urgent: r.IntN(20) == 0,
			Status: models.MissionPublished, CreatedAt: now, UpdatedAt: now, PublishedAt: &now}
		if !remote {
			m.Address, m.Postcode, m.City, m.Lat, m.Lon = "Rue de la Solidarité", pl.Postcode, pl.City, pl.Lat, pl.Lon
		}
		for k := range 1 + r.IntN(3) {
			start := day.Add(time.Duration(1+r.IntN(60))*24*time.Hour + time.Duration(8+r.IntN(10))*time.Hour)
			sh := &models.Shift{ID: seedID("65c00000", (i+1)*4+k), MissionID: m.ID, OrgID: m.OrgID, Start: start,
				End: start.Add(time.Duration(2+r.IntN(4)) * time.Hour), Capacity: 1 + r.IntN(20), CreatedAt: now}
			shifts = append(shifts, sh)
			if sh.End.After(m.LastShiftEnd) {
				m.LastShiftEnd = sh.End
			}
		}
		batch = append(batch, m)
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return err
			}
			progress("missions: %d\r", i+1)
		}
	}
	if err := flush(); err != nil {
		return err
	}
	progress("missions: %d\n", opts.Missions)
	users := make([]any, 0, 1000)
	for i := range opts.Volunteers {
		pl := picker.pick(r)
		avail := map[string][]string{}
		for range 1 + r.IntN(5) {
			d := models.Days[r.IntN(7)]
			avail[d] = append(avail[d], models.Slots[r.IntN(3)])
		}
		birth := time.Date(1945+r.IntN(62), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		p := &models.Profile{Skills: pickSome(r, skills, r.IntN(4)), Categories: pickSome(r, toStrings(models.Categories), 1+r.IntN(3)),
			Languages: pickSome(r, syntheticLanguages, 1+r.IntN(2)), Postcode: pl.Postcode, City: pl.City, Lat: pl.Lat, Lon: pl.Lon,
			HasLocation: true, RadiusKm: []int{5, 10, 10, 20, 30, 50}[r.IntN(6)], Remote: r.IntN(3) == 0, Availability: avail,
			BirthDate: &birth, Alerts: r.IntN(3) == 0, Visible: r.IntN(2) == 0, UpdatedAt: now, IndexStamp: now}
		users = append(users, &syntheticUser{User: models.User{ID: seedID("65d00000", i+1), Email: fmt.Sprintf("v%07d@synthetic.entraide.invalid", i+1),
			PasswordHash: passwordHash, Name: fmt.Sprintf("Bénévole %d", i+1), Language: "fr", Role: models.RoleVolunteer,
			Status: models.UserActive, CreatedAt: now, UpdatedAt: now}, Profile: p})
		if len(users) == cap(users) {
			if err := st.InsertMany(ctx, "users", users); err != nil {
				return err
			}
			users = users[:0]
			progress("volunteers: %d\r", i+1)
		}
	}
	if err := st.InsertMany(ctx, "users", users); err != nil {
		return err
	}
	progress("volunteers: %d\n", opts.Volunteers)
	return nil
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
