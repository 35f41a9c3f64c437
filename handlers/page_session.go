package handlers

import (
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/i18n"
)

// langCookie keeps a visitor's language choice; handlers/server.go lang()
// reads it.
const langCookie = "lang"

// setAuthCookies keeps a session in the browser. The cookies are HttpOnly
// (no script reads a token), Secure, and SameSite=Lax (sent when following
// a link to the site, not with another site's form posts).
func (s *Server) setAuthCookies(c *fiber.Ctx, tokens *tokenResponse) {
	c.Cookie(&fiber.Cookie{
		Name: accessCookie, Value: tokens.AccessToken, Path: "/", MaxAge: int(auth.AccessTTL / time.Second),
		HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
	c.Cookie(&fiber.Cookie{
		Name: refreshCookie, Value: tokens.RefreshToken, Path: "/", MaxAge: int(auth.RefreshTTL / time.Second),
		HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
}

// setLangCookie remembers the language after logout too.
func (s *Server) setLangCookie(c *fiber.Ctx, lang string) {
	c.Cookie(&fiber.Cookie{
		Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HTTPOnly: true, Secure: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
}

// refreshSession signs a browser back in when its access cookie has
// expired but its refresh cookie is still good, rotating the refresh token
// as the API does. It runs on page routes only: static files and other
// requests of the same page must not rotate the same token twice, which
// would look like a theft and revoke the session.
func (s *Server) refreshSession(c *fiber.Ctx) error {
	raw := c.Cookies(refreshCookie)
	if principal(c) != nil || raw == "" {
		return c.Next()
	}
	tokens, err := s.rotate(c, raw)
	if err != nil && toProblem(err).Status == fiber.StatusUnauthorized {
		// Expired, revoked or stolen: browse on as a visitor.
		s.clearAuthCookies(c)
		return c.Next()
	}
	if err != nil {
		return err
	}
	caller, err := s.verifyAccess(c, tokens.AccessToken)
	if err != nil {
		return err
	}
	s.setAuthCookies(c, tokens)
	c.Locals("principal", caller)
	if i18n.Supported(caller.User.Language) {
		c.Locals("lang", caller.User.Language)
	}
	return c.Next()
}

// pageUser sends visitors to the login page, and back here afterwards.
func (s *Server) pageUser(c *fiber.Ctx) error {
	if principal(c) == nil {
		return seeOther(c, "/login?next="+url.QueryEscape(c.OriginalURL()))
	}
	return c.Next()
}
