package match

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// A snapshot holds the index's input records (missions and volunteers as
// given to BuildMissions and BuildVolunteers), not its derived structures:
// loading one rebuilds the grids, bitsets and text index in memory, which
// is fast, so that a change to how the index is built never makes an old
// snapshot wrong.
//
// File layout: the magic line, a 4-byte big-endian header length, the JSON
// header, the gob-encoded records, and the SHA-256 of everything before.

// SnapshotFormat is the version of the snapshot layout; a file of another
// version is not read.
const SnapshotFormat = 1

const snapshotMagic = "entraide-match-snapshot\n"

// ErrSnapshot is returned (wrapped, with the reason) for a snapshot file
// that cannot be trusted: truncated, corrupted or of another format.
var ErrSnapshot = errors.New("match: snapshot not usable")

// SnapshotHeader says what a snapshot reflects. The caller fills the
// store-side fields and checks them before trusting the records.
type SnapshotHeader struct {
	Format int `json:"format"`
	// StoreID identifies the database the records came from.
	StoreID string `json:"store_id"`
	// CatalogueVersion is the catalogue version the index had seen.
	CatalogueVersion int64 `json:"catalogue_version"`
	// AsOf: every change stamped before it is in the records.
	AsOf       time.Time `json:"as_of"`
	WrittenAt  time.Time `json:"written_at"`
	Missions   int       `json:"missions"`
	Volunteers int       `json:"volunteers"`
	// Clean is true for a snapshot written at a clean shutdown, when no
	// write could be in flight.
	Clean bool `json:"clean"`
}

type snapshotBody struct {
	Missions   []Mission
	Volunteers []Volunteer
}

// Records returns copies of every indexed mission (with its current
// places) and volunteer, as they would be given to the Build methods.
func (ix *Index) Records() ([]Mission, []Volunteer) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	missions := make([]Mission, 0, len(ix.ms.ids))
	for _, slot := range ix.ms.ids {
		if m := ix.ms.recs[slot].m; m != nil {
			missions = append(missions, *copyMission(m, false))
		}
	}
	vols := make([]Volunteer, 0, len(ix.vs.ids))
	for _, slot := range ix.vs.ids {
		if r := &ix.vs.recs[slot]; r.flags&vAlive != 0 {
			vols = append(vols, unpackVolunteer(r, ix.voc))
		}
	}
	return missions, vols
}

// unpackVolunteer is the inverse of packVolunteer, up to what packing
// keeps: skills outside the catalogue and interests beyond the first
// categories were never indexed.
func unpackVolunteer(r *volRec, voc *vocab) Volunteer {
	v := Volunteer{ID: fmt.Sprintf("%x", r.id[:]), RadiusKm: int(r.radius), Availability: Availability(r.avail),
		Remote: r.flags&vRemote != 0, Vetted: r.flags&vVetted != 0, Visible: r.flags&vVisible != 0, Alerts: r.flags&vAlerts != 0}
	if r.flags&vLocated != 0 {
		v.HasLocation, v.Lat, v.Lon = true, float64(r.lat), float64(r.lon)
	}
	for id, name := range voc.skills.names {
		if id < MaxSkills && r.skills.has(id) {
			v.Skills = append(v.Skills, name)
		}
	}
	for id, name := range voc.langs.names {
		if id < MaxLanguages && r.langs.has(id) {
			v.Languages = append(v.Languages, name)
		}
	}
	for id, name := range voc.cats.names {
		if id < voc.interests && r.cats&(1<<id) != 0 {
			v.Categories = append(v.Categories, name)
		}
	}
	if r.birth != 0 {
		b := int(r.birth)
		v.BirthDate = time.Date(b/10000, time.Month(b/100%100), b%100, 0, 0, 0, 0, time.UTC)
	}
	return v
}

// WriteSnapshot writes the records to path atomically: a temporary file in
// the same directory, synced, then renamed over path, so that a crash
// leaves either the old snapshot or the new one, never half of one.
func WriteSnapshot(path string, h SnapshotHeader, missions []Mission, vols []Volunteer) error {
	h.Format, h.Missions, h.Volunteers = SnapshotFormat, len(missions), len(vols)
	head, err := json.Marshal(h)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString(snapshotMagic)
	_ = binary.Write(&buf, binary.BigEndian, uint32(len(head)))
	buf.Write(head)
	if err := gob.NewEncoder(&buf).Encode(snapshotBody{Missions: missions, Volunteers: vols}); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	buf.Write(sum[:])

	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// The rename itself is durable only once the directory is synced.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// ReadSnapshot reads and checks a snapshot file: magic line, format and
// checksum. A file that fails a check is ErrSnapshot; the caller then
// rebuilds from the store. It does not judge whether the records are
// still current: that is the caller's, from the header.
func ReadSnapshot(path string) (SnapshotHeader, []Mission, []Volunteer, error) {
	var h SnapshotHeader
	data, err := os.ReadFile(path)
	if err != nil {
		return h, nil, nil, err
	}
	bad := func(reason string) (SnapshotHeader, []Mission, []Volunteer, error) {
		return SnapshotHeader{}, nil, nil, fmt.Errorf("%w: %s", ErrSnapshot, reason)
	}
	if len(data) < len(snapshotMagic)+4+sha256.Size || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return bad("not a snapshot file")
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return bad("checksum mismatch")
	}
	rest := body[len(snapshotMagic):]
	n := binary.BigEndian.Uint32(rest)
	if uint64(n) > uint64(len(rest)-4) {
		return bad("header length out of range")
	}
	if err := json.Unmarshal(rest[4:4+n], &h); err != nil {
		return bad("header: " + err.Error())
	}
	if h.Format != SnapshotFormat {
		return bad(fmt.Sprintf("format %d, want %d", h.Format, SnapshotFormat))
	}
	var records snapshotBody
	if err := gob.NewDecoder(bytes.NewReader(rest[4+n:])).Decode(&records); err != nil {
		return bad("records: " + err.Error())
	}
	if len(records.Missions) != h.Missions || len(records.Volunteers) != h.Volunteers {
		return bad("record counts differ from the header")
	}
	return h, records.Missions, records.Volunteers, nil
}
