package match

import (
	"errors"
	"time"
)

// ErrNotFound is returned when a mission or volunteer is not in the index.
var ErrNotFound = errors.New("match: not found")

// ErrInvalid is returned (wrapped, with a detail) for input the index cannot use.
var ErrInvalid = errors.New("match: invalid input")

// Limits of the compact representation.
const (
	// MaxSkills is the number of catalogue skills that fit the skill bitset.
	MaxSkills = 128
	// MaxInterestCategories is the number of categories a volunteer can declare as interests.
	MaxInterestCategories = 16
	// MaxCategories is the number of distinct mission categories the index can tell apart.
	MaxCategories = 255
	// MaxLanguages is the number of distinct language codes the index interns.
	MaxLanguages = 128
	// DefaultRadiusKm is the travel radius of a volunteer who did not set one.
	DefaultRadiusKm = 10
	// MaxRadiusKm caps a volunteer's travel radius.
	MaxRadiusKm = 255
	// UnknownAgeMaxMinAge is the highest mission MinAge offered to a volunteer whose birth
	// date is unknown: sign-up requires being 16 or older, so 16 is what we can assume.
	UnknownAgeMaxMinAge = 16
)

// Config lists the controlled vocabularies that the index turns into bitsets.
type Config struct {
	// Skills is the skill catalogue; the first MaxSkills are indexed, any other skill on a
	// mission is a free tag found by text search only.
	Skills []string
	// Categories is the category catalogue; the first MaxInterestCategories can be interests.
	Categories []string
	// CategoryLabels and SkillLabels name categories and catalogue skills (by code) in the
	// languages people search in; the names are indexed as words of each mission.
	CategoryLabels map[string][]string
	SkillLabels    map[string][]string
}

// Mission is a published mission as the index sees it; the index keeps its own copy.
type Mission struct {
	ID              string
	OrgID           string
	OrgName         string
	Title           string
	Description     string
	Category        string
	Postcode        string
	City            string
	TimeZone        string   // where its times are read (IANA name)
	Skills          []string // catalogue skills, or free tags (text search only)
	Languages       []string // language codes the mission is carried out in (ISO 639)
	Remote          bool     // done from home; otherwise on site at Lat/Lon
	Lat, Lon        float64
	HasLocation     bool
	MinAge          int
	RequiresVetting bool
	Urgent          bool
	PublishedAt     time.Time
	Shifts          []Shift
}

// Shift is one time slot of a mission with its places.
type Shift struct {
	ID         string
	Start, End time.Time
	Capacity   int
	Taken      int
}

// Volunteer holds the matching fields of a volunteer profile, and nothing personal.
type Volunteer struct {
	ID           string // 24 hex characters (a MongoDB ObjectID)
	Skills       []string
	Categories   []string // interests
	Languages    []string
	Lat, Lon     float64
	HasLocation  bool
	RadiusKm     int // how far they travel; 0 means DefaultRadiusKm
	Remote       bool
	Availability Availability
	BirthDate    time.Time // zero when unknown
	Vetted       bool      // holds the background check that RequiresVetting missions ask for
	Visible      bool      // organisations may find them as candidates
	Alerts       bool      // accepts urgent alerts
}

// Slot is a part of the day in Europe/Paris local time.
type Slot int

// The three slots of a day; the night (00-06) is not a slot.
const (
	Morning   Slot = iota // 06:00-12:00
	Afternoon             // 12:00-18:00
	Evening               // 18:00-24:00
)

// Availability is a weekly bitmask of half-day slots: bit day*3+slot, Monday = day 0.
type Availability uint32

// allSlots has the 21 weekly slots set.
const allSlots = uint32(1)<<21 - 1

// dayIndex maps a time.Weekday (Sunday = 0) to the index's day numbering (Monday = 0).
func dayIndex(day time.Weekday) int { return (int(day) + 6) % 7 }

// With returns a with the given day and slot added.
func (a Availability) With(day time.Weekday, slot Slot) Availability {
	return a | 1<<(dayIndex(day)*3+int(slot))
}

// Has reports whether a includes the given day and slot.
func (a Availability) Has(day time.Weekday, slot Slot) bool {
	return a&(1<<(dayIndex(day)*3+int(slot))) != 0
}

// Reason explains one part of a match score, for display through ReasonText.
type Reason struct {
	Code   string            // one of the Reason* constants
	Weight float64           // the part of the score this reason contributed
	Params map[string]string // values for the sentence, e.g. "km", "skill", "language"
}

// Reason codes.
const (
	ReasonDistance     = "distance"     // params: km
	ReasonRemote       = "remote"       // no params
	ReasonInterest     = "interest"     // params: category
	ReasonSkill        = "skill"        // params: skill, count
	ReasonLanguage     = "language"     // params: language (a code)
	ReasonAvailability = "availability" // params: day (monday..sunday), slot (morning|afternoon|evening)
	ReasonUrgent       = "urgent"       // no params
)
