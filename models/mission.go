package models

import (
	"strings"
	"time"

	"github.com/entraide/entraide/timefmt"
)

// Category is a mission's field of action.
type Category string

// Categories lists the accepted categories, in display order.
var Categories = []Category{"food_aid", "tele_volunteering", "childcare", "isolated_people", "digital_help", "health_support", "logistics", "education", "other"}

// ValidCategory reports whether c is a category.
func ValidCategory(c string) bool {
	for _, k := range Categories {
		if string(k) == c {
			return true
		}
	}
	return false
}

// MinAgeFor is the lowest minimum age a mission of category c may set.
func MinAgeFor(c Category) int {
	if c == "childcare" {
		return 18
	}
	return 16
}

// MissionStatus is a mission's lifecycle state.
type MissionStatus string

// Mission states.
const (
	MissionDraft     MissionStatus = "draft"
	MissionSubmitted MissionStatus = "submitted"
	MissionPublished MissionStatus = "published"
	MissionRejected  MissionStatus = "rejected"
	MissionClosed    MissionStatus = "closed"
	MissionCancelled MissionStatus = "cancelled"
)

// MissionTransitions lists the allowed mission state changes. A rejected
// mission can be edited and submitted again; a published one goes back to
// submitted when its organisation is suspended (edits to it wait as a
// revision instead, see MissionRevision).
var MissionTransitions = map[MissionStatus][]MissionStatus{
	MissionDraft:     {MissionSubmitted, MissionCancelled},
	MissionSubmitted: {MissionPublished, MissionRejected, MissionCancelled},
	MissionRejected:  {MissionSubmitted},
	MissionPublished: {MissionClosed, MissionCancelled, MissionSubmitted},
}

// MissionSourcesFor lists the states from which to can be reached.
func MissionSourcesFor(to MissionStatus) []MissionStatus {
	var out []MissionStatus
	for _, from := range []MissionStatus{MissionDraft, MissionSubmitted, MissionRejected, MissionPublished, MissionClosed, MissionCancelled} {
		for _, t := range MissionTransitions[from] {
			if t == to {
				out = append(out, from)
			}
		}
	}
	return out
}

// Mission is a mission as stored. Its shifts are documents of their own.
type Mission struct {
	ID          string   `bson:"_id"`
	OrgID       string   `bson:"org_id"`
	Title       string   `bson:"title"`
	Description string   `bson:"description"`
	Category    Category `bson:"category"`
	Skills      []string `bson:"skills"`
	Tags        []string `bson:"tags"`
	Languages   []string `bson:"languages"`
	Remote      bool     `bson:"remote"`
	Address     string   `bson:"address"`
	Postcode    string   `bson:"postcode"`
	City        string   `bson:"city"`
	Lat         float64  `bson:"lat"`
	Lon         float64  `bson:"lon"`
	// TimeZone is where the mission's times are read (IANA name), derived
	// from the postcode when saved (the organisation's for a remote one).
	TimeZone           string        `bson:"time_zone,omitempty"`
	MinAge             int           `bson:"min_age"`
	RequiresVetting    bool          `bson:"requires_vetting"`
	Urgent             bool          `bson:"urgent"`
	AutoAccept         bool          `bson:"auto_accept"`
	AccessibilityNotes string        `bson:"accessibility_notes"`
	Status             MissionStatus `bson:"status"`
	StatusReason       string        `bson:"status_reason,omitempty"`
	// UnpublishedBySuspension marks missions taken down with their
	// organisation, to publish them again when it is restored.
	UnpublishedBySuspension bool `bson:"unpublished_by_suspension,omitempty"`
	// OrgSuspended marks every mission of a suspended organisation: it
	// leaves the moderation queue, and its page says it is no longer
	// available.
	OrgSuspended bool       `bson:"org_suspended,omitempty"`
	LastShiftEnd time.Time  `bson:"last_shift_end"`
	CreatedBy    string     `bson:"created_by"`
	CreatedAt    time.Time  `bson:"created_at"`
	UpdatedAt    time.Time  `bson:"updated_at"`
	SubmittedAt  *time.Time `bson:"submitted_at,omitempty"`
	PublishedAt  *time.Time `bson:"published_at,omitempty"`
	ModeratedAt  *time.Time `bson:"moderated_at,omitempty"`
	ClosedAt     *time.Time `bson:"closed_at,omitempty"`
	// Revision is a change to the published version waiting for a
	// moderator (or refused); RevisionID and RevisionState repeat its id
	// and state at the top level, where conditional updates and the
	// moderation queue can test them.
	Revision      *MissionRevision `bson:"revision,omitempty"`
	RevisionID    string           `bson:"revision_id,omitempty"`
	RevisionState RevisionState    `bson:"revision_state,omitempty"`
}

// Zone is the time zone the mission's shifts are shown in: the one saved
// with it, else its postcode's (missions saved before zones were kept).
func (m *Mission) Zone() string {
	if m.TimeZone != "" {
		return timefmt.Zone(m.TimeZone)
	}
	return timefmt.Zone(timefmt.ZoneOfPostcode(m.Postcode))
}

// Shift is one time slot of a mission with its places.
type Shift struct {
	ID        string    `bson:"_id"`
	MissionID string    `bson:"mission_id"`
	OrgID     string    `bson:"org_id"`
	Start     time.Time `bson:"start"`
	End       time.Time `bson:"end"`
	Capacity  int       `bson:"capacity"`
	Taken     int       `bson:"taken"`
	CreatedAt time.Time `bson:"created_at"`
}

// PlacesLeft is the number of places not taken.
func (s Shift) PlacesLeft() int {
	if s.Taken >= s.Capacity {
		return 0
	}
	return s.Capacity - s.Taken
}

