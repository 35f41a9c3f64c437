package store

import (
	"context"
	"slices"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/mongo/options"

	"github.com/entraide/entraide/models"
)

func (s *Store) orgs() *mongo.Collection { return s.col("organizations") }

// CreateOrganization inserts an organisation.
func (s *Store) CreateOrganization(ctx context.Context, o *models.Organization) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	_, err = s.orgs().InsertOne(ctx, o)
	unlock()
	if err != nil {
		return mapErr(err)
	}
	if err := s.syncMembers(ctx, o.ID, nil, o.MemberIDs); err != nil {
		return err
	}
	return s.listOrg(ctx, o)
}

// OrganizationByID returns an organisation, whoever asks: callers check
// visibility.
func (s *Store) OrganizationByID(ctx context.Context, id string) (*models.Organization, error) {
	var o models.Organization
	if err := s.orgs().FindOne(ctx, bson.D{{Key: "_id", Value: id}}).Decode(&o); err != nil {
		return nil, mapErr(err)
	}
	return &o, nil
}

// OrganizationForMember returns the organisation only if userID is one of
// its members: everybody else gets ErrNotFound.
func (s *Store) OrganizationForMember(ctx context.Context, userID, id string) (*models.Organization, error) {
	var o models.Organization
	if err := s.findByKey(ctx, "organizations", id, bson.D{{Key: "member_ids", Value: userID}}, &o); err != nil {
		return nil, err
	}
	return &o, nil
}

// OrganizationsOfMember lists the organisations userID belongs to.
func (s *Store) OrganizationsOfMember(ctx context.Context, userID string) ([]models.Organization, error) {
	ids, err := s.orgIDsOfMember(ctx, userID)
	if err != nil {
		return nil, err
	}
	out := make([]models.Organization, 0, len(ids))
	for _, id := range ids {
		o, err := s.OrganizationForMember(ctx, userID, id)
		if err == ErrNotFound {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, *o)
	}
	slices.SortFunc(out, func(a, b models.Organization) int { return a.CreatedAt.Compare(b.CreatedAt) })
	return out, nil
}

// OrganizationIDsOfMember lists the ids of userID's organisations.
func (s *Store) OrganizationIDsOfMember(ctx context.Context, userID string) ([]string, error) {
	orgs, err := s.OrganizationsOfMember(ctx, userID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(orgs))
	for i, o := range orgs {
		ids[i] = o.ID
	}
	return ids, nil
}

// OrganizationsByStatus lists organisations in a state, oldest first:
// key reads of the state's list (queue_lists), then of the page's
// organisations, whatever the number in other states. Every status
// ("") stays a scan: only the admins' CSV export of every organisation
// and the seeds' tests ask for it; the admins' search page goes through
// SearchOrganizations.
func (s *Store) OrganizationsByStatus(ctx context.Context, status models.OrgStatus, skip, limit int64) ([]models.Organization, int64, error) {
	if status != "" {
		return s.orgQueuePage(ctx, []string{string(status)}, "", skip, limit)
	}
	total, err := s.orgs().CountDocuments(ctx, bson.D{})
	if err != nil {
		return nil, 0, mapErr(err)
	}
	opts := options.Find().SetSort(bson.D{{Key: "created_at", Value: 1}, {Key: "_id", Value: 1}}).SetSkip(skip)
	if limit > 0 {
		opts.SetLimit(limit)
	}
	orgs, err := s.findOrgs(ctx, bson.D{}, opts)
	return orgs, total, err
}

// OrganizationsByIDs returns the organisations with these ids.
func (s *Store) OrganizationsByIDs(ctx context.Context, ids []string) ([]models.Organization, error) {
	return byIDs[models.Organization](ctx, s, "organizations", ids)
}

func (s *Store) findOrgs(ctx context.Context, filter bson.D, opts *options.FindOptionsBuilder) ([]models.Organization, error) {
	var cur *mongo.Cursor
	var err error
	if opts != nil {
		cur, err = s.orgs().Find(ctx, filter, opts)
	} else {
		cur, err = s.orgs().Find(ctx, filter)
	}
	if err != nil {
		return nil, mapErr(err)
	}
	out := []models.Organization{}
	if err := cur.All(ctx, &out); err != nil {
		return nil, mapErr(err)
	}
	return out, nil
}

// OrgFields are the editable fields of an organisation, already validated.
type OrgFields struct {
	Name, Kind, SIRET, RNA, Address, Postcode, City, Description, ContactEmail, ContactPhone *string
	Lat, Lon                                                                                 *float64
}

// UpdateOrganization applies fields to userID's organisation.
func (s *Store) UpdateOrganization(ctx context.Context, userID, id string, f OrgFields, now time.Time) (*models.Organization, error) {
	set := bson.D{{Key: "updated_at", Value: now}}
	add := func(key string, v *string) {
		if v != nil {
			set = append(set, bson.E{Key: key, Value: *v})
		}
	}
	add("name", f.Name)
	add("kind", f.Kind)
	add("siret", f.SIRET)
	add("rna", f.RNA)
	add("address", f.Address)
	add("postcode", f.Postcode)
	add("city", f.City)
	add("description", f.Description)
	add("contact_email", f.ContactEmail)
	add("contact_phone", f.ContactPhone)
	if f.Lat != nil && f.Lon != nil {
		set = append(set, bson.E{Key: "lat", Value: *f.Lat}, bson.E{Key: "lon", Value: *f.Lon})
	}
	o, err := s.updateOrg(ctx, bson.D{{Key: "_id", Value: id}, {Key: "member_ids", Value: userID}}, bson.D{{Key: "$set", Value: set}})
	if err != nil || f.Name == nil {
		return o, err
	}
	return o, s.listOrg(ctx, o) // the name the admins' search reads
}

