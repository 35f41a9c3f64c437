package catalog

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeClock) Now() time.Time { f.mu.Lock(); defer f.mu.Unlock(); return f.now }

func (f *fakeClock) Add(d time.Duration) { f.mu.Lock(); f.now = f.now.Add(d); f.mu.Unlock() }

// TestPollJournalAndGap: a poll applies other instances' changes from the
// journal; when an entry is missing it waits JournalGapGrace for it, then
// scans the index stamps instead, and catches up all the same.
func TestPollJournalAndGap(t *testing.T) {
	ctx := context.Background()
	st, _, _ := seeded(t)
	clock := &fakeClock{now: time.Now().UTC()}
	c := New(st, quiet, clock.Now)
	if err := c.Load(ctx); err != nil {
		t.Fatal(err)
	}
	other := New(st, quiet, clock.Now)
	missions, _ := ids(c.Index())
	closeMission := func(id string) {
		t.Helper()
		if _, err := st.TransitionMission(ctx, id, []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "", clock.Now()); err != nil {
			t.Fatal(err)
		}
	}
	closeMission(missions[0])
	if err := other.MissionChanged(ctx, missions[0]); err != nil {
		t.Fatal(err)
	}
	if err := c.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Index().Mission(missions[0]); ok {
		t.Fatal("the poll did not apply the journalled change")
	}

	// A change stamped whose journal entry is missing (a version bump
	// alone stands for an entry lost or still on its way).
	closeMission(missions[1])
	if err := st.StampMission(ctx, missions[1], clock.Now()); err != nil {
		t.Fatal(err)
	}
	if _, err := st.BumpCatalogueVersion(ctx); err != nil {
		t.Fatal(err)
	}
	if err := c.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Index().Mission(missions[1]); !ok {
		t.Fatal("the poll did not wait for the missing entry")
	}
	clock.Add(JournalGapGrace + time.Second)
	if err := c.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Index().Mission(missions[1]); ok {
		t.Error("after the grace, the stamp scan did not apply the change")
	}
}
