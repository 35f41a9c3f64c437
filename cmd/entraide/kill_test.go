package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestKillDuringApplications runs the real binary, SIGKILLs it in the
// middle of a burst of applications, restarts it on the same data and
// checks that every application that got a 2xx is still there and that the
// shift's places match the accepted applications (reconciliation runs at
// start-up).
func TestKillDuringApplications(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "entraide")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	data := filepath.Join(dir, "data")
	addr := freeAddr(t)
	env := append(os.Environ(), "ENTRAIDE_DATA="+data, "ENTRAIDE_ADDR="+addr, "ENTRAIDE_RATE_LIMIT=off",
		"ENTRAIDE_SEED=off", "ENTRAIDE_LOG_LEVEL=error", "ENTRAIDE_HASH_WORKERS=2", "ENTRAIDE_REQUEST_TIMEOUT=30s")
	admin := exec.Command(bin, "admin", "create", "--email", "admin@example.org")
	admin.Env, admin.Stdin = env, strings.NewReader("a long admin password\n")
	if out, err := admin.CombinedOutput(); err != nil {
		t.Fatalf("admin create: %v\n%s", err, out)
	}
	proc := start(t, bin, env, addr)
	c := &client{t: t, base: "http://" + addr + "/api/v1"}
	adminToken := c.login("admin@example.org", "a long admin password")
	c.call("POST", "/auth/signup", "", map[string]any{"email": "org@example.org", "password": "a long org password", "name": "Org", "role": "organization"}, 201)
	orgToken := c.login("org@example.org", "a long org password")
	org := c.call("POST", "/organizations", orgToken, map[string]any{"name": "Banque alimentaire", "kind": "association", "rna": "W133000123",
		"address": "1 rue de la Paix", "postcode": "13001", "description": "Distribution alimentaire de quartier.",
		"contact_email": "c@example.org", "contact_phone": "0491000000"}, 201)["id"].(string)
	c.call("POST", "/admin/organizations/"+org+"/verify", adminToken, map[string]any{}, 200)
	start := time.Now().Add(72 * time.Hour).UTC().Truncate(time.Hour)
	mission := c.call("POST", "/organizations/"+org+"/missions", orgToken, map[string]any{"title": "Distribution du samedi",
		"description": "Distribuer les colis alimentaires aux familles.", "category": "food_aid", "remote": true, "auto_accept": true,
		"shifts": []any{map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(3 * time.Hour).Format(time.RFC3339), "capacity": 15}}}, 201)
	missionID := mission["id"].(string)
	shiftID := mission["shifts"].([]any)[0].(map[string]any)["id"].(string)
	c.call("POST", "/organizations/"+org+"/missions/"+missionID+"/submit", orgToken, nil, 200)
	c.call("POST", "/admin/missions/"+missionID+"/publish", adminToken, map[string]any{}, 200)

	const volunteers = 40
	tokens := make([]string, volunteers)
	for i := range tokens {
		email := fmt.Sprintf("v%d@example.org", i)
		c.call("POST", "/auth/signup", "", map[string]any{"email": email, "password": "a long volunteer password", "name": "V", "role": "volunteer"}, 201)
		tokens[i] = c.login(email, "a long volunteer password")
	}

	// The burst: every volunteer applies at once; the process dies midway.
	var mu sync.Mutex
	confirmed := map[int]string{}                // volunteer → application id answered 2xx
	answered := make(chan struct{}, len(tokens)) // one per confirmed application
	var wg sync.WaitGroup
	for i := range tokens {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, body, err := c.raw("POST", "/missions/"+missionID+"/shifts/"+shiftID+"/applications", tokens[i], map[string]any{})
			if err == nil && status >= 200 && status < 300 {
				mu.Lock()
				confirmed[i] = body["id"].(string)
				mu.Unlock()
				answered <- struct{}{}
			}
		}()
	}
	allDone := make(chan struct{})
	go func() { wg.Wait(); close(allDone) }()
	// Kill once 8 applications are confirmed: the burst is still running.
	deadline := time.NewTimer(2 * time.Minute)
	defer deadline.Stop()
	for n := 0; n < 8; {
		select {
		case <-answered:
			n++
		case <-allDone:
			// Every request has answered: count what is buffered, then
			// kill anyway if enough were confirmed.
			n += len(answered)
			if n < 8 {
				t.Fatalf("the burst ended with %d applications confirmed, fewer than the 8 needed", n)
			}
		case <-deadline.C:
			t.Fatalf("only %d applications confirmed 2 minutes into the burst", n)
		}
	}
	if err := proc.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = proc.Wait()
	wg.Wait()
	t.Logf("%d applications confirmed before the kill", len(confirmed))

	start2 := startProcess(t, bin, env, addr)
	defer func() { _ = start2.Process.Kill(); _ = start2.Wait() }()
	for i, id := range confirmed {
		apps := c.call("GET", "/me/applications", tokens[i], nil, 200)
		found := false
		for _, it := range apps["items"].([]any) {
			if it.(map[string]any)["id"] == id {
				found = true
			}
		}
		if !found {
			t.Errorf("application %s of volunteer %d answered 2xx but is gone after the restart", id, i)
		}
	}
	accepted := c.call("GET", "/organizations/"+org+"/missions/"+missionID+"/applications?status=accepted", orgToken, nil, 200)["total"].(float64)
	public := c.call("GET", "/missions/"+missionID, "", nil, 200)
	taken := public["shifts"].([]any)[0].(map[string]any)["taken"].(float64)
	if taken != accepted || taken > 15 {
		t.Fatalf("after the restart taken = %v, accepted applications = %v (capacity 15)", taken, accepted)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func start(t *testing.T, bin string, env []string, addr string) *exec.Cmd {
	cmd := startProcess(t, bin, env, addr)
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd
}

func startProcess(t *testing.T, bin string, env []string, addr string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return cmd
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("not ready: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

type client struct {
	t    *testing.T
	base string
}

func (c *client) raw(method, path, token string, body any) (int, map[string]any, error) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, r)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := (&http.Client{Timeout: 60 * time.Second}).Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	var out map[string]any
	data, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(data, &out)
	return resp.StatusCode, out, nil
}

func (c *client) call(method, path, token string, body any, want int) map[string]any {
	c.t.Helper()
	status, out, err := c.raw(method, path, token, body)
	if err != nil || status != want {
		c.t.Fatalf("%s %s: %d %v %v", method, path, status, out, err)
	}
	return out
}

func (c *client) login(email, password string) string {
	c.t.Helper()
	return c.call("POST", "/auth/login", "", map[string]any{"email": email, "password": password}, 200)["access_token"].(string)
}
