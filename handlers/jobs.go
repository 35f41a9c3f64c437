package handlers

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// CloseEndedMissions closes the published missions whose last shift has
// ended. It is idempotent: the transition is conditional, so two instances
// running it at once close each mission once.
func (s *Server) CloseEndedMissions(ctx context.Context) (int, error) {
	now := s.now()
	missions, err := s.store.EndedPublishedMissions(ctx, now)
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, m := range missions {
		_, err := s.store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "last shift ended", now)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return closed, err
		}
		closed++
		s.missionChanged(ctx, m.ID)
	}
	if closed > 0 {
		s.log.Info("missions closed after their last shift", "count", closed)
	}
	return closed, nil
}
