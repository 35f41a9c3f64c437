package match

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// missionGrid cuts the globe into cells of 0.1 degree of latitude (11 km) by 360/2480
// degrees of longitude (about 11 km in France): a 20 km search probes about 25 cells.
var missionGrid = gridSpec{nLat: 1800, nLon: 2480}

// maxShiftsScored bounds the shifts whose availability a match looks at: the next ones
// matter, and it keeps a mission with daily shifts for a year as cheap as any other.
const maxShiftsScored = 16

// Mission flags in missionHot.flags.
const (
	mAlive = 1 << iota
	mRemote
	mLocated
	mUrgent
	mVetting
)

// A mission's matching fields are split by how often they are read, each part in its own
// array indexed by slot: scans read only what they test, in memory order.

// missionHot is read for every mission a query looks at.
type missionHot struct {
	firstOpen   int64 // Unix start of the earliest shift with places left, maybe past
	lastOpen    int64 // Unix start of the latest shift with places left; 0 when none
	lastOpenDay int32 // Paris date (yyyymmdd) of that shift
	cat         uint8 // category index, or noCategory
	minAge      uint8
	flags       uint8
}

// missionGeo is read for on-site missions near a point.
type missionGeo struct {
	x, y, z  float64 // unit vector, for distance tests without trigonometry
	lat, lon float64
}

// missionTags is read by skill and language filters and by scoring.
type missionTags struct {
	skills bits128
	langs  bits128
}

// shiftRec is a shift reduced to what matching needs.
type shiftRec struct {
	start, end int64 // Unix seconds
	open       int32 // places left
	slots      uint32
	day        int32 // Paris date (yyyymmdd) of the start
	idx        int32 // position in Mission.Shifts
}

// missionRec is the cold part of an indexed mission.
type missionRec struct {
	m      *Mission   // immutable once indexed: a change swaps in a new copy
	shifts []shiftRec // sorted by start
}

// missionStore holds the missions; slots of removed missions are reused.
type missionStore struct {
	hot  []missionHot
	geo  []missionGeo
	tags []missionTags
	recs []missionRec
	ids  map[string]int32
	free []int32
	grid map[cellKey][]int32 // on-site missions with a location
	// catGrid splits the cells of grid by category (for interest categories) and urgency,
	// so that a recommendation can read only the missions that can still enter its top.
	catGrid map[cellKey][]int32
	remote  []int32 // remote missions
	// remoteByCat groups the remote missions by category, with their latest open shift.
	remoteByCat [noCategory + 1]remoteGroup
	text        textIndex
}

// remoteGroup holds the remote missions of one category. A search near a point includes
// every remote mission, so counting them for the facets would read them all; the sorted
// times let it count them with a binary search instead, and the bitset lets a text search
// count those that have its words with popcounts (remote_count.go).
type remoteGroup struct {
	slots    []int32  // sorted
	lastOpen []int64  // the missions' lastOpen, sorted
	byOpen   []int32  // the slots in the order of lastOpen (ties by slot)
	bits     []uint64 // the slots as a bitset
}

// openAfter counts the missions of the group with a shift with places left after now.
func (g *remoteGroup) openAfter(now int64) int {
	i, _ := slices.BinarySearch(g.lastOpen, now+1) // the first one after now
	return len(g.lastOpen) - i
}

// openPos returns where (lastOpen, slot) is or would be in lastOpen and byOpen.
func (g *remoteGroup) openPos(slot int32, lastOpen int64) int {
	return sort.Search(len(g.lastOpen), func(i int) bool {
		return g.lastOpen[i] > lastOpen || (g.lastOpen[i] == lastOpen && g.byOpen[i] >= slot)
	})
}

func (g *remoteGroup) add(slot int32, lastOpen int64) {
	g.slots = insertSlot(g.slots, slot)
	i := g.openPos(slot, lastOpen)
	g.lastOpen = slices.Insert(g.lastOpen, i, lastOpen)
	g.byOpen = slices.Insert(g.byOpen, i, slot)
	if w := int(slot >> 6); w >= len(g.bits) {
		g.bits = append(g.bits, make([]uint64, w+1-len(g.bits))...)
	}
	g.bits[slot>>6] |= 1 << (slot & 63)
}

func (g *remoteGroup) remove(slot int32, lastOpen int64) {
	g.slots = removeSlot(g.slots, slot)
	if i := g.openPos(slot, lastOpen); i < len(g.byOpen) && g.byOpen[i] == slot {
		g.lastOpen = slices.Delete(g.lastOpen, i, i+1)
		g.byOpen = slices.Delete(g.byOpen, i, i+1)
	}
	if w := int(slot >> 6); w < len(g.bits) {
		g.bits[w] &^= 1 << (slot & 63)
	}
}

