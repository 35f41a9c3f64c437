package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// applicantProfile is what an organisation needs to decide on one
// application: the volunteer's skills and languages, whether they said
// they are free at the shift's time, and how their past places went. No
// contact detail: those come with acceptance (volunteerContact).
type applicantProfile struct {
	Skills            []string `json:"skills"`
	SkillNames        []string `json:"skill_names"`
	Languages         []string `json:"languages"`
	LanguageNames     []string `json:"language_names"`
	AvailableForShift bool     `json:"available_for_shift"`
	Attended          int      `json:"attended"`
	NoShow            int      `json:"no_show"`
}

// availabilityZone is where the availability grid's days and slots are read.
var availabilityZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// shiftSlot is the profile's day and slot ("tue", "evening") a shift
// starts in.
func shiftSlot(start time.Time) (day, slot string) {
	local := start.In(availabilityZone)
	day = [...]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}[local.Weekday()]
	switch h := local.Hour(); {
	case h < 12:
		slot = "morning"
	case h < 18:
		slot = "afternoon"
	default:
		slot = "evening"
	}
	return day, slot
}

// applicant reads the volunteer's profile (one key read) and their own
// applications (the per-volunteer index) for the organisation's review.
func (s *Server) applicant(ctx context.Context, lang string, a *models.Application) (*applicantProfile, error) {
	out := &applicantProfile{Skills: []string{}, SkillNames: []string{}, Languages: []string{}, LanguageNames: []string{}}
	profile, err := s.store.Profile(ctx, a.VolunteerID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if profile != nil {
		out.Skills = append(out.Skills, profile.Skills...)
		for _, sk := range profile.Skills {
			name := sk
			if models.IsSkill(sk) {
				name = models.SkillLabel(sk, lang)
			}
			out.SkillNames = append(out.SkillNames, name)
		}
		out.Languages = append(out.Languages, profile.Languages...)
		for _, code := range profile.Languages {
			out.LanguageNames = append(out.LanguageNames, i18n.LanguageName(lang, code))
		}
		day, slot := shiftSlot(a.ShiftStart)
		for _, free := range profile.Availability[day] {
			out.AvailableForShift = out.AvailableForShift || free == slot
		}
	}
	past, err := s.volunteerApplications(ctx, a.VolunteerID, models.ApplicationAttended, models.ApplicationNoShow)
	if err != nil {
		return nil, err
	}
	for _, p := range past {
		if p.Status == models.ApplicationAttended {
			out.Attended++
		} else {
			out.NoShow++
		}
	}
	return out, nil
}
