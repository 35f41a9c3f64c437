package organizations

import (
	"context"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Register creates an organisation: it starts pending, located by its
// postcode, and its creator is its owner.
func (svc *Service) Register(ctx context.Context, creatorID string, input models.OrgInput) (*models.Organization, error) {
	in, err := input.Validate(true)
	if err != nil {
		return nil, err
	}
	place, ok := svc.Gazetteer.Lookup(*in.Postcode)
	if !ok {
		return nil, fieldError("postcode", "unknown_postcode")
	}
	now := svc.now()
	org := &models.Organization{
		ID: store.NewID(), Name: *in.Name, Kind: models.OrgKind(*in.Kind), Address: *in.Address,
		Postcode: *in.Postcode, City: place.City, Lat: place.Lat, Lon: place.Lon, Description: *in.Description,
		ContactEmail: *in.ContactEmail, ContactPhone: *in.ContactPhone, Status: models.OrgPending,
		Members:   []models.Member{{UserID: creatorID, Role: models.MemberOwner, JoinedAt: now}},
		MemberIDs: []string{creatorID}, CreatedBy: creatorID, CreatedAt: now, UpdatedAt: now,
	}
	if in.SIRET != nil {
		org.SIRET = *in.SIRET
	}
	if in.RNA != nil {
		org.RNA = *in.RNA
	}
	if err := svc.Store.CreateOrganization(ctx, org); err != nil {
		return nil, err
	}
	svc.Log.Info("organization registered", "org_id", org.ID, "user_id", creatorID)
	return org, nil
}

// Edit changes an organisation for one of its members. Before
// verification every field changes at once; once verified, identity
// changes wait for an admin (changeIdentity).
func (svc *Service) Edit(ctx context.Context, userID string, org *models.Organization, input models.OrgInput) (*models.Organization, error) {
	in, err := input.Validate(false)
	if err != nil {
		return nil, err
	}
	if org.IdentityVerified() {
		return svc.changeIdentity(ctx, userID, org, in)
	}
	f := store.OrgFields{Name: in.Name, Kind: in.Kind, SIRET: in.SIRET, RNA: in.RNA, Address: in.Address,
		Description: in.Description, ContactEmail: in.ContactEmail, ContactPhone: in.ContactPhone}
	siret, rna := org.SIRET, org.RNA
	if in.SIRET != nil {
		siret = *in.SIRET
	}
	if in.RNA != nil {
		rna = *in.RNA
	}
	if siret == "" && rna == "" {
		return nil, fieldError("siret", "siret_or_rna")
	}
	if in.Postcode != nil {
		place, ok := svc.Gazetteer.Lookup(*in.Postcode)
		if !ok {
			return nil, fieldError("postcode", "unknown_postcode")
		}
		f.Postcode, f.City, f.Lat, f.Lon = in.Postcode, &place.City, &place.Lat, &place.Lon
	}
	updated, err := svc.Store.UpdateOrganization(ctx, userID, org.ID, f, svc.now())
	if err != nil {
		return nil, err
	}
	svc.Apps.MissionsOfOrgChanged(ctx, org.ID)
	return updated, nil
}

// CanSee reports whether someone may see an organisation: everyone sees a
// verified one; its members and the admins see it in any state. userID is
// "" for a visitor.
func CanSee(org *models.Organization, userID string, admin bool) bool {
	if org.Status == models.OrgVerified {
		return true
	}
	if userID == "" {
		return false
	}
	_, member := org.Member(userID)
	return member || admin
}

// SeesMembers reports whether someone sees an organisation's members, its
// state's reason and its pending identity change: its members and the
// admins.
func SeesMembers(org *models.Organization, userID string, admin bool) bool {
	if admin {
		return true
	}
	_, member := org.Member(userID)
	return userID != "" && member
}

// Visible reads an organisation for someone who may see it (CanSee); for
// anyone else it does not exist (ErrNotFound).
func (svc *Service) Visible(ctx context.Context, id, userID string, admin bool) (*models.Organization, error) {
	org, err := svc.Store.OrganizationByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanSee(org, userID, admin) {
		return nil, ErrNotFound
	}
	return org, nil
}
