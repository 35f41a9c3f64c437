package applications

import (
	"context"
	"errors"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Applicant is what an organisation needs to decide on one application:
// the volunteer's skills and languages (codes), whether they said they are
// free at the shift's time, and how their past places went. No contact
// detail: those come with acceptance.
type Applicant struct {
	Skills            []string
	Languages         []string
	AvailableForShift bool
	Attended          int
	NoShow            int
}

// availabilityZone is where the availability grid's days and slots are read.
var availabilityZone = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.UTC
	}
	return loc
}()

// ShiftSlot is the profile's day and slot ("tue", "evening") a shift
// starts in.
func ShiftSlot(start time.Time) (day, slot string) {
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

// ApplicantOf reads the volunteer's profile (one key read) and their own
// applications (the per-volunteer index) for the organisation's review.
func (svc *Service) ApplicantOf(ctx context.Context, a *models.Application) (*Applicant, error) {
	out := &Applicant{Skills: []string{}, Languages: []string{}}
	profile, err := svc.Store.Profile(ctx, a.VolunteerID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, err
	}
	if profile != nil {
		out.Skills = append(out.Skills, profile.Skills...)
		out.Languages = append(out.Languages, profile.Languages...)
		day, slot := ShiftSlot(a.ShiftStart)
		for _, free := range profile.Availability[day] {
			out.AvailableForShift = out.AvailableForShift || free == slot
		}
	}
	past, err := svc.VolunteerApplications(ctx, a.VolunteerID, models.ApplicationAttended, models.ApplicationNoShow)
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
