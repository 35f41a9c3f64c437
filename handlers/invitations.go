package handlers

import (
	"context"
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// invitationIDLen is the length of an invitation's public id: the start of
// its token's hash, never the token itself.
const invitationIDLen = 16

// revokeInvitation withdraws a pending invitation (owners only): its link
// no longer works.
func (s *Server) revokeInvitation(c *fiber.Ctx) error {
	if _, err := s.dropInvitation(c, orgOf(c), memberOf(c), c.Params("invId")); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// resendInvitation replaces a pending invitation with a new one to the same
// address and role, valid 7 days from now, and e-mails its link (owners
// only). The old link stops working: only the token's hash is kept, so the
// same link cannot be sent again.
func (s *Server) resendInvitation(c *fiber.Ctx) error {
	inv, err := s.renewInvitation(c, orgOf(c), memberOf(c), c.Params("invId"))
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(inv)
}

// renewInvitation is shared by the API and the members page.
func (s *Server) renewInvitation(c *fiber.Ctx, org *models.Organization, me models.Member, id string) (invitationResponse, error) {
	old, err := s.dropInvitation(c, org, me, id)
	if err != nil {
		return invitationResponse{}, err
	}
	return s.createInvitation(c, org, me, invitationRequest{Email: old.Email, Role: string(old.Role)})
}

// dropInvitation deletes the organisation's pending invitation with the
// public id; another organisation's, or an unknown one, is a 404.
func (s *Server) dropInvitation(c *fiber.Ctx, org *models.Organization, me models.Member, id string) (*models.Invitation, error) {
	if me.Role != models.MemberOwner {
		return nil, errForbidden("detail.owner_required")
	}
	if len(id) != invitationIDLen {
		return nil, errNotFound()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	invs, err := s.store.Invitations(ctx, org.ID, s.now())
	if err != nil {
		return nil, err
	}
	for i := range invs {
		if invs[i].ID[:invitationIDLen] == id {
			return &invs[i], s.store.DeleteInvitation(ctx, org.ID, invs[i].ID)
		}
	}
	return nil, errNotFound()
}

// userName is a user's display name, "" for an erased account.
func (s *Server) userName(ctx context.Context, userID string) (string, error) {
	u, err := s.store.UserByID(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return u.Name, nil
}
