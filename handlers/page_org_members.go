package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

type membersData struct {
	Space       orgSpace
	Members     []memberResponse
	Invitations []invitationResponse
	// AcceptURL is the link of the invitation just made, to share by
	// other means than the e-mail; it is shown once.
	AcceptURL string
}

// membersPage lists the organisation's members and, to owners, the
// pending invitations and the form to invite a colleague.
func (s *Server) membersPage(c *fiber.Ctx) error {
	page, err := s.membersView(c, frontend.NewForm().Set("role", string(models.MemberMember)))
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "org_members", page)
}

func (s *Server) membersView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	space := orgSpaceOf(c, "members")
	view, err := s.orgView(c, space.Org, true)
	if err != nil {
		return frontend.Page{}, err
	}
	data := membersData{Space: space, Members: view.Members}
	if space.IsOwner() {
		if data.Invitations, err = s.pendingInvitations(c, space.Org, space.Me); err != nil {
			return frontend.Page{}, err
		}
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "members.title", space.Org.Name), Section: "/org",
		Form: form.Order("email", "role"), Data: data}, nil
}

// inviteSubmit invites a colleague with the API's logic; the page shows
// the link once, for the owner to pass on.
func (s *Server) inviteSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "members")
	form := formValues(c, "email", "role")
	ctx, cancel := s.ctx(c)
	sent, err := s.orgs.Invite(ctx, space.Org, space.Me, form.Value("email"), form.Value("role"))
	cancel()
	if err != nil {
		page, perr := s.membersView(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "org_members", page, err)
	}
	page, err := s.membersView(c, frontend.NewForm().Set("role", string(models.MemberMember)))
	if err != nil {
		return err
	}
	data := page.Data.(membersData)
	data.AcceptURL = sent.AcceptURL
	page.Data = data
	page.Notice = i18n.T(page.Lang, "notice.invited", sent.Invitation.Email)
	return s.render(c, fiber.StatusCreated, "org_members", page)
}

// memberRemoveSubmit removes a member (or lets one leave) with the API's
// logic.
func (s *Server) memberRemoveSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "members")
	userID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.orgs.RemoveMember(ctx, space.Org, space.Me, userID); err != nil {
		return err
	}
	if userID == space.Me.UserID {
		return seeOther(c, "/org?notice=left")
	}
	return seeOther(c, "/organizations/"+space.Org.ID+"/members?notice=member_removed")
}

// invitationRevokeSubmit withdraws a pending invitation with the API's
// logic.
func (s *Server) invitationRevokeSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "members")
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.orgs.Revoke(ctx, space.Org, space.Me, c.Params("invId")); err != nil {
		return err
	}
	return seeOther(c, "/organizations/"+space.Org.ID+"/members?notice=invitation_revoked")
}

// invitationResendSubmit sends a pending invitation again with a new link,
// shown once as after inviting.
func (s *Server) invitationResendSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "members")
	ctx, cancel := s.ctx(c)
	sent, err := s.orgs.Resend(ctx, space.Org, space.Me, c.Params("invId"))
	cancel()
	if err != nil {
		return err
	}
	page, err := s.membersView(c, frontend.NewForm().Set("role", string(models.MemberMember)))
	if err != nil {
		return err
	}
	data := page.Data.(membersData)
	data.AcceptURL = sent.AcceptURL
	page.Data = data
	page.Notice = i18n.T(page.Lang, "notice.invited", sent.Invitation.Email)
	return s.render(c, fiber.StatusCreated, "org_members", page)
}
