package models_test

import (
	"slices"
	"testing"

	"github.com/entraide/entraide/models"
)

// TestMissionActorTable checks who may make each mission change against
// the lifecycle written out again here, over every pair of states and
// every actor, and that the actors' table names only changes that
// MissionTransitions allows (and every one of them).
func TestMissionActorTable(t *testing.T) {
	const (
		org   = models.ActorOrganization
		admin = models.ActorAdmin
		sys   = models.ActorSystem
	)
	type change struct {
		from, to models.MissionStatus
		actor    models.Actor
	}
	allowed := map[change]bool{
		{models.MissionDraft, models.MissionSubmitted, org}:       true,
		{models.MissionDraft, models.MissionCancelled, org}:       true,
		{models.MissionRejected, models.MissionSubmitted, org}:    true,
		{models.MissionSubmitted, models.MissionCancelled, org}:   true,
		{models.MissionPublished, models.MissionClosed, org}:      true,
		{models.MissionPublished, models.MissionCancelled, org}:   true,
		{models.MissionSubmitted, models.MissionPublished, admin}: true,
		{models.MissionSubmitted, models.MissionRejected, admin}:  true,
		{models.MissionPublished, models.MissionSubmitted, sys}:   true, // organisation suspended
		{models.MissionSubmitted, models.MissionPublished, sys}:   true, // organisation restored
		{models.MissionPublished, models.MissionClosed, sys}:      true, // last shift ended
	}
	states := []models.MissionStatus{models.MissionDraft, models.MissionSubmitted, models.MissionPublished,
		models.MissionRejected, models.MissionClosed, models.MissionCancelled}
	for _, actor := range []models.Actor{org, admin, sys, models.ActorVolunteer} {
		for _, from := range states {
			for _, to := range states {
				want := allowed[change{from, to, actor}]
				if got := models.CanMissionTransition(from, to, actor); got != want {
					t.Errorf("mission %s → %s by %s: allowed %v, want %v", from, to, actor, got, want)
				}
			}
		}
		for _, to := range states {
			var want []models.MissionStatus
			for _, from := range states {
				if allowed[change{from, to, actor}] {
					want = append(want, from)
				}
			}
			got := models.MissionSourcesForActor(to, actor)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("mission sources of %s for %s: %v, want %v", to, actor, got, want)
			}
		}
	}
	for from, tos := range models.MissionTransitions {
		for _, to := range tos {
			if len(models.MissionActors[from][to]) == 0 {
				t.Errorf("mission %s → %s is allowed but nobody may make it", from, to)
			}
		}
	}
	for from, tos := range models.MissionActors {
		for to := range tos {
			if !slices.Contains(models.MissionTransitions[from], to) {
				t.Errorf("mission %s → %s has actors but is not a transition", from, to)
			}
		}
	}
}
