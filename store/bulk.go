package store

import (
	"context"

	"github.com/entraide/entraide/models"
)

// InsertApplicationsBulk writes applications and their volunteers'
// application lists in one batch each, for bulk loads (the synthetic data
// set). Every application of a volunteer must come in the same call, and
// the volunteer must have no list yet.
func (s *Store) InsertApplicationsBulk(ctx context.Context, apps []models.Application) error {
	if len(apps) == 0 {
		return nil
	}
	docs := make([]any, len(apps))
	lists := map[string]*volunteerApps{}
	order := []string{}
	for i := range apps {
		a := &apps[i]
		docs[i] = a
		list := lists[a.VolunteerID]
		if list == nil {
			list = &volunteerApps{VolunteerID: a.VolunteerID}
			lists[a.VolunteerID] = list
			order = append(order, a.VolunteerID)
		}
		list.Items = append(list.Items, appRef{ApplicationID: a.ID, ShiftEnd: a.ShiftEnd})
	}
	if err := s.InsertMany(ctx, "applications", docs); err != nil {
		return err
	}
	listDocs := make([]any, len(order))
	for i, id := range order {
		listDocs[i] = lists[id]
	}
	return s.InsertMany(ctx, "volunteer_applications", listDocs)
}
