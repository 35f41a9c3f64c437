package handlers

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/search"
)

type missionPageData struct {
	Mission missionResponse
	// Open are the shifts still to come; Past counts the others.
	Open []shiftResponse
	Past int
	// ShiftOptions are the shifts a volunteer may apply to; Series says
	// there are several, ticked rather than chosen one at a time.
	ShiftOptions []frontend.Option
	Series       bool
	// Mine are the caller's applications to this mission.
	Mine    []applicationResponse
	Similar []search.Item
	// Who is visitor, volunteer, member (of its organisation) or other.
	Who        string
	LoginURL   string
	SignupURL  string
	Languages  []string
	Applicable bool   // published, with a shift to come
	Response   string // how fast the organisation answers
}

// missionPage shows a published mission to everyone (and any mission to
// its organisation's members and to admins), with what to know before
// applying, the form to apply, and similar missions.
func (s *Server) missionPage(c *fiber.Ctx) error {
	page, err := s.missionPageFor(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "mission", page)
}

// missionPageFor builds the mission page around form: the empty one, or
// one of its forms (apply, report) refused.
func (s *Server) missionPageFor(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	m, view, err := s.visibleMission(c)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := missionPageData{Mission: view, Who: "visitor", Response: responseTime(lang, view.Organization.ResponseHours)}
	now := s.now()
	for _, sh := range view.Shifts {
		if sh.Start.After(now) {
			data.Open = append(data.Open, sh)
		} else {
			data.Past++
		}
	}
	data.Applicable = m.Status == models.MissionPublished && len(data.Open) > 0
	next := url.QueryEscape("/missions/" + m.ID)
	data.LoginURL, data.SignupURL = "/login?next="+next, "/signup?next="+next
	for _, code := range view.Languages {
		data.Languages = append(data.Languages, i18n.LanguageName(lang, code))
	}
	if err := s.missionPageViewer(c, m, &data); err != nil {
		return frontend.Page{}, err
	}
	data.ShiftOptions = shiftOptions(lang, data.Open, data.Mine, data.Mission.TimeZone)
	data.Series = len(data.ShiftOptions) > 1
	if data.Similar, err = s.searcher.Similar(m); err != nil {
		return frontend.Page{}, searchProblem(err)
	}
	form.Order("shift", "message", "shifts", "all", "series_message", "reason")
	if form.Value("shift") == "" && len(data.ShiftOptions) > 0 {
		form.Set("shift", data.ShiftOptions[0].Value)
	}
	return s.missionPageView(lang, m, data, form), nil
}

// responseTime says how fast an organisation answers applications.
func responseTime(lang string, hours *float64) string {
	switch {
	case hours == nil:
		return i18n.T(lang, "org.response_unknown")
	case *hours < 1:
		return i18n.T(lang, "org.response_hour")
	case *hours < 48:
		return i18n.T(lang, "org.response_hours", int(*hours+0.5))
	}
	return i18n.T(lang, "org.response_days", int(*hours/24+0.5))
}

// missionReportSubmit reports the mission to the moderators with the
// API's logic (POST /reports).
func (s *Server) missionReportSubmit(c *fiber.Ctx) error {
	form := formValues(c, "reason")
	_, err := s.fileReport(c, reportRequest{TargetType: "mission", TargetID: c.Params("id"), Reason: form.Value("reason")})
	if err != nil {
		page, perr := s.missionPageFor(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "mission", page, err)
	}
	return seeOther(c, "/missions/"+c.Params("id")+"?notice=reported")
}

