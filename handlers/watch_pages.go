package handlers

import (
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

func init() {
	for name, key := range map[string]string{
		"watch_created": "watch.notice_created", "watch_person_added": "watch.notice_person_added",
		"watch_imported": "watch.notice_imported", "watch_person_removed": "watch.notice_person_removed",
		"watch_volunteer_added": "watch.notice_volunteer_added", "watch_volunteer_removed": "watch.notice_volunteer_removed",
		"watch_paired": "watch.notice_paired", "watch_concern": "watch.notice_concern",
		"watch_call_logged": "watch.notice_call_logged", "watch_left": "watch.notice_left",
	} {
		notices[name] = key
	}
}

type watchSpace struct {
	Space     orgSpace
	Programme *models.WatchProgramme
	Base      string
	Ended     bool
}

// watchSpaceOf is the path's programme, which the route's guard loaded,
// for a page of a member.
func (s *Server) watchSpaceOf(c *fiber.Ctx) (watchSpace, error) {
	space, p := orgSpaceOf(c, "watch"), programmeOf(c)
	return watchSpace{Space: space, Programme: p, Base: "/organizations/" + space.Org.ID + "/watch/" + p.ID,
		Ended: s.watch.Over(p)}, nil
}

type watchProgrammesData struct {
	Space      orgSpace
	Programmes []models.WatchProgramme
	Now        time.Time
}

func (s *Server) watchProgrammesPage(c *fiber.Ctx) error {
	page, err := s.watchProgrammesView(c, frontend.NewForm().Set("rhythm_days", "7"))
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "watch_programmes", page)
}

func (s *Server) watchProgrammesView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	space := orgSpaceOf(c, "watch")
	ctx, cancel := s.ctx(c)
	defer cancel()
	list, err := s.watch.Programmes(ctx, space.Org.ID)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "watch.programmes_title"), Section: "/org",
		Form: form.Order("name", "rhythm_days", "ends_on"), Data: watchProgrammesData{Space: space, Programmes: list, Now: s.now()}}, nil
}

func (s *Server) watchProgrammeSubmit(c *fiber.Ctx) error {
	space := orgSpaceOf(c, "watch")
	form := formValues(c, "name", "rhythm_days", "ends_on")
	rhythm, _ := atoiOr(form.Value("rhythm_days"), -1)
	ctx, cancel := s.ctx(c)
	defer cancel()
	p, err := s.watch.CreateProgramme(ctx, space.Org.ID, principal(c).UserID,
		watch.ProgrammeInput{Name: form.Value("name"), RhythmDays: rhythm, EndsOn: form.Value("ends_on")})
	if err != nil {
		page, perr := s.watchProgrammesView(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "watch_programmes", page, err)
	}
	return c.Redirect("/organizations/"+space.Org.ID+"/watch/"+p.ID+"?notice=watch_created", fiber.StatusSeeOther)
}

type watchProgrammeData struct {
	watchSpace
	Board *watch.Board
	Pairs []watch.Pair
	Names map[string]string
	// Proposed maps a person to the proposed volunteer, for the selects.
	Proposed map[string]string
	Draft    string
}

func (s *Server) watchProgrammePage(c *fiber.Ctx) error {
	page, err := s.watchProgrammeView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "watch_programme", page)
}

func (s *Server) watchProgrammeView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	board, err := s.watch.Board(ctx, ws.Programme)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := watchProgrammeData{watchSpace: ws, Board: board, Names: watch.VolunteerNames(ws.Programme), Proposed: map[string]string{},
		Draft: watch.MissionDraftLink(ws.Space.Org.ID, ws.Programme.Name, lang)}
	if !ws.Ended && len(board.Unassigned) > 0 {
		if data.Pairs, err = s.watch.Propose(ctx, ws.Programme); err != nil {
			return frontend.Page{}, err
		}
		for _, p := range data.Pairs {
			data.Proposed[p.PersonID] = p.VolunteerID
		}
	}
	return frontend.Page{Lang: lang, Title: ws.Programme.Name, Section: "/org", Form: form, Data: data}, nil
}

type watchPeopleData struct {
	watchSpace
	People    []models.WatchPerson
	Pager     frontend.Pager
	Names     map[string]string
	Languages []frontend.Option
	Times     []frontend.Option
	Columns   string
}

