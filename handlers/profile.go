package handlers

import (
	"context"
	"errors"
	"github.com/entraide/entraide/store"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

type profileRequest struct {
	Skills       []string            `json:"skills"`
	Categories   []string            `json:"categories"`
	Languages    []string            `json:"languages"`
	Postcode     string              `json:"postcode"`
	Lat          *float64            `json:"lat"`
	Lon          *float64            `json:"lon"`
	RadiusKm     *int                `json:"radius_km"`
	Remote       bool                `json:"remote"`
	Availability map[string][]string `json:"availability"`
	BirthDate    string              `json:"birth_date"`
	Alerts       bool                `json:"alerts"`
	Visible      bool                `json:"visible_to_organizations"`
}

type profileResponse struct {
	Skills       []string            `json:"skills"`
	Categories   []string            `json:"categories"`
	Languages    []string            `json:"languages"`
	Postcode     string              `json:"postcode,omitempty"`
	City         string              `json:"city,omitempty"`
	Lat          *float64            `json:"lat"`
	Lon          *float64            `json:"lon"`
	RadiusKm     int                 `json:"radius_km"`
	Remote       bool                `json:"remote"`
	Availability map[string][]string `json:"availability"`
	BirthDate    *string             `json:"birth_date"`
	Alerts       bool                `json:"alerts"`
	Visible      bool                `json:"visible_to_organizations"`
	UpdatedAt    *time.Time          `json:"updated_at,omitempty"`
}

func profileView(p *models.Profile) profileResponse {
	if p == nil {
		return profileResponse{Skills: []string{}, Categories: []string{}, Languages: []string{},
			RadiusKm: models.DefaultRadiusKm, Availability: map[string][]string{}}
	}
	r := profileResponse{
		Skills: p.Skills, Categories: p.Categories, Languages: p.Languages, Postcode: p.Postcode, City: p.City,
		RadiusKm: p.RadiusKm, Remote: p.Remote, Availability: p.Availability, Alerts: p.Alerts, Visible: p.Visible,
		UpdatedAt: &p.UpdatedAt,
	}
	if p.HasLocation {
		lat, lon := p.Lat, p.Lon
		r.Lat, r.Lon = &lat, &lon
	}
	if p.BirthDate != nil {
		d := p.BirthDate.Format("2006-01-02")
		r.BirthDate = &d
	}
	for _, list := range []*[]string{&r.Skills, &r.Categories, &r.Languages} {
		if *list == nil {
			*list = []string{}
		}
	}
	if r.Availability == nil {
		r.Availability = map[string][]string{}
	}
	return r
}

func (s *Server) getProfile(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.store.Profile(ctx, principal(c).UserID)
	if err != nil {
		return err
	}
	return c.JSON(profileView(p))
}

// putProfile replaces the volunteer's profile and updates the index.
func (s *Server) putProfile(c *fiber.Ctx) error {
	var req profileRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	p, err := s.saveProfile(c, models.ProfileInput{
		Skills: req.Skills, Categories: req.Categories, Languages: req.Languages, Postcode: req.Postcode,
		Lat: req.Lat, Lon: req.Lon, RadiusKm: req.RadiusKm, Remote: req.Remote, Availability: req.Availability,
		BirthDate: req.BirthDate, Alerts: req.Alerts, Visible: req.Visible,
	})
	if err != nil {
		return err
	}
	return c.JSON(profileView(p))
}

// saveProfile is shared by the API and the profile page.
func (s *Server) saveProfile(c *fiber.Ctx, in models.ProfileInput) (*models.Profile, error) {
	p, err := in.Validate(s.now())
	if err != nil {
		return nil, err
	}
	if p.Postcode != "" {
		place, ok := s.gazetteer.Lookup(p.Postcode)
		if !ok {
			return nil, errField("postcode", "unknown_postcode")
		}
		p.City, p.Lat, p.Lon, p.HasLocation = place.City, place.Lat, place.Lon, true
	}
	userID := principal(c).UserID
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.SetProfile(ctx, userID, p, s.now()); err != nil {
		return nil, err
	}
	if s.catalog != nil {
		if err := s.catalog.VolunteerChanged(ctx, userID); err != nil {
			s.log.Error("index not updated", "user_id", userID, "error", err)
		}
	}
	return &p, nil
}

// exportProfile adds the volunteer profile to the personal data export:
// it is personal data (where they live, when they are free, their birth
// date) like the account itself.
func (s *Server) exportProfile(ctx context.Context, userID string, export map[string]any) error {
	p, err := s.store.Profile(ctx, userID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && p == nil) {
		return nil
	}
	if err != nil {
		return err
	}
	export["profile"] = profileView(p)
	return nil
}
