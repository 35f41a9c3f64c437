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
	// OpenGraph, when set, describes the page to the sites it is shared
	// on (og:type); the title, description and canonical URL are reused.
	OpenGraph string
	// JSONLD is the page's schema.org description, written as JSON in a
	// data block that no browser executes.
	JSONLD any
	// Section names the menu entry the page belongs to ("/me", "/org"),
	// for aria-current on pages below it.
	Section string
}

// Viewer is the signed-in user as the layout needs it.
type Viewer struct {
	Name string
	Role string
	// Member is set when the account belongs to an organisation: its
	// menu then leads to the organisation space as well.
	Member bool
	// Unconfirmed is set until the account's e-mail address is confirmed:
	// every page reminds the person, with a button to send the link again.
	Unconfirmed bool
	Email       string
}

// HasOrgSpace reports whether the menu leads to an organisation space:
// the account belongs to one, or signed up to register one.
func (v *Viewer) HasOrgSpace() bool { return v != nil && (v.Member || v.Role == "organization") }

// IsOrganization reports whether the viewer is an organisation member.
func (v *Viewer) IsOrganization() bool { return v != nil && v.Role == "organization" }

// IsVolunteer reports whether the viewer is a volunteer.
func (v *Viewer) IsVolunteer() bool { return v != nil && v.Role == "volunteer" }

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

// Current is the menu entry's aria-current: "page" for the page shown,
// "true" for the section it belongs to, "" otherwise.
func (p Page) Current(path string) string {
	shown, _, _ := strings.Cut(p.Path, "?")
	switch {
	case shown == path:
		return "page"
	case p.Section == path:
		return "true"
	}
	return ""
}

// OGLocale is the og:locale of the page's language.
func (p Page) OGLocale() string {
	if p.Lang == i18n.English {
		return "en_GB"
	}
	return "fr_FR"
}

// OtherLang is the language the switch offers.
func (p Page) OtherLang() string {
	if p.Lang == i18n.English {
		return i18n.French
	}
	return i18n.English
}
