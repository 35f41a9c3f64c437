package handlers

import (
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/ratelimit"
	"github.com/entraide/entraide/store"
)

// feedItem is the stable JSON of a mission in the partner feed: field names
// never change meaning; new fields may be added.
type feedItem struct {
	ID           string          `json:"id"`
	URL          string          `json:"url"`
	Status       string          `json:"status"`
	Title        string          `json:"title"`
	Description  string          `json:"description"`
	Category     string          `json:"category"`
	Organization orgRef          `json:"organization"`
	Remote       bool            `json:"remote"`
	Postcode     string          `json:"postcode,omitempty"`
	City         string          `json:"city,omitempty"`
	Location     *location       `json:"location,omitempty"`
	Skills       []string        `json:"skills"`
	Languages    []string        `json:"languages"`
	MinAge       int             `json:"min_age"`
	Urgent       bool            `json:"urgent"`
	Shifts       []shiftResponse `json:"shifts"`
	PublishedAt  *time.Time      `json:"published_at,omitempty"`
	UpdatedAt    time.Time       `json:"updated_at"`
}

type feedResponse struct {
	Items      []feedItem `json:"items"`
	NextCursor string     `json:"next_cursor,omitempty"`
	HasMore    bool       `json:"has_more"`
}

// partnerLimits keeps one window per rate, keyed by API key.
type partnerLimits struct {
	mu      sync.Mutex
	windows map[int]*ratelimit.Window
	enabled bool
}

func (p *partnerLimits) window(rate int) *ratelimit.Window {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.windows == nil {
		p.windows = map[int]*ratelimit.Window{}
	}
	w, ok := p.windows[rate]
	if !ok {
		w = ratelimit.New("partner_key", config.Rate{Count: rate, Window: time.Minute}, p.enabled)
		p.windows[rate] = w
	}
	return w
}

// partnerKey authenticates a partner by its X-API-Key header and counts the
// request against the key's rate.
func (s *Server) partnerKey(c *fiber.Ctx) (*models.APIKey, error) {
	raw := strings.TrimSpace(c.Get("X-API-Key"))
	if raw == "" || len(raw) > 200 {
		c.Set(fiber.HeaderWWWAuthenticate, `ApiKey realm="entraide-feed"`)
		return nil, errUnauthorized("detail.api_key_required")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	key, err := s.store.APIKeyByHash(ctx, auth.HashToken(raw))
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUnauthorized("detail.api_key_required")
	}
	if err != nil {
		return nil, err
	}
	if err := s.checkLimits(limitPair{s.partnerLimits.window(key.RatePerMinute), key.ID}); err != nil {
		return nil, err
	}
	return key, nil
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

// missionFeed lists the public missions changed since updated_since, in
// change order, with a cursor to the next page, for partner sites.
func (s *Server) missionFeed(c *fiber.Ctx) error {
	if _, err := s.partnerKey(c); err != nil {
		return err
	}
	since, err := parseTimeParam(c, "updated_since")
	if err != nil {
		return err
	}
	limit := 100
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > models.MaxFeedPage {
			return errField("limit", "invalid_per_page", models.MaxFeedPage)
		}
		limit = n
	}
	afterID := ""
	if cur := c.Query("cursor"); cur != "" {
		t, id, ok := decodeCursor(cur)
		if !ok {
			return errField("cursor", "invalid_value")
		}
		since, afterID = t, id
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	missions, err := s.store.FeedMissions(ctx, since, afterID, limit)
	if err != nil {
		return err
	}
	resp := feedResponse{Items: []feedItem{}}
	if len(missions) > limit {
		missions, resp.HasMore = missions[:limit], true
	}
	if len(missions) == 0 {
		return c.JSON(resp)
	}
	ids := make([]string, len(missions))
	orgIDs := []string{}
	for i, m := range missions {
		ids[i] = m.ID
		orgIDs = append(orgIDs, m.OrgID)
	}
	shifts, err := s.store.ShiftsOfMissions(ctx, ids...)
	if err != nil {
		return err
	}
	orgs, err := s.store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return err
	}
	orgByID := map[string]*models.Organization{}
	for i := range orgs {
		orgByID[orgs[i].ID] = &orgs[i]
	}
	byMission := map[string][]models.Shift{}
	for _, sh := range shifts {
		byMission[sh.MissionID] = append(byMission[sh.MissionID], sh)
	}
	for i := range missions {
		m := &missions[i]
		v := missionView(m, orgByID[m.OrgID], byMission[m.ID], false, s.now())
		resp.Items = append(resp.Items, feedItem{ID: m.ID, URL: s.cfg.BaseURL + "/missions/" + m.ID, Status: v.Status,
			Title: v.Title, Description: v.Description, Category: v.Category, Organization: v.Organization, Remote: v.Remote,
			Postcode: v.Postcode, City: v.City, Location: v.Location, Skills: v.Skills, Languages: v.Languages,
			MinAge: v.MinAge, Urgent: v.Urgent, Shifts: v.Shifts, PublishedAt: v.PublishedAt, UpdatedAt: m.UpdatedAt})
	}
	last := missions[len(missions)-1]
	resp.NextCursor = encodeCursor(last.UpdatedAt, last.ID)
	return c.JSON(resp)
}

