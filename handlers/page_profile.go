package handlers

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// profileFields are the profile form's fields in page order.
var profileFields = []string{"postcode", "radius_km", "remote", "availability", "categories", "skills", "languages", "birth_date", "alerts", "visible"}

type profileData struct {
	Categories []frontend.Option
	Skills     []frontend.Option
	Languages  []frontend.Option // by name, never as codes
	Grid       availabilityGrid
}

// availabilityGrid is the week as a table: a row per slot, a column per
// day, a checkbox per cell, each labelled with its day and slot.
type availabilityGrid struct {
	Days []string // column headers
	Rows []availabilityRow
}

type availabilityRow struct {
	Slot  string
	Cells []availabilityCell
}

type availabilityCell struct {
	ID, Value, Label string
	Checked          bool
}

// profilePage shows the volunteer's matching profile.
func (s *Server) profilePage(c *fiber.Ctx) error {
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.store.Profile(ctx, principal(c).UserID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	view := profileView(p)
	form := frontend.NewForm().Set("postcode", view.Postcode).Set("radius_km", strconv.Itoa(view.RadiusKm)).
		SetAll("categories", view.Categories).SetAll("skills", view.Skills).
		SetAll("languages", view.Languages).SetAll("availability", availabilityValues(view.Availability))
	if view.BirthDate != nil {
		form.Set("birth_date", *view.BirthDate)
	}
	for name, on := range map[string]bool{"remote": view.Remote, "alerts": view.Alerts, "visible": view.Visible} {
		if on {
			form.Set(name, "true")
		}
	}
	return s.render(c, fiber.StatusOK, "profile", s.profilePageView(c, form))
}

func (s *Server) profilePageView(c *fiber.Ctx, form *frontend.Form) frontend.Page {
	lang := s.lang(c)
	cats, skills, _, _ := searchOptions(lang, nil)
	return frontend.Page{
		Lang: lang, Title: i18n.T(lang, "profile.title"), Form: form.Order(profileFields...), Section: "/me",
		Data: profileData{Categories: cats, Skills: skills, Languages: languageOptions(lang, form.Values("languages")), Grid: newGrid(lang, form.Values("availability"))},
	}
}

// profileSubmit saves the profile with the API's logic (PUT /me/profile).
func (s *Server) profileSubmit(c *fiber.Ctx) error {
	form := formValues(c, "postcode", "radius_km", "birth_date", "remote", "alerts", "visible")
	for _, name := range []string{"categories", "skills", "availability", "languages"} {
		form.SetAll(name, multiForm(c, name))
	}
	in := models.ProfileInput{
		Skills: form.Values("skills"), Categories: form.Values("categories"), Postcode: form.Value("postcode"),
		Languages: form.Values("languages"), BirthDate: form.Value("birth_date"),
		Remote: form.Value("remote") == "true", Alerts: form.Value("alerts") == "true", Visible: form.Value("visible") == "true",
		Availability: map[string][]string{},
	}
	if in.Languages == nil {
		in.Languages = []string{}
	}
	for _, cell := range form.Values("availability") {
		day, slot, _ := strings.Cut(cell, ".")
		in.Availability[day] = append(in.Availability[day], slot)
	}
	if r := strings.TrimSpace(form.Value("radius_km")); r != "" {
		km, err := strconv.Atoi(r)
		if err != nil {
			return s.renderFormError(c, "profile", s.profilePageView(c, form),
				errField("radius_km", "radius_range", models.MinRadiusKm, models.MaxRadiusKm))
		}
		in.RadiusKm = &km
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.accounts.SaveProfile(ctx, principal(c).UserID, in); err != nil {
		return s.renderFormError(c, "profile", s.profilePageView(c, form), err)
	}
	return seeOther(c, "/me?notice=profile_saved")
}

// splitList reads "fr, ar" as a list.
func splitList(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == ' ' })
}

func availabilityValues(a map[string][]string) []string {
	var out []string
	for day, slots := range a {
		for _, slot := range slots {
			out = append(out, day+"."+slot)
		}
	}
	return out
}

func newGrid(lang string, ticked []string) availabilityGrid {
	on := map[string]bool{}
	for _, v := range ticked {
		on[v] = true
	}
	g := availabilityGrid{}
	for _, day := range models.Days {
		g.Days = append(g.Days, i18n.T(lang, "day."+day))
	}
	for _, slot := range models.Slots {
		row := availabilityRow{Slot: i18n.T(lang, "slot."+slot)}
		for i, day := range models.Days {
			value := day + "." + slot
			id := "f-availability-" + day + "-" + slot
			if len(g.Rows) == 0 && i == 0 {
				id = "f-availability" // the error summary links here
			}
			row.Cells = append(row.Cells, availabilityCell{ID: id, Value: value, Checked: on[value],
				Label: i18n.T(lang, "day."+day) + ", " + strings.ToLower(row.Slot)})
		}
		g.Rows = append(g.Rows, row)
	}
	return g
}
