package handlers

import (
	"context"

	"github.com/entraide/entraide/models"
)

// MaxUrgentAlerts is how many volunteers an urgent mission alerts.
const MaxUrgentAlerts = 200

// registerMatchingHooks connects the index and the notifications to the
// other features' events.
func (s *Server) registerMatchingHooks() {
	if s.catalog != nil {
		s.onAccountDeleted = append(s.onAccountDeleted, s.catalog.RemoveVolunteer)
	}
	if s.notify == nil || s.catalog == nil {
		return
	}
	s.onUrgentPublished = append(s.onUrgentPublished, s.queueUrgentAlerts)
	s.onMissionInvitation = append(s.onMissionInvitation, s.notifyMissionInvitation)
}

// queueUrgentAlerts tells the best matching volunteers who opted in to
// alerts about a newly published urgent mission. Each volunteer is alerted
// once per mission, even if the mission is published again.
func (s *Server) queueUrgentAlerts(ctx context.Context, m *models.Mission) error {
	targets := s.catalog.Index().AlertTargets(m.ID, s.now(), MaxUrgentAlerts)
	if len(targets) == 0 {
		return nil
	}
	params, err := s.missionParams(ctx, m)
	if err != nil {
		return err
	}
	sent := 0
	for _, volunteerID := range targets {
		ok, err := s.notify.NotifyOnce(ctx, "urgent:"+m.ID+":"+volunteerID, volunteerID, models.EventUrgentMission, params)
		if err != nil {
			s.log.Warn("urgent alert not queued", "mission_id", m.ID, "user_id", volunteerID, "error", err)
			continue
		}
		if ok {
			sent++
		}
	}
	s.log.Info("urgent alerts queued", "mission_id", m.ID, "count", sent)
	return nil
}

func (s *Server) notifyMissionInvitation(ctx context.Context, m *models.Mission, volunteerID string) error {
	params, err := s.missionParams(ctx, m)
	if err != nil {
		return err
	}
	return s.notify.Notify(ctx, volunteerID, models.EventMissionInvitation, params)
}

// missionParams are the template data shared by mission notifications.
func (s *Server) missionParams(ctx context.Context, m *models.Mission) (map[string]string, error) {
	org, err := s.store.OrganizationByID(ctx, m.OrgID)
	if err != nil {
		return nil, err
	}
	params := map[string]string{"mission_title": m.Title, "org_name": org.Name, "link": "/missions/" + m.ID}
	shifts, err := s.store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	for _, sh := range shifts {
		if sh.Start.After(s.now()) {
			params["shift_start"] = sh.Start.Format("2006-01-02 15:04")
			break
		}
	}
	return params, nil
}
