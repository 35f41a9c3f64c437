package match

import (
	"math/bits"
	"slices"
	"strconv"
)

// Score weights. They sum to 1, so a score is in [0, 1]; docs/matching.md explains them.
const (
	weightInterest     = 0.25
	weightDistance     = 0.25
	weightSkills       = 0.20
	weightAvailability = 0.15
	weightLanguage     = 0.10
	weightUrgent       = 0.05
)

// neutral is the value of a component the data cannot decide (nothing required, or nothing
// declared): it neither rewards nor punishes.
const neutral = 0.5

// parts are the components of a score, each in [0, 1].
type parts struct {
	interest float64
	skills   float64
	distance float64
	avail    float64
	lang     float64
	urgent   float64
	km       float64 // distance in km, for on-site missions
	remote   bool
}

// score combines the components. Every product is rounded on its own (the conversions
// forbid fused multiply-adds), so the same inputs give the same bits on every path and an
// upper bound computed with a larger component is never below the real score.
func (p *parts) score() float64 {
	return float64(weightInterest*p.interest) + float64(weightSkills*p.skills) +
		float64(weightDistance*p.distance) + float64(weightAvailability*p.avail) +
		float64(weightLanguage*p.lang) + float64(weightUrgent*p.urgent)
}

// staticParts fills every component that needs no shift: all but availability.
func staticParts(v *volRec, h *missionHot, t *missionTags, km float64) parts {
	p := parts{interest: neutral, skills: neutral, lang: neutral, km: km, remote: h.flags&mRemote != 0}
	if v.cats != 0 {
		p.interest = 0
		if h.cat < MaxInterestCategories && v.cats&(1<<h.cat) != 0 {
			p.interest = 1
		}
	}
	if need := t.skills.count(); need > 0 {
		p.skills = float64(t.skills.and(v.skills).count()) / float64(need)
	}
	if !t.langs.empty() && !v.langs.empty() {
		p.lang = 0
		if t.langs.intersects(v.langs) {
			p.lang = 1
		}
	}
	if p.remote {
		p.distance = neutral
	} else {
		p.distance = distanceFit(km, v.radius)
	}
	if h.flags&mUrgent != 0 {
		p.urgent = 1
	}
	return p
}

// distanceFit decays linearly from 1 at the volunteer's door to 0 at their radius.
func distanceFit(km float64, radius uint8) float64 { return max(0, 1-km/float64(radius)) }

// bestParts are the highest components a volunteer can reach on any mission, distance
// aside: what they did not declare stays neutral.
func bestParts(v *volRec) parts {
	p := parts{interest: neutral, skills: neutral, lang: neutral, avail: neutral, urgent: 1}
	if v.cats != 0 {
		p.interest = 1
	}
	if !v.skills.empty() {
		p.skills = 1
	}
	if !v.langs.empty() {
		p.lang = 1
	}
	if v.avail != 0 {
		p.avail = 1
	}
	return p
}

// availFit is the share of a shift's slots that the volunteer declared free.
func availFit(slots, avail uint32) float64 {
	if avail == 0 || slots == 0 {
		return neutral
	}
	return float64(bits.OnesCount32(slots&avail)) / float64(bits.OnesCount32(slots))
}

// shiftFit is how a volunteer fits the open future shifts of a mission.
type shiftFit struct {
	next  *shiftRec // the soonest shift the volunteer may take
	avail float64   // best availability fit over the first maxShiftsScored of them
	slots uint32    // slots of the shift with that fit
}

// firstFuture returns the index of the first shift starting after now.
func firstFuture(shifts []shiftRec, now int64) int {
	lo, hi := 0, len(shifts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if shifts[mid].start > now {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// fitShifts evaluates the shifts a volunteer may take: future, with places left, and old
// enough on the day. ok is false when there is none.
func fitShifts(shifts []shiftRec, now int64, birth int32, minAge int, avail uint32) (fit shiftFit, ok bool) {
	fit.avail = -1
	n := 0
	for i := firstFuture(shifts, now); i < len(shifts) && n < maxShiftsScored; i++ {
		sh := &shifts[i]
		if sh.open <= 0 || !oldEnough(birth, minAge, sh.day) {
			continue
		}
		if n == 0 {
			fit.next = sh
		}
		n++
		if a := availFit(sh.slots, avail); a > fit.avail {
			fit.avail, fit.slots = a, sh.slots
		}
	}
	return fit, n > 0
}

// Names used in reason parameters.
var (
	dayNames  = [7]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	slotNames = [3]string{"morning", "afternoon", "evening"}
)

// formatKm writes a distance for a reason: one decimal under 10 km, whole km above.
func formatKm(km float64) string {
	if km < 10 {
		return strconv.FormatFloat(max(km, 0.1), 'f', 1, 64)
	}
	return strconv.FormatFloat(km, 'f', 0, 64)
}

// reasons explains a score, strongest first. French is the default language in France,
// so speaking it is not worth a reason; any other shared language is.
func reasons(p *parts, v *volRec, h *missionHot, t *missionTags, fitSlots uint32, voc *vocab) []Reason {
	var rs []Reason
	if p.remote {
		rs = append(rs, Reason{Code: ReasonRemote, Weight: weightDistance * p.distance})
	} else {
		rs = append(rs, Reason{Code: ReasonDistance, Weight: weightDistance * p.distance,
			Params: map[string]string{"km": formatKm(p.km)}})
	}
	if p.interest == 1 {
		rs = append(rs, Reason{Code: ReasonInterest, Weight: weightInterest,
			Params: map[string]string{"category": voc.cats.names[h.cat]}})
	}
	if common := t.skills.and(v.skills); !common.empty() {
		rs = append(rs, Reason{Code: ReasonSkill, Weight: weightSkills * p.skills,
			Params: map[string]string{"skill": voc.skills.names[common.first()], "count": strconv.Itoa(common.count())}})
	}
	if common := t.langs.and(v.langs); !common.empty() {
		for i := common.first(); i < MaxLanguages; i++ {
			if common.has(i) && normName(voc.langs.names[i]) != "fr" {
				rs = append(rs, Reason{Code: ReasonLanguage, Weight: weightLanguage * p.lang,
					Params: map[string]string{"language": normName(voc.langs.names[i])}})
				break
			}
		}
	}
	if free := fitSlots & v.avail; free != 0 {
		b := bits.TrailingZeros32(free)
		rs = append(rs, Reason{Code: ReasonAvailability, Weight: weightAvailability * p.avail,
			Params: map[string]string{"day": dayNames[b/3], "slot": slotNames[b%3]}})
	}
	if p.urgent == 1 {
		rs = append(rs, Reason{Code: ReasonUrgent, Weight: weightUrgent})
	}
	slices.SortStableFunc(rs, func(a, b Reason) int {
		switch {
		case a.Weight > b.Weight:
			return -1
		case a.Weight < b.Weight:
			return 1
		}
		return 0
	})
	return rs
}
