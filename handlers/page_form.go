package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// formValues copies the named fields of a submitted form, to show them
// again if it is refused. Never list a password.
func formValues(c *fiber.Ctx, names ...string) *frontend.Form {
	form := frontend.NewForm()
	for _, name := range names {
		form.Set(name, c.FormValue(name))
	}
	return form
}

// renderFormError shows page name again after its form was refused by the
// shared logic: each invalid field gets its message (tied to the field by
// the "input" partial), a problem about the whole form (wrong password,
// too many attempts) heads the error summary, and the status is the API's.
// Errors that are not the user's to fix go to the error handler.
func (s *Server) renderFormError(c *fiber.Ctx, name string, page frontend.Page, err error) error {
	p := toProblem(err)
	if p.Status >= 500 {
		return err
	}
	s.logProblem(c, p)
	if page.Lang == "" {
		page.Lang = s.lang(c)
	}
	if page.Form == nil {
		page.Form = frontend.NewForm()
	}
	for _, f := range p.Fields {
		page.Form.AddError(f.Field, i18n.T(page.Lang, f.Code, f.Params...))
	}
	if len(p.Fields) == 0 {
		message := i18n.T(page.Lang, p.Slug.Title())
		if p.DetailKey != "" {
			message = i18n.T(page.Lang, p.DetailKey, p.Args...)
		}
		page.Form.AddError("", message)
	}
	if p.RetryAfter > 0 {
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(p.RetryAfter))
	}
	return s.render(c, p.Status, name, page)
}

// renameFields moves the shared logic's field errors onto the page's own
// fields: rename maps an API field name to the page's, "" for an error
// about the whole form.
func renameFields(err error, rename func(field string) string) error {
	p := toProblem(err)
	if len(p.Fields) == 0 {
		return err
	}
	out := *p
	out.Fields = make([]models.FieldError, len(p.Fields))
	for i, f := range p.Fields {
		f.Field = rename(f.Field)
		out.Fields[i] = f
	}
	return &out
}
