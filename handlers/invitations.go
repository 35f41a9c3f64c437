package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
)

// revokeInvitation withdraws a pending invitation (owners only): its link
// no longer works.
func (s *Server) revokeInvitation(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.orgs.Revoke(ctx, orgOf(c), memberOf(c), c.Params("invId")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// resendInvitation replaces a pending invitation with a new one to the same
// address and role, valid 7 days from now, and e-mails its link (owners
// only). The old link stops working.
func (s *Server) resendInvitation(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	sent, err := s.orgs.Resend(ctx, orgOf(c), memberOf(c), c.Params("invId"))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(sentView(sent))
}

// pendingInvitations is shared by the API and the members page.
func (s *Server) pendingInvitations(c *fiber.Ctx, org *models.Organization, me models.Member) ([]invitationResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	invs, err := s.orgs.Pending(ctx, org, me)
	if err != nil {
		return nil, err
	}
	items := make([]invitationResponse, len(invs))
	for i := range invs {
		inv := &invs[i]
		items[i] = invitationResponse{ID: organizations.PublicID(&inv.Invitation), OrgID: inv.OrgID, Email: inv.Email,
			Role: string(inv.Role), ExpiresAt: inv.ExpiresAt, InvitedByName: inv.InvitedByName}
	}
	return items, nil
}
