package accounts

import (
	"context"

	"github.com/entraide/entraide/models"
)

// UpdateUser applies a patch of the account's own fields (name, phone,
// language) after checking it.
func (svc *Service) UpdateUser(ctx context.Context, userID string, patch models.UserPatch) (*models.User, error) {
	patch, err := patch.Validate()
	if err != nil {
		return nil, err
	}
	return svc.Store.UpdateUser(ctx, userID, patch, svc.now())
}

// SaveProfile replaces the volunteer's matching profile, placing its
// postcode, and updates the matching index.
func (svc *Service) SaveProfile(ctx context.Context, userID string, in models.ProfileInput) (*models.Profile, error) {
	p, err := in.Validate(svc.now())
	if err != nil {
		return nil, err
	}
	if p.Postcode != "" {
		place, ok := svc.Gazetteer.Lookup(p.Postcode)
		if !ok {
			var v models.Validator
			v.Add("postcode", "unknown_postcode")
			return nil, v.Err()
		}
		p.City, p.Lat, p.Lon, p.HasLocation = place.City, place.Lat, place.Lon, true
	}
	if err := svc.Store.SetProfile(ctx, userID, p, svc.now()); err != nil {
		return nil, err
	}
	if svc.Catalog != nil {
		if err := svc.Catalog.VolunteerChanged(ctx, userID); err != nil {
			svc.log().Error("index not updated", "user_id", userID, "error", err)
		}
	}
	return &p, nil
}
