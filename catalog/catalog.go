// Package catalog keeps the in-memory matching index (package match) in
// step with the store: it builds the index at start-up, applies this
// instance's writes in the same request, and polls a catalogue version to
// pick up other instances' writes.
package catalog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// PollOverlap re-reads changes slightly older than the last poll, so that a
// write stamped just before it (or by an instance whose clock is a little
// behind) is not missed. Re-applying a change is harmless.
const PollOverlap = 10 * time.Second

// JournalGapGrace is how long a poll waits for a missing journal entry
// (another instance may be between its version bump and its entry) before
// it scans the index stamps instead.
const JournalGapGrace = 5 * time.Second

// Catalog owns the index.
type Catalog struct {
	store *store.Store
	index *match.Index
	log   *slog.Logger
	now   func() time.Time

	mu        sync.Mutex // serializes polls
	version   int64
	lastPoll  time.Time
	builtAt   time.Time
	lastError error
	synonyms  string // the extra synonyms applied, as saved

	instance     string    // names this instance's journal entries
	gapSince     time.Time // when the poll first met a journal gap it still waits on
	verify       bool      // the snapshot was not written at a clean shutdown
	snapshotPath string    // empty: no snapshot
	loadedFrom   string    // "snapshot" or "store", for logs and tests
	savedOnce    bool
	savedVersion int64
}

// New returns an empty catalogue; call Load before serving.
func New(st *store.Store, log *slog.Logger, now func() time.Time) *Catalog {
	if now == nil {
		now = time.Now
	}
	cfg := IndexConfig()
	return &Catalog{store: st, index: match.New(cfg), log: log, now: func() time.Time { return now().UTC() }, instance: store.NewID()}
}

// IndexConfig is the index's vocabulary: the skill and category catalogues, and their
// names in French and English, which search finds as words of each mission.
func IndexConfig() match.Config {
	cfg := match.Config{Skills: models.SkillCodes(), CategoryLabels: map[string][]string{}, SkillLabels: map[string][]string{}}
	for _, c := range models.Categories {
		cfg.Categories = append(cfg.Categories, string(c))
		if c != "other" {
			cfg.CategoryLabels[string(c)] = []string{i18n.T("fr", "category."+string(c)), i18n.T("en", "category."+string(c))}
		}
	}
	for _, sk := range models.Skills() {
		cfg.SkillLabels[sk.Code] = []string{sk.French, sk.English}
	}
	return cfg
}

// Index returns the index for searches and matching.
func (c *Catalog) Index() *match.Index { return c.index }

// Load builds the index: from its snapshot brought up to date when there
// is one that can be trusted, from the store otherwise (and then writes a
// snapshot, so that the next start is fast even after a crash).
func (c *Catalog) Load(ctx context.Context) error {
	if c.snapshotPath != "" {
		ok, reason, err := c.loadSnapshot(ctx)
		if err != nil {
			return err
		}
		if ok {
			c.loadedFrom = "snapshot"
			c.markRunning()
			return nil
		}
		c.log.Info("matching index snapshot not used, building from the store", "reason", reason)
	}
	if err := c.build(ctx); err != nil {
		return err
	}
	c.loadedFrom = "store"
	if err := c.SaveSnapshot(ctx, false); err != nil {
		c.log.Warn("index snapshot not written", "error", err)
	}
	c.markRunning()
	return nil
}

// build reads every published mission and volunteer profile.
func (c *Catalog) build(ctx context.Context) error {
	started := c.now()
	version, missions, vols, err := c.readAll(ctx)
	if err != nil {
		return err
	}
	if err := c.index.BuildMissions(missions); err != nil {
		return err
	}
	if err := c.index.BuildVolunteers(vols); err != nil {
		return err
	}
	c.mu.Lock()
	c.version, c.lastPoll, c.builtAt = version, started, c.now()
	err = c.loadSynonyms(ctx)
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("load synonyms: %w", err)
	}
	c.log.Info("matching index built", "missions", len(missions), "volunteers", len(vols), "took", time.Since(started).Round(time.Millisecond))
	return nil
}

// readAll reads the index's records from the store, and the catalogue
// version read before them.
func (c *Catalog) readAll(ctx context.Context) (int64, []match.Mission, []match.Volunteer, error) {
	version, err := c.store.CatalogueVersion(ctx)
	if err != nil {
		return 0, nil, nil, err
	}
	missions, _, err := c.store.Missions(ctx, store.MissionFilter{Statuses: []models.MissionStatus{models.MissionPublished}}, "created_at", 0, 0)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("load missions: %w", err)
	}
	indexed, err := c.toIndex(ctx, missions)
	if err != nil {
		return 0, nil, nil, err
	}
	var vols []match.Volunteer
	err = c.store.ForEachProfile(ctx, time.Time{}, func(rec *store.ProfileRecord) error {
		if v, ok := toVolunteer(rec); ok {
			vols = append(vols, v)
		}
		return nil
	})
	if err != nil {
		return 0, nil, nil, fmt.Errorf("load profiles: %w", err)
	}
	return version, indexed, vols, nil
}

