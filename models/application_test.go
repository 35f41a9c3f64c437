package models_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

func TestApplicationTransitions(t *testing.T) {
	cases := []struct {
		from, to models.ApplicationStatus
		actor    models.Actor
		ok       bool
	}{
		{models.ApplicationPending, models.ApplicationAccepted, models.ActorOrganization, true},
		{models.ApplicationPending, models.ApplicationAccepted, models.ActorVolunteer, false},
		{models.ApplicationPending, models.ApplicationWithdrawn, models.ActorVolunteer, true},
		{models.ApplicationPending, models.ApplicationWithdrawn, models.ActorOrganization, false},
		{models.ApplicationPending, models.ApplicationReleased, models.ActorSystem, true},
		{models.ApplicationWaitlisted, models.ApplicationOffered, models.ActorSystem, true},
		{models.ApplicationWaitlisted, models.ApplicationPending, models.ActorSystem, true},
		{models.ApplicationWaitlisted, models.ApplicationAccepted, models.ActorOrganization, true},
		{models.ApplicationOffered, models.ApplicationAccepted, models.ActorVolunteer, true},
		{models.ApplicationOffered, models.ApplicationAccepted, models.ActorOrganization, false},
		{models.ApplicationOffered, models.ApplicationExpired, models.ActorSystem, true},
		{models.ApplicationAccepted, models.ApplicationAttended, models.ActorOrganization, true},
		{models.ApplicationAccepted, models.ApplicationDeclined, models.ActorOrganization, false},
		{models.ApplicationAttended, models.ApplicationNoShow, models.ActorOrganization, true},
		{models.ApplicationDeclined, models.ApplicationAccepted, models.ActorOrganization, false},
		{models.ApplicationWithdrawn, models.ApplicationPending, models.ActorVolunteer, true},
		{models.ApplicationWithdrawn, models.ApplicationPending, models.ActorOrganization, false},
		{models.ApplicationCancelled, models.ApplicationAccepted, models.ActorSystem, false},
	}
	for _, c := range cases {
		if got := models.CanTransition(c.from, c.to, c.actor); got != c.ok {
			t.Errorf("%s → %s by %s: %v, want %v", c.from, c.to, c.actor, got, c.ok)
		}
	}
	got := models.ApplicationSourcesFor(models.ApplicationWithdrawn, models.ActorVolunteer)
	if !slices.Equal(got, models.OpenStatuses()) {
		t.Errorf("withdrawable from %v, want the open states", got)
	}
	// Every state named in the table is a known state.
	for from, tos := range models.ApplicationTransitions {
		for to := range tos {
			if !models.ValidApplicationStatus(string(from)) || !models.ValidApplicationStatus(string(to)) {
				t.Errorf("unknown state in %s → %s", from, to)
			}
		}
	}
}

func TestApplicationPlaces(t *testing.T) {
	for _, s := range models.ApplicationStatuses {
		if s.HoldsPlace() != slices.Contains(models.PlaceHolding(), s) {
			t.Errorf("%s: HoldsPlace and PlaceHolding disagree", s)
		}
		if s.Open() != slices.Contains(models.OpenStatuses(), s) {
			t.Errorf("%s: Open and OpenStatuses disagree", s)
		}
	}
	start := time.Date(2026, 5, 2, 9, 0, 0, 0, time.UTC)
	if h := models.ShiftHours(start, start.Add(3*time.Hour+20*time.Minute)); h != 3.25 {
		t.Errorf("hours %v", h)
	}
	if !models.Overlaps(start, start.Add(time.Hour), start.Add(30*time.Minute), start.Add(2*time.Hour)) ||
		models.Overlaps(start, start.Add(time.Hour), start.Add(time.Hour), start.Add(2*time.Hour)) {
		t.Error("overlap")
	}
}

func fieldCodes(err error) []string {
	var verr *models.ValidationError
	if !errors.As(err, &verr) {
		return nil
	}
	var out []string
	for _, f := range verr.Fields {
		out = append(out, f.Field+":"+f.Code)
	}
	return out
}

func TestApplicationValidation(t *testing.T) {
	if msg, err := models.ValidateApplicationMessage("  Bonjour  "); err != nil || msg != "Bonjour" {
		t.Errorf("message %q %v", msg, err)
	}
	if _, err := models.ValidateApplicationMessage(strings.Repeat("é", 2001)); !slices.Equal(fieldCodes(err), []string{"message:too_long"}) {
		t.Errorf("long message: %v", err)
	}
	if _, err := models.ValidateMessage(""); !slices.Equal(fieldCodes(err), []string{"body:required"}) {
		t.Errorf("empty message: %v", err)
	}
	if _, err := models.ValidateMessage("a\x00b"); !slices.Equal(fieldCodes(err), []string{"body:invalid_text"}) {
		t.Errorf("control character: %v", err)
	}
	if _, err := models.ValidateDecline("nope", strings.Repeat("x", 1001)); !slices.Equal(fieldCodes(err), []string{"reason:one_of", "note:too_long"}) {
		t.Errorf("decline: %v", fieldCodes(err))
	}
	if _, err := models.ValidateDecline("other", ""); !slices.Equal(fieldCodes(err), []string{"note:required"}) {
		t.Errorf("other without a note: %v", err)
	}
	if note, err := models.ValidateDecline("shift_full", ""); err != nil || note != "" {
		t.Errorf("plain reason: %v", err)
	}
}