// visibleMission loads the path's mission if the caller may see it, the
// way GET /api/v1/missions/:id decides.
func (s *Server) visibleMission(c *fiber.Ctx) (*models.Mission, missionResponse, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return nil, missionResponse{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionByID(ctx, id)
	if err != nil {
		return nil, missionResponse{}, err
	}
	internal, err := s.isMissionInsider(c, m)
	if err != nil {
		return nil, missionResponse{}, err
	}
	if !internal && !moderation.Public(m.Status) {
		return nil, missionResponse{}, errMissionUnavailable(m)
	}
	view, err := s.renderMission(c, m, internal)
	return m, view, err
}

// missionPageViewer fills what depends on who looks: a volunteer's own
// applications, or that a member may manage the mission.
func (s *Server) missionPageViewer(c *fiber.Ctx, m *models.Mission, data *missionPageData) error {
	p := principal(c)
	switch {
	case p == nil:
		return nil
	case p.Role == models.RoleAdmin:
		data.Who = "other"
		return nil
	}
	// A member of the mission's organisation manages it; anyone else may
	// apply, whatever they signed up as.
	insider, err := s.isMissionInsider(c, m)
	if err != nil {
		return err
	}
	if insider {
		data.Who = "member"
		return nil
	}
	data.Who = "volunteer"
	ctx, cancel := s.ctx(c)
	defer cancel()
	apps, err := s.volunteerApplications(ctx, p.UserID)
	if err != nil {
		return err
	}
	var mine []models.Application
	for _, a := range apps {
		if a.MissionID == m.ID {
			mine = append(mine, a)
		}
	}
	data.Mine, err = s.volunteerViews(c, mine, true)
	return err
}

// shiftOptions lists the shifts to come that the volunteer has not applied
// to yet, each with its places.
func shiftOptions(lang string, open []shiftResponse, mine []applicationResponse, zone string) []frontend.Option {
	applied := map[string]bool{}
	for _, a := range mine {
		applied[a.ShiftID] = true
	}
	var out []frontend.Option
	for _, sh := range open {
		if applied[sh.ID] {
			continue
		}
		places := i18n.T(lang, "mission.places", sh.PlacesLeft)
		switch sh.PlacesLeft {
		case 0:
			places = i18n.T(lang, "mission.full_waitlist")
		case 1:
			places = i18n.T(lang, "mission.one_place")
		}
		label := i18n.T(lang, "mission.shift_label", frontend.LongDate(lang, sh.Start, zone), frontend.Clock(lang, sh.Start, zone), frontend.Clock(lang, sh.End, zone), places)
		out = append(out, frontend.Option{Value: sh.ID, Label: label})
	}
	return out
}

// missionPageView is the page with its metadata: a description, a
// canonical URL, OpenGraph and schema.org's JobPosting (volunteering is
// its employmentType VOLUNTEER).
func (s *Server) missionPageView(lang string, m *models.Mission, data missionPageData, form *frontend.Form) frontend.Page {
	canonical := s.cfg.BaseURL + "/missions/" + m.ID
	return frontend.Page{
		Lang: lang, Title: m.Title, Description: summary(m.Description, 160), Canonical: canonical,
		OpenGraph: "website", JSONLD: s.missionJSONLD(m, data.Mission, canonical), Form: form, Data: data,
		Section: "/missions",
	}
}

func (s *Server) missionJSONLD(m *models.Mission, view missionResponse, canonical string) map[string]any {
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "JobPosting", "title": m.Title, "description": m.Description,
		"employmentType": "VOLUNTEER", "url": canonical, "identifier": m.ID,
		"hiringOrganization": map[string]any{
			"@type": "Organization", "name": view.Organization.Name,
			"url": s.cfg.BaseURL + "/organizations/" + view.Organization.ID,
		},
	}
	if m.PublishedAt != nil {
		ld["datePosted"] = m.PublishedAt.Format("2006-01-02")
	}
	if !m.LastShiftEnd.IsZero() {
		ld["validThrough"] = m.LastShiftEnd.Format("2006-01-02T15:04:05Z07:00")
	}
	if m.Remote {
		ld["jobLocationType"] = "TELECOMMUTE"
		ld["applicantLocationRequirements"] = map[string]any{"@type": "Country", "name": "FR"}
	} else {
		ld["jobLocation"] = map[string]any{"@type": "Place", "address": map[string]any{
			"@type": "PostalAddress", "streetAddress": m.Address, "postalCode": m.Postcode,
			"addressLocality": m.City, "addressCountry": "FR",
		}}
	}
	return ld
}

// summary cuts text to at most n characters, at a word, for a
// description meta tag.
func summary(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	runes := []rune(text)[:n-1]
	cut := string(runes)
	if i := strings.LastIndexByte(cut, ' '); i > n/2 {
		cut = cut[:i]
	}
	return cut + "…"
}
