// Package notify tells users what happens: in-app notifications, and
// e-mails queued in the outbox collection and sent by a worker that claims
// each job with a lease, retries with backoff and sends over SMTP (or, in
// development, writes .eml files).
package notify

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Service writes in-app notifications and queues e-mails.
type Service struct {
	store   *store.Store
	tmpl    *templates
	baseURL string
	from    string
	log     *slog.Logger
	now     func() time.Time
}

// Options configure a Service.
type Options struct {
	BaseURL string // makes links such as "/missions/42" absolute
	From    string // sender of the e-mails
	Logger  *slog.Logger
	Now     func() time.Time
}

// New builds the service and parses its templates.
func New(st *store.Store, opts Options) (*Service, error) {
	tmpl, err := parseTemplates()
	if err != nil {
		return nil, fmt.Errorf("parse e-mail templates: %w", err)
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.From == "" {
		opts.From = "Entraide <no-reply@entraide.localhost>"
	}
	return &Service{
		store: st, tmpl: tmpl, baseURL: strings.TrimRight(opts.BaseURL, "/"), from: opts.From,
		log: opts.Logger, now: func() time.Time { return opts.Now().UTC() },
	}, nil
}

// ErrNotNotifiable means the event has no in-app text (account e-mails go
// through EmailUser).
var ErrNotNotifiable = errors.New("notify: event has no in-app notification")

// Notify tells a user about an event: it stores the in-app notification
// and, as the user's preferences say, queues the e-mail in the user's
// language now or keeps it for the daily digest. Params are the event's
// template data (see the models.Event constants). A deleted user is
// ErrNotFound from the store.
func (s *Service) Notify(ctx context.Context, userID string, event models.Event, params map[string]string) error {
	_, err := s.notify(ctx, store.NewID(), userID, event, params)
	return err
}

// NotifyOnce is Notify at most once per key, for jobs that several
// instances or runs may repeat (reminders: "reminder-24h:<application id>").
// It reports whether this call notified.
func (s *Service) NotifyOnce(ctx context.Context, key, userID string, event models.Event, params map[string]string) (bool, error) {
	sum := sha256.Sum256([]byte(key))
	// 12 bytes: the id has the shape of the others (24 hex digits).
	ok, err := s.notify(ctx, hex.EncodeToString(sum[:12]), userID, event, params)
	if errors.Is(err, store.ErrConflict) {
		return false, nil
	}
	return ok, err
}

func (s *Service) notify(ctx context.Context, id, userID string, event models.Event, params map[string]string) (bool, error) {
	if !s.tmpl.has(i18n.Default, event, "inapp") {
		return false, fmt.Errorf("%w: %s", ErrNotNotifiable, event)
	}
	user, err := s.store.UserByID(ctx, userID)
	if err != nil {
		return false, err
	}
	prefs, err := s.store.NotificationPrefs(ctx, userID)
	if err != nil {
		return false, err
	}
	params = s.absoluteLink(params)
	email := prefs.EmailOn(event) && user.Status == models.UserActive
	digest := email && prefs.Digest && event.Digestible()
	// A caller's missing param fails here, before anything is written, not
	// in the worker hours later.
	if _, err := s.tmpl.inApp(user.Language, event, params); err != nil {
		return false, err
	}
	var data map[string]string
	if email && !digest {
		data = s.userData(user, params)
		data["prefs_link"] = s.Link("/me/notification-preferences")
		if _, err := s.tmpl.email(user.Language, event, data); err != nil {
			return false, err
		}
	}
	n := &models.Notification{
		ID: id, UserID: userID, Kind: event, Params: params, CreatedAt: s.now(), DigestPending: digest,
	}
	if err := s.store.InsertNotification(ctx, n); err != nil {
		return false, err
	}
	if data != nil {
		if err := s.enqueue(ctx, "", user.ID, user.Email, user.Language, event, data); err != nil {
			return true, err
		}
	}
	return true, nil
}

// EmailUser queues an account e-mail (address confirmation, password
// reset) to a user, in the user's language, whatever the preferences.
func (s *Service) EmailUser(ctx context.Context, user *models.User, template models.Event, data map[string]string) error {
	return s.enqueue(ctx, "", user.ID, user.Email, user.Language, template, s.userData(user, s.absoluteLink(data)))
}

// Email queues an e-mail to an address that may have no account, such as
// an invitation to join an organisation.
func (s *Service) Email(ctx context.Context, to, lang string, template models.Event, data map[string]string) error {
	to = models.NormalizeEmail(to)
	if !models.ValidEmail(to) {
		return errors.New("notify: invalid recipient address")
	}
	return s.enqueue(ctx, "", "", to, lang, template, s.absoluteLink(data))
}

// userData adds the user's name to template data.
func (s *Service) userData(user *models.User, params map[string]string) map[string]string {
	data := maps.Clone(params)
	if data == nil {
		data = map[string]string{}
	}
	if _, ok := data["name"]; !ok {
		data["name"] = user.Name
	}
	return data
}

// enqueue checks that the e-mail renders and queues it.
func (s *Service) enqueue(ctx context.Context, id, userID, to, lang string, template models.Event, data map[string]string) error {
	if !i18n.Supported(lang) {
		lang = i18n.Default
	}
	if _, err := s.tmpl.email(lang, template, data); err != nil {
		return err
	}
	if id == "" {
		id = store.NewID()
	}
	now := s.now()
	return s.store.EnqueueEmail(ctx, &models.OutboxJob{
		ID: id, UserID: userID, To: to, Lang: lang, Template: template, Data: data,
		Status: models.OutboxPending, NextAttemptAt: now, CreatedAt: now,
	})
}

// absoluteLink makes a path link absolute on the public URL.
func (s *Service) absoluteLink(params map[string]string) map[string]string {
	params = maps.Clone(params)
	if params == nil {
		return map[string]string{}
	}
	if link, ok := params["link"]; ok && strings.HasPrefix(link, "/") && !strings.HasPrefix(link, "//") {
		params["link"] = s.baseURL + link
	}
	return params
}

// Link returns the public URL of a path, for links in e-mails.
func (s *Service) Link(path string) string { return s.baseURL + path }

// Text renders a notification's one-line text in lang.
func (s *Service) Text(lang string, n *models.Notification) string {
	text, err := s.tmpl.inApp(lang, n.Kind, n.Params)
	if err != nil {
		// An event retired from the templates still shows something.
		return string(n.Kind)
	}
	return text
}

// Render renders the e-mail of a template in lang, as the worker sends it.
func (s *Service) Render(lang string, template models.Event, data map[string]string) (Rendered, error) {
	return s.tmpl.email(lang, template, data)
}

// DeleteUser erases a user's notifications, preferences, queued e-mails
// and single-use tokens, when the account is deleted.
func (s *Service) DeleteUser(ctx context.Context, userID string) error {
	if err := s.store.DeleteUserNotifications(ctx, userID); err != nil {
		return err
	}
	if err := s.store.DeleteUserEmails(ctx, userID); err != nil {
		return err
	}
	return s.store.DeleteUserOneTimeTokens(ctx, userID)
}
