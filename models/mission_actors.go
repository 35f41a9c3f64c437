package models

import "slices"

// ActorAdmin is a platform admin moderating content.
const ActorAdmin Actor = "admin"

// MissionActors says who may make each change of MissionTransitions: the
// organisation sends its missions to review, closes and cancels them; an
// admin publishes or rejects what was sent; the system takes a suspended
// organisation's missions down and back up. A test keeps both tables in
// step.
var MissionActors = map[MissionStatus]map[MissionStatus][]Actor{
	MissionDraft:     {MissionSubmitted: {ActorOrganization}, MissionCancelled: {ActorOrganization}},
	MissionSubmitted: {MissionPublished: {ActorAdmin, ActorSystem}, MissionRejected: {ActorAdmin}, MissionCancelled: {ActorOrganization}},
	MissionRejected:  {MissionSubmitted: {ActorOrganization}},
	MissionPublished: {MissionClosed: {ActorOrganization, ActorSystem}, MissionCancelled: {ActorOrganization}, MissionSubmitted: {ActorSystem}},
}

// CanMissionTransition reports whether actor may move a mission from to to.
func CanMissionTransition(from, to MissionStatus, actor Actor) bool {
	return slices.Contains(MissionActors[from][to], actor) && slices.Contains(MissionTransitions[from], to)
}

// MissionSourcesForActor lists the states from which actor may move a
// mission to to: the condition of the store's conditional update.
func MissionSourcesForActor(to MissionStatus, actor Actor) []MissionStatus {
	var out []MissionStatus
	for _, from := range MissionSourcesFor(to) {
		if CanMissionTransition(from, to, actor) {
			out = append(out, from)
		}
	}
	return out
}
