package match

import "time"

// Availability slots are in Europe/Paris local time. The rule is written here rather than
// loaded with time.LoadLocation because the index does no I/O and must not depend on the
// host's zoneinfo: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March to the last
// Sunday of October, switching at 01:00 UTC (the EU rule since 1996).

const (
	secondsPerHour = 3600
	secondsPerDay  = 86400
)

// lastSundayUTC returns the Unix time of 00:00 UTC on the last Sunday of month m of year y.
func lastSundayUTC(y int, m time.Month) int64 {
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	return last.AddDate(0, 0, -int(last.Weekday())).Unix()
}

// parisOffset returns the UTC offset of Europe/Paris, in seconds, at Unix time t.
func parisOffset(t int64) int64 {
	y := time.Unix(t, 0).UTC().Year()
	start := lastSundayUTC(y, time.March) + secondsPerHour
	end := lastSundayUTC(y, time.October) + secondsPerHour
	if t >= start && t < end {
		return 2 * secondsPerHour
	}
	return secondsPerHour
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// parisDate returns the local calendar date of t as yyyymmdd.
func parisDate(t int64) int32 {
	y, m, d := time.Unix(t+parisOffset(t), 0).UTC().Date()
	return int32(y*10000 + int(m)*100 + d)
}

// slotMask returns the weekly slots (bit day*3+slot, Monday = 0) that the interval
// [start, end) touches in Paris time. Night hours touch no slot; an empty interval counts
// as the slot it starts in.
func slotMask(start, end int64) uint32 {
	if end-start >= 7*secondsPerDay {
		return allSlots
	}
	end = max(end, start+1)
	var mask uint32
	for t := start; t < end; {
		local := t + parisOffset(t)
		day := floorDiv(local, secondsPerDay)
		sec := local - day*secondsPerDay
		weekday := int((day%7 + 7 + 3) % 7) // 1970-01-01 was a Thursday, day 3 from Monday
		slot, next := -1, int64(6*secondsPerHour)
		switch {
		case sec < 6*secondsPerHour:
		case sec < 12*secondsPerHour:
			slot, next = int(Morning), 12*secondsPerHour
		case sec < 18*secondsPerHour:
			slot, next = int(Afternoon), 18*secondsPerHour
		default:
			slot, next = int(Evening), secondsPerDay
		}
		if slot >= 0 {
			mask |= 1 << (weekday*3 + slot)
		}
		t += next - sec
	}
	return mask
}

// birthDate returns a birth date as yyyymmdd, or 0 when unknown. A birth date is a calendar
// date, so it is read in its own location.
func birthDate(t time.Time) int32 {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return int32(y*10000 + int(m)*100 + d)
}

// oldEnough reports whether someone born on birth (yyyymmdd, 0 unknown) is at least minAge
// on the local date day (yyyymmdd). Adding years to yyyymmdd is exact calendar arithmetic:
// someone born on 29 February turns a year older on 1 March in other years.
func oldEnough(birth int32, minAge int, day int32) bool {
	if minAge <= 0 {
		return true
	}
	if birth == 0 {
		return minAge <= UnknownAgeMaxMinAge
	}
	return int64(birth)+int64(minAge)*10000 <= int64(day)
}
