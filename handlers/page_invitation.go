package handlers

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/organizations"
)

type invitationPageData struct {
	Token   string
	OrgName string
	Inviter string
	// State is what the page offers: "join" (signed in, the right
	// account), "visitor" (sign up or log in first), "other" (signed in
	// with another address), "gone" (used, revoked or expired).
	State string
	Email string
	Next  string // this page, for the sign-up and login links
}

// invitationPage is where an invitation's link leads. A visitor is offered
// to create an account or log in, and comes back here; a signed-in person
// gets a button to join, so that a mail scanner opening the link does not
// spend it.
func (s *Server) invitationPage(c *fiber.Ctx) error {
	token := c.Params("token")
	if token == "" || len(token) > 100 {
		return errNotFound()
	}
	data, err := s.invitationData(c, token)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "invitation", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "invitation.title"), Data: data,
	})
}

func (s *Server) invitationData(c *fiber.Ctx, token string) (invitationPageData, error) {
	var viewer *models.User
	if p := principal(c); p != nil {
		viewer = p.User
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	preview, err := s.orgs.PreviewInvitation(ctx, token, viewer)
	if err != nil {
		return invitationPageData{}, err
	}
	return invitationPageData{Token: token, OrgName: preview.OrgName, Inviter: preview.Inviter, State: preview.State,
		Email: preview.Email, Next: "/invitations/" + url.PathEscape(token)}, nil
}

// invitationSubmit joins the organisation with the API's logic, then
// refreshes the session's token so that the menu shows the new space.
func (s *Server) invitationSubmit(c *fiber.Ctx) error {
	token := c.Params("token")
	if token == "" || len(token) > 100 {
		return errNotFound()
	}
	ctx, cancel := s.ctx(c)
	org, err := s.orgs.Join(ctx, token, principal(c).User)
	cancel()
	if err != nil {
		data, derr := s.invitationData(c, token)
		if derr != nil {
			return derr
		}
		lang := s.lang(c)
		page := frontend.Page{Lang: lang, Title: i18n.T(lang, "invitation.title"), Data: data}
		return s.renderFormError(c, "invitation", page, err)
	}
	if err := s.reissueAccessCookie(c, principal(c).User); err != nil {
		return err
	}
	return seeOther(c, "/organizations/"+url.PathEscape(org.ID)+"/missions?notice=joined")
}

// invitationToken is the token of an invitation link (/invitations/<token>),
// or "" for any other path.
func invitationToken(next string) string {
	token, ok := strings.CutPrefix(next, "/invitations/")
	if !ok || token == "" || len(token) > 100 || strings.ContainsAny(token, "/?#") {
		return ""
	}
	return token
}

// reissueAccessCookie gives the browser a new access token after the
// account joined or created an organisation: its org claim, which the menu
// reads, then lists the new membership without logging in again. The
// guards never trust the claim: they read memberships from the store.
func (s *Server) reissueAccessCookie(c *fiber.Ctx, user *models.User) error {
	orgs, err := s.memberships(c, user.ID)
	if err != nil {
		return err
	}
	access, err := s.issueAccess(user, orgs)
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{
		Name: accessCookie, Value: access, Path: "/", MaxAge: int(auth.AccessTTL.Seconds()),
		HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
	if p := principal(c); p != nil {
		p.Orgs = orgs
	}
	return nil
}

// joinAfterSignup joins the organisation of the invitation a new account
// signed up through, and returns where to land: the organisation, or the
// invitation's page when it cannot be used by this account.
func (s *Server) joinAfterSignup(c *fiber.Ctx, user *models.User, token string) (string, error) {
	page := "/invitations/" + url.PathEscape(token)
	c.Locals("principal", &Principal{UserID: user.ID, Role: user.Role, User: user})
	ctx, cancel := s.ctx(c)
	org, err := s.orgs.Join(ctx, token, user)
	cancel()
	if organizations.Refused(err) {
		return page, nil
	}
	if err != nil {
		return "", err
	}
	if err := s.reissueAccessCookie(c, user); err != nil {
		return "", err
	}
	return "/organizations/" + url.PathEscape(org.ID) + "/missions?notice=joined", nil
}
