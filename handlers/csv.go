package handlers

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// csvCell neutralises cells that a spreadsheet would read as a formula
// (leading = + - @, or a tab or carriage return) by prefixing a quote.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// writeCSV renders rows (header first) as a CSV download, every cell
// escaped against formula injection.
func writeCSV(rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // lets spreadsheet software read UTF-8 accents
	w := csv.NewWriter(&buf)
	for _, row := range rows {
		escaped := make([]string, len(row))
		for i, cell := range row {
			escaped[i] = csvCell(cell)
		}
		if err := w.Write(escaped); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func sendCSV(c *fiber.Ctx, filename string, rows [][]string) error {
	body, err := writeCSV(rows)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	return c.Send(body)
}
