package handlers

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// orgListQuery is the admins' search of organisations: a part of the
// name, and a state.
type orgListQuery struct {
	Q      string
	Status models.OrgStatus
}

func parseOrgListQuery(c *fiber.Ctx) (orgListQuery, error) {
	return orgListQueryOf(c.Query("q"), c.Query("status"))
}

func orgListQueryOf(text, status string) (orgListQuery, error) {
	q := orgListQuery{Q: strings.TrimSpace(text), Status: models.OrgStatus(status)}
	var v models.Validator
	v.Check(len(q.Q) <= 100, "q", "too_long", 100)
	switch q.Status {
	case "", models.OrgPending, models.OrgVerified, models.OrgRejected, models.OrgSuspended:
	default:
		v.Check(false, "status", "one_of", "pending, verified, rejected, suspended")
	}
	return q, v.Err()
}

// Encode is the query string of the search ("?q=...&status=..."), or
// nothing: where the page's forms come back to.
func (q orgListQuery) Encode() string {
	v := url.Values{}
	if q.Q != "" {
		v.Set("q", q.Q)
	}
	if q.Status != "" {
		v.Set("status", string(q.Status))
	}
	if len(v) == 0 {
		return ""
	}
	return "?" + v.Encode()
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

// findOrganizations is shared by the API and the admin page. An admin
// tool: it reads the organisations of the state and filters the names in
// memory (there are thousands, not millions).
func (s *Server) findOrganizations(c *fiber.Ctx, q orgListQuery, pg paging) ([]orgResponse, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, _, err := s.store.OrganizationsByStatus(ctx, q.Status, 0, 0)
	if err != nil {
		return nil, 0, err
	}
	needle := strings.ToLower(q.Q)
	var matched []models.Organization
	for _, o := range orgs {
		if needle == "" || strings.Contains(strings.ToLower(o.Name), needle) {
			matched = append(matched, o)
		}
	}
	total := int64(len(matched))
	start := min(int(pg.skip()), len(matched))
	end := min(start+pg.PerPage, len(matched))
	items := make([]orgResponse, 0, end-start)
	for i := start; i < end; i++ {
		view, err := s.orgView(c, &matched[i], false)
		if err != nil {
			return nil, 0, err
		}
		view.StatusReason = matched[i].StatusReason
		items = append(items, view)
	}
	return items, total, nil
}
