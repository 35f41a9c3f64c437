package models

import (
	"math"
	"sort"
	"strings"
	"time"
)

// Days and slots of the weekly availability grid.
var (
	Days  = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	Slots = []string{"morning", "afternoon", "evening"}
)

// Profile is a volunteer's matching profile, stored inside the user.
type Profile struct {
	Skills       []string            `bson:"skills"`
	Categories   []string            `bson:"categories"`
	Languages    []string            `bson:"languages"`
	Postcode     string              `bson:"postcode,omitempty"`
	City         string              `bson:"city,omitempty"`
	Lat          float64             `bson:"lat"`
	Lon          float64             `bson:"lon"`
	HasLocation  bool                `bson:"has_location"`
	RadiusKm     int                 `bson:"radius_km"`
	Remote       bool                `bson:"remote"`
	Availability map[string][]string `bson:"availability"`
	BirthDate    *time.Time          `bson:"birth_date,omitempty"`
	Alerts       bool                `bson:"alerts"`
	Visible      bool                `bson:"visible_to_organizations"`
	UpdatedAt    time.Time           `bson:"updated_at"`
	// IndexStamp tells other instances' index pollers that it changed.
	IndexStamp time.Time `bson:"index_stamp"`
}

// ProfileInput is a PUT of the whole profile; absent fields take their
// defaults.
type ProfileInput struct {
	Skills       []string
	Categories   []string
	Languages    []string
	Postcode     string
	Lat, Lon     *float64
	RadiusKm     *int
	Remote       bool
	Availability map[string][]string
	BirthDate    string
	Alerts       bool
	Visible      bool
}

// Profile limits.
const (
	DefaultRadiusKm = 10
	MinRadiusKm     = 1
	MaxRadiusKm     = 200
	MinVolunteerAge = 16
)

// Validate checks the input against now and returns the profile (without
// resolved coordinates for a postcode: the caller looks it up).
func (in ProfileInput) Validate(now time.Time) (Profile, error) {
	var v Validator
	p := Profile{Remote: in.Remote, Alerts: in.Alerts, Visible: in.Visible, RadiusKm: DefaultRadiusKm}
	skills := []string{}
	for _, s := range in.Skills {
		s = strings.ToLower(strings.TrimSpace(s))
		if !IsSkill(s) {
			v.Add("skills", "unknown_skill", s)
			break
		}
		if !contains(skills, s) {
			skills = append(skills, s)
		}
	}
	sort.Strings(skills)
	p.Skills = skills
	cats := []string{}
	for _, c := range in.Categories {
		if !ValidCategory(c) {
			v.Add("categories", "one_of", joinCategories())
			break
		}
		if !contains(cats, c) {
			cats = append(cats, c)
		}
	}
	p.Categories = cats
	langs, ok := NormalizeLanguages(in.Languages)
	if v.Check(ok && len(langs) <= 20, "languages", "invalid_languages") {
		p.Languages = langs
	}
	if in.RadiusKm != nil {
		if v.Check(*in.RadiusKm >= MinRadiusKm && *in.RadiusKm <= MaxRadiusKm, "radius_km", "radius_range", MinRadiusKm, MaxRadiusKm) {
			p.RadiusKm = *in.RadiusKm
		}
	}
	pc := strings.TrimSpace(in.Postcode)
	switch {
	case pc != "" && (in.Lat != nil || in.Lon != nil):
		v.Add("postcode", "postcode_or_coordinates")
	case pc != "":
		if v.Check(ValidPostcodeFormat(pc), "postcode", "invalid_postcode") {
			p.Postcode = pc
		}
	case in.Lat != nil || in.Lon != nil:
		if in.Lat == nil || in.Lon == nil {
			v.Add("lat", "lat_and_lon")
		} else if !validCoordinate(*in.Lat, 90) || !validCoordinate(*in.Lon, 180) {
			v.Add("lat", "invalid_coordinates")
		} else {
			p.Lat, p.Lon, p.HasLocation = *in.Lat, *in.Lon, true
		}
	}
	p.Availability = map[string][]string{}
	for day, slots := range in.Availability {
		if !contains(Days, day) {
			v.Add("availability", "invalid_day", strings.Join(Days, ", "))
			break
		}
		clean := []string{}
		for _, slot := range slots {
			if !contains(Slots, slot) {
				v.Add("availability", "invalid_slot", strings.Join(Slots, ", "))
				break
			}
			if !contains(clean, slot) {
				clean = append(clean, slot)
			}
		}
		if len(clean) > 0 {
			sort.Slice(clean, func(i, j int) bool { return slotIndex(clean[i]) < slotIndex(clean[j]) })
			p.Availability[day] = clean
		}
	}
	if in.BirthDate != "" {
		birth, err := time.Parse("2006-01-02", in.BirthDate)
		switch {
		case err != nil:
			v.Add("birth_date", "invalid_birth_date")
		case AgeAt(birth, now) < MinVolunteerAge:
			v.Add("birth_date", "too_young", MinVolunteerAge)
		case AgeAt(birth, now) > 120:
			v.Add("birth_date", "invalid_birth_date")
		default:
			p.BirthDate = &birth
		}
	}
	return p, v.Err()
}

func validCoordinate(x, limit float64) bool {
	return !math.IsNaN(x) && !math.IsInf(x, 0) && x >= -limit && x <= limit
}

func slotIndex(slot string) int {
	for i, s := range Slots {
		if s == slot {
			return i
		}
	}
	return len(Slots)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// AgeAt returns the age in whole years of someone born at birth on day at.
func AgeAt(birth, at time.Time) int {
	years := at.Year() - birth.Year()
	if at.Month() < birth.Month() || at.Month() == birth.Month() && at.Day() < birth.Day() {
		years--
	}
	return years
}
