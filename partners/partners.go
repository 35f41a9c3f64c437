// Package partners holds the rules of the partner feed: the API keys that
// partner sites read it with, and the feed itself, the public missions in
// change order, page by page behind an opaque cursor. The handlers encode
// the feed's items; what a page holds and how a key is checked is here.
package partners

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// DefaultPage is the feed's page size when the partner asks none.
const DefaultPage = 100

// maxKeyLength bounds the key a partner presents; longer is none of ours.
const maxKeyLength = 200

// ErrKeyRequired: the request's API key is missing, unknown or revoked.
var ErrKeyRequired = errors.New("partners: API key required")

// Service is the partner feed with what it needs.
type Service struct {
	Store *store.Store
	Now   func() time.Time
}

func (svc *Service) now() time.Time {
	if svc.Now == nil {
		return time.Now().UTC()
	}
	return svc.Now().UTC()
}

// Authenticate finds the key a partner presented. The caller counts the
// request against the key's rate.
func (svc *Service) Authenticate(ctx context.Context, raw string) (*models.APIKey, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" || len(raw) > maxKeyLength {
		return nil, ErrKeyRequired
	}
	key, err := svc.Store.APIKeyByHash(ctx, auth.HashToken(raw))
	if errors.Is(err, store.ErrNotFound) {
		return nil, ErrKeyRequired
	}
	return key, err
}

// Page is one page of the feed: missions in change order with their
// shifts and organisations, and the cursor to the next page.
type Page struct {
	Missions      []models.Mission
	Shifts        map[string][]models.Shift // by mission id
	Organizations map[string]*models.Organization
	NextCursor    string
	HasMore       bool
}

// Feed lists up to limit public missions changed since since (0: the
// default page), or after cursor when one is given.
func (svc *Service) Feed(ctx context.Context, since time.Time, cursor string, limit int) (*Page, error) {
	var v models.Validator
	if limit == 0 {
		limit = DefaultPage
	}
	v.Check(limit >= 1 && limit <= models.MaxFeedPage, "limit", "invalid_per_page", models.MaxFeedPage)
	afterID := ""
	if cursor != "" {
		t, id, ok := decodeCursor(cursor)
		if v.Check(ok, "cursor", "invalid_value") {
			since, afterID = t, id
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	missions, err := svc.Store.FeedMissions(ctx, since, afterID, limit)
	if err != nil {
		return nil, err
	}
	page := &Page{Shifts: map[string][]models.Shift{}, Organizations: map[string]*models.Organization{}}
	if len(missions) > limit {
		missions, page.HasMore = missions[:limit], true
	}
	page.Missions = missions
	if len(missions) == 0 {
		return page, nil
	}
	ids := make([]string, len(missions))
	orgIDs := make([]string, len(missions))
	for i, m := range missions {
		ids[i], orgIDs[i] = m.ID, m.OrgID
	}
	shifts, err := svc.Store.ShiftsOfMissions(ctx, ids...)
	if err != nil {
		return nil, err
	}
	orgs, err := svc.Store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for i := range orgs {
		page.Organizations[orgs[i].ID] = &orgs[i]
	}
	for _, sh := range shifts {
		page.Shifts[sh.MissionID] = append(page.Shifts[sh.MissionID], sh)
	}
	last := missions[len(missions)-1]
	page.NextCursor = encodeCursor(last.UpdatedAt, last.ID)
	return page, nil
}

func encodeCursor(t time.Time, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(t.UTC().Format(time.RFC3339Nano) + "|" + id))
}

func decodeCursor(cur string) (time.Time, string, bool) {
	raw, err := base64.RawURLEncoding.DecodeString(cur)
	if err != nil {
		return time.Time{}, "", false
	}
	ts, id, ok := strings.Cut(string(raw), "|")
	t, err := time.Parse(time.RFC3339Nano, ts)
	if !ok || err != nil || !store.ValidID(id) {
		return time.Time{}, "", false
	}
	return t, id, true
}
