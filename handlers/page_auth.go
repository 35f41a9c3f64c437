package handlers

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// signupPage shows the sign-up form, volunteer preselected; next is
// where to go afterwards (the mission the visitor wanted to apply to).
func (s *Server) signupPage(c *fiber.Ctx) error {
	next := localPath(c.Query("next"))
	if p := principal(c); p != nil {
		if next == "" {
			next = roleHome(p.Role)
		}
		return seeOther(c, next)
	}
	form := frontend.NewForm().Set("role", string(models.RoleVolunteer))
	if invitationToken(next) != "" {
		// Signing up through an invitation: the address it was sent to.
		form.Set("email", models.NormalizeEmail(c.Query("email")))
	}
	return s.render(c, fiber.StatusOK, "signup", s.signupView(c, form, next))
}

func (s *Server) signupView(c *fiber.Ctx, form *frontend.Form, next string) frontend.Page {
	lang := s.lang(c)
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "signup.title"), Form: form.Order("role", "name", "email", "password"),
		Data: loginData{Next: next},
	}
}

// signupSubmit creates the account with the API's logic, then signs the
// new user in.
func (s *Server) signupSubmit(c *fiber.Ctx) error {
	form := formValues(c, "role", "name", "email")
	next := localPath(c.FormValue("next"))
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.accounts.SignUp(ctx, accounts.Signup{
		Email: form.Value("email"), Password: c.FormValue("password"),
		Name: form.Value("name"), Role: form.Value("role"),
	}, s.lang(c), s.clientIP(c))
	if err != nil {
		return s.renderFormError(c, "signup", s.signupView(c, form, next), err)
	}
	session, err := s.accounts.OpenSession(ctx, user, "")
	if err != nil {
		return err
	}
	s.setAuthCookies(c, newTokenResponse(session))
	if token := invitationToken(next); token != "" {
		// Signed up through an invitation: join at once, and land in the
		// organisation; if the invitation is not for this address, its
		// page says why.
		if next, err = s.joinAfterSignup(c, user, token); err != nil {
			return err
		}
	}
	if next == "" {
		next = roleHome(user.Role) + "?notice=welcome"
	}
	return seeOther(c, next)
}

// roleHome is the space a user lands in: their volunteer space, their
// organisation, or the administration.
func roleHome(role models.Role) string {
	switch role {
	case models.RoleOrganization:
		return "/org"
	case models.RoleAdmin:
		return "/admin"
	}
	return "/me"
}

type loginData struct {
	Next      string
	SignupURL string // keeps next from the login page to the sign-up page
}

func signupURL(next string) string {
	if next == "" {
		return "/signup"
	}
	return "/signup?next=" + url.QueryEscape(next)
}

// loginPage shows the login form; next is where to go afterwards.
func (s *Server) loginPage(c *fiber.Ctx) error {
	next := localPath(c.Query("next"))
	if p := principal(c); p != nil {
		if next == "" {
			next = roleHome(p.Role)
		}
		return seeOther(c, next)
	}
	return s.render(c, fiber.StatusOK, "login", s.loginView(c, frontend.NewForm(), next))
}

func (s *Server) loginView(c *fiber.Ctx, form *frontend.Form, next string) frontend.Page {
	lang := s.lang(c)
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "login.title"), Form: form.Order("email", "password"),
		Data: loginData{Next: next, SignupURL: signupURL(next)},
	}
}

// loginSubmit checks the credentials with the API's logic and keeps the
// session in cookies.
func (s *Server) loginSubmit(c *fiber.Ctx) error {
	form := formValues(c, "email")
	next := localPath(c.FormValue("next"))
	ctx, cancel := s.ctx(c)
	defer cancel()
	session, user, err := s.accounts.LogIn(ctx, form.Value("email"), c.FormValue("password"), s.clientIP(c))
	if err != nil {
		return s.renderFormError(c, "login", s.loginView(c, form, next), err)
	}
	s.setAuthCookies(c, newTokenResponse(session))
	if next == "" {
		next = roleHome(user.Role) + "?notice=logged_in"
	}
	return seeOther(c, next)
}

// logoutSubmit revokes the browser's session and forgets its cookies.
func (s *Server) logoutSubmit(c *fiber.Ctx) error {
	if raw := c.Cookies(refreshCookie); raw != "" {
		if err := s.endSession(c, raw, false); err != nil {
			return err
		}
	}
	s.clearAuthCookies(c)
	return seeOther(c, "/?notice=logged_out")
}

// langSubmit switches the language: a cookie for everyone, and the
// account's language for a signed-in user (it wins over the cookie, and
// e-mails use it).
func (s *Server) langSubmit(c *fiber.Ctx) error {
	lang := c.FormValue("lang")
	if !i18n.Supported(lang) {
		return errField("lang", "one_of", "fr, en")
	}
	if p := principal(c); p != nil {
		ctx, cancel := s.ctx(c)
		defer cancel()
		if _, err := s.accounts.UpdateUser(ctx, p.UserID, models.UserPatch{Language: &lang}); err != nil {
			return err
		}
	}
	s.setLangCookie(c, lang)
	next := localPath(c.FormValue("next"))
	if next == "" {
		next = "/"
	}
	return seeOther(c, next)
}
