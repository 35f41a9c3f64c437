package handlers

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/i18n"
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
// escaped against formula injection; sep is the separator (',' or ';').
func writeCSV(rows [][]string, sep rune) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // lets spreadsheet software read UTF-8 accents
	w := csv.NewWriter(&buf)
	w.Comma = sep
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

// csvSeparator reads ?format=: "excel" writes semicolons, which French
// Excel opens directly (a comma is its decimal mark); "csv" or nothing, commas.
func csvSeparator(c *fiber.Ctx) (rune, error) {
	switch c.Query("format") {
	case "", "csv":
		return ',', nil
	case "excel":
		return ';', nil
	}
	return 0, errField("format", "invalid_value")
}

// csvHeader names the columns in the request's language.
func csvHeader(lang string, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = i18n.T(lang, "csv."+k)
	}
	return out
}

// yesNo writes a boolean as a word.
func yesNo(lang string, b bool) string {
	if b {
		return i18n.T(lang, "csv.yes")
	}
	return i18n.T(lang, "csv.no")
}

func sendCSV(c *fiber.Ctx, filename string, rows [][]string) error {
	sep, err := csvSeparator(c)
	if err != nil {
		return err
	}
	body, err := writeCSV(rows, sep)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	return c.Send(body)
}
