package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
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

// changeIdentity edits a verified (or suspended) organisation: the
// description changes at once; a change of name, kind, SIRET/RNA, address
// or contact becomes (or amends) the pending identity change, and the
// organisation keeps its verified identity until an admin approves it.
func (s *Server) changeIdentity(c *fiber.Ctx, org *models.Organization, in models.OrgInput) (*models.Organization, error) {
	base := models.IdentityOf(org)
	if ch, ok := org.PendingIdentity(); ok {
		base = ch.Proposed
	}
	proposed := base.Apply(in)
	if proposed.SIRET == "" && proposed.RNA == "" {
		return nil, errField("siret", "siret_or_rna")
	}
	if proposed.Postcode != base.Postcode {
		place, ok := s.gazetteer.Lookup(proposed.Postcode)
		if !ok {
			return nil, errField("postcode", "unknown_postcode")
		}
		proposed.City, proposed.Lat, proposed.Lon = place.City, place.Lat, place.Lon
	}
	changes := models.IdentityChanges(models.IdentityOf(org), proposed)
	userID := principal(c).UserID
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated := org
	var err error
	if in.Description != nil && *in.Description != org.Description {
		updated, err = s.store.UpdateOrganization(ctx, userID, org.ID, store.OrgFields{Description: in.Description}, s.now())
		if err != nil {
			return nil, err
		}
	}
	_, pending := org.PendingIdentity()
	switch {
	case len(changes) == 0 && !pending:
		// Nothing to verify; a refused change stays shown until the next one.
	case len(changes) == 0:
		updated, err = s.store.ClearIdentityChange(ctx, userID, org)
	default:
		ch := &models.IdentityChange{ID: store.NewID(), Proposed: proposed, State: models.RevisionPending,
			RequestedBy: userID, RequestedAt: s.now()}
		updated, err = s.store.SetIdentityChange(ctx, userID, org, ch)
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.org_edited_concurrently"}
	}
	if err != nil {
		return nil, err
	}
	s.log.Info("organization edited", "org_id", org.ID, "identity_fields_pending", len(changes))
	return updated, nil
}

// identityQueue lists verified organisations' identity changes waiting for
// an admin, oldest first, each with the old and new value of every field.
func (s *Server) identityQueue(c *fiber.Ctx) error { return queuePage(c, s.identityQueueItems) }

// identityQueueItems is shared by the API and the verification page.
func (s *Server) identityQueueItems(c *fiber.Ctx, pg paging) ([]orgQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.store.OrganizationsWithIdentityChange(ctx, pg.skip(), pg.limit())
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

// moderateIdentity approves or rejects an organisation's identity change.
func (s *Server) moderateIdentity(action string, reasonRequired bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, reasonRequired)
		if err != nil {
			return err
		}
		org, err := s.decideIdentity(c, id, action, reason)
		if err != nil {
			return err
		}
		view, err := s.orgView(c, org, true)
		if err != nil {
			return err
		}
		return c.JSON(view)
	}
}

// auditedIdentityValues are the identity fields whose values the audit log
// keeps; contact details are someone's e-mail or phone, so the log only
// says they changed (it holds no personal data beyond ids).
var auditedIdentityValues = map[string]bool{"name": true, "kind": true, "siret": true, "rna": true, "postcode": true}

// decideIdentity is shared by the API and the verification page: approving
// makes the change the organisation's identity (and refreshes its missions
// in the index, which show its name); rejecting keeps the verified identity
// and tells the organisation why. Both are audited.
func (s *Server) decideIdentity(c *fiber.Ctx, id, action, reason string) (*models.Organization, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	org, err := s.store.OrganizationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	none := &Problem{Status: 409, Slug: ProblemConflict, DetailKey: "detail.no_identity_change"}
	ch, ok := org.PendingIdentity()
	if !ok {
		return nil, none
	}
	before, after := map[string]any{}, map[string]any{}
	for _, change := range models.IdentityChanges(models.IdentityOf(org), ch.Proposed) {
		if auditedIdentityValues[change.Field] {
			before[change.Field], after[change.Field] = change.Old, change.New
		} else {
			before[change.Field], after[change.Field] = "…", "changed"
		}
	}
	var updated *models.Organization
	if action == "approve" {
		updated, err = s.store.ApplyIdentityChange(ctx, id, ch.ID, ch.Proposed, s.now())
	} else {
		updated, err = s.store.RejectIdentityChange(ctx, id, *ch, reason, s.now())
	}
	if errors.Is(err, store.ErrConflict) {
		return nil, none
	}
	if err != nil {
		return nil, err
	}
	if err := s.audit(ctx, principal(c).UserID, "organization.identity_"+action, "organization", id, reason, before, after); err != nil {
		return nil, err
	}
	if action == "approve" {
		s.missionsOfOrgChanged(ctx, id)
	}
	return updated, nil
}
