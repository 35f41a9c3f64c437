package handlers

import (
	"context"

	"github.com/entraide/entraide/store"
)

// Catalog keeps the in-memory search index in step with the store. The
// handlers tell it about every write to a mission, its shifts or its
// organisation, in the same request.
type Catalog interface {
	// MissionChanged reloads one mission into the index (or drops it when
	// it is no longer published with open places) and tells other
	// instances.
	MissionChanged(ctx context.Context, missionID string) error
}

// missionChanged updates the index after a write. A failure is logged, not
// returned: the write is done, and the catalogue poller heals the index.
func (s *Server) missionChanged(ctx context.Context, missionID string) {
	if s.catalog == nil {
		return
	}
	if err := s.catalog.MissionChanged(context.WithoutCancel(ctx), missionID); err != nil {
		s.log.Error("index not updated", "mission_id", missionID, "error", err)
	}
}

// missionsOfOrgChanged reindexes every published mission of an
// organisation (its name or state changed).
func (s *Server) missionsOfOrgChanged(ctx context.Context, orgID string) {
	if s.catalog == nil {
		return
	}
	missions, _, err := s.store.Missions(ctx, store.MissionFilter{OrgID: orgID}, "created_at", 0, 0)
	if err != nil {
		s.log.Error("index not updated", "org_id", orgID, "error", err)
		return
	}
	for _, m := range missions {
		s.missionChanged(ctx, m.ID)
	}
}
