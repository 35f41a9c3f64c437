package match

import (
	"cmp"
	"fmt"
	"slices"
)

// build fills an empty store with missions (the last of a repeated id wins). Slots follow
// space: remote missions first, then on-site ones cell by cell, so that a search near a
// point reads neighbouring memory instead of jumping across the array.
func (s *missionStore) build(missions []Mission, v *vocab) error {
	last := make(map[string]int, len(missions))
	var errs []string
	for i := range missions {
		if err := checkMission(&missions[i]); err != nil {
			errs = append(errs, err.Error())
			continue
		}
		last[missions[i].ID] = i
	}
	type placed struct {
		key uint64 // group, grid cell, category, urgency
		i   int
	}
	order := make([]placed, 0, len(last))
	for i := range missions {
		if j, ok := last[missions[i].ID]; !ok || j != i {
			continue
		}
		m := &missions[i]
		// Within a group or a cell, by category and urgency: the remote groups and the
		// lists of catGrid are then runs of neighbouring slots too.
		sub := uint64(noCategory) << 1
		if cat, ok := v.cats.lookup(m.Category); ok {
			sub = uint64(cat) << 1
		}
		if m.Urgent {
			sub |= 1
		}
		key := uint64(2) << 62 // on site, no location: only full scans read them
		switch {
		case m.Remote:
			key = sub
		case m.HasLocation:
			key = 1<<62 | uint64(missionGrid.key(m.Lat, m.Lon))<<16 | sub
		}
		order = append(order, placed{key: key, i: i})
	}
	slices.SortFunc(order, func(a, b placed) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.i, b.i)
	})
	for _, p := range order {
		m := copyMission(&missions[p.i], false)
		shifts := shiftRecs(m)
		slot := int32(len(s.hot))
		s.ids[m.ID] = slot
		s.grow()
		s.set(slot, m, shifts, v)
		s.text.add(slot, m, v, true)
		s.place(slot)
	}
	s.text.finishBulk()
	return joinErrors(errs)
}

// joinErrors summarises skipped items in one error.
func joinErrors(errs []string) error {
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %d skipped, first: %s", ErrInvalid, len(errs), errs[0])
}
