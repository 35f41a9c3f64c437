package models_test

import (
	"slices"
	"testing"

	"github.com/entraide/entraide/models"
)

// The transition tables are checked against the lifecycles written out
// again here, over every pair of states: each allowed change is allowed,
// and every other change (a state to itself included) is refused.

func TestOrganisationTransitionTable(t *testing.T) {
	states := []models.OrgStatus{models.OrgPending, models.OrgVerified, models.OrgRejected, models.OrgSuspended}
	allowed := map[[2]models.OrgStatus]bool{
		{models.OrgPending, models.OrgVerified}:   true,
		{models.OrgPending, models.OrgRejected}:   true,
		{models.OrgVerified, models.OrgSuspended}: true,
		{models.OrgSuspended, models.OrgVerified}: true,
	}
	for _, from := range states {
		for _, to := range states {
			want := allowed[[2]models.OrgStatus{from, to}]
			if got := models.CanOrgTransition(from, to); got != want {
				t.Errorf("organisation %s → %s: allowed %v, want %v", from, to, got, want)
			}
		}
	}
	for from, tos := range models.OrgTransitions {
		for _, to := range tos {
			if !slices.Contains(states, from) || !slices.Contains(states, to) {
				t.Errorf("unknown organisation state in %s → %s", from, to)
			}
		}
	}
}

func TestMissionTransitionTable(t *testing.T) {
	states := []models.MissionStatus{models.MissionDraft, models.MissionSubmitted, models.MissionPublished,
		models.MissionRejected, models.MissionClosed, models.MissionCancelled}
	allowed := map[[2]models.MissionStatus]bool{
		{models.MissionDraft, models.MissionSubmitted}:     true,
		{models.MissionDraft, models.MissionCancelled}:     true,
		{models.MissionSubmitted, models.MissionPublished}: true,
		{models.MissionSubmitted, models.MissionRejected}:  true,
		{models.MissionSubmitted, models.MissionCancelled}: true,
		{models.MissionRejected, models.MissionSubmitted}:  true, // edited and sent again
		{models.MissionPublished, models.MissionClosed}:    true,
		{models.MissionPublished, models.MissionCancelled}: true,
		{models.MissionPublished, models.MissionSubmitted}: true, // substance edited, or organisation suspended
	}
	for _, from := range states {
		for _, to := range states {
			want := allowed[[2]models.MissionStatus{from, to}]
			if got := slices.Contains(models.MissionTransitions[from], to); got != want {
				t.Errorf("mission %s → %s: allowed %v, want %v", from, to, got, want)
			}
		}
	}
	for _, to := range states {
		var want []models.MissionStatus
		for _, from := range states {
			if allowed[[2]models.MissionStatus{from, to}] {
				want = append(want, from)
			}
		}
		got := models.MissionSourcesFor(to)
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("mission sources of %s: %v, want %v", to, got, want)
		}
	}
	// Closed and cancelled are final.
	for _, final := range []models.MissionStatus{models.MissionClosed, models.MissionCancelled} {
		if len(models.MissionTransitions[final]) != 0 {
			t.Errorf("mission %s is final but has transitions %v", final, models.MissionTransitions[final])
		}
	}
}

func TestApplicationTransitionTable(t *testing.T) {
	const (
		vol = models.ActorVolunteer
		org = models.ActorOrganization
		sys = models.ActorSystem
	)
	type change struct {
		from, to models.ApplicationStatus
		actor    models.Actor
	}
	allowed := map[change]bool{}
	allow := func(from models.ApplicationStatus, actor models.Actor, tos ...models.ApplicationStatus) {
		for _, to := range tos {
			allowed[change{from, to, actor}] = true
		}
	}
	allow(models.ApplicationPending, org, models.ApplicationAccepted, models.ApplicationDeclined)
	allow(models.ApplicationPending, vol, models.ApplicationWithdrawn)
	allow(models.ApplicationPending, sys, models.ApplicationReleased, models.ApplicationCancelled, models.ApplicationWaitlisted, models.ApplicationAccepted)
	allow(models.ApplicationWaitlisted, sys, models.ApplicationOffered, models.ApplicationPending, models.ApplicationCancelled)
	allow(models.ApplicationWaitlisted, org, models.ApplicationAccepted, models.ApplicationDeclined)
	allow(models.ApplicationWaitlisted, vol, models.ApplicationWithdrawn)
	allow(models.ApplicationOffered, vol, models.ApplicationAccepted, models.ApplicationWithdrawn)
	allow(models.ApplicationOffered, sys, models.ApplicationExpired, models.ApplicationCancelled)
	allow(models.ApplicationAccepted, org, models.ApplicationAttended, models.ApplicationNoShow)
	allow(models.ApplicationAccepted, vol, models.ApplicationWithdrawn)
	allow(models.ApplicationAccepted, sys, models.ApplicationCancelled)
	allow(models.ApplicationAttended, org, models.ApplicationNoShow)
	allow(models.ApplicationWithdrawn, vol, models.ApplicationPending)
	allow(models.ApplicationNoShow, org, models.ApplicationAttended)

	for _, from := range models.ApplicationStatuses {
		for _, to := range models.ApplicationStatuses {
			for _, actor := range []models.Actor{vol, org, sys} {
				want := allowed[change{from, to, actor}]
				if got := models.CanTransition(from, to, actor); got != want {
					t.Errorf("application %s → %s by %s: allowed %v, want %v", from, to, actor, got, want)
				}
			}
		}
	}
	// The final states lead nowhere (withdrawn is not final: its
	// volunteer may apply again).
	for _, final := range []models.ApplicationStatus{models.ApplicationDeclined,
		models.ApplicationCancelled, models.ApplicationReleased, models.ApplicationExpired} {
		if len(models.ApplicationTransitions[final]) != 0 {
			t.Errorf("application %s is final but has transitions", final)
		}
	}
}
