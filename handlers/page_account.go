package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

type accountData struct {
	Email     string
	Confirmed bool
}

// accountPage shows the user's details, the data download and the way to
// delete the account.
func (s *Server) accountPage(c *fiber.Ctx) error {
	user := principal(c).User
	form := frontend.NewForm().Set("name", user.Name).Set("phone", user.Phone).Set("language", user.Language)
	return s.render(c, fiber.StatusOK, "account", s.accountView(c, form))
}

func (s *Server) accountView(c *fiber.Ctx, form *frontend.Form) frontend.Page {
	lang := s.lang(c)
	p := principal(c)
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "account.title_account"), Form: form.Order("name", "phone", "language"),
		Data: accountData{Email: p.User.Email, Confirmed: p.User.EmailConfirmed},
	}
}

// accountSubmit saves the details with the API's logic (PATCH /me).
func (s *Server) accountSubmit(c *fiber.Ctx) error {
	form := formValues(c, "name", "phone", "language")
	name, phone, language := form.Value("name"), form.Value("phone"), form.Value("language")
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.accounts.UpdateUser(ctx, principal(c).UserID, models.UserPatch{Name: &name, Phone: &phone, Language: &language})
	if err != nil {
		return s.renderFormError(c, "account", s.accountView(c, form), err)
	}
	s.setLangCookie(c, user.Language)
	return seeOther(c, "/account?notice=saved")
}

// accountExport downloads the API's export (GET /me/export); no cache
// may keep a copy of it.
func (s *Server) accountExport(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.exportMe(c)
}

// accountDeleteData carries why a deletion was refused, if it was.
type accountDeleteData struct {
	Refusal string
}

// accountDeletePage is the confirmation step: deleting takes a second,
// deliberate form.
func (s *Server) accountDeletePage(c *fiber.Ctx) error {
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "account_delete", frontend.Page{Lang: lang, Title: i18n.T(lang, "delete.title")})
}

// accountDeleteSubmit deletes the account with the API's logic (DELETE
// /me) once the confirmation form is sent.
func (s *Server) accountDeleteSubmit(c *fiber.Ctx) error {
	if c.FormValue("confirm") != "yes" {
		return seeOther(c, "/account/delete")
	}
	if err := s.deleteAccount(c); err != nil {
		var p *Problem
		if errors.As(err, &p) && p.Slug == ProblemSoleOwner {
			// Say why on the confirmation page itself, with the way out.
			lang := s.lang(c)
			return s.render(c, fiber.StatusConflict, "account_delete", frontend.Page{Lang: lang, Title: i18n.T(lang, "delete.title"),
				Data: accountDeleteData{Refusal: i18n.T(lang, p.DetailKey, p.Args...)}})
		}
		return err
	}
	s.clearAuthCookies(c)
	return seeOther(c, "/?notice=deleted")
}