// Limits on missions.
const (
	MaxShifts         = 200
	MaxShiftCapacity  = 500
	MaxShiftDuration  = 7 * 24 * time.Hour
	MaxSkills         = 20
	MaxTags           = 10
	MaxMissionLangs   = 10
	MissionTitleMin   = 5
	MissionTitleMax   = 120
	MissionDescMin    = 20
	MissionDescMax    = 5000
	AccessibilityMax  = 1000
	ShiftHorizonYears = 2
)

// ShiftInput is a shift as sent by a member.
type ShiftInput struct {
	Start    time.Time
	End      time.Time
	Capacity int
}

// ValidateShifts checks shifts against now; field names the list.
func ValidateShifts(v *Validator, field string, shifts []ShiftInput, now time.Time, existing int) {
	if len(shifts)+existing > MaxShifts {
		v.Add(field, "too_many_shifts", MaxShifts)
		return
	}
	horizon := now.AddDate(ShiftHorizonYears, 0, 0)
	for i, s := range shifts {
		name := field + "[" + itoa(i) + "]"
		switch {
		case s.Start.IsZero():
			v.Add(name+".start", "required")
		case !s.Start.After(now):
			v.Add(name+".start", "shift_in_past")
		case s.Start.After(horizon):
			v.Add(name+".start", "shift_too_far", ShiftHorizonYears)
		}
		switch {
		case s.End.IsZero():
			v.Add(name+".end", "required")
		case !s.End.After(s.Start):
			v.Add(name+".end", "shift_end_before_start")
		case s.End.Sub(s.Start) > MaxShiftDuration:
			v.Add(name+".end", "shift_too_long")
		}
		if s.Capacity < 1 || s.Capacity > MaxShiftCapacity {
			v.Add(name+".capacity", "capacity_range", MaxShiftCapacity)
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// MissionInput is what a member sends to create or edit a mission. Nil
// fields are absent (kept on edit).
type MissionInput struct {
	Title              *string
	Description        *string
	Category           *string
	Skills             *[]string
	Languages          *[]string
	Remote             *bool
	Address            *string
	Postcode           *string
	MinAge             *int
	RequiresVetting    *bool
	Urgent             *bool
	AutoAccept         *bool
	AccessibilityNotes *string
	Shifts             []ShiftInput
}

// Apply validates in against the current mission (nil on creation) and
// returns the resulting mission fields. Skills outside the vocabulary
// become free tags.
func (in MissionInput) Apply(cur *Mission) (Mission, error) {
	var v Validator
	var m Mission
	if cur != nil {
		m = *cur
	}
	creating := cur == nil
	text := func(p *string, field string, min, max int, multiline bool, dst *string) {
		if p == nil {
			if creating && min > 0 {
				v.Add(field, "required")
			}
			return
		}
		clean, ok := CleanText(*p)
		if !ok || (!multiline && strings.ContainsAny(clean, "\n\r\t")) {
			v.Add(field, "invalid_text")
			return
		}
		if v.Length(clean, field, min, max) {
			*dst = clean
		}
	}
	text(in.Title, "title", MissionTitleMin, MissionTitleMax, false, &m.Title)
	text(in.Description, "description", MissionDescMin, MissionDescMax, true, &m.Description)
	text(in.AccessibilityNotes, "accessibility_notes", 0, AccessibilityMax, true, &m.AccessibilityNotes)
	if in.Category != nil {
		if v.Check(ValidCategory(*in.Category), "category", "one_of", joinCategories()) {
			m.Category = Category(*in.Category)
		}
	} else if creating {
		v.Add("category", "required")
	}
	if in.Skills != nil {
		skills, tags, ok := SplitSkills(*in.Skills)
		if v.Check(ok, "skills", "invalid_skills", MaxSkills, MaxTags) {
			m.Skills, m.Tags = skills, tags
		}
	}
	if in.Languages != nil {
		langs, ok := NormalizeLanguages(*in.Languages)
		if v.Check(ok && len(langs) <= MaxMissionLangs, "languages", "invalid_languages") {
			m.Languages = langs
		}
	}
	if in.Remote != nil {
		m.Remote = *in.Remote
	}
	text(in.Address, "address", 0, 200, false, &m.Address)
	if in.Postcode != nil {
		pc := strings.TrimSpace(*in.Postcode)
		if pc == "" || v.Check(ValidPostcodeFormat(pc), "postcode", "invalid_postcode") {
			m.Postcode = pc
		}
	}
	if !m.Remote && !v.Has("postcode") && !v.Has("address") {
		v.Check(m.Postcode != "", "postcode", "required_on_site")
		v.Check(m.Address != "", "address", "required_on_site")
	}
	if in.RequiresVetting != nil {
		m.RequiresVetting = *in.RequiresVetting
	}
	if in.Urgent != nil {
		m.Urgent = *in.Urgent
	}
	if in.AutoAccept != nil {
		m.AutoAccept = *in.AutoAccept
	}
	if m.AutoAccept && m.RequiresVetting {
		v.Add("auto_accept", "auto_accept_vetting")
	}
	floor := MinAgeFor(m.Category)
	if in.MinAge != nil {
		if v.Check(*in.MinAge >= floor && *in.MinAge <= 99, "min_age", "min_age_range", floor) {
			m.MinAge = *in.MinAge
		}
	} else if m.MinAge < floor {
		m.MinAge = floor
	}
	if m.Skills == nil {
		m.Skills = []string{}
	}
	if m.Tags == nil {
		m.Tags = []string{}
	}
	if m.Languages == nil {
		m.Languages = []string{}
	}
	return m, v.Err()
}

func joinCategories() string {
	names := make([]string, len(Categories))
	for i, c := range Categories {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}
