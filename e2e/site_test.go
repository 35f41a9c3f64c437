package e2e

import (
	"context"
	"io"
	"log/slog"
	"net"
	"testing"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store/storetest"
)

// site is one instance of the service on a fresh database, listening on a
// loopback port for the browser.
type site struct {
	URL string
	svc *service.Service
}

// startSite serves the app on 127.0.0.1: Chromium treats loopback
// addresses as secure, so the Secure session cookies work over plain HTTP.
func startSite(t testing.TB) *site {
	t.Helper()
	vars := map[string]string{
		"ENTRAIDE_ENV":        "test",
		"ENTRAIDE_JWT_SECRET": "e2e-secret-0123456789-abcdefghijklmnop",
		"ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL":  "error",
		"ENTRAIDE_SEED":       "off",
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cheap := auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32}
	svc, err := service.Open(context.Background(), cfg, log, service.Options{Store: storetest.Open(t), Argon2: &cheap})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = svc.Server.App().Listener(ln) }()
	t.Cleanup(func() {
		// No page the browser opened may have reached a panic, even when
		// the test's own checks passed.
		if n := svc.Server.Metrics().Panics(); n > 0 {
			t.Errorf("%d requests ended in a recovered panic (entraide_http_panics_total)", n)
		}
		_ = svc.Shutdown(context.Background())
	})
	return &site{URL: "http://" + ln.Addr().String(), svc: svc}
}
