package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// identityChangeResponse is a verified organisation's change of identity
// waiting for (or refused by) an admin, field by field.
type identityChangeResponse struct {
	ID            string               `json:"id"`
	State         string               `json:"state"`
	ChangedFields []string             `json:"changed_fields"`
	Changes       []models.FieldChange `json:"changes"`
	Reason        string               `json:"reason,omitempty"`
	RequestedAt   time.Time            `json:"requested_at"`
	DecidedAt     *time.Time           `json:"decided_at,omitempty"`
}

func identityChangeView(o *models.Organization) *identityChangeResponse {
	ch := o.IdentityChange
	if ch == nil {
		return nil
	}
	changes := models.IdentityChanges(models.IdentityOf(o), ch.Proposed)
	fields := make([]string, len(changes))
	for i, c := range changes {
		fields[i] = c.Field
	}
	return &identityChangeResponse{ID: ch.ID, State: string(ch.State), ChangedFields: fields, Changes: changes,
		Reason: ch.Reason, RequestedAt: ch.RequestedAt, DecidedAt: ch.DecidedAt}
}

// identityQueue lists verified organisations' identity changes waiting for
// an admin, oldest first, each with the old and new value of every field.
func (s *Server) identityQueue(c *fiber.Ctx) error { return queuePage(c, s.identityQueueItems) }

// identityQueueItems is shared by the API and the verification page.
func (s *Server) identityQueueItems(c *fiber.Ctx, pg paging) ([]orgQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.orgs.AwaitingIdentityDecision(ctx, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	lang := s.lang(c)
	items := make([]orgQueueItem, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], true)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, orgQueueItem{orgResponse: view, WaitingHours: s.now().Sub(orgs[i].IdentityChange.RequestedAt).Hours(),
			Changes: changeRows(lang, view.IdentityChange.Changes, orgFieldLabels)})
	}
	return items, total, nil
}
