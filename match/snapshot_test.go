package match

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"
)

func sortedRecords(ix *Index) ([]Mission, []Volunteer) {
	ms, vs := ix.Records()
	slices.SortFunc(ms, func(a, b Mission) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(vs, func(a, b Volunteer) int { return cmp.Compare(a.ID, b.ID) })
	// Languages come back in the order the index met them, which depends
	// on the order of the build: the set is what counts.
	for i := range vs {
		slices.Sort(vs[i].Languages)
	}
	return ms, vs
}

// TestSnapshotRoundTrip: an index rebuilt from a snapshot holds the same
// records and answers searches, recommendations and candidates the same.
func TestSnapshotRoundTrip(t *testing.T) {
	g := newGenerator(77)
	src := New(genConfig())
	if err := src.BuildMissions(g.missions(300)); err != nil {
		t.Fatal(err)
	}
	if err := src.BuildVolunteers(g.volunteers(2000)); err != nil {
		t.Fatal(err)
	}
	ms, _ := src.Records()
	if got := src.SetShiftTaken(ms[0].ID, ms[0].Shifts[0].ID, 1); !got {
		t.Fatal("set taken")
	}
	ms, vs := src.Records()
	path := filepath.Join(t.TempDir(), "index.snapshot")
	asOf := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if err := WriteSnapshot(path, SnapshotHeader{StoreID: "db1", CatalogueVersion: 42, AsOf: asOf}, ms, vs); err != nil {
		t.Fatal(err)
	}
	h, ms2, vs2, err := ReadSnapshot(path)
	if err != nil {
		t.Fatal(err)
	}
	if h.StoreID != "db1" || h.CatalogueVersion != 42 || !h.AsOf.Equal(asOf) || h.Missions != len(ms) || h.Volunteers != len(vs) {
		t.Errorf("header: %+v", h)
	}
	dst := New(genConfig())
	if err := dst.BuildMissions(ms2); err != nil {
		t.Fatal(err)
	}
	if err := dst.BuildVolunteers(vs2); err != nil {
		t.Fatal(err)
	}
	wantM, wantV := sortedRecords(src)
	gotM, gotV := sortedRecords(dst)
	if !reflect.DeepEqual(gotM, wantM) {
		t.Error("missions differ after the round trip")
	}
	if !reflect.DeepEqual(gotV, wantV) {
		t.Error("volunteers differ after the round trip")
	}
	now := genBase.AddDate(0, 0, -5)
	for i := range 20 {
		opts := MatchOptions{Now: now}
		r1, err1 := src.Recommend(wantV[i*50].ID, opts)
		r2, err2 := dst.Recommend(wantV[i*50].ID, opts)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(r1, r2) {
			t.Errorf("recommendations for %s differ (%v, %v)", wantV[i*50].ID, err1, err2)
		}
		c1, err1 := src.Candidates(wantM[i*10].ID, opts)
		c2, err2 := dst.Candidates(wantM[i*10].ID, opts)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(c1, c2) {
			t.Errorf("candidates for %s differ (%v, %v)", wantM[i*10].ID, err1, err2)
		}
	}
	s1, _ := src.Search(Query{Text: wantM[0].Title}, now)
	s2, _ := dst.Search(Query{Text: wantM[0].Title}, now)
	if s1.Total == 0 || s1.Total != s2.Total {
		t.Errorf("search totals %d and %d", s1.Total, s2.Total)
	}
}

// TestSnapshotUntrusted: a truncated, corrupted or other-format file is
// refused with ErrSnapshot, never half-read.
func TestSnapshotUntrusted(t *testing.T) {
	g := newGenerator(5)
	dir := t.TempDir()
	path := filepath.Join(dir, "index.snapshot")
	if err := WriteSnapshot(path, SnapshotHeader{StoreID: "db"}, g.missions(20), g.volunteers(50)); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	resum := func(b []byte) []byte {
		body := b[:len(b)-sha256.Size]
		sum := sha256.Sum256(body)
		return append(slices.Clone(body), sum[:]...)
	}
	flipped := slices.Clone(good)
	flipped[len(flipped)/2] ^= 0x40
	otherFormat := resum(bytes.Replace(good, []byte(`"format":1`), []byte(`"format":9`), 1))
	for name, data := range map[string][]byte{
		"truncated":    good[:len(good)/2],
		"flipped byte": flipped,
		"other format": otherFormat,
		"empty":        {},
		"not snapshot": []byte("hello, this is not a snapshot at all, not at all, no"),
	} {
		p := filepath.Join(dir, "bad")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := ReadSnapshot(p); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%s: got %v, want ErrSnapshot", name, err)
		}
	}
	if _, _, _, err := ReadSnapshot(path); err != nil {
		t.Errorf("the good file: %v", err)
	}
	// No temporary file is left beside the snapshot.
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "index.snapshot" && e.Name() != "bad" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}