func (s *Store) updateOrg(ctx context.Context, filter, update bson.D) (*models.Organization, error) {
	var o models.Organization
	if err := s.updateByKey(ctx, "organizations", keyOf(filter), withoutKey(filter), update, &o); err != nil {
		return nil, err
	}
	return &o, nil
}

// TransitionOrganization moves an organisation from one of from to to, in
// one conditional update. When the state is not one of from, it returns
// ErrConflict and the organisation as it is.
func (s *Store) TransitionOrganization(ctx context.Context, id string, from []models.OrgStatus, to models.OrgStatus, reason string, now time.Time) (*models.Organization, error) {
	set := bson.D{{Key: "status", Value: to}, {Key: "status_reason", Value: reason}, {Key: "updated_at", Value: now}}
	if to == models.OrgVerified {
		set = append(set, bson.E{Key: "verified_at", Value: now})
	}
	o, err := s.updateOrg(ctx,
		bson.D{{Key: "_id", Value: id}, {Key: "status", Value: bson.D{{Key: "$in", Value: from}}}},
		bson.D{{Key: "$set", Value: set}})
	if err == ErrNotFound {
		cur, err := s.OrganizationByID(ctx, id)
		if err != nil {
			return nil, err
		}
		return cur, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	return o, s.listOrg(ctx, o, from...)
}

// AddMember adds m.UserID to an organisation, unless already there.
func (s *Store) AddMember(ctx context.Context, orgID string, m models.Member, now time.Time) (*models.Organization, error) {
	if err := s.joinOrgs(ctx, m.UserID, orgID); err != nil {
		return nil, err
	}
	m.JoinedAt = now
	return s.updateOrg(ctx,
		bson.D{{Key: "_id", Value: orgID}, {Key: "member_ids", Value: bson.D{{Key: "$ne", Value: m.UserID}}}},
		bson.D{
			{Key: "$push", Value: bson.D{{Key: "members", Value: m}}},
			{Key: "$addToSet", Value: bson.D{{Key: "member_ids", Value: m.UserID}}},
			{Key: "$set", Value: bson.D{{Key: "updated_at", Value: now}}},
		})
}

// ReplaceMembers writes a new member list, provided the list has not
// changed since it was read (compare-and-swap on updated_at), so that two
// concurrent removals cannot leave an organisation without an owner.
func (s *Store) ReplaceMembers(ctx context.Context, o *models.Organization, members []models.Member, now time.Time) (*models.Organization, error) {
	ids := make([]string, len(members))
	for i, m := range members {
		ids[i] = m.UserID
	}
	updated, err := s.updateOrg(ctx,
		bson.D{{Key: "_id", Value: o.ID}, {Key: "updated_at", Value: o.UpdatedAt}},
		bson.D{{Key: "$set", Value: bson.D{{Key: "members", Value: members}, {Key: "member_ids", Value: ids}, {Key: "updated_at", Value: now}}}})
	if err == ErrNotFound {
		return nil, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	return updated, s.syncMembers(ctx, o.ID, o.MemberIDs, ids)
}

// SetResponseHours records an organisation's median response time.
func (s *Store) SetResponseHours(ctx context.Context, orgID string, hours float64) error {
	unlock, err := s.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	_, err = s.orgs().UpdateOne(ctx, bson.D{{Key: "_id", Value: orgID}}, bson.D{{Key: "$set", Value: bson.D{{Key: "response_hours", Value: hours}}}})
	return mapErr(err)
}

// CountOrganizations counts organisations by status.
func (s *Store) CountOrganizations(ctx context.Context) (map[string]int64, error) {
	return s.countBy(ctx, "organizations", "status", nil)
}

// countBy groups a collection by a field and counts, with an optional
// filter. It uses a plain aggregation that FerretDB supports.
func (s *Store) countBy(ctx context.Context, col, field string, filter bson.D) (map[string]int64, error) {
	pipeline := mongo.Pipeline{}
	if filter != nil {
		pipeline = append(pipeline, bson.D{{Key: "$match", Value: filter}})
	}
	pipeline = append(pipeline, bson.D{{Key: "$group", Value: bson.D{{Key: "_id", Value: "$" + field}, {Key: "n", Value: bson.D{{Key: "$sum", Value: 1}}}}}})
	cur, err := s.col(col).Aggregate(ctx, pipeline)
	if err != nil {
		return nil, mapErr(err)
	}
	var rows []struct {
		ID any   `bson:"_id"`
		N  int64 `bson:"n"`
	}
	if err := cur.All(ctx, &rows); err != nil {
		return nil, mapErr(err)
	}
	out := map[string]int64{}
	for _, r := range rows {
		if key, ok := r.ID.(string); ok {
			out[key] = r.N
		}
	}
	return out, nil
}