func (s *Server) watchPeoplePage(c *fiber.Ctx) error {
	form := frontend.NewForm().Set("consent_at", s.now().Format("2006-01-02"))
	page, err := s.watchPeopleView(c, form)
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "watch_people", page)
}

var personFields = []string{"first_name", "phone", "languages", "best_times", "consent_by", "consent_at", "consent_how"}

func (s *Server) watchPeopleView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return frontend.Page{}, err
	}
	pg, err := parsePaging(c, 100, 100)
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	people, total, err := s.watch.People(ctx, ws.Programme, principal(c).UserID, int(pg.skip()), pg.PerPage)
	if err != nil {
		return frontend.Page{}, err
	}
	lang := s.lang(c)
	data := watchPeopleData{watchSpace: ws, People: people, Names: watch.VolunteerNames(ws.Programme), Columns: strings.Join(watch.CSVColumns, ","),
		Pager: frontend.NewPager(ws.Base+"/people", url.Values{}, pg.Page, pg.PerPage, int64(total))}
	for _, code := range i18n.LanguageCodes() {
		data.Languages = append(data.Languages, frontend.Option{Value: code, Label: i18n.LanguageName(lang, code)})
	}
	for _, code := range watch.TimeCodes() {
		data.Times = append(data.Times, frontend.Option{Value: code, Label: watch.TimeLabel(lang, code)})
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "watch.people_title", ws.Programme.Name), Section: "/org",
		Form: form.Order(append(append([]string{}, personFields...), "csv")...), Data: data}, nil
}

func (s *Server) watchPersonSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	form := formValues(c, "first_name", "phone", "consent_by", "consent_at", "consent_how")
	args := c.Request().PostArgs()
	langs, times := postMulti(args.PeekMulti("languages")), postMulti(args.PeekMulti("best_times"))
	form.SetAll("languages", langs).SetAll("best_times", times)
	ctx, cancel := s.ctx(c)
	defer cancel()
	_, err = s.watch.AddPerson(ctx, ws.Programme, principal(c).UserID, watch.PersonInput{
		FirstName: form.Value("first_name"), Phone: form.Value("phone"), Languages: langs, BestTimes: times,
		ConsentBy: form.Value("consent_by"), ConsentAt: form.Value("consent_at"), ConsentHow: form.Value("consent_how")})
	if err != nil {
		page, perr := s.watchPeopleView(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "watch_people", page, consentField(watchProblem(err)))
	}
	return c.Redirect(ws.Base+"/people?notice=watch_person_added", fiber.StatusSeeOther)
}

// consentField shows the missing consent on the form's first consent field.
func consentField(err error) error {
	return renameFields(err, func(field string) string {
		if field == "consent" {
			return "consent_by"
		}
		return field
	})
}

func postMulti(values [][]byte) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		out = append(out, string(v))
	}
	return out
}

// watchImportSubmit imports a CSV file, uploaded or pasted.
func (s *Server) watchImportSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	text := c.FormValue("csv")
	if fh, ferr := c.FormFile("file"); ferr == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			return err
		}
		defer f.Close()
		raw, err := io.ReadAll(io.LimitReader(f, BodyLimit))
		if err != nil {
			return err
		}
		text = string(raw)
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	people, err := s.watch.ImportCSV(ctx, ws.Programme, principal(c).UserID, strings.NewReader(text))
	if err != nil {
		page, perr := s.watchPeopleView(c, frontend.NewForm().Set("csv", text))
		if perr != nil {
			return perr
		}
		err = renameFields(watchProblem(err), func(string) string { return "csv" })
		return s.renderFormError(c, "watch_people", page, err)
	}
	if len(people) == 0 {
		return c.Redirect(ws.Base+"/people", fiber.StatusSeeOther)
	}
	return c.Redirect(ws.Base+"/people?notice=watch_imported", fiber.StatusSeeOther)
}

func (s *Server) watchPersonRemoveSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.RemovePerson(ctx, ws.Programme, principal(c).UserID, id); err != nil {
		return err
	}
	return c.Redirect(ws.Base+"/people?notice=watch_person_removed", fiber.StatusSeeOther)
}

type watchVolunteersData struct {
	watchSpace
	Candidates []models.WatchVolunteer
}

