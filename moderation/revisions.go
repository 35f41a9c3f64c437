package moderation

import (
	"context"
	"errors"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// revise edits a published mission. What the public sees does not change
// until a moderator approves: the edit becomes (or amends) the mission's
// pending revision, with the fields it changes. An edit that brings
// everything back to the published version withdraws the revision.
func (svc *Service) revise(ctx context.Context, org *models.Organization, m *models.Mission, userID string, in models.MissionInput) (*models.Mission, error) {
	base := *m
	if m.Revision != nil && m.RevisionState == models.RevisionPending {
		base = m.WithContent(m.Revision.Content)
	}
	next, err := in.Apply(&base)
	if err != nil {
		return nil, err
	}
	if next.Postcode != base.Postcode || next.Remote != base.Remote || next.TimeZone == "" {
		if err := svc.locate(&next, org); err != nil {
			return nil, err
		}
	}
	proposed := models.ContentOf(&next)
	changes := models.ContentChanges(models.ContentOf(m), proposed)
	var updated *models.Mission
	switch {
	case len(changes) == 0 && m.RevisionState != models.RevisionPending:
		return m, nil // a refused change stays shown until the next one
	case len(changes) == 0:
		updated, err = svc.Store.ClearMissionRevision(ctx, m)
	default:
		fields := make([]string, len(changes))
		for i, ch := range changes {
			fields[i] = ch.Field
		}
		rev := &models.MissionRevision{ID: store.NewID(), Content: proposed, Changed: fields, State: models.RevisionPending,
			SubmittedBy: userID, SubmittedAt: svc.now()}
		updated, err = svc.Store.SetMissionRevision(ctx, m, rev)
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, ErrEditedConcurrently
	}
	return updated, err
}
