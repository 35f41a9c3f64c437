package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
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

// orgView renders an organisation; members are listed for members and
// admins only.
func (s *Server) orgView(c *fiber.Ctx, o *models.Organization, withMembers bool) (orgResponse, error) {
	r := orgResponse{
		ID: o.ID, Name: o.Name, Kind: string(o.Kind), SIRET: o.SIRET, RNA: o.RNA, Address: o.Address,
		Postcode: o.Postcode, City: o.City, Description: o.Description, ContactEmail: o.ContactEmail,
		ContactPhone: o.ContactPhone, Status: string(o.Status), ResponseHours: o.ResponseHours,
		CreatedAt: o.CreatedAt, UpdatedAt: o.UpdatedAt, VerifiedAt: o.VerifiedAt,
	}
	p := principal(c)
	if p != nil {
		if m, ok := o.Member(p.UserID); ok {
			r.MyRole = string(m.Role)
			withMembers = true
		}
		if p.Role == models.RoleAdmin {
			withMembers = true
		}
	}
	if !withMembers {
		return r, nil
	}
	r.StatusReason = o.StatusReason
	r.IdentityChange = identityChangeView(o)
	ctx, cancel := s.ctx(c)
	defer cancel()
	r.Members = make([]memberResponse, 0, len(o.Members))
	for _, m := range o.Members {
		mr := memberResponse{UserID: m.UserID, Role: string(m.Role), JoinedAt: m.JoinedAt, InvitedBy: m.InvitedBy}
		if u, err := s.store.UserByID(ctx, m.UserID); err == nil {
			mr.Name, mr.Email = u.Name, u.Email
		} else if !errors.Is(err, store.ErrNotFound) {
			return r, err
		}
		if m.InvitedBy != "" {
			var err error
			if mr.InvitedByName, err = s.userName(ctx, m.InvitedBy); err != nil {
				return r, err
			}
		}
		r.Members = append(r.Members, mr)
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
	org, err := s.registerOrganization(c, req.input())
	if err != nil {
		return err
	}
	view, err := s.orgView(c, org, true)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(view)
}

// registerOrganization is shared by the API and the page.
func (s *Server) registerOrganization(c *fiber.Ctx, in models.OrgInput) (*models.Organization, error) {
	in, err := in.Validate(true)
	if err != nil {
		return nil, err
	}
	place, ok := s.gazetteer.Lookup(*in.Postcode)
	if !ok {
		return nil, errField("postcode", "unknown_postcode")
	}
	p := principal(c)
	now := s.now()
	org := &models.Organization{
		ID: store.NewID(), Name: *in.Name, Kind: models.OrgKind(*in.Kind), Address: *in.Address,
		Postcode: *in.Postcode, City: place.City, Lat: place.Lat, Lon: place.Lon, Description: *in.Description,
		ContactEmail: *in.ContactEmail, ContactPhone: *in.ContactPhone, Status: models.OrgPending,
		Members:   []models.Member{{UserID: p.UserID, Role: models.MemberOwner, JoinedAt: now}},
		MemberIDs: []string{p.UserID}, CreatedBy: p.UserID, CreatedAt: now, UpdatedAt: now,
	}
	if in.SIRET != nil {
		org.SIRET = *in.SIRET
	}
	if in.RNA != nil {
		org.RNA = *in.RNA
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.CreateOrganization(ctx, org); err != nil {
		return nil, err
	}
	s.log.Info("organization registered", "org_id", org.ID, "user_id", p.UserID)
	return org, nil
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
	org, err := s.store.OrganizationByID(ctx, id)
	if err != nil {
		return err
	}
	if !s.canSeeOrg(c, org) {
		return errNotFound()
	}
	view, err := s.orgView(c, org, false)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

func (s *Server) canSeeOrg(c *fiber.Ctx, org *models.Organization) bool {
	if org.Status == models.OrgVerified {
		return true
	}
	p := principal(c)
	if p == nil {
		return false
	}
	_, member := org.Member(p.UserID)
	return member || p.Role == models.RoleAdmin
}

// updateOrganization edits an organisation (members only).
func (s *Server) updateOrganization(c *fiber.Ctx) error {
	org := orgOf(c)
	var req orgRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	updated, err := s.editOrganization(c, org, req.input())
	if err != nil {
		return err
	}
	view, err := s.orgView(c, updated, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

// editOrganization is shared by the API and the organisation's page. Once
// verified, identity changes wait for an admin (changeIdentity).
func (s *Server) editOrganization(c *fiber.Ctx, org *models.Organization, input models.OrgInput) (*models.Organization, error) {
	in, err := input.Validate(false)
	if err != nil {
		return nil, err
	}
	if org.IdentityVerified() {
		return s.changeIdentity(c, org, in)
	}
	f := store.OrgFields{Name: in.Name, Kind: in.Kind, SIRET: in.SIRET, RNA: in.RNA, Address: in.Address,
		Description: in.Description, ContactEmail: in.ContactEmail, ContactPhone: in.ContactPhone}
	siret, rna := org.SIRET, org.RNA
	if in.SIRET != nil {
		siret = *in.SIRET
	}
	if in.RNA != nil {
		rna = *in.RNA
	}
	if siret == "" && rna == "" {
		return nil, errField("siret", "siret_or_rna")
	}
	if in.Postcode != nil {
		place, ok := s.gazetteer.Lookup(*in.Postcode)
		if !ok {
			return nil, errField("postcode", "unknown_postcode")
		}
		f.Postcode, f.City, f.Lat, f.Lon = in.Postcode, &place.City, &place.Lat, &place.Lon
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.store.UpdateOrganization(ctx, principal(c).UserID, org.ID, f, s.now())
	if err != nil {
		return nil, err
	}
	s.missionsOfOrgChanged(ctx, org.ID)
	return updated, nil
}

// myOrganizations lists the caller's organisations.
func (s *Server) myOrganizations(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	orgs, err := s.store.OrganizationsOfMember(ctx, principal(c).UserID)
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
	orgs, total, err := s.store.OrganizationsByStatus(ctx, models.OrgVerified, pg.skip(), pg.limit())
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
	orgs, err := s.store.OrganizationsOfMember(ctx, userID)
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
