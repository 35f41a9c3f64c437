package handlers

import (
	"context"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/store"
)

// auditRow is an audit entry as the admin reads it: the action, the states
// and the people and things named in words; the ids stay in the links.
type auditRow struct {
	auditResponse
	ActionText string
	TargetText string
	ActorText  string
	FromText   string
	ToText     string
	ReasonText string
}

// statusPrefix names the catalogue keys of each target type's states.
var statusPrefix = map[string]string{"mission": "mstatus.", "organization": "ostatus.", "user": "ustatus."}

// auditRows names the entries' actors and targets, read by key.
func (s *Server) auditRows(ctx context.Context, lang string, entries []auditResponse) ([]auditRow, error) {
	var userIDs, orgIDs, missionIDs []string
	for _, e := range entries {
		if store.ValidID(e.ActorID) {
			userIDs = append(userIDs, e.ActorID)
		}
		if !store.ValidID(e.TargetID) {
			continue
		}
		switch e.TargetType {
		case "user":
			userIDs = append(userIDs, e.TargetID)
		case "organization":
			orgIDs = append(orgIDs, e.TargetID)
		case "mission":
			missionIDs = append(missionIDs, e.TargetID)
		}
	}
	names := map[string]string{}
	if len(userIDs) > 0 {
		users, err := s.store.UsersByIDs(ctx, userIDs)
		if err != nil {
			return nil, err
		}
		for id, u := range users {
			names[id] = u.Name
		}
	}
	if len(orgIDs) > 0 {
		orgs, err := s.store.OrganizationsByIDs(ctx, orgIDs)
		if err != nil {
			return nil, err
		}
		for _, o := range orgs {
			names[o.ID] = o.Name
		}
	}
	if len(missionIDs) > 0 {
		missions, _, err := s.store.Missions(ctx, store.MissionFilter{IDs: missionIDs}, "created_at", 0, 0)
		if err != nil {
			return nil, err
		}
		for _, m := range missions {
			names[m.ID] = m.Title
		}
	}
	gone := i18n.T(lang, "audit.gone")
	rows := make([]auditRow, len(entries))
	for i, e := range entries {
		r := auditRow{auditResponse: e, ActionText: wordOr(lang, "audit_action."+e.Action, e.Action)}
		kind := wordOr(lang, "audit_target."+e.TargetType, "")
		switch {
		case e.TargetID == "":
			r.TargetText = kind
		case names[e.TargetID] != "":
			r.TargetText = kind + " « " + names[e.TargetID] + " »"
		default:
			r.TargetText = kind + " (" + gone + ")"
		}
		r.ActorText = names[e.ActorID]
		if r.ActorText == "" {
			r.ActorText = gone
		}
		if prefix := statusPrefix[e.TargetType]; prefix != "" {
			if v, ok := e.Before["status"].(string); ok {
				r.FromText = wordOr(lang, prefix+v, "")
			}
			if v, ok := e.After["status"].(string); ok {
				r.ToText = wordOr(lang, prefix+v, "")
			}
		}
		r.ReasonText = wordOr(lang, "audit_reason."+e.Reason, e.Reason)
		rows[i] = r
	}
	return rows, nil
}

// wordOr is the catalogue's text for key, or fallback when there is none.
func wordOr(lang, key, fallback string) string {
	if i18n.Has(key) {
		return i18n.T(lang, key)
	}
	return fallback
}
