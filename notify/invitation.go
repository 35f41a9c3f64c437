package notify

import (
	"context"
	"errors"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// EmailOrgInvitation sends an invitation to join an organisation, in the
// language of the account when the address has one.
func (s *Service) EmailOrgInvitation(ctx context.Context, org *models.Organization, email, acceptURL string) error {
	lang := i18n.Default
	user, err := s.store.UserByEmail(ctx, email)
	switch {
	case err == nil && i18n.Supported(user.Language):
		lang = user.Language
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return err
	}
	return s.Email(ctx, email, lang, models.EventOrgInvitation,
		map[string]string{"org_name": org.Name, "link": acceptURL})
}
