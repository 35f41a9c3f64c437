package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"testing"
	"time"
)

// loopbackClient is an HTTP client whose connections come from addr, one
// of the loopback addresses (127.0.0.0/8 is all loopback on Linux), so
// that several clients have addresses of their own.
func loopbackClient(t *testing.T, addr string) *http.Client {
	t.Helper()
	probe, err := net.Listen("tcp", addr+":0")
	if err != nil {
		t.Skipf("%s is not a local address on this system (Linux routes all of 127.0.0.0/8): %v", addr, err)
	}
	probe.Close()
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(addr)}, Timeout: 10 * time.Second}
	return &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{DialContext: dialer.DialContext, DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// startProxy serves a real reverse proxy on 127.0.0.1 in front of the
// app at target; it connects to the app from 127.0.0.1, the trusted
// proxy, and appends its client's address to X-Forwarded-For as load
// balancers do.
func startProxy(t *testing.T, target string) string {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(u)
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP("127.0.0.1")}, Timeout: 10 * time.Second}
	proxy.Transport = &http.Transport{DialContext: dialer.DialContext}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: proxy, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
	return "http://" + ln.Addr().String()
}

func signupVia(t *testing.T, client *http.Client, base, xff string) int {
	t.Helper()
	body, _ := json.Marshal(map[string]string{
		"email": uniqueEmail("proxy"), "password": "correct horse battery staple", "name": "Proxy", "role": "volunteer",
	})
	r, err := http.NewRequest("POST", base+"/api/v1/auth/signup", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	if xff != "" {
		r.Header.Set("X-Forwarded-For", xff)
	}
	resp, err := client.Do(r)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func statusOfGet(t *testing.T, client *http.Client, u string) int {
	t.Helper()
	resp, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestClientAddressBehindTrustedProxy runs the app on a real listener
// behind a real reverse proxy: forwarded clients are rate-limited one by
// one, a forged X-Forwarded-For is ignored whether sent directly or
// through the proxy, and /metrics is refused to forwarded clients.
func TestClientAddressBehindTrustedProxy(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_RATE_LIMIT", "on"), withEnv("ENTRAIDE_SIGNUP_RATE", "2/1h"),
		withEnv("ENTRAIDE_TRUST_PROXY", "1"), withEnv("ENTRAIDE_TRUSTED_PROXIES", "127.0.0.1/32"))
	app := e.listen()
	proxy := startProxy(t, app)
	alice, bob := loopbackClient(t, "127.0.0.2"), loopbackClient(t, "127.0.0.3")

	// Two forwarded clients have budgets of their own; a forged
	// left-most address does not give Alice a new one.
	for i, want := range []int{201, 201, 429} {
		if got := signupVia(t, alice, proxy, "198.51.100."+itoa(i+1)); got != want {
			t.Fatalf("Alice's sign-up %d through the proxy: %d, want %d", i+1, got, want)
		}
	}
	if got := signupVia(t, bob, proxy, ""); got != 201 {
		t.Fatalf("Bob's first sign-up through the proxy: %d, want 201 (his own budget)", got)
	}

	// A direct client is not a proxy: its X-Forwarded-For is ignored.
	carol := loopbackClient(t, "127.0.0.4")
	for i, want := range []int{201, 201, 429} {
		if got := signupVia(t, carol, app, "203.0.113."+itoa(i+1)); got != want {
			t.Fatalf("Carol's direct sign-up %d with a forged X-Forwarded-For: %d, want %d", i+1, got, want)
		}
	}

	// /metrics: loopback (the default network) directly, but not a
	// forwarded client outside it, even though the proxy is on loopback.
	if got := statusOfGet(t, loopbackClient(t, "127.0.0.1"), app+"/metrics"); got != 200 {
		t.Fatalf("/metrics from 127.0.0.1 directly: %d, want 200", got)
	}
	if got := statusOfGet(t, alice, proxy+"/metrics"); got != 404 {
		t.Fatalf("/metrics for a forwarded client: %d, want 404", got)
	}
	if got := statusOfGet(t, alice, app+"/metrics"); got != 404 {
		t.Fatalf("/metrics for 127.0.0.2 directly: %d, want 404", got)
	}
}
