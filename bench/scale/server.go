package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// server is the real binary running on a data directory.
type server struct {
	cmd  *exec.Cmd
	base string
	log  *os.File
}

// env is the binary's environment: development (no TLS needed), rate
// limits off (the bench logs in hundreds of times from one address).
func env(dir, addr string) []string {
	return append(os.Environ(), "ENTRAIDE_DATA="+dir, "ENTRAIDE_ADDR="+addr, "ENTRAIDE_ENV=development",
		"ENTRAIDE_RATE_LIMIT=off", "ENTRAIDE_LOG_LEVEL=warn", "MONGODB_URI=")
}

// seed writes the synthetic data set unless dir holds it already.
func seed(ctx context.Context, bin, dir string, s size) (time.Duration, bool, error) {
	marker := filepath.Join(dir, "scale-seeded")
	if _, err := os.Stat(marker); err == nil {
		return 0, false, nil
	}
	if err := os.RemoveAll(dir); err != nil {
		return 0, false, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, false, err
	}
	started := time.Now()
	cmd := exec.CommandContext(ctx, bin, "seed", "--synthetic", "--missions", fmt.Sprint(s.Missions), "--volunteers", fmt.Sprint(s.Volunteers))
	cmd.Env = env(dir, "127.0.0.1:0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return 0, false, fmt.Errorf("seed: %w", err)
	}
	took := time.Since(started)
	return took, true, os.WriteFile(marker, []byte(took.String()+"\n"), 0o600)
}

// start runs the binary and waits until /readyz answers 200, within
// deadline; it returns the time from exec to ready.
func start(bin, dir string, deadline time.Duration) (*server, time.Duration, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, 0, err
	}
	addr := ln.Addr().String()
	ln.Close()
	logFile, err := os.OpenFile(filepath.Join(dir, "server.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, 0, err
	}
	cmd := exec.Command(bin)
	cmd.Env = env(dir, addr)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	started := time.Now()
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, 0, err
	}
	srv := &server{cmd: cmd, base: "http://" + addr, log: logFile}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	client := &http.Client{Timeout: time.Second}
	limit := time.After(deadline)
	for {
		resp, err := client.Get(srv.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				took := time.Since(started)
				go func() { srv.exited(<-exited) }()
				return srv, took, nil
			}
		}
		select {
		case err := <-exited:
			logFile.Close()
			return nil, 0, fmt.Errorf("the server exited before it was ready (%v); see %s", err, logFile.Name())
		case <-limit:
			_ = cmd.Process.Kill()
			<-exited
			logFile.Close()
			return nil, 0, fmt.Errorf("not ready within %s; see %s", deadline, logFile.Name())
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func (s *server) exited(err error) {
	s.log.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "server stopped:", err)
	}
}

// stop asks for a clean shutdown (SIGTERM), as an orchestrator would, and
// waits for the process to be gone.
func (s *server) stop(deadline time.Duration) error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return err
	}
	limit := time.Now().Add(deadline)
	for time.Now().Before(limit) {
		if err := s.cmd.Process.Signal(syscall.Signal(0)); err != nil {
			return nil
		}
		if s.cmd.ProcessState != nil {
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	_ = s.cmd.Process.Kill()
	return fmt.Errorf("did not stop within %s", deadline)
}
