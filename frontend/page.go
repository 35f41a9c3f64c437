package frontend

import (
	"strings"

	"github.com/entraide/entraide/i18n"
)

// Page is the data every page gets. The handlers' render fills Lang, User,
// CSRF and Path; a page handler sets Title, Form and Data.
type Page struct {
	Lang        string
	Title       string
	Description string
	Canonical   string
	User        *Viewer // nil for a visitor
	CSRF        string  // the token every POST form carries
	Path        string  // the current path and query, where the language switch comes back to
	Notice      string  // a translated confirmation shown once, after a redirect
	Form        *Form   // the submitted form: values typed and errors, or nil
	Data        any
}

// Viewer is the signed-in user as the layout needs it.
type Viewer struct {
	Name string
	Role string
}

// IsOrganization reports whether the viewer is an organisation member.
func (v *Viewer) IsOrganization() bool { return v != nil && v.Role == "organization" }

// IsAdmin reports whether the viewer is an admin.
func (v *Viewer) IsAdmin() bool { return v != nil && v.Role == "admin" }

// HasErrors reports whether the submitted form has errors to show.
func (p Page) HasErrors() bool { return p.Form.HasErrors() }

// HeadTitle is the document title: it starts with the error when a form
// was refused, so that a screen reader announces it first.
func (p Page) HeadTitle() string {
	title := p.Title + " · Entraide"
	if p.HasErrors() {
		return i18n.T(p.Lang, "page.error_prefix") + title
	}
	return title
}

// Current reports whether path is the page shown, for aria-current in the
// menu.
func (p Page) Current(path string) bool {
	shown, _, _ := strings.Cut(p.Path, "?")
	return shown == path
}

// OtherLang is the language the switch offers.
func (p Page) OtherLang() string {
	if p.Lang == i18n.English {
		return i18n.French
	}
	return i18n.English
}