// SynonymsSetting is the key of the synonym groups admins add to the built-in table.
const SynonymsSetting = "search_synonyms"

// loadSynonyms applies the synonyms admins saved; a bad saved text (which the API never
// stores) is logged and the built-in table stays.
func (c *Catalog) loadSynonyms(ctx context.Context) error {
	text, ok, err := c.store.TextSetting(ctx, SynonymsSetting)
	if err != nil || !ok || text == c.synonyms {
		return err
	}
	if err := c.index.SetExtraSynonyms(text); err != nil {
		c.log.Error("saved synonyms rejected", "err", err)
		return nil
	}
	c.synonyms = text
	return nil
}

// SetSynonyms saves the extra synonym groups and applies them to the index at once;
// other instances apply them at their next poll.
func (c *Catalog) SetSynonyms(ctx context.Context, text string) error {
	if err := match.CheckSynonyms(text); err != nil {
		return err
	}
	if err := c.store.SetTextSetting(ctx, SynonymsSetting, text, c.now()); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.index.SetExtraSynonyms(text); err != nil {
		return err
	}
	c.synonyms = text
	return nil
}

// Synonyms returns the extra synonym groups saved by admins.
func (c *Catalog) Synonyms(ctx context.Context) (string, error) {
	text, _, err := c.store.TextSetting(ctx, SynonymsSetting)
	return text, err
}

// toIndex converts stored missions (with their shifts and organisations).
func (c *Catalog) toIndex(ctx context.Context, missions []models.Mission) ([]match.Mission, error) {
	if len(missions) == 0 {
		return nil, nil
	}
	ids := make([]string, len(missions))
	orgIDs := map[string]bool{}
	for i, m := range missions {
		ids[i] = m.ID
		orgIDs[m.OrgID] = true
	}
	shifts := map[string][]models.Shift{}
	for start := 0; start < len(ids); start += 1000 {
		batch, err := c.store.ShiftsOfMissions(ctx, ids[start:min(start+1000, len(ids))]...)
		if err != nil {
			return nil, fmt.Errorf("load shifts: %w", err)
		}
		for _, sh := range batch {
			shifts[sh.MissionID] = append(shifts[sh.MissionID], sh)
		}
	}
	orgList := make([]string, 0, len(orgIDs))
	for id := range orgIDs {
		orgList = append(orgList, id)
	}
	orgs, err := c.store.OrganizationsByIDs(ctx, orgList)
	if err != nil {
		return nil, fmt.Errorf("load organisations: %w", err)
	}
	orgByID := make(map[string]*models.Organization, len(orgs))
	for i := range orgs {
		orgByID[orgs[i].ID] = &orgs[i]
	}
	out := make([]match.Mission, 0, len(missions))
	for i := range missions {
		org := orgByID[missions[i].OrgID]
		if org == nil || org.Status != models.OrgVerified {
			continue
		}
		out = append(out, toMission(&missions[i], org, shifts[missions[i].ID]))
	}
	return out, nil
}

func toMission(m *models.Mission, org *models.Organization, shifts []models.Shift) match.Mission {
	skills := append(append([]string{}, m.Skills...), m.Tags...)
	out := match.Mission{
		ID: m.ID, OrgID: m.OrgID, OrgName: org.Name, Title: m.Title, Description: m.Description,
		Category: string(m.Category), Postcode: m.Postcode, City: m.City, TimeZone: m.Zone(), Skills: skills, Languages: m.Languages,
		Remote: m.Remote, Lat: m.Lat, Lon: m.Lon, HasLocation: !m.Remote && m.Postcode != "",
		MinAge: m.MinAge, RequiresVetting: m.RequiresVetting, Urgent: m.Urgent,
	}
	if m.PublishedAt != nil {
		out.PublishedAt = *m.PublishedAt
	}
	for _, sh := range shifts {
		out.Shifts = append(out.Shifts, match.Shift{ID: sh.ID, Start: sh.Start, End: sh.End, Capacity: sh.Capacity, Taken: sh.Taken})
	}
	return out
}

