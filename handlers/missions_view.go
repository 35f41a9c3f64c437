package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type shiftResponse struct {
	ID         string    `json:"id"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	Capacity   int       `json:"capacity"`
	Taken      int       `json:"taken"`
	PlacesLeft int       `json:"places_left"`
}

type orgRef struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	ResponseHours *float64 `json:"median_response_hours,omitempty"`
}

type missionResponse struct {
	ID                 string          `json:"id"`
	OrgID              string          `json:"org_id"`
	Organization       orgRef          `json:"organization"`
	Title              string          `json:"title"`
	Description        string          `json:"description"`
	Category           string          `json:"category"`
	Skills             []string        `json:"skills"`
	Tags               []string        `json:"tags"`
	Languages          []string        `json:"languages"`
	Remote             bool            `json:"remote"`
	Address            string          `json:"address,omitempty"`
	Postcode           string          `json:"postcode,omitempty"`
	City               string          `json:"city,omitempty"`
	Location           *location       `json:"location,omitempty"`
	TimeZone           string          `json:"time_zone"`
	MinAge             int             `json:"min_age"`
	RequiresVetting    bool            `json:"requires_vetting"`
	Urgent             bool            `json:"urgent"`
	AutoAccept         bool            `json:"auto_accept"`
	AccessibilityNotes string          `json:"accessibility_notes"`
	Status             string          `json:"status"`
	StatusReason       string          `json:"status_reason,omitempty"`
	Shifts             []shiftResponse `json:"shifts"`
	PlacesLeft         int             `json:"places_left"`
	CreatedAt          time.Time       `json:"created_at"`
	UpdatedAt          time.Time       `json:"updated_at"`
	SubmittedAt        *time.Time      `json:"submitted_at,omitempty"`
	PublishedAt        *time.Time      `json:"published_at,omitempty"`
	// Revision is a change waiting for a moderator (members and admins).
	Revision *revisionResponse `json:"revision,omitempty"`
}

type location struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// missionView renders a mission; internal fields (status reason) only for
// its members and admins.
func missionView(m *models.Mission, org *models.Organization, shifts []models.Shift, internal bool, now time.Time) missionResponse {
	r := missionResponse{
		ID: m.ID, OrgID: m.OrgID, Title: m.Title, Description: m.Description, Category: string(m.Category),
		Skills: m.Skills, Tags: m.Tags, Languages: m.Languages, Remote: m.Remote, MinAge: m.MinAge,
		RequiresVetting: m.RequiresVetting, Urgent: m.Urgent, AutoAccept: m.AutoAccept,
		AccessibilityNotes: m.AccessibilityNotes, Status: string(m.Status), TimeZone: m.Zone(),
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt, SubmittedAt: m.SubmittedAt, PublishedAt: m.PublishedAt,
		Shifts: make([]shiftResponse, 0, len(shifts)),
	}
	if org != nil {
		r.Organization = orgRef{ID: org.ID, Name: org.Name, ResponseHours: org.ResponseHours}
	}
	if !m.Remote {
		r.Address, r.Postcode, r.City = m.Address, m.Postcode, m.City
		r.Location = &location{Lat: m.Lat, Lon: m.Lon}
	}
	if internal {
		r.StatusReason = m.StatusReason
		r.Revision = revisionView(m)
	}
	for _, sh := range shifts {
		r.Shifts = append(r.Shifts, shiftResponse{ID: sh.ID, Start: sh.Start, End: sh.End, Capacity: sh.Capacity, Taken: sh.Taken, PlacesLeft: sh.PlacesLeft()})
		if sh.Start.After(now) {
			r.PlacesLeft += sh.PlacesLeft()
		}
	}
	for _, list := range []*[]string{&r.Skills, &r.Tags, &r.Languages} {
		if *list == nil {
			*list = []string{}
		}
	}
	return r
}

// renderMission loads a mission's shifts and organisation and renders it:
// renderMissions for one mission.
func (s *Server) renderMission(c *fiber.Ctx, m *models.Mission, internal bool) (missionResponse, error) {
	views, err := s.renderMissions(c, []models.Mission{*m}, internal)
	if err != nil {
		return missionResponse{}, err
	}
	return views[0], nil
}

// renderMissions renders a page of missions with two batches of key reads
// (every shift, every organisation) instead of a few reads per mission:
// the moderation queues show twenty at a time.
func (s *Server) renderMissions(c *fiber.Ctx, missions []models.Mission, internal bool) ([]missionResponse, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	ids, orgIDs := make([]string, len(missions)), make([]string, len(missions))
	for i := range missions {
		ids[i], orgIDs[i] = missions[i].ID, missions[i].OrgID
	}
	shifts, err := s.store.ShiftsOfMissions(ctx, ids...)
	if err != nil {
		return nil, err
	}
	byMission := map[string][]models.Shift{}
	for _, sh := range shifts {
		byMission[sh.MissionID] = append(byMission[sh.MissionID], sh)
	}
	orgs, err := s.store.OrganizationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*models.Organization, len(orgs))
	for i := range orgs {
		byID[orgs[i].ID] = &orgs[i]
	}
	now := s.now()
	out := make([]missionResponse, len(missions))
	for i := range missions {
		org := byID[missions[i].OrgID]
		if org == nil {
			return nil, store.ErrNotFound
		}
		out[i] = missionView(&missions[i], org, byMission[missions[i].ID], internal, now)
	}
	return out, nil
}
