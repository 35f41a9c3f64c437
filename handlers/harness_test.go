package handlers_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/store/storetest"
)

const testSecret = "test-secret-0123456789-abcdefghijklmnop"

// cheapArgon2 keeps tests fast; production parameters are benchmarked.
var cheapArgon2 = auth.Argon2Params{Memory: 64, Time: 1, Threads: 1, KeyLen: 32}

// clock is a settable time source shared by the service and the test.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// env is one service instance on a fresh database.
type env struct {
	t       *testing.T
	svc     *service.Service
	store   *store.Store
	clock   *clock
	baseURL string
}

type envOption func(map[string]string)

func withEnv(key, value string) envOption {
	return func(m map[string]string) { m[key] = value }
}

func newEnv(t *testing.T, opts ...envOption) *env {
	t.Helper()
	vars := map[string]string{
		"ENTRAIDE_ENV":        "test",
		"ENTRAIDE_JWT_SECRET": testSecret,
		"ENTRAIDE_RATE_LIMIT": "off",
		"ENTRAIDE_LOG_LEVEL":  "error",
		"ENTRAIDE_DATA":       t.TempDir(),
	}
	for _, o := range opts {
		o(vars)
	}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	st := storetest.Open(t)
	clk := &clock{now: time.Now().UTC()}
	var logs slog.Handler = slog.NewTextHandler(io.Discard, nil)
	if testing.Verbose() {
		logs = slog.NewTextHandler(&testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})
	}
	log := watchPanics(t, logs)
	svc, err := service.Open(context.Background(), cfg, log, service.Options{Store: st, Argon2: &cheapArgon2, Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Shutdown(context.Background()) })
	return &env{t: t, svc: svc, store: st, clock: clk}
}

type testWriter struct{ t *testing.T }

func (w *testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// response is a decoded HTTP answer.
type response struct {
	Status int
	Header http.Header
	Raw    string
	Body   map[string]any
}

// req describes one request.
type req struct {
	method, path string
	body         any // string (sent raw) or a value (sent as JSON)
	token        string
	header       map[string]string
}

// do sends r through app.Test.
func (e *env) do(r req) response {
	e.t.Helper()
	resp, err := e.svc.Server.App().Test(e.build(r), 30_000)
	if err != nil {
		e.t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	out := readResponse(resp)
	e.validate(r, out)
	return out
}

// sendOversized announces a body of size bytes over a real connection and
// reads the answer: the server must refuse it from the headers alone
// (app.Test cannot show this answer).
func (e *env) sendOversized(method, path string, size int) response {
	e.t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.listen(), "http://"))
	if err != nil {
		e.t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{", method, path, size)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	out := readResponse(resp)
	e.validate(req{method: method, path: path}, out)
	return out
}

// listen serves the app on a loopback port once and returns its base URL.
func (e *env) listen() string {
	if e.baseURL != "" {
		return e.baseURL
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.t.Fatal(err)
	}
	go func() { _ = e.svc.Server.App().Listener(ln) }()
	e.baseURL = "http://" + ln.Addr().String()
	return e.baseURL
}

func readResponse(resp *http.Response) response {
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := response{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	if len(raw) > 0 && raw[0] == '{' {
		_ = json.Unmarshal(raw, &out.Body)
	}
	return out
}

func (e *env) build(r req) *http.Request {
	e.t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		body = bytes.NewReader(data)
	}
	httpReq := httptest.NewRequest(r.method, r.path, body)
	if body != nil {
		httpReq.Header.Set("Content-Type", "application/json")
	}
	if r.token != "" {
		httpReq.Header.Set("Authorization", "Bearer "+r.token)
	}
	for k, v := range r.header {
		httpReq.Header.Set(k, v)
	}
	return httpReq
}

func (e *env) get(path, token string) response {
	return e.do(req{method: "GET", path: path, token: token})
}

func (e *env) post(path, token string, body any) response {
	return e.do(req{method: "POST", path: path, token: token, body: body})
}

// expect fails the test when the status differs, showing the body.
func (r response) expect(t *testing.T, status int) response {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status %d, want %d; body: %s", r.Status, status, r.Raw)
	}
	return r
}

func (r response) str(key string) string {
	s, _ := r.Body[key].(string)
	return s
}

// user is an account made through the API.
type user struct {
	ID, Email, Password, Access, Refresh string
}

var userCounter struct {
	sync.Mutex
	n int
}

func uniqueEmail(prefix string) string {
	userCounter.Lock()
	defer userCounter.Unlock()
	userCounter.n++
	return prefix + "-" + strings.ReplaceAll(time.Now().Format("150405.000000"), ".", "") + "-" + itoa(userCounter.n) + "@example.org"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// signup creates an account of role and logs it in.
func (e *env) signup(role models.Role) user {
	e.t.Helper()
	u := user{Email: uniqueEmail(string(role)), Password: "correct horse battery staple"}
	r := e.post("/api/v1/auth/signup", "", map[string]string{
		"email": u.Email, "password": u.Password, "name": "Test " + string(role), "role": string(role),
	}).expect(e.t, 201)
	u.ID = r.str("id")
	e.login(&u)
	return u
}

func (e *env) login(u *user) {
	e.t.Helper()
	r := e.post("/api/v1/auth/login", "", map[string]string{"email": u.Email, "password": u.Password}).expect(e.t, 200)
	u.Access, u.Refresh = r.str("access_token"), r.str("refresh_token")
}

// admin creates an admin directly in the store, as the CLI does, and logs in.
func (e *env) admin() user {
	e.t.Helper()
	u := user{Email: uniqueEmail("admin"), Password: "correct horse battery staple"}
	hash, err := e.svc.Hasher.Hash(context.Background(), u.Password)
	if err != nil {
		e.t.Fatal(err)
	}
	now := e.clock.Now()
	u.ID = store.NewID()
	err = e.store.CreateUser(context.Background(), &models.User{
		ID: u.ID, Email: u.Email, Name: "Admin", Role: models.RoleAdmin, PasswordHash: hash,
		Language: "fr", Status: models.UserActive, CreatedAt: now, UpdatedAt: now,
	})
	if err != nil {
		e.t.Fatal(err)
	}
	e.login(&u)
	return u
}
