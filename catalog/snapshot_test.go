package catalog

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// seeded returns a store with a small synthetic data set and a catalogue
// built on it that writes its snapshot under a fresh directory.
func seeded(t *testing.T) (*store.Store, *Catalog, string) {
	t.Helper()
	st := storetest.Open(t)
	ctx := context.Background()
	if _, err := seeds.Synthetic(ctx, st, "x", time.Now().UTC(), seeds.SyntheticOptions{Missions: 30, Volunteers: 40, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "index.snapshot")
	c := New(st, quiet, nil)
	c.UseSnapshot(path)
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if c.LoadedFrom() != "store" {
		t.Fatalf("first load from %s, want store", c.LoadedFrom())
	}
	return st, c, path
}

func ids(ix *match.Index) ([]string, []string) {
	ms, vs := ix.Records()
	var mids, vids []string
	for _, m := range ms {
		mids = append(mids, m.ID)
	}
	for _, v := range vs {
		vids = append(vids, v.ID)
	}
	slices.Sort(mids)
	slices.Sort(vids)
	return mids, vids
}

// TestSnapshotStartCatchesUp: a start from a snapshot applies the changes
// journalled since, and ends with the index a full build gives.
func TestSnapshotStartCatchesUp(t *testing.T) {
	ctx := context.Background()
	st, c, path := seeded(t)
	if err := c.SaveSnapshot(ctx, true); err != nil {
		t.Fatal(err)
	}
	missions, vols := ids(c.Index())
	if len(missions) == 0 || len(vols) != 40 {
		t.Fatalf("index holds %d missions, %d volunteers", len(missions), len(vols))
	}
	// Changes made by another instance after the snapshot.
	other := New(st, quiet, nil)
	if _, err := st.TransitionMission(ctx, missions[0], []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "", time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := other.MissionChanged(ctx, missions[0]); err != nil {
		t.Fatal(err)
	}
	p, err := st.Profile(ctx, vols[0])
	if err != nil {
		t.Fatal(err)
	}
	p.Remote, p.Visible, p.RadiusKm = !p.Remote, true, 42
	if err := st.SetProfile(ctx, vols[0], *p, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := other.VolunteerChanged(ctx, vols[0]); err != nil {
		t.Fatal(err)
	}

	restarted := New(st, quiet, nil)
	restarted.UseSnapshot(path)
	if err := restarted.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if restarted.LoadedFrom() != "snapshot" {
		t.Fatalf("loaded from %s, want snapshot", restarted.LoadedFrom())
	}
	if _, ok := restarted.Index().Mission(missions[0]); ok {
		t.Error("the mission closed since the snapshot is still indexed")
	}
	full := New(st, quiet, nil)
	if err := full.Load(ctx); err != nil {
		t.Fatal(err)
	}
	gotM, gotV := ids(restarted.Index())
	wantM, wantV := ids(full.Index())
	if !slices.Equal(gotM, wantM) || !slices.Equal(gotV, wantV) {
		t.Errorf("snapshot start: %d missions %d volunteers; full build: %d, %d", len(gotM), len(gotV), len(wantM), len(wantV))
	}
	_, vs := restarted.Index().Records()
	for _, v := range vs {
		if v.ID == vols[0] && v.RadiusKm != 42 {
			t.Errorf("the profile change was not applied: radius %d", v.RadiusKm)
		}
	}
}

// TestSnapshotUntrusted: a snapshot that cannot be trusted is ignored and
// the index is built from the store.
func TestSnapshotUntrusted(t *testing.T) {
	ctx := context.Background()
	st, c, path := seeded(t)
	if err := c.SaveSnapshot(ctx, true); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	version, err := st.CatalogueVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	identity, err := c.generation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, vs := c.Index().Records()
	cases := []struct {
		name  string
		setup func(t *testing.T)
	}{
		{"corrupted", func(t *testing.T) {
			bad := slices.Clone(good)
			bad[len(bad)/3] ^= 1
			if err := os.WriteFile(path, bad, 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"ahead of the store", func(t *testing.T) {
			h := match.SnapshotHeader{StoreID: identity, CatalogueVersion: version + 5, AsOf: time.Now(), Clean: true}
			if err := match.WriteSnapshot(path, h, ms, vs); err != nil {
				t.Fatal(err)
			}
		}},
		{"another database", func(t *testing.T) {
			h := match.SnapshotHeader{StoreID: "someone-else", CatalogueVersion: version, AsOf: time.Now(), Clean: true}
			if err := match.WriteSnapshot(path, h, ms, vs); err != nil {
				t.Fatal(err)
			}
		}},
		{"journal gap", func(t *testing.T) {
			if err := os.WriteFile(path, good, 0o600); err != nil {
				t.Fatal(err)
			}
			// A version bump without its journal entry: a crash in between.
			if _, err := st.BumpCatalogueVersion(ctx); err != nil {
				t.Fatal(err)
			}
		}},
		{"bulk load since", func(t *testing.T) {
			if err := os.WriteFile(path, good, 0o600); err != nil {
				t.Fatal(err)
			}
			if err := st.SetDataset(ctx, store.Dataset{Kind: store.DatasetSynthetic, At: time.Now()}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tc.setup(t)
			restarted := New(st, quiet, nil)
			restarted.UseSnapshot(path)
			if err := restarted.Load(ctx); err != nil {
				t.Fatal(err)
			}
			if restarted.LoadedFrom() != "store" {
				t.Errorf("loaded from %s, want store", restarted.LoadedFrom())
			}
			// The rebuild wrote a fresh snapshot that the next start trusts.
			again := New(st, quiet, nil)
			again.UseSnapshot(path)
			if err := again.Load(ctx); err != nil {
				t.Fatal(err)
			}
			if again.LoadedFrom() != "snapshot" {
				t.Errorf("after the rebuild, loaded from %s, want snapshot", again.LoadedFrom())
			}
		})
	}
}

// TestVerifyAfterCrash: a start from a snapshot that was not written at a
// clean shutdown rebuilds from the store, so a write whose journal entry
// was lost in the crash is not missed.
func TestVerifyAfterCrash(t *testing.T) {
	ctx := context.Background()
	st, c, path := seeded(t)
	if err := c.SaveSnapshot(ctx, false); err != nil { // written while running, then a crash
		t.Fatal(err)
	}
	missions, _ := ids(c.Index())
	// The write landed; the crash came before its journal entry.
	if _, err := st.TransitionMission(ctx, missions[0], []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "", time.Now()); err != nil {
		t.Fatal(err)
	}
	restarted := New(st, quiet, nil)
	restarted.UseSnapshot(path)
	if err := restarted.Load(ctx); err != nil {
		t.Fatal(err)
	}
	if restarted.LoadedFrom() != "snapshot" {
		t.Fatalf("loaded from %s, want snapshot", restarted.LoadedFrom())
	}
	if err := restarted.VerifyAfterCrash(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := restarted.Index().Mission(missions[0]); ok {
		t.Error("after verification, the mission closed before the crash is still indexed")
	}
}
