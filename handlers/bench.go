package handlers

import (
	"bytes"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

// benchBare answers a body of the requested size without any work, through
// the same middleware as the API, so that the search benchmark can compare
// the search with the cost of serving HTTP alone. Only mounted when
// ENTRAIDE_BENCH=1 outside production.
func (s *Server) benchBare(c *fiber.Ctx) error {
	size, err := strconv.Atoi(c.Query("size", "1024"))
	if err != nil || size < 0 || size > 1<<20 {
		return errField("size", "invalid_value")
	}
	s.benchOnce.Do(func() { s.benchBody = bytes.Repeat([]byte(" "), 1<<20) })
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(s.benchBody[:size])
}
