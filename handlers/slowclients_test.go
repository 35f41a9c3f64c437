package handlers_test

import (
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestSlowClientsDoNotExhaustTheServer opens many connections that trickle
// their headers: the server closes them at its read timeout and keeps
// serving everyone else meanwhile.
func TestSlowClientsDoNotExhaustTheServer(t *testing.T) {
	e := newEnv(t, withEnv("ENTRAIDE_READ_TIMEOUT", "1s"))
	addr := strings.TrimPrefix(e.listen(), "http://")
	var conns []net.Conn
	for range 100 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		if _, err := io.WriteString(c, "GET /api/v1/missions HTTP/1.1\r\nHost: x\r\n"); err != nil {
			t.Fatal(err)
		}
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	// Everyone else is still served, promptly.
	client := &http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get(e.listen() + "/healthz")
	if err != nil {
		t.Fatalf("a normal client is not served while slow clients hang: %v", err)
	}
	resp.Body.Close()
	// The slow ones are cut at the read timeout (1 s), not held forever.
	closed := 0
	for _, c := range conns {
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		buf := make([]byte, 512)
		for {
			_, err := c.Read(buf)
			if err == nil {
				continue // the server may answer 408 before closing
			}
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				closed++ // EOF or reset: the server hung up
			}
			break
		}
	}
	if closed != len(conns) {
		t.Fatalf("%d of %d slow connections closed by the server", closed, len(conns))
	}
}
