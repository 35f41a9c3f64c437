package handlers

import "github.com/entraide/entraide/models"

// errMissionUnavailable is what a visitor following a link to a mission
// that is not public gets: a 410 that says why when the mission was public
// once (its organisation suspended, the mission cancelled), else a 404 (a
// draft never shown does not exist for them).
func errMissionUnavailable(m *models.Mission) error {
	switch {
	case m.OrgSuspended || m.UnpublishedBySuspension:
		return &Problem{Status: 410, Slug: ProblemMissionGone, DetailKey: "journeys.mission_gone_suspended"}
	case m.Status == models.MissionCancelled:
		return &Problem{Status: 410, Slug: ProblemMissionGone, DetailKey: "journeys.mission_gone_cancelled"}
	}
	return errNotFound()
}
