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
// siblings of an organisation are kept for a minute, and forgotten at once
// whenever this package writes a mission (a new draft, an edit, a
// decision), so that a mission submitted twice is still seen as a likely
// duplicate of itself.

const siblingsTTL = time.Minute

type sibling struct {
	ID, Title string
	Status    models.MissionStatus
}

type siblingsEntry struct {
	at   time.Time
	gen  uint64
	list []sibling
}

type siblingsCache struct {
	gen     atomic.Uint64
	mu      sync.Mutex
	entries map[string]siblingsEntry
}

// forget drops every organisation's siblings after a mission write.
func (c *siblingsCache) forget() { c.gen.Add(1) }

func (svc *Service) siblingsOf(ctx context.Context, orgID string) ([]sibling, error) {
	c := &svc.siblings
	gen, now := c.gen.Load(), svc.now()
	c.mu.Lock()
	e, ok := c.entries[orgID]
	c.mu.Unlock()
	if ok && e.gen == gen && now.Sub(e.at) < siblingsTTL {
		return e.list, nil
	}
	missions, _, err := svc.Store.Missions(ctx, store.MissionFilter{OrgID: orgID}, "created_at", 0, 500)
	if err != nil {
		return nil, err
	}
	list := make([]sibling, len(missions))
	for i, m := range missions {
		list[i] = sibling{ID: m.ID, Title: m.Title, Status: m.Status}
	}
	c.mu.Lock()
	if c.entries == nil || len(c.entries) > 1000 {
		c.entries = map[string]siblingsEntry{}
	}
	c.entries[orgID] = siblingsEntry{at: now, gen: gen, list: list}
	c.mu.Unlock()
	return list, nil
}
