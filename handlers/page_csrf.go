package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"

	"github.com/entraide/entraide/auth"
)

// The pages' CSRF defence is Fiber's double-submit cookie: every POST form
// carries the token of the entraide_csrf cookie in a hidden field.
const (
	csrfCookie = "entraide_csrf"
	csrfField  = "_csrf"
	// csrfLifetime bounds how long a form may stay open before it is sent.
	csrfLifetime = 24 * time.Hour
	// csrfRenewAfter: a page shown with an older token gets a fresh one, so
	// that its form always has hours left.
	csrfRenewAfter = 12 * time.Hour
	csrfContextKey = "csrf"
)

// csrfTokens signs CSRF tokens with a key derived from the JWT secret, so
// that any instance checks a token another one issued and nothing is
// stored. It is the fiber.Storage of Fiber's csrf middleware: Get answers
// whether a token is genuine and young enough.
type csrfTokens struct {
	keys [][]byte // the first signs; the others (old JWT secrets) still verify
	now  func() time.Time
}

func (s *Server) csrfTokens() *csrfTokens {
	derive := func(secret []byte) []byte {
		mac := hmac.New(sha256.New, secret)
		mac.Write([]byte("entraide csrf v1"))
		return mac.Sum(nil)
	}
	t := &csrfTokens{keys: [][]byte{derive(s.cfg.JWTSecret)}, now: s.now}
	for _, old := range s.cfg.JWTOldSecrets {
		t.keys = append(t.keys, derive(old))
	}
	return t
}

// New returns random.issued.signature.
func (t *csrfTokens) New() string {
	payload := auth.RandomToken(18) + "." + strconv.FormatInt(t.now().Unix(), 36)
	return payload + "." + sign(t.keys[0], payload)
}

func sign(key []byte, payload string) string {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// age tells how old a genuine token is; ok is false for a forged, malformed
// or expired one.
func (t *csrfTokens) age(token string) (age time.Duration, ok bool) {
	if len(token) > 200 {
		return 0, false
	}
	cut := strings.LastIndexByte(token, '.')
	if cut < 0 {
		return 0, false
	}
	payload, signature := token[:cut], token[cut+1:]
	genuine := false
	for _, key := range t.keys {
		if hmac.Equal([]byte(signature), []byte(sign(key, payload))) {
			genuine = true
			break
		}
	}
	_, issuedText, found := strings.Cut(payload, ".")
	issued, err := strconv.ParseInt(issuedText, 36, 64)
	if !genuine || !found || err != nil {
		return 0, false
	}
	age = t.now().Sub(time.Unix(issued, 0))
	return age, age >= -time.Minute && age < csrfLifetime
}

// Get implements fiber.Storage: a non-nil value means the token is valid.
func (t *csrfTokens) Get(token string) ([]byte, error) {
	if _, ok := t.age(token); ok {
		return []byte{1}, nil
	}
	return nil, nil
}

// Set implements fiber.Storage; a signed token needs no record.
func (t *csrfTokens) Set(string, []byte, time.Duration) error { return nil }

// Delete implements fiber.Storage.
func (t *csrfTokens) Delete(string) error { return nil }

// Reset implements fiber.Storage.
func (t *csrfTokens) Reset() error { return nil }

// Close implements fiber.Storage.
func (t *csrfTokens) Close() error { return nil }

// csrfMiddleware checks the token of every unsafe page request and hands a
// token to every page; the API (bearer tokens, no cookies needed) does
// not go through it.
func (s *Server) csrfMiddleware() fiber.Handler {
	tokens := s.csrfTokens()
	check := csrf.New(csrf.Config{
		KeyLookup:      "form:" + csrfField,
		CookieName:     csrfCookie,
		CookiePath:     "/",
		CookieSecure:   true,
		CookieHTTPOnly: true,
		CookieSameSite: fiber.CookieSameSiteLaxMode,
		Expiration:     csrfLifetime,
		Storage:        tokens,
		KeyGenerator:   tokens.New,
		ContextKey:     csrfContextKey,
		ErrorHandler: func(_ *fiber.Ctx, err error) error {
			return &Problem{Status: fiber.StatusForbidden, Slug: ProblemForbidden, DetailKey: "detail.csrf", Err: err}
		},
	})
	return func(c *fiber.Ctx) error {
		if !safeMethod(c.Method()) && !s.sameOrigin(c) {
			return &Problem{Status: fiber.StatusForbidden, Slug: ProblemForbidden, DetailKey: "detail.cross_site",
				Err: fmt.Errorf("cross-site form: Origin %q, Sec-Fetch-Site %q", c.Get(fiber.HeaderOrigin), c.Get("Sec-Fetch-Site"))}
		}
		if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
			if age, ok := tokens.age(c.Cookies(csrfCookie)); ok && age > csrfRenewAfter {
				// Fiber keeps a valid token as it is: forget it so that
				// the middleware issues a fresh one.
				c.Request().Header.DelCookie(csrfCookie)
			}
		}
		return check(c)
	}
}

// sameOrigin checks what the browser says of where a form comes from,
// when it says it: Sec-Fetch-Site must be same-origin (or none: typed or
// bookmarked), and Origin must be this site. Old browsers send neither;
// the CSRF token still protects them.
func (s *Server) sameOrigin(c *fiber.Ctx) bool {
	if site := c.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false // "null" (a sandboxed frame, a data: page) or garbage
	}
	if u.Host == c.Hostname() {
		return true
	}
	base, err := url.Parse(s.cfg.BaseURL)
	return err == nil && base.Host != "" && u.Scheme == base.Scheme && u.Host == base.Host
}

// csrfToken is the token a page's forms carry. Pages served outside the
// middleware (error pages) mint one, which works because tokens are
// signed rather than stored.
func (s *Server) csrfToken(c *fiber.Ctx) string {
	if token, ok := c.Locals(csrfContextKey).(string); ok && token != "" {
		return token
	}
	tokens := s.csrfTokens()
	if token := c.Cookies(csrfCookie); token != "" {
		if _, ok := tokens.age(token); ok {
			return token
		}
	}
	token := tokens.New()
	c.Cookie(&fiber.Cookie{
		Name: csrfCookie, Value: token, Path: "/", Expires: time.Now().Add(csrfLifetime),
		Secure: true, HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
	})
	c.Locals(csrfContextKey, token)
	return token
}
