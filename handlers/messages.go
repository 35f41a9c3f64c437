package handlers

import (
	"html"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type messageRequest struct {
	Body string `json:"body"`
}

type messageResponse struct {
	ID            string `json:"id"`
	ApplicationID string `json:"application_id"`
	AuthorRole    string `json:"author_role"`
	Mine          bool   `json:"mine"`
	Body          string `json:"body"`
	// BodyHTML is the body escaped for HTML, line breaks kept: messages
	// are plain text, never markup.
	BodyHTML  string    `json:"body_html"`
	CreatedAt time.Time `json:"created_at"`
}

func messageView(m *models.Message) messageResponse {
	escaped := strings.ReplaceAll(html.EscapeString(m.Body), "\n", "<br>")
	return messageResponse{ID: m.ID, ApplicationID: m.ApplicationID, AuthorRole: string(m.AuthorRole),
		Body: m.Body, BodyHTML: escaped, CreatedAt: m.CreatedAt}
}

func (s *Server) myMessages(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	return s.listMessages(c, a)
}

func (s *Server) postMyMessage(c *fiber.Ctx) error {
	a, err := s.myApplicationParam(c)
	if err != nil {
		return err
	}
	return s.postMessage(c, a, models.ActorVolunteer)
}

func (s *Server) orgMessages(c *fiber.Ctx) error {
	a := applicationOf(c)
	return s.listMessages(c, a)
}

func (s *Server) postOrgMessage(c *fiber.Ctx) error {
	a := applicationOf(c)
	return s.postMessage(c, a, models.ActorOrganization)
}

// listMessages answers an application's thread, oldest first.
func (s *Server) listMessages(c *fiber.Ctx, a *models.Application) error {
	pg, err := parsePaging(c, 50, 200)
	if err != nil {
		return err
	}
	items, total, err := s.thread(c, a, pg)
	if err != nil {
		return err
	}
	return c.JSON(newList(items, total, pg))
}

// thread is shared by the API and the application pages.
func (s *Server) thread(c *fiber.Ctx, a *models.Application, pg paging) ([]messageResponse, int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	msgs, total, err := s.store.Messages(ctx, a.ID, pg.skip(), pg.limit())
	if err != nil {
		return nil, 0, err
	}
	me := principal(c).UserID
	items := make([]messageResponse, len(msgs))
	for i := range msgs {
		items[i] = messageView(&msgs[i])
		items[i].Mine = msgs[i].AuthorID == me
	}
	return items, total, nil
}

// postMessage adds a plain-text message to the thread of an application
// between its volunteer and the organisation's members.
func (s *Server) postMessage(c *fiber.Ctx, a *models.Application, role models.Actor) error {
	var req messageRequest
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	m, err := s.addMessage(c, a, role, req.Body)
	if err != nil {
		return err
	}
	view := messageView(m)
	view.Mine = true
	return c.Status(fiber.StatusCreated).JSON(view)
}

// addMessage is shared by the API and the application pages.
func (s *Server) addMessage(c *fiber.Ctx, a *models.Application, role models.Actor, raw string) (*models.Message, error) {
	body, err := models.ValidateMessage(raw)
	if err != nil {
		return nil, err
	}
	if err := s.checkUserLimit(s.limits.messages, principal(c).UserID, "detail.message_rate"); err != nil {
		return nil, err
	}
	m := &models.Message{ID: store.NewID(), ApplicationID: a.ID, OrgID: a.OrgID, VolunteerID: a.VolunteerID,
		AuthorID: principal(c).UserID, AuthorRole: role, Body: body, CreatedAt: s.now()}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.InsertMessage(ctx, m); err != nil {
		return nil, err
	}
	s.apps.TellMessage(ctx, a, role, strings.TrimSpace(principal(c).User.Name))
	return m, nil
}
