package frontend

import (
	"errors"
	"slices"
	"strings"

	"github.com/entraide/entraide/i18n"
)

// Form is what a form shows: the values to fill in (never a password) and
// one translated message per invalid field, in the order they were found.
type Form struct {
	values map[string]string
	multi  map[string][]string // checkbox groups
	errors map[string]string
	list   []FormError
	order  []string
}

// FormError is one line of the error summary; Field is empty for an error
// about the whole form (wrong credentials, too many attempts).
type FormError struct {
	Field   string
	Message string
}

// NewForm returns an empty form.
func NewForm() *Form {
	return &Form{values: map[string]string{}, multi: map[string][]string{}, errors: map[string]string{}}
}

// SetAll records the values a checkbox group shows ticked.
func (f *Form) SetAll(name string, values []string) *Form {
	f.multi[name] = values
	return f
}

// Values are the ticked values of a checkbox group.
func (f *Form) Values(name string) []string {
	if f == nil {
		return nil
	}
	return f.multi[name]
}

// Set records the value a field shows.
func (f *Form) Set(name, value string) *Form {
	f.values[name] = value
	return f
}

// Order gives the fields in the order the page shows them, so that the
// error summary lists them in that order too.
func (f *Form) Order(names ...string) *Form {
	f.order = names
	return f
}

// Value is the value a field shows.
func (f *Form) Value(name string) string {
	if f == nil {
		return ""
	}
	return f.values[name]
}

// AddError records a message for field ("" for the whole form). A field
// keeps its first message: the summary lists each field once.
func (f *Form) AddError(field, message string) {
	if _, seen := f.errors[field]; seen && field != "" {
		return
	}
	f.errors[field] = message
	f.list = append(f.list, FormError{Field: field, Message: message})
}

// Error is the message of field, or "".
func (f *Form) Error(field string) string {
	if f == nil {
		return ""
	}
	return f.errors[field]
}

// Errors lists every message for the error summary: the whole form's
// first, then the fields in page order.
func (f *Form) Errors() []FormError {
	if f == nil {
		return nil
	}
	rank := func(field string) int {
		if field == "" {
			return -1
		}
		for i, name := range f.order {
			if name == field {
				return i
			}
		}
		return len(f.order)
	}
	sorted := slices.Clone(f.list)
	slices.SortStableFunc(sorted, func(a, b FormError) int { return rank(a.Field) - rank(b.Field) })
	return sorted
}

// HasErrors reports whether the form has any error.
func (f *Form) HasErrors() bool { return f != nil && len(f.list) > 0 }

// Field is one labelled input as the "input" partial draws it.
type Field struct {
	ID, Name, Type, Label, Value string
	Hint, Error, Optional        string
	Autocomplete, InputMode      string
	Min, Max, Step, Rows         string
	Required, Checked            bool
	HintID, ErrorID, DescribedBy string
	ErrorPrefix                  string
	// RevealShow and RevealHide label the button that app.js adds to
	// show a password as it is typed.
	RevealShow, RevealHide string
}

// newField builds a Field for the "input" partial:
//
//	{{template "input" field $ "email" "email" "auth.email" "required" "autocomplete=email" "hint=auth.email_hint"}}
//
// page is the page being drawn; label and hint are catalogue keys. Options:
// required, optional (adds "(optional)" to the label), autocomplete=,
// inputmode=, hint=KEY, min=, max=, step=, rows=. The value and the error
// come from page.Form; a password never shows its value. Type "textarea"
// draws a text area and type "checkbox" a single box, ticked when the
// form's value is not empty.
func newField(page Page, name, typ, labelKey string, options ...string) (Field, error) {
	f := Field{
		ID: "f-" + name, Name: name, Type: typ, Label: i18n.T(page.Lang, labelKey),
		Error:       page.Form.Error(name),
		ErrorPrefix: i18n.T(page.Lang, "page.error_prefix"),
	}
	if typ != "password" {
		f.Value = page.Form.Value(name)
	} else {
		f.RevealShow = i18n.T(page.Lang, "form.password_show")
		f.RevealHide = i18n.T(page.Lang, "form.password_hide")
	}
	for _, opt := range options {
		key, value, _ := strings.Cut(opt, "=")
		switch key {
		case "required":
			f.Required = true
		case "optional":
			f.Optional = i18n.T(page.Lang, "form.optional")
		case "autocomplete":
			f.Autocomplete = value
		case "inputmode":
			f.InputMode = value
		case "hint":
			f.Hint = i18n.T(page.Lang, value)
		case "min":
			f.Min = value
		case "max":
			f.Max = value
		case "step":
			f.Step = value
		case "rows":
			f.Rows = value
		default:
			return f, errors.New("field " + name + ": unknown option " + opt)
		}
	}
	if typ == "checkbox" {
		f.Checked = f.Value != "" && f.Value != "false"
	}
	f.HintID, f.ErrorID = f.ID+"-hint", f.ID+"-error"
	f.DescribedBy = describedBy(f.Hint != "", f.HintID, f.Error != "", f.ErrorID)
	return f, nil
}

func describedBy(hint bool, hintID string, err bool, errorID string) string {
	var ids []string
	if hint {
		ids = append(ids, hintID)
	}
	if err {
		ids = append(ids, errorID)
	}
	return strings.Join(ids, " ")
}

// newItemField is a field of a form repeated for each item of a list (the
// reason of each moderation decision): its id, value and error carry the
// item's id, its name does not.
//
//	{{template "input" itemField $ "reason" .ID "textarea" "admin.reason" "rows=2"}}
func newItemField(page Page, name, itemID, typ, labelKey string, options ...string) (Field, error) {
	f, err := newField(page, name+"-"+itemID, typ, labelKey, options...)
	f.Name = name
	return f, err
}
