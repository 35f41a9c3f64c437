package frontend

import (
	"errors"
	"slices"
	"strings"

	"github.com/entraide/entraide/i18n"
)

// Choices is a group of radio buttons or checkboxes in a fieldset, or a
// select, as the "radios", "checkboxes" and "select" partials draw them.
type Choices struct {
	ID, Name, Legend, Hint, Error   string
	HintID, ErrorID, DescribedBy    string
	ErrorPrefix, Optional, Selected string
	Required, Multiple              bool
	Options                         []Choice
}

// Choice is one radio button, checkbox or select option. Lang marks a
// label written in another language (a language's own name).
type Choice struct {
	ID, Value, Label, Lang string
	Checked                bool
}

// Option is one value of a list a handler builds from data (skills,
// statuses with counts): its label is already in the page's language.
type Option struct {
	Value, Label, Lang string
}

// newChoices builds a group whose labels are catalogue keys:
//
//	{{template "radios" choices $ "role" "auth.role" "required" "volunteer=auth.role_volunteer" "en=lang.en@en"}}
//
// Each option is value=labelKey, with @lang when the label is in a given
// language. "multiple" makes checkboxes, ticked from the form's values.
// The first control's id is f-NAME, which the error summary links to.
func newChoices(page Page, name, legendKey string, options ...string) (Choices, error) {
	var opts []Option
	var rest []string
	for _, opt := range options {
		key, value, hasValue := strings.Cut(opt, "=")
		if !hasValue || key == "hint" {
			rest = append(rest, opt)
			continue
		}
		labelKey, lang, _ := strings.Cut(value, "@")
		opts = append(opts, Option{Value: key, Label: i18n.T(page.Lang, labelKey), Lang: lang})
	}
	return newOptionGroup(page, name, legendKey, opts, rest...)
}

// newOptionGroup builds a group from options the handler made:
//
//	{{template "checkboxes" optionsOf $ "skills" "profile.skills" .Data.Skills "multiple" "optional"}}
//
// Options: required, optional, multiple, hint=KEY.
func newOptionGroup(page Page, name, legendKey string, opts []Option, options ...string) (Choices, error) {
	c := Choices{
		ID: "f-" + name, Name: name, Legend: i18n.T(page.Lang, legendKey),
		Error: page.Form.Error(name), Selected: page.Form.Value(name),
		ErrorPrefix: i18n.T(page.Lang, "page.error_prefix"),
	}
	for _, opt := range options {
		key, value, _ := strings.Cut(opt, "=")
		switch key {
		case "required":
			c.Required = true
		case "optional":
			c.Optional = i18n.T(page.Lang, "form.optional")
		case "multiple":
			c.Multiple = true
		case "hint":
			c.Hint = i18n.T(page.Lang, value)
		default:
			return c, errors.New("choices " + name + ": unknown option " + opt)
		}
	}
	ticked := page.Form.Values(name)
	for i, o := range opts {
		id := c.ID + "-" + o.Value
		if i == 0 {
			id = c.ID
		}
		checked := o.Value == c.Selected
		if c.Multiple {
			checked = slices.Contains(ticked, o.Value)
		}
		c.Options = append(c.Options, Choice{ID: id, Value: o.Value, Label: o.Label, Lang: o.Lang, Checked: checked})
	}
	c.HintID, c.ErrorID = c.ID+"-hint", c.ID+"-error"
	c.DescribedBy = describedBy(c.Hint != "", c.HintID, c.Error != "", c.ErrorID)
	return c, nil
}
