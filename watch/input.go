package watch

import (
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// ErrEnded refuses a change to a programme that is over.
var ErrEnded = errors.New("watch: the programme has ended")

// ErrConcernClosed refuses to handle or close a concern already closed.
var ErrConcernClosed = errors.New("watch: the concern is closed")

// Limits of the inputs.
const (
	MaxRhythmDays  = 60
	MaxNote        = 500
	MaxPeople      = 5000
	MaxNextCallDay = 90
)

// ProgrammeInput is a new programme.
type ProgrammeInput struct {
	Name       string
	RhythmDays int
	EndsOn     string // YYYY-MM-DD
}

// Validate checks every field at once.
func (in ProgrammeInput) Validate(now time.Time) (models.WatchProgramme, error) {
	var v models.Validator
	p := models.WatchProgramme{}
	name, ok := models.CleanText(in.Name)
	if v.Check(ok && !strings.ContainsAny(name, "\n\r\t"), "name", "invalid_text") && v.Length(name, "name", 3, 100) {
		p.Name = name
	}
	if v.Check(in.RhythmDays >= 1 && in.RhythmDays <= MaxRhythmDays, "rhythm_days", "watch.rhythm_range", MaxRhythmDays) {
		p.RhythmDays = in.RhythmDays
	}
	if end, ok := parseDay(in.EndsOn); !v.Check(ok, "ends_on", "invalid_date") {
	} else if v.Check(end.After(now) && end.Before(now.AddDate(2, 0, 1)), "ends_on", "watch.ends_on_range") {
		p.EndsOn = end
	}
	return p, v.Err()
}

func parseDay(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	return t.UTC(), err == nil
}

// PersonInput is a person to add to a watch list.
type PersonInput struct {
	FirstName  string
	Phone      string
	Languages  []string // codes or names, French or English
	BestTimes  []string // "mon-morning", "lundi matin", ...
	ConsentBy  string
	ConsentAt  string // YYYY-MM-DD
	ConsentHow string
}

// Validate checks every field at once; a person without a recorded
// consent is refused.
func (in PersonInput) Validate(now time.Time) (models.WatchPerson, error) {
	var v models.Validator
	p := models.WatchPerson{}
	name, ok := models.CleanText(in.FirstName)
	if v.Check(ok && !strings.ContainsAny(name, "\n\r\t<>"), "first_name", "invalid_text") && v.Length(name, "first_name", 1, 60) {
		p.FirstName = name
	}
	phone := strings.TrimSpace(in.Phone)
	if v.Check(models.ValidPhone(phone), "phone", "invalid_phone") {
		p.Phone = phone
	}
	langs := []string{}
	for _, raw := range in.Languages {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		code, ok := LanguageCode(raw)
		if !v.Check(ok, "languages", "watch.unknown_language", raw) {
			break
		}
		if !slices.Contains(langs, code) {
			langs = append(langs, code)
		}
	}
	v.Check(len(langs) > 0 || v.Has("languages"), "languages", "required")
	p.Languages = langs
	times := []string{}
	for _, raw := range in.BestTimes {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		slot, ok := ParseTime(raw)
		if !v.Check(ok, "best_times", "watch.unknown_time", raw) {
			break
		}
		if !slices.Contains(times, slot) {
			times = append(times, slot)
		}
	}
	p.BestTimes = times
	// Consent: who, when, how — all three, or the person is not added.
	by, how := strings.TrimSpace(in.ConsentBy), strings.TrimSpace(in.ConsentHow)
	if in.ConsentBy == "" && in.ConsentAt == "" && in.ConsentHow == "" {
		v.Add("consent", "watch.consent_required")
	} else {
		if v.Check(slices.Contains(models.ConsentBy, by), "consent_by", "one_of", strings.Join(models.ConsentBy, ", ")) {
			p.Consent.By = by
		}
		if at, ok := parseDay(in.ConsentAt); v.Check(ok && !at.After(now), "consent_at", "watch.consent_date") {
			p.Consent.At = at
		}
		if v.Check(slices.Contains(models.ConsentHow, how), "consent_how", "one_of", strings.Join(models.ConsentHow, ", ")) {
			p.Consent.How = how
		}
	}
	return p, v.Err()
}

// LanguageCode finds a language by its code or its French or English name.
func LanguageCode(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, code := range i18n.LanguageCodes() {
		if s == code || s == strings.ToLower(i18n.LanguageName("fr", code)) || s == strings.ToLower(i18n.LanguageName("en", code)) {
			return code, true
		}
	}
	return "", false
}

var frenchDays = map[string]string{"lundi": "mon", "mardi": "tue", "mercredi": "wed", "jeudi": "thu", "vendredi": "fri", "samedi": "sat", "dimanche": "sun"}
var frenchSlots = map[string]string{"matin": "morning", "aprem": "afternoon", "soir": "evening"}

// ParseTime reads a best time to call: "mon-morning" or "lundi matin".
func ParseTime(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, pm := range []string{"après-midi", "apres-midi", "après midi", "apres midi"} {
		s = strings.ReplaceAll(s, pm, "aprem")
	}
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(fields) != 2 {
		return "", false
	}
	day, slot := fields[0], fields[1]
	if d, found := frenchDays[day]; found {
		day = d
	}
	if sl, found := frenchSlots[slot]; found {
		slot = sl
	}
	if !slices.Contains(models.Days, day) || !slices.Contains(models.Slots, slot) {
		return "", false
	}
	return day + "-" + slot, true
}

// TimeCodes lists every best time, for forms.
func TimeCodes() []string {
	out := make([]string, 0, len(models.Days)*len(models.Slots))
	for _, d := range models.Days {
		for _, sl := range models.Slots {
			out = append(out, d+"-"+sl)
		}
	}
	return out
}

// CallInput is a call to log.
type CallInput struct {
	Outcome    string
	Concern    string
	Note       string
	NextCallOn string // YYYY-MM-DD, optional: the programme's rhythm
}

// Validate checks a call; a concern needs the person reached.
func (in CallInput) Validate(now time.Time, rhythmDays int) (models.WatchCall, error) {
	var v models.Validator
	c := models.WatchCall{Concern: models.ConcernNone}
	outcome := models.WatchOutcome(strings.TrimSpace(in.Outcome))
	if v.Check(slices.Contains(models.WatchOutcomes, outcome), "outcome", "watch.outcome_invalid") {
		c.Outcome = outcome
	}
	if raw := strings.TrimSpace(in.Concern); raw != "" {
		concern := models.WatchConcern(raw)
		if v.Check(concern.Level() >= 0, "concern", "watch.concern_invalid") {
			c.Concern = concern
		}
	}
	if c.Concern != models.ConcernNone && c.Outcome != "" {
		v.Check(c.Outcome == models.OutcomeReached, "concern", "watch.concern_needs_reached")
	}
	note, ok := models.CleanText(in.Note)
	if v.Check(ok, "note", "invalid_text") && v.Length(note, "note", 0, MaxNote) {
		c.Note = note
	}
	today := now.Truncate(24 * time.Hour)
	if strings.TrimSpace(in.NextCallOn) != "" {
		next, ok := parseDay(in.NextCallOn)
		if v.Check(ok, "next_call_on", "invalid_date") &&
			v.Check(!next.Before(today) && !next.After(today.AddDate(0, 0, MaxNextCallDay)), "next_call_on", "watch.next_call_range", MaxNextCallDay) {
			c.NextCallOn = &next
		}
	} else if c.Outcome != models.OutcomeDeclined && c.Outcome != models.OutcomeWrongNumber {
		next := today.AddDate(0, 0, rhythmDays)
		if c.Outcome == models.OutcomeNoAnswer {
			next = today.AddDate(0, 0, 1) // try again tomorrow
		}
		c.NextCallOn = &next
	}
	return c, v.Err()
}
