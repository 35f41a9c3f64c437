package handlers

import (
	"context"
)

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
