package handlers

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestCanceledRequestIsNotAStoreFailure answers, through the one error
// handler, the error the real store returns for a call whose context was
// canceled (the client hung up) and for one whose deadline passed: the
// first is logged at info as 499, the second stays a 503 logged as an error.
func TestCanceledRequestIsNotAStoreFailure(t *testing.T) {
	st := storetest.Open(t)
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	_, hungUp := st.UserByID(canceled, "64d000000000000000000001")
	expired, cancelExpired := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancelExpired()
	_, timedOut := st.UserByID(expired, "64d000000000000000000001")
	if !errors.Is(hungUp, context.Canceled) || !errors.Is(hungUp, store.ErrUnavailable) {
		t.Fatalf("the store's error for a canceled call: %v", hungUp)
	}
	if !errors.Is(timedOut, store.ErrUnavailable) || errors.Is(timedOut, context.Canceled) {
		t.Fatalf("the store's error for an expired call: %v", timedOut)
	}

	for _, tc := range []struct {
		name    string
		err     error
		status  int
		level   string
		message string
	}{
		{"client hung up", hungUp, statusClientClosed, `"level":"INFO"`, `"msg":"client closed request"`},
		{"deadline passed", timedOut, fiber.StatusServiceUnavailable, `"level":"ERROR"`, `"msg":"request failed"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs syncBuffer
			s := &Server{log: slog.New(slog.NewJSONHandler(&logs, nil))}
			app := fiber.New(fiber.Config{ErrorHandler: s.errorHandler})
			app.Get("/api/v1/me", func(*fiber.Ctx) error { return tc.err })
			req := httptest.NewRequest("GET", "/api/v1/me", nil)
			req.Header.Set("Accept", "application/json")
			resp, err := app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			line := logs.String()
			if resp.StatusCode != tc.status || !strings.Contains(line, tc.level) || !strings.Contains(line, tc.message) ||
				!strings.Contains(line, `"status":`+strconv.Itoa(tc.status)) {
				t.Fatalf("status %d, log %s", resp.StatusCode, line)
			}
		})
	}
}