func newMissionStore(n int) *missionStore {
	return &missionStore{
		hot:     make([]missionHot, 0, n),
		geo:     make([]missionGeo, 0, n),
		tags:    make([]missionTags, 0, n),
		recs:    make([]missionRec, 0, n),
		ids:     make(map[string]int32, n),
		grid:    make(map[cellKey][]int32),
		catGrid: make(map[cellKey][]int32),
		text:    newTextIndex(),
	}
}

// checkMission rejects what the index cannot place; callers wrap the error in ErrInvalid.
func checkMission(m *Mission) error {
	if m.ID == "" {
		return errors.New("mission without id")
	}
	if m.HasLocation && !validLatLon(m.Lat, m.Lon) {
		return fmt.Errorf("mission %q: coordinates out of range", m.ID)
	}
	return nil
}

// copyMission returns a copy of m that shares nothing mutable with the caller; strings are
// cloned too when they may alias a reused request buffer.
func copyMission(m *Mission, cloneStrings bool) *Mission {
	cp := *m
	cp.Skills = slices.Clone(m.Skills)
	cp.Languages = slices.Clone(m.Languages)
	cp.Shifts = slices.Clone(m.Shifts)
	if cloneStrings {
		for _, s := range []*string{&cp.ID, &cp.OrgID, &cp.OrgName, &cp.Title, &cp.Description,
			&cp.Category, &cp.Postcode, &cp.City} {
			*s = strings.Clone(*s)
		}
		for i := range cp.Skills {
			cp.Skills[i] = strings.Clone(cp.Skills[i])
		}
		for i := range cp.Languages {
			cp.Languages[i] = strings.Clone(cp.Languages[i])
		}
		for i := range cp.Shifts {
			cp.Shifts[i].ID = strings.Clone(cp.Shifts[i].ID)
		}
	}
	return &cp
}

// shiftRecs converts the shifts of m, sorted by start.
func shiftRecs(m *Mission) []shiftRec {
	recs := make([]shiftRec, len(m.Shifts))
	for i, sh := range m.Shifts {
		start, end := sh.Start.Unix(), max(sh.End.Unix(), sh.Start.Unix())
		recs[i] = shiftRec{
			start: start, end: end,
			open:  int32(min(max(sh.Capacity-sh.Taken, 0), math.MaxInt32)),
			slots: slotMask(start, end), day: parisDate(start), idx: int32(i),
		}
	}
	slices.SortStableFunc(recs, func(a, b shiftRec) int {
		switch {
		case a.start < b.start:
			return -1
		case a.start > b.start:
			return 1
		}
		return 0
	})
	return recs
}

// setOpen records the earliest and the latest shift with places left.
func (h *missionHot) setOpen(shifts []shiftRec) {
	h.firstOpen, h.lastOpen, h.lastOpenDay = 0, 0, 0
	for i := range shifts {
		if shifts[i].open > 0 {
			h.firstOpen = shifts[i].start
			break
		}
	}
	for i := len(shifts) - 1; i >= 0; i-- {
		if shifts[i].open > 0 {
			h.lastOpen, h.lastOpenDay = shifts[i].start, shifts[i].day
			break
		}
	}
}

// nextOpen returns the start of the soonest future shift with places left, knowing that
// there is one (lastOpen > now).
func (s *missionStore) nextOpen(slot int32, now int64) int64 {
	if h := &s.hot[slot]; h.firstOpen > now {
		return h.firstOpen // the usual case, without looking at the shifts
	}
	return nextOpen(s.recs[slot].shifts, now).start
}

// set computes the matching fields of m into slot, interning its category and languages.
func (s *missionStore) set(slot int32, m *Mission, shifts []shiftRec, v *vocab) {
	h := missionHot{cat: noCategory, flags: mAlive}
	if id, ok := v.cats.intern(m.Category); ok {
		h.cat = uint8(id)
	}
	h.minAge = uint8(min(max(m.MinAge, 0), math.MaxUint8))
	h.setOpen(shifts)
	var g missionGeo
	if m.Remote {
		h.flags |= mRemote
	} else if m.HasLocation {
		h.flags |= mLocated
		g.lat, g.lon = m.Lat, m.Lon
		g.x, g.y, g.z = unitVector(m.Lat, m.Lon)
	}
	if m.Urgent {
		h.flags |= mUrgent
	}
	if m.RequiresVetting {
		h.flags |= mVetting
	}
	s.hot[slot], s.geo[slot] = h, g
	s.tags[slot] = missionTags{skills: v.skillBits(m.Skills), langs: v.langBits(m.Languages, true)}
	s.recs[slot] = missionRec{m: m, shifts: shifts}
}

// catCell is the key of a cell of catGrid: the cell, with a category and whether the
// missions are urgent in the high bits.
func catCell(k cellKey, cat uint8, urgent bool) cellKey {
	if urgent {
		k |= 1 << 56
	}
	return k | cellKey(cat)<<48
}

