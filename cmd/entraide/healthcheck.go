package main

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// healthcheck asks the local server whether it is ready; the container's
// HEALTHCHECK uses it because the final image has no shell or curl.
func healthcheck(ctx context.Context, getenv func(string) string) error {
	addr := getenv("ENTRAIDE_ADDR")
	if addr == "" {
		addr = "127.0.0.1:8080"
	}
	addr = strings.Replace(addr, "0.0.0.0", "127.0.0.1", 1)
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/readyz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("not ready: %s", resp.Status)
	}
	return nil
}