var dayIndex = map[string]time.Weekday{"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday}

var slotIndex = map[string]match.Slot{"morning": match.Morning, "afternoon": match.Afternoon, "evening": match.Evening}

// toVolunteer converts a stored profile; ok is false for accounts that
// must not be matched (admins, inactive accounts); any other
// account may volunteer.
func toVolunteer(rec *store.ProfileRecord) (match.Volunteer, bool) {
	if rec.Profile == nil || rec.Role == models.RoleAdmin || rec.Status != string(models.UserActive) {
		return match.Volunteer{}, false
	}
	p := rec.Profile
	v := match.Volunteer{
		ID: rec.UserID, Skills: p.Skills, Categories: p.Categories, Languages: p.Languages,
		Lat: p.Lat, Lon: p.Lon, HasLocation: p.HasLocation, RadiusKm: p.RadiusKm, Remote: p.Remote,
		Visible: p.Visible, Alerts: p.Alerts,
	}
	if p.BirthDate != nil {
		v.BirthDate = *p.BirthDate
	}
	for day, slots := range p.Availability {
		for _, slot := range slots {
			v.Availability = v.Availability.With(dayIndex[day], slotIndex[slot])
		}
	}
	return v, true
}

// MissionChanged reloads one mission into the index, or drops it when it is
// no longer published, and tells other instances.
func (c *Catalog) MissionChanged(ctx context.Context, id string) error {
	if err := c.store.StampMission(ctx, id, c.now()); err != nil {
		return err
	}
	if err := c.reloadMission(ctx, id); err != nil {
		return err
	}
	_, err := c.store.RecordCatalogueChange(ctx, store.ChangeMission, id, c.instance, c.now())
	return err
}

func (c *Catalog) reloadMission(ctx context.Context, id string) error {
	m, err := c.store.MissionByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		c.index.RemoveMission(id)
		return nil
	}
	if err != nil {
		return err
	}
	if m.Status != models.MissionPublished {
		c.index.RemoveMission(id)
		return nil
	}
	indexed, err := c.toIndex(ctx, []models.Mission{*m})
	if err != nil {
		return err
	}
	if len(indexed) == 0 {
		c.index.RemoveMission(id)
		return nil
	}
	return c.index.UpsertMission(indexed[0])
}

// VolunteerChanged reloads one volunteer's matching fields.
func (c *Catalog) VolunteerChanged(ctx context.Context, userID string) error {
	if err := c.reloadVolunteer(ctx, userID); err != nil {
		return err
	}
	_, err := c.store.RecordCatalogueChange(ctx, store.ChangeVolunteer, userID, c.instance, c.now())
	return err
}

func (c *Catalog) reloadVolunteer(ctx context.Context, userID string) error {
	rec, err := c.store.ProfileRecord(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		c.index.RemoveVolunteer(userID)
		return nil
	}
	if err != nil {
		return err
	}
	v, ok := toVolunteer(rec)
	if !ok {
		c.index.RemoveVolunteer(userID)
		return nil
	}
	return c.index.UpsertVolunteer(v)
}

// RemoveVolunteer drops a volunteer (account deleted or suspended).
func (c *Catalog) RemoveVolunteer(ctx context.Context, userID string) error {
	c.index.RemoveVolunteer(userID)
	_, err := c.store.RecordCatalogueChange(ctx, store.ChangeVolunteer, userID, c.instance, c.now())
	return err
}

// Poll applies the changes other instances made since the last poll. It
// costs one lookup when nothing changed.
func (c *Catalog) Poll(ctx context.Context) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.loadSynonyms(ctx); err != nil {
		c.lastError = err
		return err
	}
	version, err := c.store.CatalogueVersion(ctx)
	if err != nil {
		c.lastError = err
		return err
	}
	if version == c.version {
		return nil
	}
	started := c.now()
	// Changes are read from the journal by key; only when it misses one
	// for longer than JournalGapGrace (lost in a crash, or this instance
	// fell too far behind) are the index stamps scanned.
	reached, err := c.applyJournal(ctx, c.version, version, true)
	if err == nil {
		c.version, c.lastPoll, c.lastError, c.gapSince = version, started, nil, time.Time{}
		return nil
	}
	if !errors.Is(err, store.ErrJournalGap) {
		return err
	}
	c.version = reached
	if c.gapSince.IsZero() {
		c.gapSince = started
	}
	if started.Sub(c.gapSince) < JournalGapGrace {
		return nil // an entry may still be on its way
	}
	if _, _, err := c.applyChangesSince(ctx, c.lastPoll.Add(-PollOverlap)); err != nil {
		return err
	}
	c.version, c.lastPoll, c.lastError, c.gapSince = version, started, nil, time.Time{}
	return nil
}

// Run polls every interval until ctx ends.
func (c *Catalog) Run(ctx context.Context, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if err := c.Poll(ctx); err != nil && ctx.Err() == nil {
				c.log.Warn("catalogue poll failed", "error", err)
			}
		}
	}
}

// Age returns how old the index's view is: time since the last build or
// successful poll.
func (c *Catalog) Age() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now().Sub(c.lastPoll)
}
