package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/csvx"
)

// CSV downloads: package csvx writes the file; these read ?format= and send it.

// csvSeparator reads ?format=: "excel" writes semicolons, "csv" or nothing, commas.
func csvSeparator(c *fiber.Ctx) (rune, error) {
	sep, ok := csvx.Separator(c.Query("format"))
	if !ok {
		return 0, errField("format", "invalid_value")
	}
	return sep, nil
}

func sendCSV(c *fiber.Ctx, filename string, rows [][]string) error {
	sep, err := csvSeparator(c)
	if err != nil {
		return err
	}
	body, err := csvx.Write(rows, sep)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	return c.Send(body)
}