// watchVolunteersPage lists the organisation's accepted volunteers to add
// to the programme, and a form to add one by e-mail address.
func (s *Server) watchVolunteersPage(c *fiber.Ctx) error {
	page, err := s.watchVolunteersView(c, frontend.NewForm())
	if err != nil {
		return err
	}
	return s.render(c, fiber.StatusOK, "watch_volunteers", page)
}

func (s *Server) watchVolunteersView(c *fiber.Ctx, form *frontend.Form) (frontend.Page, error) {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return frontend.Page{}, err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	data := watchVolunteersData{watchSpace: ws}
	if !ws.Ended {
		if data.Candidates, err = s.watch.Candidates(ctx, ws.Programme); err != nil {
			return frontend.Page{}, err
		}
	}
	lang := s.lang(c)
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "watch.add_volunteers_title", ws.Programme.Name), Section: "/org",
		Form: form.Order("email"), Data: data}, nil
}

// watchVolunteerSubmit adds a volunteer picked from the list (user_id) or
// typed (email).
func (s *Server) watchVolunteerSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	form := formValues(c, "email")
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.watch.AddVolunteer(ctx, ws.Programme, principal(c).UserID, c.FormValue("user_id"), form.Value("email")); err != nil {
		page, perr := s.watchVolunteersView(c, form)
		if perr != nil {
			return perr
		}
		return s.renderFormError(c, "watch_volunteers", page, renameFields(watchProblem(err), func(string) string { return "email" }))
	}
	return c.Redirect(ws.Base+"/volunteers?notice=watch_volunteer_added", fiber.StatusSeeOther)
}

func (s *Server) watchVolunteerRemoveSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	userID, err := idParam(c, "userId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.watch.RemoveVolunteer(ctx, ws.Programme, principal(c).UserID, userID); err != nil {
		return err
	}
	return c.Redirect(ws.Base+"?notice=watch_volunteer_removed#volunteers", fiber.StatusSeeOther)
}

// watchPairingSubmit applies the pairing form: one select per unassigned
// person, named after them, holding the chosen volunteer.
func (s *Server) watchPairingSubmit(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	var pairs [][2]string
	c.Request().PostArgs().VisitAll(func(key, value []byte) {
		if id, ok := strings.CutPrefix(string(key), "p-"); ok && len(value) > 0 {
			pairs = append(pairs, [2]string{id, string(value)})
		}
	})
	if len(pairs) == 0 {
		return c.Redirect(ws.Base, fiber.StatusSeeOther) // nobody chosen: nothing to do
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if _, err := s.watch.ApplyPairs(ctx, ws.Programme, principal(c).UserID, pairs); err != nil {
		return watchProblem(err)
	}
	return c.Redirect(ws.Base+"?notice=watch_paired", fiber.StatusSeeOther)
}

func (s *Server) watchConcernSubmit(closing bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ws, err := s.watchSpaceOf(c)
		if err != nil {
			return err
		}
		id, err := idParam(c, "concernId")
		if err != nil {
			return err
		}
		ctx, cancel := s.ctx(c)
		defer cancel()
		if _, err := s.watch.HandleConcern(ctx, ws.Programme, principal(c).UserID, id, closing); err != nil {
			return watchProblem(err)
		}
		return c.Redirect(ws.Base+"?notice=watch_concern#concerns", fiber.StatusSeeOther)
	}
}

func atoiOr(s string, fallback int) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > 1_000_000 {
		return fallback, false
	}
	return n, true
}

type watchPersonData struct {
	watchSpace
	Person *models.WatchPerson
	Calls  []models.WatchCall
	Names  map[string]string
	Times  []string
}

// watchPersonPage shows a person's record and call log, with the notes
// for coordinators; both reads are audited.
func (s *Server) watchPersonPage(c *fiber.Ctx) error {
	ws, err := s.watchSpaceOf(c)
	if err != nil {
		return err
	}
	id, err := idParam(c, "personId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	me := principal(c).UserID
	person, err := s.watch.Person(ctx, ws.Programme, me, id)
	if err != nil {
		return err
	}
	calls, err := s.watch.Calls(ctx, ws.Programme, me, id)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	data := watchPersonData{watchSpace: ws, Person: person, Calls: calls, Names: watch.VolunteerNames(ws.Programme),
		Times: watch.TimeLabels(lang, person.BestTimes)}
	return s.render(c, fiber.StatusOK, "watch_person", frontend.Page{Lang: lang, Title: person.FirstName, Section: "/org", Data: data})
}
