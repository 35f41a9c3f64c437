package handlers

import (
	"context"

	"github.com/entraide/entraide/models"
)

// syncVolunteer puts the volunteer's document back in step with a after a
// change that did not happen (a's state is as read afterwards).
func (s *Server) syncVolunteer(ctx context.Context, a *models.Application) {
	if a == nil {
		return
	}
	if err := s.store.SyncApplication(ctx, a, s.now()); err != nil {
		s.log.Error("volunteer applications not in step", "application_id", a.ID, "error", err)
	}
}

// exportApplications adds the volunteer's applications and messages to
// their personal data export.
func (s *Server) exportApplications(ctx context.Context, userID string, export map[string]any) error {
	apps, err := s.volunteerApplications(ctx, userID)
	if err != nil {
		return err
	}
	views := make([]applicationResponse, len(apps))
	for i := range apps {
		views[i] = applicationView(&apps[i], false)
	}
	export["applications"] = views
	msgs, err := s.store.MessagesOfVolunteer(ctx, userID)
	if err != nil {
		return err
	}
	out := make([]messageResponse, len(msgs))
	for i := range msgs {
		out[i] = messageView(&msgs[i])
	}
	export["messages"] = out
	return nil
}
