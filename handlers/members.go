package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// removeMember removes a member. Owners remove anyone; a member may leave.
// The last owner can never be removed.
func (s *Server) removeMember(c *fiber.Ctx) error {
	org, me := orgOf(c), memberOf(c)
	userID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	if err := s.dropMember(c, org, me, userID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// dropMember is shared by the API and the members page.
func (s *Server) dropMember(c *fiber.Ctx, org *models.Organization, me models.Member, userID string) error {
	target, ok := org.Member(userID)
	if !ok {
		return errNotFound()
	}
	if me.Role != models.MemberOwner && userID != me.UserID {
		return errForbidden("detail.owner_required")
	}
	if target.Role == models.MemberOwner && org.Owners() <= 1 {
		return &Problem{Status: 409, Slug: ProblemLastOwner, DetailKey: "detail.last_owner"}
	}
	kept := make([]models.Member, 0, len(org.Members))
	for _, m := range org.Members {
		if m.UserID != userID {
			kept = append(kept, m)
		}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	_, err := s.store.ReplaceMembers(ctx, org, kept, s.now())
	return err
}

// listMembers lists the members of the caller's organisation.
func (s *Server) listMembers(c *fiber.Ctx) error {
	org := orgOf(c)
	view, err := s.orgView(c, org, true)
	if err != nil {
		return err
	}
	return c.JSON(newList(view.Members, int64(len(view.Members)), paging{Page: 1, PerPage: max(len(view.Members), 1)}))
}

type invitationRequest struct {
	Email string `json:"email"`
	Role  string `json:"role"`
}

type invitationResponse struct {
	ID        string    `json:"id"`
	OrgID     string    `json:"org_id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	ExpiresAt time.Time `json:"expires_at"`
	// AcceptURL is also e-mailed; an owner may share it by other means.
	AcceptURL string `json:"accept_url,omitempty"`
	// InvitedByName is the member who sent it.
	InvitedByName string `json:"invited_by_name,omitempty"`
	Token         string `json:"token,omitempty"`
}

// invite sends a single-use invitation, valid 7 days, to join the
// organisation (owners only).
func (s *Server) invite(c *fiber.Ctx) error {
	org, me := orgOf(c), memberOf(c)
	var req invitationRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	inv, err := s.createInvitation(c, org, me, req)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(inv)
}

// createInvitation is shared by the API and the members page.
func (s *Server) createInvitation(c *fiber.Ctx, org *models.Organization, me models.Member, req invitationRequest) (invitationResponse, error) {
	if me.Role != models.MemberOwner {
		return invitationResponse{}, errForbidden("detail.owner_required")
	}
	var v models.Validator
	email := models.NormalizeEmail(req.Email)
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	role := models.MemberMember
	if req.Role != "" {
		role = models.MemberRole(req.Role)
		v.Check(role == models.MemberMember || role == models.MemberOwner, "role", "one_of", "member, owner")
	}
	if err := v.Err(); err != nil {
		return invitationResponse{}, err
	}
	token := auth.RandomToken(32)
	now := s.now()
	inv := &models.Invitation{
		ID: auth.HashToken(token), OrgID: org.ID, Email: email, Role: role, InvitedBy: me.UserID,
		CreatedAt: now, ExpiresAt: now.Add(models.InvitationTTL),
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.CreateInvitation(ctx, inv); err != nil {
		return invitationResponse{}, err
	}
	acceptURL := s.cfg.BaseURL + "/invitations/" + token
	if err := s.events.OrgInvitation(ctx, org, email, acceptURL); err != nil {
		s.log.Error("invitation e-mail not queued", "org_id", org.ID, "error", err)
	}
	return invitationResponse{
		ID: inv.ID[:16], OrgID: org.ID, Email: email, Role: string(role), ExpiresAt: inv.ExpiresAt,
		AcceptURL: acceptURL, Token: token,
	}, nil
}

// acceptInvitation adds the signed-in organisation account to the
// organisation, once, if the invitation was sent to its e-mail.
func (s *Server) acceptInvitation(c *fiber.Ctx) error {
	token := c.Params("token")
	if token == "" || len(token) > 100 {
		return errNotFound()
	}
	org, err := s.joinByInvitation(c, token)
	if err != nil {
		return err
	}
	view, err := s.orgView(c, org, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
}

func (s *Server) joinByInvitation(c *fiber.Ctx, token string) (*models.Organization, error) {
	p := principal(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	hash := auth.HashToken(token)
	inv, err := s.store.InvitationByHash(ctx, hash)
	if err != nil {
		return nil, err
	}
	if !strings.EqualFold(inv.Email, p.User.Email) {
		// Invitations are personal: another account cannot use one.
		return nil, errNotFound()
	}
	inv, err = s.store.UseInvitation(ctx, hash, s.now())
	switch {
	case errors.Is(err, store.ErrConflict):
		return nil, &Problem{Status: 409, Slug: ProblemInvitationUsed, DetailKey: "detail.invitation_used"}
	case errors.Is(err, store.ErrNotFound):
		return nil, &Problem{Status: 410, Slug: ProblemInvitationExpired, DetailKey: "detail.invitation_expired"}
	case err != nil:
		return nil, err
	}
	org, err := s.store.AddMember(ctx, inv.OrgID, models.Member{UserID: p.UserID, Role: inv.Role, InvitedBy: inv.InvitedBy}, s.now())
	if err == nil {
		s.tell(ctx, inv.InvitedBy, models.EventInvitationAccepted, map[string]string{
			"member_name": p.User.Name, "org_name": org.Name, "link": "/organizations/" + org.ID + "/members"})
	}
	if errors.Is(err, store.ErrNotFound) {
		// Already a member: the invitation is spent, the membership stands.
		return s.store.OrganizationForMember(ctx, p.UserID, inv.OrgID)
	}
	return org, err
}

// listInvitations shows the pending invitations to owners.
func (s *Server) listInvitations(c *fiber.Ctx) error {
	org, me := orgOf(c), memberOf(c)
	items, err := s.pendingInvitations(c, org, me)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

// pendingInvitations is shared by the API and the members page.
func (s *Server) pendingInvitations(c *fiber.Ctx, org *models.Organization, me models.Member) ([]invitationResponse, error) {
	if me.Role != models.MemberOwner {
		return nil, errForbidden("detail.owner_required")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	invs, err := s.store.Invitations(ctx, org.ID, s.now())
	if err != nil {
		return nil, err
	}
	items := make([]invitationResponse, len(invs))
	for i, inv := range invs {
		items[i] = invitationResponse{ID: inv.ID[:16], OrgID: inv.OrgID, Email: inv.Email, Role: string(inv.Role), ExpiresAt: inv.ExpiresAt}
		if items[i].InvitedByName, err = s.userName(ctx, inv.InvitedBy); err != nil {
			return nil, err
		}
	}
	return items, nil
}
