package handlers

import (
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/frontend"
)

func TestLocalPath(t *testing.T) {
	for next, want := range map[string]string{
		"/account":                      "/account",
		"/missions?q=colis&p=2":         "/missions?q=colis&p=2",
		"":                              "",
		"account":                       "",
		"//evil.example/":               "",
		"/\\evil.example/":              "",
		"https://evil.example/":         "",
		"/ok\r\nSet-Cookie: a=b":        "",
		"javascript:alert(1)":           "",
		"/" + strings.Repeat("a", 1001): "",
	} {
		if got := localPath(next); got != want {
			t.Errorf("localPath(%q) = %q, want %q", next, got, want)
		}
	}
}

func TestCSRFTokensAreSignedAndExpire(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	server := func(secret string, old ...string) *Server {
		cfg := &config.Config{JWTSecret: []byte(secret)}
		for _, o := range old {
			cfg.JWTOldSecrets = append(cfg.JWTOldSecrets, []byte(o))
		}
		return &Server{cfg: cfg, now: func() time.Time { return now }}
	}
	const secret = "first-secret-0123456789-abcdefghijkl"
	tokens := server(secret).csrfTokens()
	token := tokens.New()
	if _, ok := tokens.age(token); !ok {
		t.Fatal("a fresh token is refused")
	}
	if v, _ := tokens.Get(token); v == nil {
		t.Fatal("Get refuses a fresh token")
	}
	random, rest, _ := strings.Cut(token, ".")
	for _, bad := range []string{"", "abc", random + "x." + rest, token + "x", strings.Repeat("a", 300)} {
		if _, ok := tokens.age(bad); ok {
			t.Errorf("token %q accepted", bad)
		}
	}
	// Another deployment's secret does not verify; an old secret of this
	// one still does while tokens expire.
	if _, ok := server("other-secret-0123456789-abcdefghijkl").csrfTokens().age(token); ok {
		t.Error("a token signed with another secret is accepted")
	}
	if _, ok := server("rotated-secret-0123456789-abcdefghij", secret).csrfTokens().age(token); !ok {
		t.Error("a token signed with the previous secret is refused")
	}
	now = now.Add(csrfLifetime)
	if _, ok := tokens.age(token); ok {
		t.Error("an expired token is accepted")
	}
}

// TestInternalErrorPage shows a browser the friendly 500 page, with a
// reference to quote and nothing of the error itself.
func TestInternalErrorPage(t *testing.T) {
	pages, err := frontend.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{
		cfg:   &config.Config{JWTSecret: []byte("secret-0123456789-abcdefghijklmnopqr")},
		log:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		now:   time.Now,
		pages: pages,
	}
	app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
	app.Use(func(c *fiber.Ctx) error {
		c.Locals("requestid", "req-42")
		return c.Next()
	})
	app.Get("/boom", func(*fiber.Ctx) error { return errors.New("database password is hunter2") })
	req := httptest.NewRequest("GET", "/boom", nil)
	req.Header.Set("Accept", "text/html")
	req.Header.Set("Accept-Language", "en")
	resp, err := app.Test(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	page := string(body)
	if resp.StatusCode != 500 || !strings.Contains(page, "<title>Something went wrong · Entraide</title>") ||
		!strings.Contains(page, "Error reference: req-42") || strings.Contains(page, "hunter2") {
		t.Fatalf("status %d; page: %s", resp.StatusCode, page)
	}
}
