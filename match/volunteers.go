package match

import (
	"cmp"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"slices"
)

// Volunteer flags in volRec.flags.
const (
	vAlive = 1 << iota
	vVisible
	vAlerts
	vRemote
	vLocated
	vVetted
)

// volRec is a volunteer packed into 64 bytes; a million of them fill 64 MB.
type volRec struct {
	skills   bits128
	langs    bits128
	id       [12]byte
	lat, lon float32 // float32 is within 1 m in France, enough for a travel radius
	avail    uint32
	birth    int32 // yyyymmdd, 0 when unknown
	cats     uint16
	radius   uint8
	flags    uint8
}

// volunteerTiers groups volunteers by travel radius, each group on a grid whose cells are
// about half its largest radius: a mission probes a few cells per group, and the rare
// volunteers who travel far do not force a wide search over everybody.
var volunteerTiers = [...]struct {
	maxKm int
	grid  gridSpec
}{
	{10, gridSpec{nLat: 1800, nLon: 2480}},
	{25, gridSpec{nLat: 720, nLon: 1000}},
	{50, gridSpec{nLat: 360, nLon: 500}},
	{100, gridSpec{nLat: 180, nLon: 250}},
	{MaxRadiusKm, gridSpec{nLat: 72, nLon: 100}},
}

func tierOf(radiusKm uint8) int {
	for t, tier := range volunteerTiers {
		if int(radiusKm) <= tier.maxKm {
			return t
		}
	}
	return len(volunteerTiers) - 1
}

// volunteerStore holds the volunteers; slots of removed volunteers are reused.
type volunteerStore struct {
	recs []volRec
	ids  map[[12]byte]int32
	free []int32
	// tiers and remote hold only volunteers who may be found (Visible or Alerts).
	tiers  [len(volunteerTiers)]map[cellKey][]int32
	remote []int32
	// remoteByInterest splits remote by interest (a volunteer is in each of theirs), the
	// last list holding those who declared none: the candidates for a remote mission who
	// can score highest are read first, and often the only ones read.
	remoteByInterest [MaxInterestCategories + 1][]int32
}

func newVolunteerStore(n int) *volunteerStore {
	s := &volunteerStore{recs: make([]volRec, 0, n), ids: make(map[[12]byte]int32, n)}
	for t := range s.tiers {
		s.tiers[t] = make(map[cellKey][]int32)
	}
	return s
}

// parseID decodes a 24-hex-character ObjectID.
func parseID(id string) ([12]byte, error) {
	var out [12]byte
	if len(id) != 24 {
		return out, fmt.Errorf("volunteer id %q: want 24 hex characters", id)
	}
	if _, err := hex.Decode(out[:], []byte(id)); err != nil {
		return out, fmt.Errorf("volunteer id %q: want 24 hex characters", id)
	}
	return out, nil
}

// packVolunteer turns a profile into a record. withID is false when the profile is only
// scored (RecommendFor) and may have no id; grow interns unknown languages.
func packVolunteer(v *Volunteer, voc *vocab, withID, grow bool) (volRec, error) {
	rec := volRec{flags: vAlive}
	if withID {
		id, err := parseID(v.ID)
		if err != nil {
			return rec, err
		}
		rec.id = id
	}
	if v.HasLocation {
		if !validLatLon(v.Lat, v.Lon) {
			return rec, errors.New("volunteer " + v.ID + ": coordinates out of range")
		}
		rec.lat, rec.lon = float32(v.Lat), float32(v.Lon)
		rec.flags |= vLocated
	}
	rec.radius = uint8(DefaultRadiusKm)
	if v.RadiusKm > 0 {
		rec.radius = uint8(min(v.RadiusKm, MaxRadiusKm))
	}
	rec.skills = voc.skillBits(v.Skills)
	rec.langs = voc.langBits(v.Languages, grow)
	rec.cats = voc.interestBits(v.Categories)
	rec.avail = uint32(v.Availability) & allSlots
	rec.birth = birthDate(v.BirthDate)
	for _, f := range []struct {
		on   bool
		flag uint8
	}{{v.Remote, vRemote}, {v.Vetted, vVetted}, {v.Visible, vVisible}, {v.Alerts, vAlerts}} {
		if f.on {
			rec.flags |= f.flag
		}
	}
	return rec, nil
}

// findable reports whether organisations or alerts may reach the volunteer.
func (r *volRec) findable() bool { return r.flags&(vVisible|vAlerts) != 0 }

func (r *volRec) tierKey() (int, cellKey) {
	t := tierOf(r.radius)
	return t, volunteerTiers[t].grid.key(float64(r.lat), float64(r.lon))
}

// place adds the volunteer in slot to its grid cell and the remote list, as they apply.
func (s *volunteerStore) place(slot int32) {
	r := &s.recs[slot]
	if !r.findable() {
		return
	}
	if r.flags&vLocated != 0 {
		t, k := r.tierKey()
		s.tiers[t][k] = insertSlot(s.tiers[t][k], slot)
	}
	if r.flags&vRemote != 0 {
		s.remote = insertSlot(s.remote, slot)
		for _, list := range s.interestLists(r) {
			*list = insertSlot(*list, slot)
		}
	}
}

