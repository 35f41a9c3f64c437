package handlers_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store/storetest"
)

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLogsCarryIDsButNoSecrets logs at debug level through sign-up, login,
// refresh, a failed login and a message, and checks that the lines carry
// request and user ids but never a password, a token or a message body.
func TestLogsCarryIDsButNoSecrets(t *testing.T) {
	var logs lockedBuffer
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off", "ENTRAIDE_DATA": t.TempDir()}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	clk := &clock{now: time.Now().UTC()}
	svc, err := service.Open(context.Background(), cfg, watchPanics(t, slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		service.Options{Store: st, Argon2: &cheapArgon2, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	e := &env{t: t, svc: svc, store: st, clock: clk}
	u := e.signup(models.RoleVolunteer)
	e.get("/api/v1/me", u.Access).expect(t, 200)
	e.do(req{method: "PATCH", path: "/api/v1/me", token: u.Access, body: map[string]string{"phone": "06 99 88 77 66"}}).expect(t, 200)
	// A refresh token reused ends the access tokens too: these come last.
	rotated := e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 200)
	e.post("/api/v1/auth/refresh", "", map[string]string{"refresh_token": u.Refresh}).expect(t, 401)
	e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": "wrong password, secret-typo"}).expect(t, 401)

	out := logs.String()
	for _, secret := range []string{u.Password, "secret-typo", u.Access, u.Refresh, rotated.str("refresh_token"), rotated.str("access_token"), testSecret, "06 99 88 77 66"} {
		if strings.Contains(out, secret) {
			t.Fatalf("the logs contain a secret or personal value %q", secret)
		}
	}
	if !strings.Contains(out, `"request_id"`) || !strings.Contains(out, `"user_id":"`+u.ID+`"`) {
		t.Fatalf("the logs lack request or user ids:\n%s", out)
	}
}
