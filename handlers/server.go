// Package handlers serves Entraide's HTTP API and pages with Fiber.
package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	gojson "github.com/goccy/go-json"
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/accounts"
	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/attestations"
	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/calendar"
	"github.com/entraide/entraide/catalog"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/frontend"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/match"
	"github.com/entraide/entraide/metrics"
	"github.com/entraide/entraide/moderation"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/partners"
	"github.com/entraide/entraide/privacy"
	"github.com/entraide/entraide/search"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/watch"
)

// Deps are what the handlers need, built once in main (or a test).
type Deps struct {
	Config *config.Config
	Store  *store.Store
	Tokens *auth.Tokens
	Hasher *auth.Hasher
	Logger *slog.Logger
	Now    func() time.Time
	// Catalog keeps the search index in step with every write.
	Catalog *catalog.Catalog
	// Notify writes in-app notifications and queues e-mails.
	Notify *notify.Service
	// Applications holds the rules of applications and places; Privacy
	// the erasure of accounts. Events is where handlers publish what
	// other features react to; the service wires its subscribers.
	Applications *applications.Service
	Privacy      *privacy.Service
	Events       *events.Bus
	// Gazetteer turns postcodes and town names into places.
	Gazetteer *geo.Gazetteer
	// Watch keeps in touch with isolated people (issue 15).
	Watch *watch.Service
	// Organizations holds the rules of organisations, their members,
	// invitations and the admins' decisions on them.
	Organizations *organizations.Service
}

// Server holds the dependencies and the Fiber app.
type Server struct {
	cfg    *config.Config
	store  *store.Store
	tokens *auth.Tokens
	log    *slog.Logger
	now    func() time.Time
	app    *fiber.App
	limits *limiters
	// proxies are the trusted proxies (ENTRAIDE_TRUSTED_PROXIES).
	proxies trustedProxies
	pages   *frontend.Renderer
	catalog *catalog.Catalog
	// searcher answers mission searches (API and page) from the catalogue's index.
	searcher *search.Searcher
	notify   *notify.Service
	// gazetteer locates what people type.
	gazetteer *geo.Gazetteer
	// resetLimits bound password-reset and confirmation requests.
	resetLimits *resetLimiters
	// orgMemberships lists a user's organisation ids for the access token.
	orgMemberships func(ctx context.Context, userID string) ([]string, error)
	// exportParts add each feature's personal data to an export.
	exportParts []func(ctx context.Context, userID string, export map[string]any) error
	apps        *applications.Service
	privacy     *privacy.Service
	events      *events.Bus
	metrics     *metrics.Metrics
	// table is the route table, kept for the test that checks it.
	table         *routeTable
	partnerLimits partnerLimits
	benchOnce     sync.Once
	benchBody     []byte
	// numbers caches the home page's figures that need the database.
	numbers liveNumbers
	// watch keeps in touch with isolated people (issue 15).
	watch *watch.Service
	orgs  *organizations.Service
	// moderation holds the rules of missions under review and of reports.
	moderation *moderation.Service
	// accounts holds the rules of sign-up, sessions and profiles.
	accounts *accounts.Service
	// calendar holds a volunteer's shifts, their iCalendar and feed;
	// attestations issues and verifies certificates of hours.
	calendar     *calendar.Service
	attestations *attestations.Service
	// partners holds the partner feed and its API keys.
	partners *partners.Service
}

// BodyLimit is the largest request body accepted.
const BodyLimit = 1 << 20

