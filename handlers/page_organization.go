package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/models"
)

type organizationPageData struct {
	Org      orgResponse
	Missions []missionResponse
	Response string
	Member   bool
}

// organizationPage is an organisation's public page: who they are, how
// to reach them, how fast they answer, and their published missions.
func (s *Server) organizationPage(c *fiber.Ctx) error {
	page, err := s.organizationPageFor(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "organization", page)
}

func (s *Server) organizationPageFor(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	id, err := idParam(c, "orgId")
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	userID, admin := caller(c)
	org, err := s.orgs.Visible(ctx, id, userID, admin)
	if err != nil {
		return frontend.Page{}, err
	}
	view, err := s.orgView(c, org, false)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := organizationPageData{Org: view, Response: responseTime(lang, org.ResponseHours),
		Member: view.MyRole != ""}
	published := []models.MissionStatus{models.MissionPublished}
	if data.Missions, _, err = s.orgMissionList(c, org, published, paging{Page: 1, PerPage: 50}); err != nil {
		return frontend.Page{}, err
	}
	canonical := s.cfg.BaseURL + "/organizations/" + org.ID
	return frontend.Page{
		Lang: lang, Title: org.Name, Description: summary(org.Description, 160), Canonical: canonical,
		OpenGraph: "website", Form: form.Order("reason"), Data: data,
		JSONLD: map[string]any{
			"@context": "https://schema.org", "@type": "Organization", "name": org.Name, "url": canonical,
			"description": org.Description, "email": org.ContactEmail, "telephone": org.ContactPhone,
			"address": map[string]any{"@type": "PostalAddress", "streetAddress": org.Address,
				"postalCode": org.Postcode, "addressLocality": org.City, "addressCountry": "FR"},
		},
	}, nil
}

// organizationReportSubmit reports the organisation to the moderators
// with the API's logic (POST /reports).
func (s *Server) organizationReportSubmit(c *fiber.Ctx) error {
	form := formValues(c, "reason")
	_, err := s.fileReport(c, reportRequest{TargetType: "organization", TargetID: c.Params("orgId"), Reason: form.Value("reason")})
	if err != nil {
		page, perr := s.organizationPageFor(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "organization", page, err)
	}
	return seeOther(c, "/organizations/"+c.Params("orgId")+"?notice=reported")
}
