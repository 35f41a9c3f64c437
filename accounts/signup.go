package accounts

import (
	"context"
	"errors"
	"fmt"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Signup is what a person gives to open an account.
type Signup struct {
	Email, Password, Name string
	Role                  string // volunteer or organization
	Language              string // optional: fr or en
}

// validate checks a sign-up and returns the user to create (without hash);
// lang is the account's language when the sign-up names none.
func (in Signup) validate(lang string) (*models.User, error) {
	var v models.Validator
	email := models.NormalizeEmail(in.Email)
	if v.Check(email != "", "email", "required") {
		models.CheckEmail(&v, "email", email)
	}
	models.ValidatePassword(&v, "password", in.Password, email)
	name := models.ValidateName(&v, "name", in.Name)
	role := models.Role(in.Role)
	if v.Check(in.Role != "", "role", "required") {
		v.Check(role == models.RoleVolunteer || role == models.RoleOrganization, "role", "one_of", "volunteer, organization")
	}
	if in.Language != "" {
		v.Check(models.ValidLanguage(in.Language), "language", "one_of", "fr, en")
		lang = in.Language
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return &models.User{Email: email, Name: name, Role: role, Language: lang, Status: models.UserActive}, nil
}

// SignUp creates a volunteer or organisation account and e-mails it its
// confirmation link. lang is the language of the request, ip the client's
// address (for throttling). Invalid input is refused before it counts
// against the limits.
func (svc *Service) SignUp(ctx context.Context, in Signup, lang, ip string) (*models.User, error) {
	user, err := in.validate(lang)
	if err != nil {
		return nil, err
	}
	if err := svc.throttle(ActionSignup, ip, user.Email); err != nil {
		return nil, err
	}
	// Hashing can queue behind a surge: it gets the caller's whole budget
	// but no more (auth.ErrBusy after it).
	user.PasswordHash, err = svc.Hasher.Hash(ctx, in.Password)
	if err != nil {
		return nil, err
	}
	now := svc.now()
	user.ID = store.NewID()
	user.CreatedAt, user.UpdatedAt = now, now
	if err := svc.Store.CreateUser(ctx, user); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return nil, fmt.Errorf("%w: %w", ErrEmailTaken, err)
		}
		return nil, err
	}
	svc.log().Info("account created", "user_id", user.ID, "role", user.Role)
	svc.queueEmailConfirmation(ctx, user)
	return user, nil
}
