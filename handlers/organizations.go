package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
)

type orgRequest struct {
	Name         *string `json:"name"`
	Kind         *string `json:"kind"`
	SIRET        *string `json:"siret"`
	RNA          *string `json:"rna"`
	Address      *string `json:"address"`
	Postcode     *string `json:"postcode"`
	Description  *string `json:"description"`
	ContactEmail *string `json:"contact_email"`
	ContactPhone *string `json:"contact_phone"`
}

func (r orgRequest) input() models.OrgInput {
	return models.OrgInput{Name: r.Name, Kind: r.Kind, SIRET: r.SIRET, RNA: r.RNA, Address: r.Address,
		Postcode: r.Postcode, Description: r.Description, ContactEmail: r.ContactEmail, ContactPhone: r.ContactPhone}
}

type memberResponse struct {
	UserID   string    `json:"user_id"`
	Name     string    `json:"name"`
	Email    string    `json:"email"`
	Role     string    `json:"role"`
	JoinedAt time.Time `json:"joined_at"`
	// InvitedBy names the member whose invitation brought this one in.
	InvitedBy     string `json:"invited_by,omitempty"`
	InvitedByName string `json:"invited_by_name,omitempty"`
}

type orgResponse struct {
	ID            string           `json:"id"`
	Name          string           `json:"name"`
	Kind          string           `json:"kind"`
	SIRET         string           `json:"siret,omitempty"`
	RNA           string           `json:"rna,omitempty"`
	Address       string           `json:"address"`
	Postcode      string           `json:"postcode"`
	City          string           `json:"city"`
	Description   string           `json:"description"`
	ContactEmail  string           `json:"contact_email"`
	ContactPhone  string           `json:"contact_phone"`
	Status        string           `json:"status"`
	StatusReason  string           `json:"status_reason,omitempty"`
	ResponseHours *float64         `json:"median_response_hours"`
	Members       []memberResponse `json:"members,omitempty"`
	MyRole        string           `json:"my_role,omitempty"`
	CreatedAt     time.Time        `json:"created_at"`
	UpdatedAt     time.Time        `json:"updated_at"`
	VerifiedAt    *time.Time       `json:"verified_at,omitempty"`
	// IdentityChange waits for an admin (members and admins only).
	IdentityChange *identityChangeResponse `json:"identity_change,omitempty"`
}

// orgView renders an organisation; members (with the state's reason and
// a pending identity change) are listed for members and admins only.
func (s *Server) orgView(c *fiber.Ctx, o *models.Organization, withMembers bool) (orgResponse, error) {
	r := orgResponse{
		ID: o.ID, Name: o.Name, Kind: string(o.Kind), SIRET: o.SIRET, RNA: o.RNA, Address: o.Address,
		Postcode: o.Postcode, City: o.City, Description: o.Description, ContactEmail: o.ContactEmail,
		ContactPhone: o.ContactPhone, Status: string(o.Status), ResponseHours: o.ResponseHours,
		CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt, VerifiedAt: o.VerifiedAt,
	}
	userID, admin := caller(c)
	if m, ok := o.Member(userID); ok && userID != "" {
		r.MyRole = string(m.Role)
	}
	withMembers = withMembers || organizations.SeesMembers(o, userID, admin)
	if !withMembers {
		return r, nil
	}
	r.StatusReason = o.StatusReason
	r.IdentityChange = identityChangeView(o)
	ctx, cancel := s.ctx(c)
	defer cancel()
	members, err := s.orgs.Members(ctx, o)
	if err != nil {
		return r, err
	}
	r.Members = make([]memberResponse, len(members))
	for i, m := range members {
		r.Members[i] = memberResponse{UserID: m.UserID, Name: m.Name, Email: m.Email, Role: string(m.Role),
			JoinedAt: m.JoinedAt, InvitedBy: m.InvitedBy, InvitedByName: m.InvitedByName}
	}
	return r, nil
}

// createOrganization registers an organisation; it starts pending and its
// creator is its owner.
func (s *Server) createOrganization(c *fiber.Ctx) error {
	var req orgRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	org, err := s.orgs.Register(ctx, principal(c).UserID, req.input())
	if err != nil {
		return err
	}
	view, err := s.orgView(c, org, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// getOrganization shows a verified organisation to everyone, and any
// organisation to its members and admins.
func (s *Server) getOrganization(c *fiber.Ctx) error {
	id, err := idParam(c, "orgId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	userID, admin := caller(c)
	org, err := s.orgs.Visible(ctx, id, userID, admin)
	if err != nil {
		return err
	}
	view, err := s.orgView(c, org, false)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// caller is the signed-in user's id ("" for a visitor) and whether they
// are an admin, as the organisation rules take them.
func caller(c *fiber.Ctx) (userID string, admin bool) {
	if p := principal(c); p != nil {
		return p.UserID, p.Role == models.RoleAdmin
	}
	return "", false
}

// updateOrganization edits an organisation (members only).
func (s *Server) updateOrganization(c *fiber.Ctx) error {
	org := orgOf(c)
	var req orgRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.orgs.Edit(ctx, principal(c).UserID, org, req.input())
	if err != nil {
		return err
	}
	view, err := s.orgView(c, updated, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// myOrganizations lists the caller's organisations.
func (s *Server) myOrganizations(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, err := s.orgs.OfMember(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	items := make([]orgResponse, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], false)
		if err != nil {
			return err
		}
		view.Members = nil
		items = append(items, view)
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

// listOrganizations is the public directory of verified organisations.
func (s *Server) listOrganizations(c *fiber.Ctx) error {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, total, err := s.orgs.Directory(ctx, pg.skip(), pg.limit())
	if err != nil {
		return err
	}
	items := make([]orgResponse, 0, len(orgs))
	for i := range orgs {
		view, err := s.orgView(c, &orgs[i], false)
		if err != nil {
			return err
		}
		view.Members = nil
		items = append(items, view)
	}
	return c.JSON(newList(items, total, pg))
}

// exportMemberships adds the caller's memberships to a data export.
func (s *Server) exportMemberships(ctx context.Context, userID string, export map[string]any) error {
	orgs, err := s.orgs.OfMember(ctx, userID)
	if err != nil {
		return err
	}
	type membership struct {
		OrganizationID string    `json:"organization_id"`
		Name           string    `json:"name"`
		Role           string    `json:"role"`
		JoinedAt       time.Time `json:"joined_at"`
	}
	out := []membership{}
	for _, o := range orgs {
		if m, ok := o.Member(userID); ok {
			out = append(out, membership{OrganizationID: o.ID, Name: o.Name, Role: string(m.Role), JoinedAt: m.JoinedAt})
		}
	}
	export["organizations"] = out
	return nil
}
