package handlers

import (
	"net"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// trustedProxies are the networks whose X-Forwarded-For is believed.
type trustedProxies []*net.IPNet

func parseTrustedProxies(list []string) trustedProxies {
	var out trustedProxies
	for _, p := range list {
		if !strings.Contains(p, "/") {
			if ip := net.ParseIP(p); ip != nil && ip.To4() != nil {
				p += "/32"
			} else {
				p += "/128"
			}
		}
		if _, n, err := net.ParseCIDR(p); err == nil { // validated at start-up
			out = append(out, n)
		}
	}
	return out
}

func (t trustedProxies) contains(ip net.IP) bool {
	for _, n := range t {
		if n.Contains(ip) {
			return true
		}
	}
	return false
}

// clientIP is the address of the person behind the request, for rate
// limits, logs and the /metrics check. A direct client is its connection's
// address, whatever headers it sends. When the connection comes from a
// trusted proxy, X-Forwarded-For is read from the right: each proxy appends
// the address it received the request from, so the right-most address
// that is not a trusted proxy is the client; everything left of it was
// written by the client and may be forged.
func (s *Server) clientIP(c *fiber.Ctx) string {
	if ip, ok := c.Locals("clientip").(string); ok {
		return ip
	}
	ip := s.resolveClientIP(c)
	c.Locals("clientip", ip)
	return ip
}

func (s *Server) resolveClientIP(c *fiber.Ctx) string {
	remote := c.Context().RemoteIP()
	if len(s.proxies) == 0 || !s.proxies.contains(remote) {
		return remote.String()
	}
	client := remote
	var hops []string
	// Several X-Forwarded-For lines count as one list, in order.
	c.Request().Header.VisitAll(func(key, value []byte) {
		if strings.EqualFold(string(key), fiber.HeaderXForwardedFor) {
			hops = append(hops, strings.Split(string(value), ",")...)
		}
	})
	for i := len(hops) - 1; i >= 0; i-- {
		hop := parseHop(hops[i])
		if hop == nil {
			break // garbage: nothing left of it can be believed
		}
		client = hop
		if !s.proxies.contains(hop) {
			break
		}
	}
	return client.String()
}

// parseHop reads one X-Forwarded-For entry: an address, maybe with a port
// or in brackets.
func parseHop(raw string) net.IP {
	raw = strings.TrimSpace(raw)
	if ip := net.ParseIP(raw); ip != nil {
		return ip
	}
	if host, _, err := net.SplitHostPort(raw); err == nil {
		return net.ParseIP(host)
	}
	return net.ParseIP(strings.Trim(raw, "[]"))
}

// clientNetwork is what the access log keeps of the client's address: its
// /24 (IPv4) or /48 (IPv6) network, enough to see where a flood comes from,
// not who a person is (docs/privacy.md).
func clientNetwork(addr string) string {
	ip := net.ParseIP(addr)
	switch {
	case ip == nil:
		return ""
	case ip.To4() != nil:
		return (&net.IPNet{IP: ip.To4().Mask(net.CIDRMask(24, 32)), Mask: net.CIDRMask(24, 32)}).String()
	default:
		return (&net.IPNet{IP: ip.Mask(net.CIDRMask(48, 128)), Mask: net.CIDRMask(48, 128)}).String()
	}
}
