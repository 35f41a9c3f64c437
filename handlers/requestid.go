package handlers

import (
	"github.com/gofiber/fiber/v2"
)

// keepSafeRequestID drops an incoming X-Request-ID that is not a short
// token of letters, digits, '-' and '_', before Fiber's requestid
// middleware echoes it in the response and it reaches the logs and the
// error page: a proxy's id is kept for tracing, anything else is replaced
// by a generated one.
func keepSafeRequestID(c *fiber.Ctx) error {
	id := c.Get(fiber.HeaderXRequestID)
	if id != "" && !safeRequestID(id) {
		c.Request().Header.Del(fiber.HeaderXRequestID)
	}
	return c.Next()
}

func safeRequestID(id string) bool {
	if len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		ch := id[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
			return false
		}
	}
	return true
}
