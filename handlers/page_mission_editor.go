package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/timefmt"
)

// missionFields are the editor's fields in page order; shiftFields add
// the shifts of a new mission.
var (
	missionFields = []string{"title", "description", "category", "remote", "address", "postcode", "accessibility_notes",
		"skills", "tags", "languages", "min_age", "requires_vetting", "urgent", "auto_accept"}
	shiftFields = []string{"dates", "start_time", "end_time", "capacity"}
)

type editorData struct {
	Space      orgSpace
	MissionID  string // empty for a new mission
	Categories []frontend.Option
	Skills     []frontend.Option
	Languages  []frontend.Option // by name, never as codes
}

// missionNewPage is the editor of a new mission with its first shifts.
func (s *Server) missionNewPage(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	form := frontend.NewForm().Set("category", "food_aid").Set("capacity", "1").Set("postcode", space.Org.Postcode)
	// A draft may come prefilled from a link (a watch programme's supplies
	// need); the values are checked on submit like any typed text.
	for _, name := range []string{"title", "description", "category"} {
		if v := c.Query(name); v != "" && len(v) <= 2000 {
			form.Set(name, v)
		}
	}
	return s.render(c, fiber.StatusOK, "mission_editor", s.editorView(c, form, space, ""))
}

func (s *Server) editorView(c *fiber.Ctx, form *frontend.Form, space orgSpace, missionID string) frontend.Page {
	lang := s.lang(c)
	cats, skills, _, _ := searchOptions(lang, nil)
	title := i18n.T(lang, "editor.new_title")
	fields := append(append([]string{}, missionFields...), shiftFields...)
	if missionID != "" {
		title = i18n.T(lang, "editor.edit_title", form.Value("title"))
		fields = missionFields
	}
	return frontend.Page{Lang: lang, Title: title, Form: form.Order(fields...), Section: "/org",
		Data: editorData{Space: space, MissionID: missionID, Categories: cats, Skills: skills,
			Languages: languageOptions(lang, form.Values("languages"))}}
}

// missionNewSubmit creates the draft with the API's logic.
func (s *Server) missionNewSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	form := readMissionForm(c, true)
	in := missionInput(form)
	zone := timefmt.ZoneOfPostcode(form.Value("postcode"))
	if zone == "" || form.Value("remote") == "true" {
		zone = timefmt.ZoneOfPostcode(space.Org.Postcode)
	}
	shifts, serr := readShifts(form, zone)
	in.Shifts = shifts
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.moderation.Draft(ctx, space.Org, principal(c).UserID, in)
	if serr != nil || err != nil {
		return s.renderFormError(c, "mission_editor", s.editorView(c, form, space, ""), shiftFieldErrors(mergeErrors(serr, err)))
	}
	return seeOther(c, "/organizations/"+space.Org.ID+"/missions/"+m.ID+"?notice=mission_created")
}

// missionEditPage is the editor of an existing mission; shifts are
// managed on the mission's page.
func (s *Server) missionEditPage(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	m := missionOf(c)
	if m.Revision != nil && m.RevisionState == models.RevisionPending {
		// Edit on top of the change already waiting for review.
		pending := m.WithContent(m.Revision.Content)
		m = &pending
	}
	form := frontend.NewForm().Set("title", m.Title).Set("description", m.Description).Set("category", string(m.Category)).
		Set("address", m.Address).Set("postcode", m.Postcode).Set("accessibility_notes", m.AccessibilityNotes).
		SetAll("skills", m.Skills).Set("tags", strings.Join(m.Tags, ", ")).SetAll("languages", m.Languages).
		Set("min_age", strconv.Itoa(m.MinAge))
	for name, on := range map[string]bool{"remote": m.Remote, "requires_vetting": m.RequiresVetting, "urgent": m.Urgent, "auto_accept": m.AutoAccept} {
		if on {
			form.Set(name, "true")
		}
	}
	return s.render(c, fiber.StatusOK, "mission_editor", s.editorView(c, form, space, m.ID))
}

// missionEditSubmit saves the mission with the API's logic; on a
// published mission the edit waits for review as a revision.
func (s *Server) missionEditSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "missions")
	m := missionOf(c)
	form := readMissionForm(c, false)
	ctx, cancel := s.ctx(c)
	defer cancel()
	updated, err := s.moderation.Edit(ctx, space.Org, m, principal(c).UserID, missionInput(form))
	if err != nil {
		return s.renderFormError(c, "mission_editor", s.editorView(c, form, space, m.ID), err)
	}
	notice := "saved"
	if updated.RevisionState == models.RevisionPending {
		notice = "revision_pending"
	}
	return seeOther(c, "/organizations/"+space.Org.ID+"/missions/"+m.ID+"?notice="+notice)
}

