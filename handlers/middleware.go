package handlers

import (
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// Principal is the authenticated caller.
type Principal struct {
	UserID string
	Role   models.Role
	Orgs   []string
	User   *models.User
}

// Cookie names used by the browser pages.
const (
	accessCookie  = "entraide_access"
	refreshCookie = "entraide_refresh"
)

func principal(c *fiber.Ctx) *Principal {
	p, _ := c.Locals("principal").(*Principal)
	return p
}

// accessLog writes one line per request with its id, route, status and time.
func (s *Server) accessLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		status = toProblem(err).Status
	}
	attrs := []any{
		slog.String("method", c.Method()),
		slog.String("route", c.Route().Path),
		slog.Int("status", status),
		slog.Duration("duration", time.Since(start)),
		slog.String("client_net", clientNetwork(s.clientIP(c))),
	}
	if id, ok := c.Locals("requestid").(string); ok {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if p := principal(c); p != nil {
		attrs = append(attrs, slog.String("user_id", p.UserID))
	}
	s.log.Info("request", attrs...)
	return err
}

// authenticate reads a bearer token or the access cookie when present and
// attaches the caller. A present but invalid token is a 401: a client that
// sends credentials wants to know they failed.
func (s *Server) authenticate(c *fiber.Ctx) error {
	if c.Path() == "/metrics" {
		return c.Next() // its bearer token is the metrics token, not a JWT
	}
	raw := ""
	if h := c.Get(fiber.HeaderAuthorization); h != "" {
		scheme, token, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			return errUnauthorized("detail.invalid_token")
		}
		raw = strings.TrimSpace(token)
	} else if cookie := c.Cookies(accessCookie); cookie != "" {
		if strings.HasPrefix(c.Path(), "/api/") && !safeMethod(c.Method()) {
			// The API changes state for bearer tokens only: a page cookie
			// rides along with any site's form post or fetch, and the API
			// has no CSRF token (docs/decisions.md, "the API takes bearer
			// tokens for every change").
			c.Locals(cookieRefusedKey, true)
			return c.Next()
		}
		raw = cookie
	}
	if raw == "" {
		return c.Next()
	}
	p, err := s.verifyAccess(c, raw)
	if err != nil {
		if !strings.HasPrefix(c.Path(), "/api/") && c.Get(fiber.HeaderAuthorization) == "" {
			// A stale page cookie: browse on as a visitor.
			c.ClearCookie(accessCookie)
			return c.Next()
		}
		return err
	}
	c.Locals("principal", p)
	if i18n.Supported(p.User.Language) {
		c.Locals("lang", p.User.Language)
	}
	return c.Next()
}

// verifyAccess checks the token and that the account still exists, is
// active and has not bumped its token version since.
func (s *Server) verifyAccess(c *fiber.Ctx, raw string) (*Principal, error) {
	claims, err := s.tokens.Verify(raw)
	if err != nil {
		return nil, errUnauthorized("detail.invalid_token")
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	user, err := s.store.UserByID(ctx, claims.Subject)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errUnauthorized("detail.invalid_token")
	}
	if err != nil {
		return nil, err
	}
	if user.Status != models.UserActive || user.TokenVersion != claims.Ver || string(user.Role) != claims.Role {
		return nil, errUnauthorized("detail.invalid_token")
	}
	return &Principal{UserID: user.ID, Role: user.Role, Orgs: claims.Orgs, User: user}, nil
}

// cookieRefusedKey marks an unsafe API request that came with the page
// cookie only, so that its 401 says why.
const cookieRefusedKey = "cookie_refused"

// safeMethod reports methods that change nothing.
func safeMethod(method string) bool {
	return method == fiber.MethodGet || method == fiber.MethodHead || method == fiber.MethodOptions
}

// errLoginRequired is the 401 of a guard; it names the bearer token when
// the caller sent only the page cookie to an unsafe API route.
func errLoginRequired(c *fiber.Ctx) error {
	c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="entraide"`)
	if refused, _ := c.Locals(cookieRefusedKey).(bool); refused {
		return errUnauthorized("detail.api_cookie_unsafe")
	}
	return errUnauthorized("detail.login_required")
}

// requireUser lets only signed-in callers through.
func (s *Server) requireUser(c *fiber.Ctx) error {
	if principal(c) == nil {
		return errLoginRequired(c)
	}
	return c.Next()
}

// requireRole lets only signed-in callers with one of roles through.
func (s *Server) requireRole(roles ...models.Role) fiber.Handler {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	list := strings.Join(names, ", ")
	return func(c *fiber.Ctx) error {
		p := principal(c)
		if p == nil {
			return errLoginRequired(c)
		}
		for _, r := range roles {
			if p.Role == r {
				return c.Next()
			}
		}
		return errForbidden("detail.role_required", list)
	}
}

// issueTokens makes an access token for user; orgs are its memberships.
func (s *Server) issueAccess(user *models.User, orgs []string) (string, error) {
	return s.tokens.Issue(user.ID, string(user.Role), orgs, user.TokenVersion)
}
