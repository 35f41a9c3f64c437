package applications

import (
	"context"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// MaxUrgentAlerts is how many volunteers an urgent mission alerts.
const MaxUrgentAlerts = 200

// AlertUrgent tells the best matching volunteers who opted in to
// alerts about a newly published urgent mission. Each volunteer is alerted
// once per mission, even if the mission is published again.
func (svc *Service) AlertUrgent(ctx context.Context, m *models.Mission) error {
	targets := svc.Catalog.Index().AlertTargets(m.ID, svc.now(), MaxUrgentAlerts)
	if len(targets) == 0 {
		return nil
	}
	params, err := svc.missionParams(ctx, m)
	if err != nil {
		return err
	}
	sent := 0
	for _, volunteerID := range targets {
		ok, err := svc.Notify.NotifyOnce(ctx, "urgent:"+m.ID+":"+volunteerID, volunteerID, models.EventUrgentMission, params)
		if err != nil {
			svc.Log.Warn("urgent alert not queued", "mission_id", m.ID, "user_id", volunteerID, "error", err)
			continue
		}
		if ok {
			sent++
		}
	}
	svc.Log.Info("urgent alerts queued", "mission_id", m.ID, "count", sent)
	return nil
}

// TellInvited tells a volunteer an organisation invited them to a mission.
func (svc *Service) TellInvited(ctx context.Context, m *models.Mission, volunteerID string) error {
	params, err := svc.missionParams(ctx, m)
	if err != nil {
		return err
	}
	return svc.Notify.Notify(ctx, volunteerID, models.EventMissionInvitation, params)
}

// missionParams are the template data shared by mission notifications.
func (svc *Service) missionParams(ctx context.Context, m *models.Mission) (map[string]string, error) {
	org, err := svc.Store.OrganizationByID(ctx, m.OrgID)
	if err != nil {
		return nil, err
	}
	params := map[string]string{"mission_title": m.Title, "org_name": org.Name, "link": "/missions/" + m.ID}
	shifts, err := svc.Store.ShiftsOfMissions(ctx, m.ID)
	if err != nil {
		return nil, err
	}
	for _, sh := range shifts {
		if sh.Start.After(svc.now()) {
			params["shift_start"] = timefmt.Stamp(sh.Start, m.Zone())
			break
		}
	}
	return params, nil
}
