package match

import (
	"testing"
	"time"
	_ "time/tzdata" // the reference zone, whatever the host has
)

func TestParisOffsetMatchesTZData(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for at := start; at.Year() < 2036; at = at.Add(30 * time.Minute) {
		_, want := at.In(paris).Zone()
		if got := parisOffset(at.Unix()); got != int64(want) {
			t.Fatalf("offset at %v = %d, want %d", at, got, want)
		}
	}
}

func TestSlotMask(t *testing.T) {
	paris := time.FixedZone("CET", 3600) // 2025-01 is winter time
	at := func(day, hour, minute int) int64 {
		return time.Date(2025, 1, day, hour, minute, 0, 0, paris).Unix()
	}
	bit := func(day time.Weekday, slot Slot) uint32 { return uint32(Availability(0).With(day, slot)) }
	for _, tc := range []struct {
		name       string
		start, end int64
		want       uint32
	}{
		{"tuesday morning", at(7, 9, 0), at(7, 11, 0), bit(time.Tuesday, Morning)},
		{"across noon", at(7, 11, 0), at(7, 13, 0), bit(time.Tuesday, Morning) | bit(time.Tuesday, Afternoon)},
		{"ends at noon", at(7, 10, 0), at(7, 12, 0), bit(time.Tuesday, Morning)},
		{"night only", at(8, 1, 0), at(8, 5, 0), 0},
		{"late evening into the night", at(12, 22, 0), at(13, 2, 0), bit(time.Sunday, Evening)},
		{"instant", at(10, 15, 0), at(10, 15, 0), bit(time.Friday, Afternoon)},
		{"a week", at(6, 0, 0), at(13, 0, 0), allSlots},
	} {
		if got := slotMask(tc.start, tc.end); got != tc.want {
			t.Errorf("%s: mask %021b, want %021b", tc.name, got, tc.want)
		}
	}
	// Summer time: 08:00 in Paris is 06:00 UTC, still a morning.
	summer := time.Date(2025, 7, 1, 6, 0, 0, 0, time.UTC).Unix()
	if got := slotMask(summer, summer+3600); got != bit(time.Tuesday, Morning) {
		t.Errorf("summer: mask %021b", got)
	}
}

func TestOldEnough(t *testing.T) {
	birth := birthDate(time.Date(2008, 2, 29, 0, 0, 0, 0, time.UTC))
	for _, tc := range []struct {
		minAge int
		day    int32
		want   bool
	}{
		{18, 20260228, false}, {18, 20260301, true}, {16, 20240228, false}, {16, 20240229, true}, {0, 20000101, true},
	} {
		if got := oldEnough(birth, tc.minAge, tc.day); got != tc.want {
			t.Errorf("oldEnough(%d, %d, %d) = %v", birth, tc.minAge, tc.day, got)
		}
	}
	if !oldEnough(0, 16, 20250101) || oldEnough(0, 17, 20250101) {
		t.Error("unknown birth date: want missions up to MinAge 16 only")
	}
}
