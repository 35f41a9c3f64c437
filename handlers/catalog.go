package handlers

import (
	"context"

	"github.com/entraide/entraide/store"
)

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
