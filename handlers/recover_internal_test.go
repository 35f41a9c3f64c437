package handlers

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/metrics"
)

// TestPanicIsCountedLoggedAndAnswered500: a handler that panics answers a
// problem 500 without the panic's text, is counted by
// entraide_http_panics_total and logged with the message tests watch for.
func TestPanicIsCountedLoggedAndAnswered500(t *testing.T) {
	var logs bytes.Buffer
	s := &Server{
		cfg:     &config.Config{JWTSecret: []byte("secret-0123456789-abcdefghijklmnopqr")},
		log:     slog.New(slog.NewTextHandler(&logs, nil)),
		now:     time.Now,
		metrics: metrics.New(metrics.Sources{}),
	}
	app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
	app.Use(s.recoverPanic)
	app.Get("/boom", func(*fiber.Ctx) error {
		var list []int
		return fiber.NewError(200, string(rune(list[3]))) // index out of range
	})
	resp, err := app.Test(httptest.NewRequest("GET", "/boom", nil))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 500 || strings.Contains(string(body), "index out of range") {
		t.Fatalf("status %d, body %s", resp.StatusCode, body)
	}
	if got := s.metrics.Panics(); got != 1 {
		t.Fatalf("panics counted: %d, want 1", got)
	}
	if !strings.Contains(logs.String(), PanicLogMessage) || !strings.Contains(logs.String(), "index out of range") {
		t.Fatalf("the panic is not logged: %s", logs.String())
	}
	// The scrape shows the counter.
	networks, err := metrics.ParseNetworks("127.0.0.1/32")
	if err != nil {
		t.Fatal(err)
	}
	scrape := fiber.New()
	scrape.Get("/metrics", s.metrics.Handler("", networks, func(c *fiber.Ctx) error { return c.SendStatus(404) },
		func(*fiber.Ctx) string { return "127.0.0.1" }))
	resp, err = scrape.Test(httptest.NewRequest("GET", "/metrics", nil))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	if !strings.Contains(string(body), "entraide_http_panics_total 1") {
		t.Fatalf("the scrape lacks the panic counter: %.2000s", body)
	}
}
