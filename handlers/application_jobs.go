package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// PlaceDriftGrace is how long a shift must show more places taken than
// applications holding one before reconciliation lowers its count. A
// request takes a place before it writes its application, so a single
// look cannot tell a crash's leftover from a request in flight; lowering
// the count under a request in flight would overbook.
const PlaceDriftGrace = 30 * time.Second

// ReconcilePlaces recounts every shift's taken places from the
// applications that hold one, repairs the drift and logs it. A count
// below the applications is raised at once (no request in flight leaves
// it so); a count above them is lowered when seen unchanged for
// PlaceDriftGrace, so run it twice that far apart. Each repair is a
// compare-and-swap on the count read, safe with two instances at once.
func (s *Server) ReconcilePlaces(ctx context.Context) (repaired int, err error) {
	held, err := s.store.HeldPlaces(ctx)
	if err != nil {
		return 0, err
	}
	shifts, err := s.store.ShiftsWithPlacesTaken(ctx)
	if err != nil {
		return 0, err
	}
	seen := map[string]bool{}
	for _, sh := range shifts {
		seen[sh.ID] = true
	}
	var missing []string
	for id := range held {
		if !seen[id] {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		more, err := s.store.ShiftsByIDs(ctx, missing)
		if err != nil {
			return 0, err
		}
		shifts = append(shifts, more...)
	}
	checks, err := s.store.PlaceChecks(ctx)
	if err != nil {
		return 0, err
	}
	now := s.now()
	for _, sh := range shifts {
		taken, count := sh.Taken, int(held[sh.ID])
		check, known := checks[sh.ID]
		delete(checks, sh.ID)
		if taken > count {
			if !known || check.Taken != taken || check.Held != count {
				if err := s.store.SavePlaceCheck(ctx, store.PlaceCheck{ShiftID: sh.ID, Taken: taken, Held: count, At: now}); err != nil {
					return repaired, err
				}
				continue
			}
			if now.Sub(check.At) < PlaceDriftGrace {
				continue
			}
		}
		if known {
			if err := s.store.DeletePlaceCheck(ctx, sh.ID); err != nil {
				return repaired, err
			}
		}
		if taken == count {
			continue
		}
		ok, err := s.store.SetShiftTakenIf(ctx, sh.ID, taken, count)
		if err != nil {
			return repaired, err
		}
		if !ok {
			continue // changed meanwhile: the next run looks again
		}
		repaired++
		s.log.Warn("places recounted", "shift_id", sh.ID, "mission_id", sh.MissionID, "taken_was", taken, "taken", count)
		if m, err := s.store.MissionByID(ctx, sh.MissionID); err == nil && count < taken {
			s.fillShift(ctx, m, sh.ID)
		}
		s.missionChanged(ctx, sh.MissionID)
	}
	for id := range checks {
		// Drift gone by itself (a request completed, or the shift went).
		if err := s.store.DeletePlaceCheck(ctx, id); err != nil {
			return repaired, err
		}
	}
	return repaired, nil
}

// jobBatch bounds the applications one job run handles; the next run
// takes the rest.
const jobBatch = 500

// ExpireOffers ends the waiting-list offers not confirmed in time and
// passes each place to the next on the list.
func (s *Server) ExpireOffers(ctx context.Context) (int, error) {
	now := s.now()
	lapsed, err := s.store.LapsedOffers(ctx, now, jobBatch)
	if err != nil {
		return 0, err
	}
	expired := 0
	for i := range lapsed {
		updated, err := s.changeApplication(ctx, &lapsed[i], models.ApplicationExpired, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "offer_lapsed"}, OfferLapsedAt: now, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue // confirmed or withdrawn meanwhile
		}
		if err != nil {
			return expired, err
		}
		expired++
		s.releasePlace(ctx, updated.MissionID, updated.ShiftID)
	}
	if expired > 0 {
		s.log.Info("waiting-list offers expired", "count", expired)
	}
	return expired, nil
}

// FillWaitlists offers the free places of shifts that have a waiting list
// (a capacity raised, a place freed while an applicant was being
// waitlisted) and reports how many applications moved up.
func (s *Server) FillWaitlists(ctx context.Context) (int, error) {
	waiting, err := s.store.WaitlistedShifts(ctx)
	if err != nil || len(waiting) == 0 {
		return 0, err
	}
	ids := make([]string, 0, len(waiting))
	for id := range waiting {
		ids = append(ids, id)
	}
	shifts, err := s.store.ShiftsByIDs(ctx, ids)
	if err != nil {
		return 0, err
	}
	now := s.now()
	moved := 0
	for _, sh := range shifts {
		if sh.PlacesLeft() == 0 || !sh.Start.After(now) {
			continue
		}
		m, err := s.store.MissionByID(ctx, sh.MissionID)
		if err != nil {
			return moved, err
		}
		moved += s.fillShift(ctx, m, sh.ID)
	}
	return moved, nil
}
