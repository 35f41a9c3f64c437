package models

import "time"

// OrgIdentity is what an admin checks when verifying an organisation: who
// it is (name, kind, SIRET/RNA) and how to reach it (address, e-mail,
// phone). Once verified, a change to any of it is verified again before it
// shows; the description is the organisation's own words and changes
// directly.
type OrgIdentity struct {
	Name         string  `bson:"name"`
	Kind         OrgKind `bson:"kind"`
	SIRET        string  `bson:"siret"`
	RNA          string  `bson:"rna"`
	Address      string  `bson:"address"`
	Postcode     string  `bson:"postcode"`
	City         string  `bson:"city"`
	Lat          float64 `bson:"lat"`
	Lon          float64 `bson:"lon"`
	ContactEmail string  `bson:"contact_email"`
	ContactPhone string  `bson:"contact_phone"`
}

// IdentityChange is a verified organisation's change of identity waiting
// for an admin (or refused, with the reason), while the organisation keeps
// working under its verified identity.
type IdentityChange struct {
	ID          string        `bson:"id"`
	Proposed    OrgIdentity   `bson:"proposed"`
	State       RevisionState `bson:"state"`
	Reason      string        `bson:"reason,omitempty"`
	RequestedBy string        `bson:"requested_by"`
	RequestedAt time.Time     `bson:"requested_at"`
	DecidedAt   *time.Time    `bson:"decided_at,omitempty"`
}

// IdentityOf returns o's identity.
func IdentityOf(o *Organization) OrgIdentity {
	return OrgIdentity{Name: o.Name, Kind: o.Kind, SIRET: o.SIRET, RNA: o.RNA, Address: o.Address, Postcode: o.Postcode,
		City: o.City, Lat: o.Lat, Lon: o.Lon, ContactEmail: o.ContactEmail, ContactPhone: o.ContactPhone}
}

// IdentityVerified reports whether o's identity has been verified, so that
// changes to it need an admin again.
func (o *Organization) IdentityVerified() bool {
	return o.Status == OrgVerified || o.Status == OrgSuspended
}

// PendingIdentity returns the identity change waiting for an admin, if any.
func (o *Organization) PendingIdentity() (*IdentityChange, bool) {
	if o.IdentityChange != nil && o.IdentityState == RevisionPending {
		return o.IdentityChange, true
	}
	return nil, false
}

// Apply returns id with the fields of in that are set (in is validated).
func (id OrgIdentity) Apply(in OrgInput) OrgIdentity {
	set := func(dst *string, p *string) {
		if p != nil {
			*dst = *p
		}
	}
	set(&id.Name, in.Name)
	if in.Kind != nil {
		id.Kind = OrgKind(*in.Kind)
	}
	set(&id.SIRET, in.SIRET)
	set(&id.RNA, in.RNA)
	set(&id.Address, in.Address)
	set(&id.Postcode, in.Postcode)
	set(&id.ContactEmail, in.ContactEmail)
	set(&id.ContactPhone, in.ContactPhone)
	return id
}

// IdentityChanges lists the fields that differ between before and after.
// City and coordinates follow the postcode.
func IdentityChanges(before, after OrgIdentity) []FieldChange {
	var out []FieldChange
	add := func(field, old, new string) {
		if old != new {
			out = append(out, FieldChange{Field: field, Old: old, New: new})
		}
	}
	add("name", before.Name, after.Name)
	add("kind", string(before.Kind), string(after.Kind))
	add("siret", before.SIRET, after.SIRET)
	add("rna", before.RNA, after.RNA)
	add("address", before.Address, after.Address)
	add("postcode", before.Postcode, after.Postcode)
	add("contact_email", before.ContactEmail, after.ContactEmail)
	add("contact_phone", before.ContactPhone, after.ContactPhone)
	return out
}
