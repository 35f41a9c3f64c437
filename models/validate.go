// Package models holds Entraide's domain types, their validation and their
// state machines. It does no I/O.
package models

import (
	"strings"
	"unicode/utf8"
)

// FieldError is one invalid field. Code is a message key translated by the
// caller (see package i18n); Params fill the message.
type FieldError struct {
	Field  string
	Code   string
	Params []any
}

// ValidationError lists every invalid field of a request at once.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	names := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		names[i] = f.Field + ":" + f.Code
	}
	return "invalid fields: " + strings.Join(names, ", ")
}

// Validator collects field errors; Err returns nil when there are none.
type Validator struct {
	fields []FieldError
}

// Add records an invalid field.
func (v *Validator) Add(field, code string, params ...any) {
	v.fields = append(v.fields, FieldError{Field: field, Code: code, Params: params})
}

// Check records an invalid field when ok is false and reports ok.
func (v *Validator) Check(ok bool, field, code string, params ...any) bool {
	if !ok {
		v.Add(field, code, params...)
	}
	return ok
}

// Has reports whether field already has an error.
func (v *Validator) Has(field string) bool {
	for _, f := range v.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Err returns the collected errors, or nil.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	return &ValidationError{Fields: v.fields}
}

// Length checks that s has between min and max characters (runes).
func (v *Validator) Length(s, field string, min, max int) bool {
	n := utf8.RuneCountInString(s)
	switch {
	case min > 0 && n == 0:
		v.Add(field, "required")
		return false
	case n < min:
		v.Add(field, "too_short", min)
		return false
	case n > max:
		v.Add(field, "too_long", max)
		return false
	}
	return true
}

// CleanText trims s and refuses control characters other than newlines and
// tabs, which have no place in user text.
func CleanText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !utf8.ValidString(s) {
		return s, false
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' && r != '\r' || r == 0x7f {
			return s, false
		}
	}
	return s, true
}
