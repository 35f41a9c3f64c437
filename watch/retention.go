package watch

import (
	"context"

	"github.com/entraide/entraide/models"
)

// PurgeEnded is the retention job: the list, the call logs, the board and
// the concerns of every programme that ended more than the retention
// period ago are deleted; the programme keeps anonymised counts for the
// organisation's statistics. It scans the programmes: a background job,
// run daily by the service. It returns how many programmes it purged.
func (s *Service) PurgeEnded(ctx context.Context) (int, error) {
	now := s.now()
	programmes, err := s.store.WatchProgrammesEndedBefore(ctx, now.Add(-s.retention))
	if err != nil {
		return 0, err
	}
	n := 0
	for i := range programmes {
		p := &programmes[i]
		rows, err := s.store.WatchBoard(ctx, p.ID)
		if err != nil {
			return n, err
		}
		stats, err := s.stats(ctx, p, rows)
		if err != nil {
			return n, err
		}
		stats.Computed = now
		if err := s.store.PurgeWatchProgramme(ctx, p, rows, stats, now); err != nil {
			return n, err
		}
		if err := s.audit(ctx, "", ActionPurge, "watch_programme", p.ID, map[string]any{"people": stats.People}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// stats counts what may be kept: numbers, no person.
func (s *Service) stats(ctx context.Context, p *models.WatchProgramme, rows []models.WatchRow) (models.WatchStats, error) {
	st := models.WatchStats{People: len(rows), Volunteer: len(p.Volunteers), Concerns: map[string]int{}}
	for _, row := range rows {
		calls, err := s.store.WatchCalls(ctx, row.PersonID)
		if err != nil {
			return st, err
		}
		st.Calls += len(calls)
		for _, c := range calls {
			if c.Outcome == models.OutcomeReached {
				st.Reached++
			}
			if c.Concern != models.ConcernNone && c.Concern != "" {
				st.Concerns[string(c.Concern)]++
			}
		}
	}
	return st, nil
}
