package handlers

import (
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

type notificationResponse struct {
	ID        string            `json:"id"`
	Kind      string            `json:"kind"`
	Text      string            `json:"text"`
	Params    map[string]string `json:"params"`
	CreatedAt time.Time         `json:"created_at"`
	ReadAt    *time.Time        `json:"read_at"`
}

func (s *Server) notificationResponse(lang string, n *models.Notification) notificationResponse {
	params := n.Params
	if params == nil {
		params = map[string]string{}
	}
	return notificationResponse{
		ID: n.ID, Kind: string(n.Kind), Text: s.notify.Text(lang, n), Params: params,
		CreatedAt: n.CreatedAt, ReadAt: n.ReadAt,
	}
}

type notificationList struct {
	listResponse[notificationResponse]
	Unread int64 `json:"unread"`
}

// listNotifications lists the caller's notifications, newest first, with
// their text in the caller's language; ?unread=true keeps the unread ones.
func (s *Server) listNotifications(c *fiber.Ctx) error {
	page, err := parsePaging(c, 20, 100)
	if err != nil {
		return err
	}
	unreadOnly := false
	if v := c.Query("unread"); v != "" {
		unreadOnly, err = strconv.ParseBool(v)
		if err != nil {
			return errField("unread", "one_of", "true, false")
		}
	}
	list, err := s.notificationList(c, unreadOnly, page)
	if err != nil {
		return err
	}
	return c.JSON(list)
}

// notificationList is shared by the API and the notifications page.
func (s *Server) notificationList(c *fiber.Ctx, unreadOnly bool, page paging) (notificationList, error) {
	p := principal(c)
	ctx, cancel := s.ctx(c)
	defer cancel()
	items, total, err := s.store.Notifications(ctx, p.UserID, unreadOnly, int(page.skip()), int(page.limit()))
	if err != nil {
		return notificationList{}, err
	}
	unread := total
	if !unreadOnly {
		if unread, err = s.store.CountUnread(ctx, p.UserID); err != nil {
			return notificationList{}, err
		}
	}
	lang := s.lang(c)
	out := make([]notificationResponse, len(items))
	for i := range items {
		out[i] = s.notificationResponse(lang, &items[i])
	}
	return notificationList{listResponse: newList(out, total, page), Unread: unread}, nil
}

// readNotification marks one of the caller's notifications read; someone
// else's is a 404.
func (s *Server) readNotification(c *fiber.Ctx) error {
	n, err := s.markNotificationRead(c, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(s.notificationResponse(s.lang(c), n))
}

// markNotificationRead is shared by the API and the notifications page.
func (s *Server) markNotificationRead(c *fiber.Ctx, id string) (*models.Notification, error) {
	if !store.ValidID(id) {
		return nil, errNotFound()
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.MarkNotificationRead(ctx, principal(c).UserID, id, s.now())
}

// readAllNotifications marks every notification of the caller read.
func (s *Server) readAllNotifications(c *fiber.Ctx) error {
	marked, err := s.markAllNotificationsRead(c)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"marked": marked, "unread": 0})
}

// markAllNotificationsRead is shared by the API and the notifications page.
func (s *Server) markAllNotificationsRead(c *fiber.Ctx) (int64, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	return s.store.MarkAllNotificationsRead(ctx, principal(c).UserID, s.now())
}

// notificationPrefs is the JSON shape of the preferences, read and
// written: whether each event goes by e-mail, and the daily digest.
type notificationPrefs struct {
	Email  map[string]bool `json:"email"`
	Digest bool            `json:"digest"`
}

func prefsResponse(p *models.NotificationPrefs) notificationPrefs {
	out := notificationPrefs{Email: map[string]bool{}, Digest: p.Digest}
	for _, e := range models.ConfigurableEvents() {
		out.Email[string(e)] = p.EmailOn(e)
	}
	return out
}

func (s *Server) getNotificationPrefs(c *fiber.Ctx) error {
	prefs, err := s.notificationPrefs(c)
	if err != nil {
		return err
	}
	return c.JSON(prefs)
}

// notificationPrefs is shared by the API and the preferences page.
func (s *Server) notificationPrefs(c *fiber.Ctx) (notificationPrefs, error) {
	ctx, cancel := s.ctx(c)
	defer cancel()
	prefs, err := s.store.NotificationPrefs(ctx, principal(c).UserID)
	if err != nil {
		return notificationPrefs{}, err
	}
	return prefsResponse(prefs), nil
}

// putNotificationPrefs replaces the preferences; an event left out goes
// by e-mail.
func (s *Server) putNotificationPrefs(c *fiber.Ctx) error {
	var req notificationPrefs
	if err := decodeJSON(c, &req); err != nil {
		return err
	}
	prefs, err := s.saveNotificationPrefs(c, req)
	if err != nil {
		return err
	}
	return c.JSON(prefs)
}

// saveNotificationPrefs is shared by the API and the preferences page.
func (s *Server) saveNotificationPrefs(c *fiber.Ctx, req notificationPrefs) (notificationPrefs, error) {
	email, err := models.ValidateEmailPrefs(req.Email)
	if err != nil {
		return notificationPrefs{}, err
	}
	prefs := &models.NotificationPrefs{UserID: principal(c).UserID, Email: email, Digest: req.Digest, UpdatedAt: s.now()}
	ctx, cancel := s.ctx(c)
	defer cancel()
	if err := s.store.SetNotificationPrefs(ctx, prefs); err != nil {
		return notificationPrefs{}, err
	}
	return prefsResponse(prefs), nil
}

// exportNotifications adds the user's notifications and preferences to
// an export.
func (s *Server) exportNotifications(ctx context.Context, userID string, export map[string]any) error {
	lang := i18n.Default
	if user, err := s.store.UserByID(ctx, userID); err == nil && i18n.Supported(user.Language) {
		lang = user.Language
	}
	items, err := s.store.AllNotifications(ctx, userID)
	if err != nil {
		return err
	}
	out := make([]notificationResponse, len(items))
	for i := range items {
		out[i] = s.notificationResponse(lang, &items[i])
	}
	prefs, err := s.store.NotificationPrefs(ctx, userID)
	if err != nil {
		return err
	}
	export["notifications"] = out
	export["notification_preferences"] = prefsResponse(prefs)
	return nil
}
