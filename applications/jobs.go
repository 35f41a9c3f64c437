package applications

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
func (svc *Service) ReconcilePlaces(ctx context.Context) (repaired int, err error) {
	held, err := svc.Store.HeldPlaces(ctx)
	if err != nil {
		return 0, err
	}
	shifts, err := svc.Store.ShiftsWithPlacesTaken(ctx)
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
		more, err := svc.Store.ShiftsByIDs(ctx, missing)
		if err != nil {
			return 0, err
		}
		shifts = append(shifts, more...)
	}
	checks, err := svc.Store.PlaceChecks(ctx)
	if err != nil {
		return 0, err
	}
	now := svc.now()
	for _, sh := range shifts {
		taken, count := sh.Taken, int(held[sh.ID])
		check, known := checks[sh.ID]
		delete(checks, sh.ID)
		if taken > count {
			if !known || check.Taken != taken || check.Held != count {
				if err := svc.Store.SavePlaceCheck(ctx, store.PlaceCheck{ShiftID: sh.ID, Taken: taken, Held: count, At: now}); err != nil {
					return repaired, err
				}
				continue
			}
			if now.Sub(check.At) < PlaceDriftGrace {
				continue
			}
		}
		if known {
			if err := svc.Store.DeletePlaceCheck(ctx, sh.ID); err != nil {
				return repaired, err
			}
		}
		if taken == count {
			continue
		}
		ok, err := svc.Store.SetShiftTakenIf(ctx, sh.ID, taken, count)
		if err != nil {
			return repaired, err
		}
		if !ok {
			continue // changed meanwhile: the next run looks again
		}
		repaired++
		svc.Log.Warn("places recounted", "shift_id", sh.ID, "mission_id", sh.MissionID, "taken_was", taken, "taken", count)
		if m, err := svc.Store.MissionByID(ctx, sh.MissionID); err == nil && count < taken {
			svc.FillShift(ctx, m, sh.ID)
		}
		svc.MissionChanged(ctx, sh.MissionID)
	}
	for id := range checks {
		// Drift gone by itself (a request completed, or the shift went).
		if err := svc.Store.DeletePlaceCheck(ctx, id); err != nil {
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
func (svc *Service) ExpireOffers(ctx context.Context) (int, error) {
	now := svc.now()
	lapsed, err := svc.Store.LapsedOffers(ctx, now, jobBatch)
	if err != nil {
		return 0, err
	}
	expired := 0
	for i := range lapsed {
		updated, err := svc.Change(ctx, &lapsed[i], models.ApplicationExpired, models.ActorSystem, "system",
			store.ApplicationChange{Entry: models.StatusChange{Reason: "offer_lapsed"}, OfferLapsedAt: now, ClearOffer: true})
		if errors.Is(err, store.ErrConflict) {
			continue // confirmed or withdrawn meanwhile
		}
		if err != nil {
			return expired, err
		}
		expired++
		svc.ReleasePlace(ctx, updated.MissionID, updated.ShiftID)
	}
	if expired > 0 {
		svc.Log.Info("waiting-list offers expired", "count", expired)
	}
	return expired, nil
}

// FillWaitlists offers the free places of shifts that have a waiting list
// and reports how many applications moved up: the sweep behind the offers
// every freed place gets at once (a crash between two writes). It reads
// the listed shifts by key and the waiting list only of those with a free
// place (FillShift); a full shift, the usual case, costs one read. Shifts
// that have begun, or are gone, leave the list.
func (svc *Service) FillWaitlists(ctx context.Context) (int, error) {
	ids, err := svc.Store.WaitlistedShiftIDs(ctx)
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	shifts, err := svc.Store.ShiftsByIDs(ctx, ids)
	if err != nil {
		return 0, err
	}
	now := svc.now()
	found := make(map[string]bool, len(shifts))
	moved := 0
	for _, sh := range shifts {
		found[sh.ID] = true
		if !sh.Start.After(now) {
			if err := svc.Store.UnlistWaitlistedShift(ctx, sh.ID); err != nil {
				return moved, err
			}
			continue
		}
		if sh.PlacesLeft() == 0 {
			continue
		}
		m, err := svc.Store.MissionByID(ctx, sh.MissionID)
		if err != nil {
			return moved, err
		}
		moved += svc.FillShift(ctx, m, sh.ID)
	}
	for _, id := range ids {
		if !found[id] {
			if err := svc.Store.UnlistWaitlistedShift(ctx, id); err != nil {
				return moved, err
			}
		}
	}
	return moved, nil
}

// CloseEndedMissions closes the published missions whose last shift has
// ended. It is idempotent: the transition is conditional, so two instances
// running it at once close each mission once.
func (svc *Service) CloseEndedMissions(ctx context.Context) (int, error) {
	now := svc.now()
	missions, err := svc.Store.EndedPublishedMissions(ctx, now)
	if err != nil {
		return 0, err
	}
	closed := 0
	for _, m := range missions {
		_, err := svc.Store.TransitionMission(ctx, m.ID, []models.MissionStatus{models.MissionPublished}, models.MissionClosed, "last shift ended", now)
		if errors.Is(err, store.ErrConflict) {
			continue
		}
		if err != nil {
			return closed, err
		}
		closed++
		svc.MissionChanged(ctx, m.ID)
	}
	if closed > 0 {
		svc.Log.Info("missions closed after their last shift", "count", closed)
	}
	return closed, nil
}