type apiKeyRequest struct {
	Name          string `json:"name"`
	RatePerMinute int    `json:"rate_per_minute"`
}

type apiKeyResponse struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	RatePerMinute int        `json:"rate_per_minute"`
	Key           string     `json:"key,omitempty"`
	CreatedAt     time.Time  `json:"created_at"`
	RevokedAt     *time.Time `json:"revoked_at,omitempty"`
}

// createAPIKey makes a partner key; the key is shown only in this answer.
func (s *Server) createAPIKey(c *fiber.Ctx) error {
	var req apiKeyRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	var v models.Validator
	name, ok := models.CleanText(req.Name)
	if v.Check(ok, "name", "invalid_text") {
		v.Length(name, "name", 2, 100)
	}
	rate := req.RatePerMinute
	if rate == 0 {
		rate = models.DefaultFeedRate
	}
	v.Check(rate >= 1 && rate <= models.MaxFeedRate, "rate_per_minute", "capacity_range", models.MaxFeedRate)
	if err := v.Err(); err != nil {
		return err
	}
	raw := "ek_" + auth.RandomToken(24)
	k := &models.APIKey{ID: auth.HashToken(raw), PublicID: store.NewID(), Name: name, RatePerMinute: rate,
		CreatedBy: principal(c).UserID, CreatedAt: s.now()}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.CreateAPIKey(ctx, k); err != nil {
		return err
	}
	if err := s.audit(ctx, k.CreatedBy, "api_key.create", "api_key", k.PublicID, "", nil, map[string]any{"name": name, "rate_per_minute": rate}); err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(apiKeyResponse{ID: k.PublicID, Name: name, RatePerMinute: rate, Key: raw, CreatedAt: k.CreatedAt})
}

func (s *Server) listAPIKeys(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	keys, err := s.store.APIKeys(ctx)
	if err != nil {
		return err
	}
	items := make([]apiKeyResponse, len(keys))
	for i, k := range keys {
		items[i] = apiKeyResponse{ID: k.PublicID, Name: k.Name, RatePerMinute: k.RatePerMinute, CreatedAt: k.CreatedAt, RevokedAt: k.RevokedAt}
	}
	return c.JSON(newList(items, int64(len(items)), paging{Page: 1, PerPage: max(len(items), 1)}))
}

func (s *Server) revokeAPIKey(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.RevokeAPIKey(ctx, id, s.now()); err != nil {
		return err
	}
	if err := s.audit(ctx, principal(c).UserID, "api_key.revoke", "api_key", id, "", nil, nil); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
