package models

import (
	"regexp"
	"strings"
	"time"
)

// Role is what an account may do.
type Role string

// Roles. Admins are created from the command line only.
const (
	RoleVolunteer    Role = "volunteer"
	RoleOrganization Role = "organization"
	RoleAdmin        Role = "admin"
)

// CanVolunteer reports whether an account of role volunteers: every
// account but an admin's, whatever it signed up as (one account both
// volunteers and acts for organisations).
func CanVolunteer(r Role) bool { return r == RoleVolunteer || r == RoleOrganization }

// UserStatus is the account's state.
type UserStatus string

// Account states.
const (
	UserActive    UserStatus = "active"
	UserSuspended UserStatus = "suspended"
	UserDeleted   UserStatus = "deleted"
)

// Languages the interface speaks.
var UILanguages = []string{"fr", "en"}

// User is an account as stored.
type User struct {
	ID             string     `bson:"_id"`
	Email          string     `bson:"email"`
	PasswordHash   string     `bson:"password_hash"`
	Name           string     `bson:"name"`
	Phone          string     `bson:"phone"`
	Language       string     `bson:"language"`
	Role           Role       `bson:"role"`
	Status         UserStatus `bson:"status"`
	TokenVersion   int        `bson:"token_version"`
	EmailConfirmed bool       `bson:"email_confirmed"`
	CreatedAt      time.Time  `bson:"created_at"`
	UpdatedAt      time.Time  `bson:"updated_at"`
	LastLoginAt    *time.Time `bson:"last_login_at,omitempty"`
	DeletedAt      *time.Time `bson:"deleted_at,omitempty"`
	// InactivityWarnedAt is when the account was warned that it would be
	// anonymised for inactivity; a login clears it.
	InactivityWarnedAt *time.Time `bson:"inactivity_warned_at,omitempty"`
}

// UserPatch is a partial update of the fields a user may change.
type UserPatch struct {
	Name     *string
	Phone    *string
	Language *string
}

var phonePattern = regexp.MustCompile(`^\+?[0-9 .\-()]{6,20}$`)

// ValidPhone reports whether phone looks like a phone number.
func ValidPhone(phone string) bool {
	return phonePattern.MatchString(phone)
}

// ValidLanguage reports whether lang is an interface language.
func ValidLanguage(lang string) bool {
	for _, l := range UILanguages {
		if l == lang {
			return true
		}
	}
	return false
}

// ValidateName checks a person's display name.
func ValidateName(v *Validator, field, name string) string {
	clean, ok := CleanText(name)
	if !v.Check(ok && !strings.ContainsAny(clean, "\n\r\t"), field, "invalid_text") {
		return clean
	}
	v.Length(clean, field, 1, 100)
	return clean
}

// ValidatePatch checks a user patch and returns it cleaned.
func (p UserPatch) Validate() (UserPatch, error) {
	var v Validator
	if p.Name != nil {
		name := ValidateName(&v, "name", *p.Name)
		p.Name = &name
	}
	if p.Phone != nil {
		phone := strings.TrimSpace(*p.Phone)
		if phone != "" {
			v.Check(ValidPhone(phone), "phone", "invalid_phone")
		}
		p.Phone = &phone
	}
	if p.Language != nil {
		lang := strings.TrimSpace(*p.Language)
		v.Check(ValidLanguage(lang), "language", "one_of", strings.Join(UILanguages, ", "))
		p.Language = &lang
	}
	return p, v.Err()
}

// FirstNameInitial masks a full name as "Amina B." for people who must not
// see the whole name.
func FirstNameInitial(name string) string {
	parts := strings.Fields(name)
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	last := []rune(parts[len(parts)-1])
	return parts[0] + " " + strings.ToUpper(string(last[0])) + "."
}
