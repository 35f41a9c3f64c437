package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

type candidatesData struct {
	Space      orgSpace
	Mission    *models.Mission
	Candidates []candidateItem
	Published  bool
}

// candidatesPage ranks the volunteers who let organisations find them,
// with the reasons they fit, and lets the member invite them. Names are
// masked until they apply.
func (s *Server) candidatesPage(c *fiber.Ctx) error {
	page, err := s.candidatesView(c)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "candidates", page)
}

func (s *Server) candidatesView(c *fiber.Ctx) (frontend.Page, error) {
	space := orgSpaceOf(c, "missions")
	m := missionOf(c)
	var err error
	data := candidatesData{Space: space, Mission: m, Published: m.Status == models.MissionPublished}
	if data.Published {
		if data.Candidates, err = s.candidatesFor(c, m, 30); err != nil {
			return frontend.Page{}, err
		}
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "candidates.title", m.Title), Section: "/org", Data: data}, nil
}

// candidateInviteSubmit invites a volunteer with the API's logic.
func (s *Server) candidateInviteSubmit(c *fiber.Ctx) error {
	org, m := orgOf(c), missionOf(c)
	volunteerID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	_, err = s.orgs.InviteVolunteer(ctx, org, m, principal(c).UserID, volunteerID)
	cancel()
	if err != nil {
		page, perr := s.candidatesView(c)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "candidates", page, err)
	}
	return seeOther(c, "/organizations/"+org.ID+"/missions/"+m.ID+"/candidates?notice=candidate_invited")
}
