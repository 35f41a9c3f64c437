package applications

import (
	"context"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// tell notifies a user and logs a failure: the change it reports is
// already written, and the notification is not worth undoing it.
func (svc *Service) Tell(ctx context.Context, userID string, event models.Event, params map[string]string) {
	if svc.Notify == nil {
		return
	}
	if err := svc.Notify.Notify(context.WithoutCancel(ctx), userID, event, params); err != nil {
		svc.Log.Error("notification not sent", "user_id", userID, "event", string(event), "error", err)
	}
}

// tellOnce is tell at most once per key, for jobs that may repeat.
func (svc *Service) TellOnce(ctx context.Context, key, userID string, event models.Event, params map[string]string) {
	if svc.Notify == nil {
		return
	}
	if _, err := svc.Notify.NotifyOnce(context.WithoutCancel(ctx), key, userID, event, params); err != nil {
		svc.Log.Error("notification not sent", "user_id", userID, "event", string(event), "error", err)
	}
}

// tellMembers notifies every member of an organisation.
func (svc *Service) TellMembers(ctx context.Context, orgID, key string, event models.Event, params map[string]string) {
	if svc.Notify == nil {
		return
	}
	org, err := svc.Store.OrganizationByID(ctx, orgID)
	if err != nil {
		svc.Log.Error("notification not sent", "org_id", orgID, "event", string(event), "error", err)
		return
	}
	for _, m := range org.Members {
		if key == "" {
			svc.Tell(ctx, m.UserID, event, params)
		} else {
			svc.TellOnce(ctx, key+":"+m.UserID, m.UserID, event, params)
		}
	}
}

// eventParams are the template data common to application events.
func (svc *Service) EventParams(ctx context.Context, a *models.Application, link string) map[string]string {
	params := map[string]string{"shift_start": timefmt.Stamp(a.ShiftStart, timefmt.Default), "link": link,
		"mission_title": "", "org_name": ""}
	if m, err := svc.Store.MissionByID(ctx, a.MissionID); err == nil {
		params["mission_title"] = m.Title
		params["shift_start"] = timefmt.Stamp(a.ShiftStart, m.Zone())
		if !m.Remote && m.Address != "" {
			params["address"] = m.Address + ", " + m.Postcode + " " + m.City
		}
	}
	if o, err := svc.Store.OrganizationByID(ctx, a.OrgID); err == nil {
		params["org_name"] = o.Name
	}
	return params
}

func VolunteerLink(a *models.Application) string { return "/me/applications/" + a.ID }
func OrgLink(a *models.Application) string {
	return "/organizations/" + a.OrgID + "/missions/" + a.MissionID + "/applications"
}
