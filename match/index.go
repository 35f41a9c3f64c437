package match

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Index is the in-memory matching index. Its methods are safe for concurrent use.
type Index struct {
	// writeMu serialises writers, so that a bulk build can work on new structures outside mu
	// while readers keep using the current ones.
	writeMu sync.Mutex
	mu      sync.RWMutex // guards voc, ms and vs
	voc     *vocab
	ms      *missionStore
	vs      *volunteerStore
	syn     *synonyms // guarded by mu; replaced whole by SetExtraSynonyms
	labels  *labelSet
	// version counts the changes that can change a search's answer, for caches of answers.
	version atomic.Uint64
}

// Version returns a number that changes whenever a search could answer differently
// (missions, places, synonyms), so that a cache of answers keyed by it is never stale.
func (ix *Index) Version() uint64 { return ix.version.Load() }

// New returns an empty index using the given vocabularies.
func New(cfg Config) *Index {
	voc := newVocab(cfg)
	return &Index{voc: voc, ms: newMissionStore(0), vs: newVolunteerStore(0), syn: newSynonyms(defaultGroups), labels: voc.labels}
}

// UpsertMission adds or replaces a mission (keyed by ID). Missions without a future shift
// with places left are kept but never returned, so a place freed later brings them back.
func (ix *Index) UpsertMission(m Mission) error {
	if err := checkMission(&m); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	cp := copyMission(&m, true)
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	defer ix.version.Add(1)
	ix.ms.upsert(cp, ix.voc)
	return nil
}

// RemoveMission drops a mission (unpublished, closed, cancelled); it reports whether it was there.
func (ix *Index) RemoveMission(id string) bool {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	defer ix.version.Add(1)
	return ix.ms.remove(id, ix.voc)
}

// SetShiftTaken records how many places of a shift are taken; it reports whether the shift
// was found.
func (ix *Index) SetShiftTaken(missionID, shiftID string, taken int) bool {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	defer ix.version.Add(1)
	return ix.ms.setTaken(missionID, shiftID, taken)
}

// BuildMissions replaces every mission with the given ones. Invalid missions are skipped
// and reported in the error; the others are indexed all the same.
func (ix *Index) BuildMissions(missions []Mission) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	voc := ix.voc.clone()
	store := newMissionStore(len(missions))
	err := store.build(missions, voc)
	ix.mu.Lock()
	ix.voc, ix.ms = voc, store
	ix.mu.Unlock()
	ix.version.Add(1)
	return err
}

// Mission returns a copy of an indexed mission with its current places.
func (ix *Index) Mission(id string) (Mission, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.ms.ids[id]
	if !ok {
		return Mission{}, false
	}
	return *copyMission(ix.ms.recs[slot].m, false), true
}

// UpsertVolunteer adds or replaces the matching fields of a volunteer (keyed by ID).
func (ix *Index) UpsertVolunteer(v Volunteer) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	rec, err := packVolunteer(&v, ix.voc, true, true)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	ix.vs.upsert(rec)
	return nil
}

// RemoveVolunteer drops a volunteer (account closed or suspended); it reports whether it was there.
func (ix *Index) RemoveVolunteer(id string) bool {
	key, err := parseID(id)
	if err != nil {
		return false
	}
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.vs.remove(key)
}

// BuildVolunteers replaces every volunteer with the given ones. Invalid profiles are
// skipped and reported in the error; the others are indexed all the same.
func (ix *Index) BuildVolunteers(vols []Volunteer) error {
	ix.writeMu.Lock()
	defer ix.writeMu.Unlock()
	voc := ix.voc.clone()
	store := newVolunteerStore(len(vols))
	err := store.build(vols, voc)
	ix.mu.Lock()
	ix.voc, ix.vs = voc, store
	ix.mu.Unlock()
	return err
}

// Stats describes the size of the index.
type Stats struct {
	Missions           int
	RemoteMissions     int
	Volunteers         int
	FindableVolunteers int // Visible or Alerts, with a location or accepting remote missions
	Tokens             int // distinct words in the text index
	Categories         int
	Languages          int
	ApproxBytes        int64 // estimated memory held by the index
}

// Stats returns counts and an estimate of the memory held, for monitoring.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ms, vs := ix.ms, ix.vs
	st := Stats{
		Missions: len(ms.ids), RemoteMissions: len(ms.remote), Volunteers: len(vs.ids),
		Tokens: len(ms.text.postings), Categories: len(ix.voc.cats.names), Languages: len(ix.voc.langs.names),
	}
	// Map entries are counted at about twice their key and value, for buckets and load factor.
	b := int64(cap(ms.hot))*int64(unsafe.Sizeof(missionHot{})) + int64(cap(ms.geo))*int64(unsafe.Sizeof(missionGeo{})) +
		int64(cap(ms.tags))*int64(unsafe.Sizeof(missionTags{})) + int64(cap(ms.recs))*int64(unsafe.Sizeof(missionRec{}))
	for _, rec := range ms.recs {
		if m := rec.m; m != nil {
			b += int64(unsafe.Sizeof(*m)) + int64(len(m.ID)+len(m.OrgID)+len(m.OrgName)+len(m.Title)+
				len(m.Description)+len(m.Category)+len(m.Postcode)+len(m.City))
			b += int64(cap(m.Shifts))*int64(unsafe.Sizeof(Shift{})) + int64(cap(rec.shifts))*int64(unsafe.Sizeof(shiftRec{}))
			b += int64(len(m.Skills)+len(m.Languages)) * 24
		}
	}
	b += int64(len(ms.ids)) * 2 * (16 + 4)
	for tok, p := range ms.text.postings {
		b += int64(cap(p.entries))*4 + int64(cap(p.bits))*8 + 2*(16+8) + 48 + 2*int64(len(tok))
	}
	b += int64(cap(ms.text.dict)) * 16
	for _, list := range ms.text.typos.keys {
		b += 2*(8+24) + int64(cap(list))*8 // hashed deletion → postings
	}
	b += int64(len(ms.grid)+len(ms.catGrid))*2*(8+24) + int64(len(ms.remote)+2*len(ms.hot))*4
	b += int64(len(ms.remote))*(4+8+4) + int64(len(ms.hot))/8 // remoteByCat, bitsets at most
	b += int64(cap(vs.recs))*int64(unsafe.Sizeof(volRec{})) + int64(len(vs.ids))*2*(12+4)
	for t := range vs.tiers {
		for _, cell := range vs.tiers[t] {
			b += int64(cap(cell))*4 + 2*(8+24)
		}
	}
	for i := range vs.recs {
		if r := &vs.recs[i]; r.flags&vAlive != 0 && r.findable() && r.flags&(vLocated|vRemote) != 0 {
			st.FindableVolunteers++
		}
	}
	b += int64(cap(vs.remote)) * 4
	st.ApproxBytes = b
	return st
}
