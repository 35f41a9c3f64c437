package handlers

import (
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/partners"
	"github.com/entraide/entraide/ratelimit"
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	key, err := s.partners.Authenticate(ctx, c.Get("X-API-Key"))
	if errors.Is(err, partners.ErrKeyRequired) {
		c.Set(fiber.HeaderWWWAuthenticate, `ApiKey realm="entraide-feed"`)
	}
	if err != nil {
		return nil, err
	}
	if err := s.checkLimits(limitPair{s.partnerLimits.window(key.RatePerMinute), key.ID}); err != nil {
		return nil, err
	}
	return key, nil
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
	limit := 0 // the default page
	if v := c.Query("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil {
			limit = -1 // refused below, as out of range
		}
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	page, err := s.partners.Feed(ctx, since, c.Query("cursor"), limit)
	if err != nil {
		return err
	}
	resp := feedResponse{Items: []feedItem{}, NextCursor: page.NextCursor, HasMore: page.HasMore}
	for i := range page.Missions {
		m := &page.Missions[i]
		v := missionView(m, page.Organizations[m.OrgID], page.Shifts[m.ID], false, s.now())
		resp.Items = append(resp.Items, feedItem{ID: m.ID, URL: s.cfg.BaseURL + "/missions/" + m.ID, Status: v.Status,
			Title: v.Title, Description: v.Description, Category: v.Category, Organization: v.Organization, Remote: v.Remote,
			Postcode: v.Postcode, City: v.City, Location: v.Location, Skills: v.Skills, Languages: v.Languages,
			MinAge: v.MinAge, Urgent: v.Urgent, Shifts: v.Shifts, PublishedAt: v.PublishedAt, UpdatedAt: m.UpdatedAt})
	}
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	k, raw, err := s.partners.CreateKey(ctx, req.Name, req.RatePerMinute, principal(c).UserID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(apiKeyResponse{ID: k.PublicID, Name: k.Name, RatePerMinute: k.RatePerMinute, Key: raw, CreatedAt: k.CreatedAt})
}

func (s *Server) listAPIKeys(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	keys, err := s.partners.Keys(ctx)
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
	if err := s.partners.RevokeKey(ctx, id, principal(c).UserID); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}
