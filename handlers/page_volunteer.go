package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/search"
)

type spaceData struct {
	Recommendations []search.Recommendation
	ProfileSet      bool
	Upcoming        []engagementResponse
	Unread          int64
	Todo            volunteerTodo
}

// spacePage is the volunteer's space: the missions recommended for them
// with the reasons, their next shifts, and the way to everything else.
func (s *Server) spacePage(c *fiber.Ctx) error {
	recs, profileSet, err := s.recommendFor(c, 10)
	if err != nil {
		return err
	}
	data := spaceData{Recommendations: recs, ProfileSet: profileSet}
	ctx, cancel := s.ctx(c)
	defer cancel()
	p := principal(c)
	record, err := s.volunteerRecord(ctx, p.UserID)
	if err != nil {
		return err
	}
	data.Upcoming = record.Upcoming
	if data.Todo, err = s.volunteerTodoFor(c, p.UserID); err != nil {
		return err
	}
	if data.Unread, err = s.store.CountUnread(ctx, p.UserID); err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "space", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "space.title"), Data: data, Section: "/me",
	})
}

// pagePerson sends admins, who neither volunteer nor join organisations,
// to the administration.
func (s *Server) pagePerson(c *fiber.Ctx) error {
	if p := principal(c); p.Role == models.RoleAdmin {
		return seeOther(c, roleHome(p.Role))
	}
	return c.Next()
}

// pageVolunteer keeps the volunteer's pages to volunteers; others go to
// their own space.
func (s *Server) pageVolunteer(c *fiber.Ctx) error {
	if p := principal(c); p.Role != models.RoleVolunteer {
		return seeOther(c, roleHome(p.Role))
	}
	return c.Next()
}

type notificationsData struct {
	List  notificationList
	Pager frontend.Pager
}

// notificationsPage lists the user's notifications, newest first.
func (s *Server) notificationsPage(c *fiber.Ctx) error {
	pg, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	list, err := s.notificationList(c, false, pg)
	if err != nil {
		return err
	}
	lang := s.lang(c)
	return s.render(c, fiber.StatusOK, "notifications", frontend.Page{
		Lang: lang, Title: i18n.T(lang, "notifications.title"), Section: sectionOf(principal(c)),
		Data: notificationsData{List: list, Pager: frontend.NewPager("/me/notifications", nil, pg.Page, pg.PerPage, list.Total)},
	})
}

// notificationOpen marks a notification read and follows its link.
func (s *Server) notificationOpen(c *fiber.Ctx) error {
	n, err := s.markNotificationRead(c, c.Params("id"))
	if err != nil {
		return err
	}
	if next := localPath(n.Params["link"]); next != "" {
		return seeOther(c, next)
	}
	return seeOther(c, "/me/notifications")
}

func (s *Server) notificationsReadAll(c *fiber.Ctx) error {
	if _, err := s.markAllNotificationsRead(c); err != nil {
		return err
	}
	return seeOther(c, "/me/notifications?notice=all_read")
}

type prefsData struct {
	Events []frontend.Option
}

// notificationPrefsPage shows which events go by e-mail, and the digest.
func (s *Server) notificationPrefsPage(c *fiber.Ctx) error {
	prefs, err := s.notificationPrefs(c)
	if err != nil {
		return err
	}
	form := frontend.NewForm()
	var on []string
	for event, yes := range prefs.Email {
		if yes {
			on = append(on, event)
		}
	}
	form.SetAll("email", on)
	if prefs.Digest {
		form.Set("digest", "true")
	}
	return s.render(c, fiber.StatusOK, "notification_prefs", s.prefsView(c, form))
}

func (s *Server) prefsView(c *fiber.Ctx, form *frontend.Form) frontend.Page {
	lang := s.lang(c)
	data := prefsData{}
	for _, e := range models.ConfigurableEvents() {
		data.Events = append(data.Events, frontend.Option{Value: string(e), Label: i18n.T(lang, "event."+string(e))})
	}
	return frontend.Page{Lang: lang, Title: i18n.T(lang, "prefs.title"), Form: form.Order("email", "digest"),
		Data: data, Section: sectionOf(principal(c))}
}

// notificationPrefsSubmit saves the preferences with the API's logic: an
// event not ticked is not e-mailed.
func (s *Server) notificationPrefsSubmit(c *fiber.Ctx) error {
	ticked := multiForm(c, "email")
	req := notificationPrefs{Email: map[string]bool{}, Digest: c.FormValue("digest") == "true"}
	for _, e := range models.ConfigurableEvents() {
		req.Email[string(e)] = false
	}
	for _, e := range ticked {
		req.Email[e] = true
	}
	if _, err := s.saveNotificationPrefs(c, req); err != nil {
		form := frontend.NewForm().SetAll("email", ticked).Set("digest", c.FormValue("digest"))
		return s.renderFormError(c, "notification_prefs", s.prefsView(c, form), err)
	}
	return seeOther(c, "/me/notification-preferences?notice=saved")
}

// sectionOf is the menu entry of a user's own pages.
func sectionOf(p *Principal) string {
	if p == nil {
		return ""
	}
	return roleHome(p.Role)
}

// multiForm returns every value of a repeated form field (checkboxes).
func multiForm(c *fiber.Ctx, name string) []string {
	var out []string
	for _, v := range c.Context().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}