// unplace reverses place.
func (s *volunteerStore) unplace(slot int32) {
	r := &s.recs[slot]
	if !r.findable() {
		return
	}
	if r.flags&vLocated != 0 {
		t, k := r.tierKey()
		gridRemove(s.tiers[t], k, slot)
	}
	if r.flags&vRemote != 0 {
		s.remote = removeSlot(s.remote, slot)
		for _, list := range s.interestLists(r) {
			*list = removeSlot(*list, slot)
		}
	}
}

// interestLists returns the lists of remoteByInterest that hold a remote volunteer.
func (s *volunteerStore) interestLists(r *volRec) []*[]int32 {
	if r.cats == 0 {
		return []*[]int32{&s.remoteByInterest[MaxInterestCategories]}
	}
	lists := make([]*[]int32, 0, bits.OnesCount16(r.cats))
	for cats := r.cats; cats != 0; cats &= cats - 1 {
		lists = append(lists, &s.remoteByInterest[bits.TrailingZeros16(cats)])
	}
	return lists
}

// upsert stores rec, replacing the volunteer with the same id.
func (s *volunteerStore) upsert(rec volRec) {
	slot, ok := s.ids[rec.id]
	if ok {
		s.unplace(slot)
	} else if n := len(s.free); n > 0 {
		slot = s.free[n-1]
		s.free = s.free[:n-1]
	} else {
		slot = int32(len(s.recs))
		s.recs = append(s.recs, volRec{})
	}
	s.ids[rec.id] = slot
	s.recs[slot] = rec
	s.place(slot)
}

// remove drops the volunteer with the given id.
func (s *volunteerStore) remove(id [12]byte) bool {
	slot, ok := s.ids[id]
	if !ok {
		return false
	}
	s.unplace(slot)
	s.recs[slot] = volRec{}
	delete(s.ids, id)
	s.free = append(s.free, slot)
	return true
}

// sortKey orders the volunteers of a build: findable first, remote ones together, then by
// radius tier and grid cell, so that the scans of a candidate search read memory in order.
func (r *volRec) sortKey() uint64 {
	var key uint64
	if !r.findable() {
		key |= 1 << 63
	}
	if r.flags&vRemote == 0 {
		key |= 1 << 62
	}
	if r.flags&vLocated == 0 {
		return key | 1<<61
	}
	t, cell := r.tierKey()
	return key | uint64(t)<<56 | uint64(cell>>32)<<24 | uint64(cell&0xffffff)
}

// build fills an empty store (the last of a repeated id wins). Grid cells are counted
// first and allocated at their final size: no slack, and no copying while growing.
func (s *volunteerStore) build(vols []Volunteer, voc *vocab) error {
	var errs []string
	packed := make([]volRec, 0, len(vols))
	for i := range vols {
		rec, err := packVolunteer(&vols[i], voc, true, true)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		if at, ok := s.ids[rec.id]; ok {
			packed[at] = rec
			continue
		}
		s.ids[rec.id] = int32(len(packed))
		packed = append(packed, rec)
	}
	type placed struct {
		key uint64
		at  int32
	}
	order := make([]placed, len(packed))
	for i := range packed {
		order[i] = placed{key: packed[i].sortKey(), at: int32(i)}
	}
	slices.SortFunc(order, func(a, b placed) int {
		if a.key != b.key {
			return cmp.Compare(a.key, b.key)
		}
		return cmp.Compare(a.at, b.at)
	})
	s.recs = make([]volRec, len(packed))
	for slot, p := range order {
		s.recs[slot] = packed[p.at]
		s.ids[packed[p.at].id] = int32(slot)
	}
	var counts [len(volunteerTiers)]map[cellKey]int32
	remote := 0
	for t := range counts {
		counts[t] = make(map[cellKey]int32)
	}
	for i := range s.recs {
		r := &s.recs[i]
		if !r.findable() {
			continue
		}
		if r.flags&vLocated != 0 {
			t, k := r.tierKey()
			counts[t][k]++
		}
		if r.flags&vRemote != 0 {
			remote++
		}
	}
	for t, cells := range counts {
		for k, n := range cells {
			s.tiers[t][k] = make([]int32, 0, n)
		}
	}
	s.remote = make([]int32, 0, remote)
	for i := range s.recs {
		r := &s.recs[i]
		if !r.findable() {
			continue
		}
		// Slots arrive in order: appending keeps the cells sorted.
		if r.flags&vLocated != 0 {
			t, k := r.tierKey()
			s.tiers[t][k] = append(s.tiers[t][k], int32(i))
		}
		if r.flags&vRemote != 0 {
			s.remote = append(s.remote, int32(i))
			for _, list := range s.interestLists(r) {
				*list = append(*list, int32(i))
			}
		}
	}
	return joinErrors(errs)
}
