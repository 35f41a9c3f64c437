package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/organizations"
)

type orgQueueItem struct {
	orgResponse
	WaitingHours float64 `json:"waiting_hours"`
	// Changes are an identity change's fields as the page shows them.
	Changes []changeRow `json:"-"`
}

// orgQueue lists organisations awaiting verification, oldest first.
func (s *Server) orgQueue(c *fiber.Ctx) error { return queuePage(c, s.orgQueueItems) }

// orgQueueItems is shared by the API and the moderation page.
func (s *Server) orgQueueItems(c *fiber.Ctx, pg paging) ([]orgQueueItem, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.orgs.AwaitingVerification(ctx, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	items := make([]orgQueueItem, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], true)
		if err != nil {
			return nil, 0, err
		}
		items = append(items, orgQueueItem{orgResponse: view, WaitingHours: s.now().Sub(orgs[i].CreatedAt).Hours()})
	}
	return items, total, nil
}

// parseOrgListQuery reads the admins' search of organisations: a part of
// the name (q), and a state (status).
func parseOrgListQuery(c *fiber.Ctx) (organizations.Query, error) {
	return organizations.NewQuery(c.Query("q"), c.Query("status"))
}

// adminOrganizations lists organisations for the admins to act from:
// GET /admin/organizations?q=&status=.
func (s *Server) adminOrganizations(c *fiber.Ctx) error {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	q, err := parseOrgListQuery(c)
	if err != nil {
		return err
	}
	items, total, err := s.findOrganizations(c, q, pg)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, total, pg))
}

// findOrganizations is shared by the API and the admin page.
func (s *Server) findOrganizations(c *fiber.Ctx, q organizations.Query, pg paging) ([]orgResponse, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.orgs.Search(ctx, q, int(pg.skip()), pg.PerPage)
	if err != nil {
		return nil, 0, err
	}
	items := make([]orgResponse, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], false)
		if err != nil {
			return nil, 0, err
		}
		view.StatusReason = orgs[i].StatusReason
		items = append(items, view)
	}
	return items, total, nil
}

// moderateOrganization applies an admin's decision on an organisation: a
// change of state answers the new state, a decision on an identity change
// answers the organisation.
func (s *Server) moderateOrganization(d organizations.Decision) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "id")
		if err != nil {
			return err
		}
		reason, err := readReason(c, organizations.ReasonRequired(d))
		if err != nil {
			return err
		}
		ctx, cancel := s.ctx(c)
		defer cancel()
		org, err := s.orgs.Decide(ctx, principal(c).UserID, id, d, reason)
		if err != nil {
			return err
		}
		if d == organizations.ApproveIdentity || d == organizations.RejectIdentity {
			view, err := s.orgView(c, org, true)
			if err != nil {
				return err
			}
			return c.JSON(view)
		}
		return c.JSON(stateResponse{ID: org.ID, Status: string(org.Status), Reason: reason})
	}
}
