package applications_test

import (
	"testing"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/models"
)

func TestVolunteerRecordAndApplicant(t *testing.T) {
	w := newWorld(t)
	m, shifts := w.mission(true, 2, w.weekly(3)...)
	v := w.volunteer("Awa")
	var apps []*models.Application
	for _, sh := range shifts {
		a, _, err := w.svc.Apply(w.ctx, v, m.ID, sh.ID, "")
		if err != nil {
			t.Fatalf("apply: %v", err)
		}
		apps = append(apps, a)
	}
	if err := w.store.SetProfile(w.ctx, v.ID, models.Profile{Skills: []string{"cooking"}, Languages: []string{"ar"},
		Availability: map[string][]string{"tue": {"morning"}}}, w.now); err != nil {
		t.Fatalf("profile: %v", err)
	}
	// The first two shifts pass: one attended, one missed.
	w.advance(9 * 24 * time.Hour)
	if _, err := w.svc.RecordAttendance(w.ctx, apps[0], models.ApplicationAttended, w.owner); err != nil {
		t.Fatalf("attended: %v", err)
	}
	if _, err := w.svc.RecordAttendance(w.ctx, apps[1], models.ApplicationNoShow, w.owner); err != nil {
		t.Fatalf("no show: %v", err)
	}
	record, err := w.svc.VolunteerRecord(w.ctx, v.ID)
	if err != nil {
		t.Fatalf("record: %v", err)
	}
	if len(record.Upcoming) != 1 || record.Upcoming[0].Application.ID != apps[2].ID || record.Upcoming[0].Mission.Title != m.Title {
		t.Fatalf("upcoming: %+v", record.Upcoming)
	}
	if len(record.Past) != 2 || record.Past[0].Application.ID != apps[1].ID {
		t.Fatalf("past, newest first: %+v", record.Past)
	}
	if record.TotalHours != 2 || len(record.Organizations) != 1 || record.Organizations[0].Name != w.org.Name || record.Organizations[0].Shifts != 1 {
		t.Fatalf("hours: %v %+v", record.TotalHours, record.Organizations)
	}
	facts, err := w.svc.ApplicantOf(w.ctx, apps[2])
	if err != nil {
		t.Fatalf("applicant: %v", err)
	}
	day, slot := applications.ShiftSlot(apps[2].ShiftStart)
	wantFree := day == "tue" && slot == "morning"
	if facts.Attended != 1 || facts.NoShow != 1 || facts.AvailableForShift != wantFree || facts.Skills[0] != "cooking" || facts.Languages[0] != "ar" {
		t.Fatalf("applicant: %+v", facts)
	}
}

func TestShiftSlotReadsParisTime(t *testing.T) {
	// 2030-03-05 is a Tuesday; 17:30 UTC is 18:30 in Paris (winter time).
	day, slot := applications.ShiftSlot(time.Date(2030, 3, 5, 17, 30, 0, 0, time.UTC))
	if day != "tue" || slot != "evening" {
		t.Fatalf("slot = %s %s, want tue evening", day, slot)
	}
}