// place adds the mission in slot to the grids or the remote lists.
func (s *missionStore) place(slot int32) {
	h := &s.hot[slot]
	switch {
	case h.flags&mRemote != 0:
		s.remote = insertSlot(s.remote, slot)
		s.remoteByCat[h.cat].add(slot, h.lastOpen)
	case h.flags&mLocated != 0:
		k := missionGrid.key(s.geo[slot].lat, s.geo[slot].lon)
		s.grid[k] = insertSlot(s.grid[k], slot)
		if h.cat < MaxInterestCategories {
			ck := catCell(k, h.cat, h.flags&mUrgent != 0)
			s.catGrid[ck] = insertSlot(s.catGrid[ck], slot)
		}
	}
}

// unplace reverses place.
func (s *missionStore) unplace(slot int32) {
	h := &s.hot[slot]
	switch {
	case h.flags&mRemote != 0:
		s.remote = removeSlot(s.remote, slot)
		s.remoteByCat[h.cat].remove(slot, h.lastOpen)
	case h.flags&mLocated != 0:
		k := missionGrid.key(s.geo[slot].lat, s.geo[slot].lon)
		gridRemove(s.grid, k, slot)
		if h.cat < MaxInterestCategories {
			gridRemove(s.catGrid, catCell(k, h.cat, h.flags&mUrgent != 0), slot)
		}
	}
}

// gridRemove removes slot from a cell, dropping the cell when it empties.
func gridRemove(grid map[cellKey][]int32, k cellKey, slot int32) {
	if cell := removeSlot(grid[k], slot); len(cell) > 0 {
		grid[k] = cell
	} else {
		delete(grid, k)
	}
}

// sameText reports whether two versions of a mission have the same searchable text.
func sameText(a, b *Mission) bool {
	return a.Title == b.Title && a.Description == b.Description && a.OrgName == b.OrgName &&
		slices.Equal(a.Skills, b.Skills) && a.Category == b.Category && a.Remote == b.Remote &&
		slices.Equal(a.Languages, b.Languages)
}

// upsert indexes m (already copied), replacing the mission with the same id.
func (s *missionStore) upsert(m *Mission, v *vocab) {
	shifts := shiftRecs(m)
	slot, exists := s.ids[m.ID]
	if exists {
		old := s.recs[slot].m
		s.unplace(slot)
		if !sameText(old, m) {
			s.text.remove(slot, old, v)
			s.text.add(slot, m, v, false)
		}
	} else {
		slot = s.alloc()
		s.ids[m.ID] = slot
		s.text.add(slot, m, v, false)
	}
	s.set(slot, m, shifts, v)
	s.place(slot)
}

func (s *missionStore) alloc() int32 {
	if n := len(s.free); n > 0 {
		slot := s.free[n-1]
		s.free = s.free[:n-1]
		return slot
	}
	s.grow()
	return int32(len(s.hot) - 1)
}

// grow adds an empty slot at the end.
func (s *missionStore) grow() {
	s.hot = append(s.hot, missionHot{})
	s.geo = append(s.geo, missionGeo{})
	s.tags = append(s.tags, missionTags{})
	s.recs = append(s.recs, missionRec{})
}

// remove drops the mission with the given id.
func (s *missionStore) remove(id string, v *vocab) bool {
	slot, ok := s.ids[id]
	if !ok {
		return false
	}
	s.unplace(slot)
	s.text.remove(slot, s.recs[slot].m, v)
	s.hot[slot], s.geo[slot], s.tags[slot], s.recs[slot] = missionHot{}, missionGeo{}, missionTags{}, missionRec{}
	delete(s.ids, id)
	s.free = append(s.free, slot)
	return true
}

// setTaken records the places taken on one shift, swapping in a new copy of the mission so
// that readers holding the old one never see it change.
func (s *missionStore) setTaken(missionID, shiftID string, taken int) bool {
	slot, ok := s.ids[missionID]
	if !ok {
		return false
	}
	rec := &s.recs[slot]
	i := slices.IndexFunc(rec.m.Shifts, func(sh Shift) bool { return sh.ID == shiftID })
	if i < 0 {
		return false
	}
	m := *rec.m
	m.Shifts = slices.Clone(m.Shifts)
	m.Shifts[i].Taken = taken
	shifts := slices.Clone(rec.shifts)
	for j := range shifts {
		if shifts[j].idx == int32(i) {
			shifts[j].open = int32(min(max(m.Shifts[i].Capacity-taken, 0), math.MaxInt32))
		}
	}
	rec.m, rec.shifts = &m, shifts
	h := &s.hot[slot]
	remote := h.flags&mRemote != 0
	if remote {
		s.remoteByCat[h.cat].remove(slot, h.lastOpen)
	}
	h.setOpen(shifts)
	if remote {
		s.remoteByCat[h.cat].add(slot, h.lastOpen)
	}
	return true
}
