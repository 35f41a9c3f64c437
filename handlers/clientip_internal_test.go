package handlers

import "testing"

// TestClientNetworkHidesTheAddress: the access log keeps a network, never
// the address.
func TestClientNetworkHidesTheAddress(t *testing.T) {
	for addr, want := range map[string]string{
		"203.0.113.77":          "203.0.113.0/24",
		"::ffff:198.51.100.9":   "198.51.100.0/24",
		"2001:db8:1234:5678::1": "2001:db8:1234::/48",
		"garbage":               "",
	} {
		if got := clientNetwork(addr); got != want {
			t.Errorf("%s: %q, want %q", addr, got, want)
		}
	}
}
