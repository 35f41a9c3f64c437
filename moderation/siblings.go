package moderation

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// The duplicate check compares a queued mission with every mission of its
// organisation, which the store reads one key at a time: hundreds of reads
// for a large organisation, for each mission of a queue's page. The
// siblings of an organisation are kept for five minutes, and forgotten at
// once whenever this package writes one of its missions (a new draft, an
// edit, a decision), so that a mission submitted twice is still seen as a
// likely duplicate of itself. Only that organisation's are forgotten: an
// admin working through the queue publishes one mission after another, and
// each decision would otherwise make the next page read the siblings of
// every organisation on it again. The five minutes bound what a write made
// by another instance (on MongoDB) takes to show in a warning.

const siblingsTTL = 5 * time.Minute

type sibling struct {
	ID, Title string
	Folded    string // the title folded once (models.Fold)
	Status    models.MissionStatus
}

type siblingsEntry struct {
	at   time.Time
	gen  uint64 // the generation when its read began
	list []sibling
}

type siblingsCache struct {
	gen       atomic.Uint64
	mu        sync.Mutex
	entries   map[string]siblingsEntry
	forgotten map[string]uint64 // organisation → generation of its last write
}

// forget drops an organisation's siblings after a write to one of its
// missions. A read that began before it (an older generation) is not
// kept, even if it ends after.
func (c *siblingsCache) forget(orgID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.forgotten == nil || len(c.forgotten) > 10000 {
		c.forgotten, c.entries = map[string]uint64{}, map[string]siblingsEntry{}
	}
	c.forgotten[orgID] = c.gen.Add(1)
	delete(c.entries, orgID)
}

func (svc *Service) siblingsOf(ctx context.Context, orgID string) ([]sibling, error) {
	c := &svc.siblings
	gen, now := c.gen.Load(), svc.now()
	c.mu.Lock()
	e, ok := c.entries[orgID]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < siblingsTTL {
		return e.list, nil
	}
	missions, _, err := svc.Store.Missions(ctx, store.MissionFilter{OrgID: orgID}, "created_at", 0, 500)
	if err != nil {
		return nil, err
	}
	list := make([]sibling, len(missions))
	for i, m := range missions {
		list[i] = sibling{ID: m.ID, Title: m.Title, Folded: models.Fold(m.Title), Status: m.Status}
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) > 1000 {
		c.entries = map[string]siblingsEntry{}
	}
	if gen >= c.forgotten[orgID] { // no write since the read began
		c.entries[orgID] = siblingsEntry{at: now, gen: gen, list: list}
	}
	c.mu.Unlock()
	return list, nil
}
