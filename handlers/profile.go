package handlers

import (
	"context"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
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
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.accounts.SaveProfile(ctx, principal(c).UserID, models.ProfileInput{
		Skills: req.Skills, Categories: req.Categories, Languages: req.Languages, Postcode: req.Postcode,
		Lat: req.Lat, Lon: req.Lon, RadiusKm: req.RadiusKm, Remote: req.Remote, Availability: req.Availability,
		BirthDate: req.BirthDate, Alerts: req.Alerts, Visible: req.Visible,
	})
	if err != nil {
		return err
	}
	return c.JSON(profileView(p))
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
