package catalog

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/store"
)

// SnapshotEvery is how often a running instance writes the index snapshot
// (also written after a full build and at shutdown).
const SnapshotEvery = 5 * time.Minute

// clockSkew is how far in the future a snapshot's as-of time may be
// before the snapshot is refused: its clock and ours disagree.
const clockSkew = time.Minute

// UseSnapshot makes Load start from the snapshot file at path when it can
// be trusted, and SaveSnapshot write it there.
func (c *Catalog) UseSnapshot(path string) { c.snapshotPath = path }

// loadSnapshot builds the index from the snapshot and brings it up to
// date from the store. It reports false, with the reason, when the
// snapshot is missing or cannot be trusted; the index is then untouched
// and the caller rebuilds it from the store.
func (c *Catalog) loadSnapshot(ctx context.Context) (bool, string, error) {
	started := c.now()
	h, missions, vols, err := match.ReadSnapshot(c.snapshotPath)
	if errors.Is(err, fs.ErrNotExist) {
		return false, "no snapshot", nil
	}
	if err != nil {
		return false, err.Error(), nil
	}
	identity, err := c.generation(ctx)
	if err != nil {
		return false, "", err
	}
	version, err := c.store.CatalogueVersion(ctx)
	if err != nil {
		return false, "", err
	}
	switch {
	case h.StoreID != identity:
		return false, "snapshot of another database, or data loaded in bulk since", nil
	case h.CatalogueVersion > version:
		return false, fmt.Sprintf("snapshot ahead of the store (catalogue version %d, store %d)", h.CatalogueVersion, version), nil
	case h.AsOf.After(started.Add(clockSkew)):
		return false, "snapshot stamped in the future", nil
	}
	if version-h.CatalogueVersion >= store.CatalogueJournalSize {
		return false, "snapshot older than the catalogue journal", nil
	}
	if err := c.index.BuildMissions(missions); err != nil {
		return false, "", err
	}
	if err := c.index.BuildVolunteers(vols); err != nil {
		return false, "", err
	}
	// The changes made since are read from the journal by key, not by
	// scanning for index stamps (a scan reads every document on the
	// embedded store). A change it lacks makes the snapshot untrusted.
	if _, err := c.applyJournal(ctx, h.CatalogueVersion, version, false); err != nil {
		if errors.Is(err, store.ErrJournalGap) {
			return false, fmt.Sprintf("catalogue journal incomplete after version %d", h.CatalogueVersion), nil
		}
		return false, "", err
	}
	// A clean snapshot loaded by a process that then crashed is still on
	// disk marked clean: the running marker tells.
	_, err = os.Stat(c.runningMarker())
	clean := h.Clean && errors.Is(err, fs.ErrNotExist)
	c.mu.Lock()
	c.version, c.lastPoll, c.builtAt, c.verify = version, started, c.now(), !clean
	err = c.loadSynonyms(ctx) // settings, not records: read from the store
	c.mu.Unlock()
	if err != nil {
		return false, "", fmt.Errorf("load synonyms: %w", err)
	}
	c.log.Info("matching index loaded from its snapshot", "missions", len(missions), "volunteers", len(vols),
		"snapshot_age", started.Sub(h.WrittenAt).Round(time.Second), "changes_since", version-h.CatalogueVersion,
		"clean_shutdown", clean, "took", c.now().Sub(started).Round(time.Millisecond))
	return true, "", nil
}

// applyJournal applies the journalled changes after version from up to
// version to, one read by key each, and returns the last version applied.
// skipOwn leaves out this instance's changes, already applied.
func (c *Catalog) applyJournal(ctx context.Context, from, to int64, skipOwn bool) (int64, error) {
	if to-from >= store.CatalogueJournalSize {
		return from, store.ErrJournalGap
	}
	for v := from + 1; v <= to; v++ {
		ch, err := c.store.CatalogueChangeAt(ctx, v)
		if err != nil {
			return v - 1, err
		}
		if skipOwn && ch.By == c.instance {
			continue
		}
		switch ch.Kind {
		case store.ChangeMission:
			err = c.reloadMission(ctx, ch.ID)
		case store.ChangeVolunteer:
			err = c.reloadVolunteer(ctx, ch.ID)
		}
		if err != nil {
			return v - 1, err
		}
	}
	return to, nil
}