// New builds the server and its routes.
func New(d Deps) (*Server, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Gazetteer == nil {
		return nil, errors.New("handlers: no gazetteer")
	}
	s := &Server{
		cfg: d.Config, store: d.Store, tokens: d.Tokens,
		log: d.Logger, now: func() time.Time { return d.Now().UTC() },
		catalog: d.Catalog, notify: d.Notify, apps: d.Applications, privacy: d.Privacy, events: d.Events,
		gazetteer: d.Gazetteer,
	}
	s.searcher = search.New(func() *match.Index { return s.catalog.Index() }, d.Gazetteer, s.now)
	if s.events == nil {
		s.events = &events.Bus{}
	}
	if s.apps == nil {
		s.apps = &applications.Service{Store: d.Store, Notify: d.Notify, Catalog: d.Catalog, Log: s.log, Now: s.now}
	}
	if s.watch = d.Watch; s.watch == nil {
		s.watch = watch.New(d.Store, d.Notify, watch.Options{Logger: s.log, Now: s.now})
	}
	if s.orgs = d.Organizations; s.orgs == nil {
		s.orgs = &organizations.Service{Store: d.Store, Apps: s.apps, Events: s.events, Gazetteer: d.Gazetteer,
			BaseURL: d.Config.BaseURL, Log: s.log, Now: s.now}
	}
	if s.privacy == nil {
		s.privacy = &privacy.Service{Store: d.Store, Notify: d.Notify, Events: s.events, Log: s.log, Now: s.now}
	}
	s.limits = newLimiters(d.Config)
	s.moderation = &moderation.Service{Store: d.Store, Apps: s.apps, Events: s.events, Gazetteer: d.Gazetteer, Log: s.log, Now: s.now,
		ReportThrottle: func(userID string) error { return s.checkUserLimit(s.limits.reports, userID, "detail.report_rate") }}
	s.proxies = parseTrustedProxies(d.Config.TrustedProxies)
	s.partnerLimits.enabled = d.Config.RateLimit
	pages, err := frontend.NewRenderer()
	if err != nil {
		return nil, fmt.Errorf("parse page templates: %w", err)
	}
	s.pages = pages
	s.app = fiber.New(fiber.Config{
		AppName:      "entraide",
		ErrorHandler: s.errorHandler,
		BodyLimit:    BodyLimit,
		ReadTimeout:  d.Config.ReadTimeout,
		WriteTimeout: d.Config.WriteTimeout,
		IdleTimeout:  d.Config.IdleTimeout,
		// Handlers keep strings past the request (in the index, in logs):
		// make Fiber's values immutable once, here, rather than copying in
		// every handler.
		Immutable:             true,
		DisableStartupMessage: true,
		// Fiber believes X-Forwarded-* only from these proxies; the
		// client's address itself comes from s.clientIP, which reads
		// X-Forwarded-For from the right (Fiber's c.IP takes the left-most,
		// forgeable entry).
		EnableTrustedProxyCheck: true,
		TrustedProxies:          d.Config.TrustedProxies,
		ProxyHeader:             proxyHeader(len(d.Config.TrustedProxies) > 0),
		ReadBufferSize:          16 * 1024,
		// go-json encodes the same as encoding/json, several times faster:
		// the search's answer is most of its cost after the index.
		JSONEncoder: gojson.Marshal,
	})
	s.orgMemberships = s.store.OrganizationIDsOfMember
	// Each feature's part of a personal data export, in the export's order.
	s.exportParts = append(s.exportParts, s.exportMemberships, s.exportProfile, s.exportNotifications, s.exportApplications,
		s.exportReports)
	s.resetLimits = newResetLimiters(s)
	s.accounts = &accounts.Service{Store: d.Store, Tokens: d.Tokens, Hasher: d.Hasher, Notify: d.Notify,
		Catalog: d.Catalog, Gazetteer: d.Gazetteer, Privacy: s.privacy, Owners: s.orgs, Memberships: s.orgMemberships,
		Throttle: s.throttleAccounts, Log: s.log, Now: s.now}
	s.calendar = &calendar.Service{Store: d.Store, Applications: s.apps, BaseURL: d.Config.BaseURL, Now: s.now}
	s.partners = &partners.Service{Store: d.Store, Now: s.now}
	s.attestations = attestations.New(d.Store, s.apps, d.Config.JWTSecret, d.Config.BaseURL, s.now)
	s.metrics = s.newMetrics()
	s.routes()
	return s, nil
}

func proxyHeader(trust bool) string {
	if trust {
		return fiber.HeaderXForwardedFor
	}
	return ""
}

// App returns the Fiber app, to listen or to test.
func (s *Server) App() *fiber.App { return s.app }

// Shutdown stops accepting connections and drains requests in flight.
func (s *Server) Shutdown(ctx context.Context) error {
	return s.app.ShutdownWithContext(ctx)
}

// ctx returns the request's context bounded by the request timeout, so that
// every store call of a request shares one budget.
func (s *Server) ctx(c *fiber.Ctx) (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.UserContext(), s.cfg.RequestTimeout)
}

// lang picks the response language. API callers choose with
// Accept-Language, falling back on the account's language; pages follow the
// language switch (a cookie), then the account, then Accept-Language.
func (s *Server) lang(c *fiber.Ctx) string {
	header := c.Get(fiber.HeaderAcceptLanguage)
	if strings.HasPrefix(c.Path(), "/api/") && header != "" {
		return i18n.FromAcceptLanguage(header)
	}
	if l := c.Cookies("lang"); i18n.Supported(l) && !strings.HasPrefix(c.Path(), "/api/") {
		return l
	}
	if l, ok := c.Locals("lang").(string); ok {
		return l
	}
	return i18n.FromAcceptLanguage(header)
}

// wantsHTML tells a browser page request from an API call.
func (s *Server) wantsHTML(c *fiber.Ctx) bool {
	path := c.Path()
	if strings.HasPrefix(path, "/api/") || path == "/healthz" || path == "/readyz" || path == "/metrics" {
		return false
	}
	return strings.Contains(c.Get(fiber.HeaderAccept), "text/html")
}
