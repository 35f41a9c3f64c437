package config

import (
	"strings"
	"testing"
)

func load(vars map[string]string) (*Config, error) {
	return Load(func(k string) string { return vars[k] })
}

// TestTrustedProxies reads the list, refuses what is not a CIDR or an
// address with a clear message, and warns when ENTRAIDE_TRUST_PROXY is
// set alone (it trusts nothing).
func TestTrustedProxies(t *testing.T) {
	c, err := load(map[string]string{"ENTRAIDE_TRUSTED_PROXIES": " 10.0.0.0/8, 192.168.1.5 ,fd00::/8"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.TrustedProxies, "|"); got != "10.0.0.0/8|192.168.1.5|fd00::/8" {
		t.Fatalf("trusted proxies %q", got)
	}
	if len(c.Warnings()) != 0 {
		t.Fatalf("warnings %v", c.Warnings())
	}
	_, err = load(map[string]string{"ENTRAIDE_TRUSTED_PROXIES": "10.0.0.0/8,lb.internal"})
	if err == nil || !strings.Contains(err.Error(), `ENTRAIDE_TRUSTED_PROXIES: "lb.internal" is not a CIDR`) {
		t.Fatalf("error %v", err)
	}
	c, err = load(map[string]string{"ENTRAIDE_TRUST_PROXY": "1"})
	if err != nil {
		t.Fatal(err)
	}
	if w := c.Warnings(); len(w) != 1 || !strings.Contains(w[0], "trusts no proxy") {
		t.Fatalf("warnings %v", w)
	}
}