// applyChangesSince reloads the missions and profiles stamped at or after
// since: a scan of both collections, the fallback when the journal misses
// a change.
func (c *Catalog) applyChangesSince(ctx context.Context, since time.Time) (int, int, error) {
	ids, err := c.store.MissionIDsStampedSince(ctx, since)
	if err != nil {
		return 0, 0, err
	}
	for _, id := range ids {
		if err := c.reloadMission(ctx, id); err != nil {
			return 0, 0, err
		}
	}
	vols := 0
	err = c.store.ForEachProfile(ctx, since, func(rec *store.ProfileRecord) error {
		vols++
		if v, ok := toVolunteer(rec); ok {
			return c.index.UpsertVolunteer(v)
		}
		c.index.RemoveVolunteer(rec.UserID)
		return nil
	})
	return len(ids), vols, err
}

// VerifyAfterCrash rebuilds the index from the store in the background
// when it was loaded from a snapshot not written at a clean shutdown: a
// crash between a write and its journal entry leaves no trace in the
// journal. Readers keep the loaded index until the new one is swapped in;
// the changes journalled meanwhile are applied after the swap.
func (c *Catalog) VerifyAfterCrash(ctx context.Context) error {
	c.mu.Lock()
	verify := c.verify
	c.mu.Unlock()
	if !verify {
		return nil
	}
	started := c.now()
	from, missions, vols, err := c.readAll(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock() // no poll between the swap and the catch-up
	defer c.mu.Unlock()
	if err := c.index.BuildMissions(missions); err != nil {
		return err
	}
	if err := c.index.BuildVolunteers(vols); err != nil {
		return err
	}
	if _, err := c.applyJournal(ctx, from, c.version, false); err != nil {
		if !errors.Is(err, store.ErrJournalGap) {
			return err
		}
		// The journal moved on too far meanwhile: the next poll's
		// fallback scans the stamps from before the rebuild.
		c.lastPoll = started
	}
	c.verify = false
	c.log.Info("matching index rebuilt from the store after an unclean shutdown", "took", c.now().Sub(started).Round(time.Millisecond))
	return nil
}

// LoadedFrom says where the last Load took the index from: "snapshot" or
// "store".
func (c *Catalog) LoadedFrom() string { return c.loadedFrom }

// runningMarker is a file that exists while a process serves from the
// index; a clean shutdown removes it.
func (c *Catalog) runningMarker() string { return c.snapshotPath + ".running" }

func (c *Catalog) markRunning() {
	if c.snapshotPath == "" {
		return
	}
	if err := os.WriteFile(c.runningMarker(), []byte(c.instance+"\n"), 0o600); err != nil {
		c.log.Warn("index snapshot marker not written", "error", err)
	}
}

// generation names the database and its last bulk load: bulk loads
// (seeds) write without stamps, so a snapshot made before one is stale.
func (c *Catalog) generation(ctx context.Context) (string, error) {
	identity, err := c.store.Identity(ctx)
	if err != nil {
		return "", err
	}
	ds, err := c.store.Dataset(ctx)
	if err != nil || ds == nil {
		return identity, err
	}
	return fmt.Sprintf("%s/%s/%d", identity, ds.Kind, ds.At.UnixNano()), nil
}

// SaveSnapshot writes the index's records to the snapshot file, unless
// nothing changed since the last one. clean is true only at shutdown,
// once requests are drained: a snapshot written while running may miss a
// write in flight, so the start that loads it verifies in the background.
func (c *Catalog) SaveSnapshot(ctx context.Context, clean bool) error {
	if c.snapshotPath == "" {
		return nil
	}
	identity, err := c.generation(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	h := match.SnapshotHeader{StoreID: identity, CatalogueVersion: c.version, AsOf: c.lastPoll, WrittenAt: c.now(), Clean: clean}
	unchanged := !clean && c.savedOnce && c.savedVersion == c.version
	// Records are taken under mu so that no poll runs in between: the
	// index holds every journalled change up to CatalogueVersion.
	missions, vols := c.index.Records()
	c.mu.Unlock()
	if unchanged || h.AsOf.IsZero() {
		return nil
	}
	if err := match.WriteSnapshot(c.snapshotPath, h, missions, vols); err != nil {
		return err
	}
	c.mu.Lock()
	c.savedOnce, c.savedVersion = true, h.CatalogueVersion
	c.mu.Unlock()
	if clean {
		if err := os.Remove(c.runningMarker()); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	return nil
}

// RunSnapshots writes the snapshot every interval until ctx ends.
func (c *Catalog) RunSnapshots(ctx context.Context, interval time.Duration) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
			if err := c.SaveSnapshot(ctx, false); err != nil && ctx.Err() == nil {
				c.log.Warn("index snapshot not written", "error", err)
			}
		}
	}
}
