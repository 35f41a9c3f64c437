package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
)

type tokenPageData struct {
	Token string
}

// passwordResetPage asks for the address to send a reset link to.
func (s *Server) passwordResetPage(c *fiber.Ctx) error {
	return s.render(c, fiber.StatusOK, "password_reset", s.passwordResetView(c, frontend.NewForm()))
}

func (s *Server) passwordResetView(c *fiber.Ctx, form *frontend.Form) frontend.Page {
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "reset.title"), Form: form.Order("email")}
}

// passwordResetSubmit sends the link with the API's logic. The answer is
// the same whether or not an account has the address.
func (s *Server) passwordResetSubmit(c *fiber.Ctx) error {
	form := formValues(c, "email")
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.StartPasswordReset(ctx, form.Value("email"), s.clientIP(c)); err != nil {
		return s.renderFormError(c, "password_reset", s.passwordResetView(c, form), err)
	}
	return seeOther(c, "/password-reset?notice=reset_sent")
}

// passwordResetConfirmPage asks for the new password; the link's token
// rides along in a hidden field.
func (s *Server) passwordResetConfirmPage(c *fiber.Ctx) error {
	return s.render(c, fiber.StatusOK, "password_reset_confirm", s.passwordResetConfirmView(c, frontend.NewForm(), c.Query("token")))
}

func (s *Server) passwordResetConfirmView(c *fiber.Ctx, form *frontend.Form, token string) frontend.Page {
	lang := s.lang(c)
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "reset.new_title"), Form: form.Order("password"),
		Data: tokenPageData{Token: token},
	}
}

// passwordResetConfirmSubmit sets the password with the API's logic; a
// bad or used link is an error about the whole form.
func (s *Server) passwordResetConfirmSubmit(c *fiber.Ctx) error {
	token := c.FormValue("token")
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ResetPassword(ctx, token, c.FormValue("password")); err != nil {
		err = renameFields(err, func(field string) string {
			if field == "token" {
				return ""
			}
			return field
		})
		return s.renderFormError(c, "password_reset_confirm", s.passwordResetConfirmView(c, frontend.NewForm(), token), err)
	}
	// Every session ended with the old password, this browser's too.
	s.clearAuthCookies(c)
	return seeOther(c, "/login?notice=password_changed")
}

// confirmEmailPage shows a button rather than confirming at once: mail
// scanners open the links of e-mails, and must not use the token.
func (s *Server) confirmEmailPage(c *fiber.Ctx) error {
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "confirm_email", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "confirm.title"), Data: tokenPageData{Token: c.Query("token")},
	})
}

// confirmEmailSubmit confirms the address with the API's logic.
func (s *Server) confirmEmailSubmit(c *fiber.Ctx) error {
	token := c.FormValue("token")
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ConfirmEmail(ctx, token); err != nil {
		err = renameFields(err, func(string) string { return "" })
		lang := s.lang(c)
		page := frontend.Page{Lang: lang, Title: i18n.T(lang, "confirm.title"), Data: tokenPageData{Token: token}}
		return s.renderFormError(c, "confirm_email", page, err)
	}
	if principal(c) != nil {
		return seeOther(c, "/account?notice=email_confirmed")
	}
	return seeOther(c, "/login?notice=email_confirmed")
}

// confirmEmailResend sends a new confirmation link from the account page.
func (s *Server) confirmEmailResend(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.accounts.ResendConfirmation(ctx, principal(c).User); err != nil {
		return err
	}
	back := localPath(c.FormValue("next"))
	if back == "" {
		back = "/account"
	}
	return seeOther(c, withNotice(back, "confirmation_sent"))
}
