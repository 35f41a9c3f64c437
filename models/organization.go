package models

import (
	"strings"
	"time"
)

// OrgKind is what sort of body an organisation is.
type OrgKind string

// OrgKinds lists the accepted kinds.
var OrgKinds = []OrgKind{"association", "local_authority", "social_landlord", "public_body", "company_foundation", "other"}

// OrgStatus is an organisation's verification state.
type OrgStatus string

// Organisation states.
const (
	OrgPending   OrgStatus = "pending"
	OrgVerified  OrgStatus = "verified"
	OrgRejected  OrgStatus = "rejected"
	OrgSuspended OrgStatus = "suspended"
)

// MemberRole is a member's role in an organisation.
type MemberRole string

// Member roles.
const (
	MemberOwner  MemberRole = "owner"
	MemberMember MemberRole = "member"
)

// Member is one person of an organisation.
type Member struct {
	UserID   string     `bson:"user_id"`
	Role     MemberRole `bson:"role"`
	JoinedAt time.Time  `bson:"joined_at"`
	// InvitedBy is the member whose invitation this one accepted; empty
	// for the organisation's creator.
	InvitedBy string `bson:"invited_by,omitempty"`
}

// Organization is an organisation as stored.
type Organization struct {
	ID           string    `bson:"_id"`
	Name         string    `bson:"name"`
	Kind         OrgKind   `bson:"kind"`
	SIRET        string    `bson:"siret,omitempty"`
	RNA          string    `bson:"rna,omitempty"`
	Address      string    `bson:"address"`
	Postcode     string    `bson:"postcode"`
	City         string    `bson:"city"`
	Lat          float64   `bson:"lat"`
	Lon          float64   `bson:"lon"`
	Description  string    `bson:"description"`
	ContactEmail string    `bson:"contact_email"`
	ContactPhone string    `bson:"contact_phone"`
	Status       OrgStatus `bson:"status"`
	StatusReason string    `bson:"status_reason,omitempty"`
	Members      []Member  `bson:"members"`
	// MemberIDs duplicates the members' ids so that "organisations of user
	// U" is a plain equality query on an array.
	MemberIDs  []string   `bson:"member_ids"`
	CreatedBy  string     `bson:"created_by"`
	CreatedAt  time.Time  `bson:"created_at"`
	UpdatedAt  time.Time  `bson:"updated_at"`
	VerifiedAt *time.Time `bson:"verified_at,omitempty"`
	// ResponseHours is the median time to answer an application.
	ResponseHours *float64 `bson:"response_hours,omitempty"`
	// IdentityChange is a change of identity of a verified organisation
	// waiting for an admin (or refused); its id and state are repeated at
	// the top level for conditional updates and the admin queue.
	IdentityChange   *IdentityChange `bson:"identity_change,omitempty"`
	IdentityChangeID string          `bson:"identity_change_id,omitempty"`
	IdentityState    RevisionState   `bson:"identity_state,omitempty"`
}

// Member returns the member record of userID.
func (o *Organization) Member(userID string) (Member, bool) {
	for _, m := range o.Members {
		if m.UserID == userID {
			return m, true
		}
	}
	return Member{}, false
}

// Owners counts the owners.
func (o *Organization) Owners() int {
	n := 0
	for _, m := range o.Members {
		if m.Role == MemberOwner {
			n++
		}
	}
	return n
}

// OrgInput is what a member sends to register or edit an organisation.
type OrgInput struct {
	Name         *string
	Kind         *string
	SIRET        *string
	RNA          *string
	Address      *string
	Postcode     *string
	Description  *string
	ContactEmail *string
	ContactPhone *string
}

