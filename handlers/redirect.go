package handlers

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// seeOther answers a form or a guard with a 303 to target. Every redirect
// of the pages goes through here: a Location header is built from request
// data (a notice, a next or back field, a notification's link), and a raw
// CR or LF in it would end the header and start one of the attacker's
// (a planted session cookie). A target that is not a plain path of this
// site leads home instead.
func seeOther(c *fiber.Ctx, target string) error {
	safe := ""
	if len(target) <= 4096 {
		safe = localTarget(target)
	}
	if safe == "" {
		safe = "/"
	}
	return c.Redirect(escapeLocation(safe), fiber.StatusSeeOther)
}

// localPath returns next when it is a path on this site, else "": a
// redirect target taken from a form must not lead to another site, nor
// carry a control character (browsers drop tabs and newlines inside URLs,
// so "/\t/evil.example" would become "//evil.example").
func localPath(next string) string {
	if len(next) > 1000 {
		return ""
	}
	return localTarget(next)
}

// localTarget is localPath without the length bound, for the targets the
// handlers build themselves (a login redirect carries the whole address).
func localTarget(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return ""
	}
	path, _, _ := strings.Cut(next, "?")
	if strings.ContainsRune(path, '\\') {
		return "" // browsers read a backslash in a path as a slash
	}
	for _, r := range next {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ""
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Opaque != "" {
		return ""
	}
	return next
}

// escapeLocation percent-encodes the bytes that may not appear raw in a
// header (spaces, non-ASCII), keeping the target's meaning.
func escapeLocation(target string) string {
	var b strings.Builder
	for i := 0; i < len(target); i++ {
		ch := target[i]
		if ch <= 0x20 || ch >= 0x7f || ch == '"' || ch == '<' || ch == '>' || ch == '\\' {
			fmt.Fprintf(&b, "%%%02X", ch)
			continue
		}
		b.WriteByte(ch)
	}
	return b.String()
}

// withNotice adds the name of a confirmation to a local path, encoded.
func withNotice(path, notice string) string {
	if strings.Contains(path, "?") {
		return path + "&notice=" + url.QueryEscape(notice)
	}
	return path + "?notice=" + url.QueryEscape(notice)
}