func readMissionForm(c *fiber.Ctx, withShifts bool) *frontend.Form {
	names := missionFields
	if withShifts {
		names = append(append([]string{}, missionFields...), shiftFields...)
	}
	form := formValues(c, names...)
	return form.SetAll("skills", multiForm(c, "skills")).SetAll("languages", multiForm(c, "languages"))
}

// missionInput reads the editor: every field is on the form, so every
// pointer is set (an unticked box is false).
func missionInput(form *frontend.Form) models.MissionInput {
	text := func(name string) *string {
		v := form.Value(name)
		return &v
	}
	flag := func(name string) *bool {
		v := form.Value(name) == "true"
		return &v
	}
	skills := append(append([]string{}, form.Values("skills")...), splitList(form.Value("tags"))...)
	languages := form.Values("languages")
	if languages == nil {
		languages = []string{}
	}
	in := models.MissionInput{
		Title: text("title"), Description: text("description"), Category: text("category"), Skills: &skills,
		Languages: &languages, Remote: flag("remote"), Address: text("address"), Postcode: text("postcode"),
		RequiresVetting: flag("requires_vetting"), Urgent: flag("urgent"), AutoAccept: flag("auto_accept"),
		AccessibilityNotes: text("accessibility_notes"),
	}
	if age, err := strconv.Atoi(strings.TrimSpace(form.Value("min_age"))); err == nil {
		in.MinAge = &age
	}
	return in
}

// readShifts turns the shifts part of a form into shifts: the same times
// and places on each of several dates, one per line (31/12/2026 or
// 2026-12-31), in the mission's time zone. A shift ending before it
// starts ends the next day (a night).
func readShifts(form *frontend.Form, zone string) ([]models.ShiftInput, error) {
	loc := timefmt.Location(zone)
	var v models.Validator
	start, errStart := time.Parse("15:04", strings.TrimSpace(form.Value("start_time")))
	end, errEnd := time.Parse("15:04", strings.TrimSpace(form.Value("end_time")))
	v.Check(errStart == nil, "start_time", "invalid_time")
	v.Check(errEnd == nil, "end_time", "invalid_time")
	capacity, err := strconv.Atoi(strings.TrimSpace(form.Value("capacity")))
	if v.Check(err == nil, "capacity", "capacity_range", models.MaxShiftCapacity) {
		v.Check(capacity >= 1 && capacity <= models.MaxShiftCapacity, "capacity", "capacity_range", models.MaxShiftCapacity)
	}
	var days []time.Time
	for _, line := range strings.FieldsFunc(form.Value("dates"), func(r rune) bool { return r == '\n' || r == ',' || r == ';' }) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		day, err := time.ParseInLocation("02/01/2006", line, loc)
		if err != nil {
			day, err = time.ParseInLocation("2006-01-02", line, loc)
		}
		if err != nil {
			v.Add("dates", "invalid_shift_date", line)
			break
		}
		days = append(days, day)
	}
	if len(days) == 0 && !v.Has("dates") {
		v.Add("dates", "required")
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	shifts := make([]models.ShiftInput, len(days))
	for i, day := range days {
		from := time.Date(day.Year(), day.Month(), day.Day(), start.Hour(), start.Minute(), 0, 0, loc)
		to := time.Date(day.Year(), day.Month(), day.Day(), end.Hour(), end.Minute(), 0, 0, loc)
		if to.Before(from) {
			to = to.AddDate(0, 0, 1)
		}
		shifts[i] = models.ShiftInput{Start: from.UTC(), End: to.UTC(), Capacity: capacity}
	}
	return shifts, nil
}

// mergeErrors reports the field errors of both validations at once, the
// form's own reading first.
func mergeErrors(first, second error) error {
	if first == nil {
		return second
	}
	if second == nil {
		return first
	}
	a, b := toProblem(first), toProblem(second)
	if len(a.Fields) == 0 || len(b.Fields) == 0 {
		return first
	}
	merged := *a
	merged.Fields = append(append([]models.FieldError{}, a.Fields...), b.Fields...)
	return &merged
}
