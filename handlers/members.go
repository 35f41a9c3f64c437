package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/organizations"
)

// removeMember removes a member. Owners remove anyone; a member may leave.
// The last owner can never be removed.
func (s *Server) removeMember(c *fiber.Ctx) error {
	org, me := orgOf(c), memberOf(c)
	userID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.orgs.RemoveMember(ctx, org, me, userID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
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

// sentView renders an invitation just made, with its link and token.
func sentView(sent *organizations.Sent) invitationResponse {
	inv := sent.Invitation
	return invitationResponse{ID: organizations.PublicID(inv), OrgID: inv.OrgID, Email: inv.Email, Role: string(inv.Role),
		ExpiresAt: inv.ExpiresAt, AcceptURL: sent.AcceptURL, Token: sent.Token}
}

// invite sends a single-use invitation, valid 7 days, to join the
// organisation (owners only).
func (s *Server) invite(c *fiber.Ctx) error {
	org, me := orgOf(c), memberOf(c)
	var req invitationRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	sent, err := s.orgs.Invite(ctx, org, me, req.Email, req.Role)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(sentView(sent))
}

// acceptInvitation adds the signed-in organisation account to the
// organisation, once, if the invitation was sent to its e-mail.
func (s *Server) acceptInvitation(c *fiber.Ctx) error {
	token := c.Params("token")
	if token == "" || len(token) > 100 {
		return errNotFound()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	org, err := s.orgs.Join(ctx, token, principal(c).User)
	if err != nil {
		return err
	}
	view, err := s.orgView(c, org, true)
	if err != nil {
		return err
	}
	return c.JSON(view)
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