// Validate checks the input; full is true on creation, when every
// required field must be present.
func (in OrgInput) Validate(full bool) (OrgInput, error) {
	var v Validator
	text := func(p **string, field string, min, max int, multiline bool) {
		if *p == nil {
			if full && min > 0 {
				v.Add(field, "required")
			}
			return
		}
		clean, ok := CleanText(**p)
		if !ok || (!multiline && strings.ContainsAny(clean, "\n\r\t")) {
			v.Add(field, "invalid_text")
			return
		}
		*p = &clean
		v.Length(clean, field, min, max)
	}
	text(&in.Name, "name", 2, 150, false)
	text(&in.Address, "address", 5, 200, false)
	text(&in.Description, "description", 20, 3000, true)
	if in.Kind != nil || full {
		kind := ""
		if in.Kind != nil {
			kind = *in.Kind
		}
		if v.Check(kind != "", "kind", "required") {
			v.Check(validOrgKind(kind), "kind", "one_of", joinKinds())
		}
	}
	if in.Postcode != nil || full {
		pc := ""
		if in.Postcode != nil {
			pc = strings.TrimSpace(*in.Postcode)
			in.Postcode = &pc
		}
		if v.Check(pc != "", "postcode", "required") {
			v.Check(ValidPostcodeFormat(pc), "postcode", "invalid_postcode")
		}
	}
	if in.SIRET != nil {
		s := strings.ReplaceAll(strings.TrimSpace(*in.SIRET), " ", "")
		in.SIRET = &s
		if s != "" {
			v.Check(ValidSIRET(s), "siret", "invalid_siret")
		}
	}
	if in.RNA != nil {
		r := strings.ToUpper(strings.TrimSpace(*in.RNA))
		in.RNA = &r
		if r != "" {
			v.Check(ValidRNA(r), "rna", "invalid_rna")
		}
	}
	if full && (in.SIRET == nil || *in.SIRET == "") && (in.RNA == nil || *in.RNA == "") {
		v.Add("siret", "siret_or_rna")
	}
	if in.ContactEmail != nil || full {
		email := ""
		if in.ContactEmail != nil {
			email = NormalizeEmail(*in.ContactEmail)
			in.ContactEmail = &email
		}
		if v.Check(email != "", "contact_email", "required") {
			CheckEmail(&v, "contact_email", email)
		}
	}
	if in.ContactPhone != nil || full {
		phone := ""
		if in.ContactPhone != nil {
			phone = strings.TrimSpace(*in.ContactPhone)
			in.ContactPhone = &phone
		}
		if v.Check(phone != "", "contact_phone", "required") {
			v.Check(ValidPhone(phone), "contact_phone", "invalid_phone")
		}
	}
	return in, v.Err()
}

func validOrgKind(kind string) bool {
	for _, k := range OrgKinds {
		if string(k) == kind {
			return true
		}
	}
	return false
}

func joinKinds() string {
	names := make([]string, len(OrgKinds))
	for i, k := range OrgKinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}

// ValidPostcodeFormat reports whether pc has the shape of a French postcode.
func ValidPostcodeFormat(pc string) bool {
	if len(pc) != 5 {
		return false
	}
	for _, r := range pc {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// ValidSIRET checks a SIRET: 14 digits and the Luhn checksum, except La
// Poste's establishments (SIREN 356000000), whose digits sum to a multiple
// of 5 instead.
func ValidSIRET(s string) bool {
	if len(s) != 14 {
		return false
	}
	sum, plain := 0, 0
	for i, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		d := int(r - '0')
		plain += d
		if i%2 == 0 { // from the left, even positions are doubled for 14 digits
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	if strings.HasPrefix(s, "356000000") {
		return plain%5 == 0
	}
	return sum%10 == 0
}

// ValidRNA checks an RNA number: W followed by 9 digits.
func ValidRNA(s string) bool {
	if len(s) != 10 || s[0] != 'W' {
		return false
	}
	for _, r := range s[1:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// OrgDecision is an admin's decision on an organisation: the state it
// applies to, the state it leads to, and whether it needs a reason.
type OrgDecision struct {
	From, To       OrgStatus
	ReasonRequired bool
}

// OrgDecisions is the organisation's state machine by the admin's action:
// pending → verified | rejected, verified → suspended → verified. The
// organisations domain (organizations.Decide) and OrgTransitions read it.
var OrgDecisions = map[string]OrgDecision{
	"verify":  {From: OrgPending, To: OrgVerified},
	"reject":  {From: OrgPending, To: OrgRejected, ReasonRequired: true},
	"suspend": {From: OrgVerified, To: OrgSuspended, ReasonRequired: true},
	"restore": {From: OrgSuspended, To: OrgVerified},
}

// OrgTransitions lists the allowed organisation state changes: those the
// decisions make.
var OrgTransitions = func() map[OrgStatus][]OrgStatus {
	out := map[OrgStatus][]OrgStatus{}
	for _, action := range []string{"verify", "reject", "suspend", "restore"} {
		d := OrgDecisions[action]
		out[d.From] = append(out[d.From], d.To)
	}
	return out
}()

// CanOrgTransition reports whether from → to is allowed.
func CanOrgTransition(from, to OrgStatus) bool {
	for _, s := range OrgTransitions[from] {
		if s == to {
			return true
		}
	}
	return false
}
