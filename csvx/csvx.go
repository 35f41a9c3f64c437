// Package csvx writes the CSV files people download (missions,
// organisations, attendance lists): a byte-order mark so that spreadsheet
// software reads UTF-8 accents, a comma or, for French Excel, a semicolon
// as separator, every cell escaped against formula injection, and column
// names and values in the reader's language. It knows nothing of HTTP.
package csvx

import (
	"bytes"
	"encoding/csv"
	"strings"
	"time"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/timefmt"
)

// Separators: Comma for "csv" (the default), Semicolon for "excel", which
// French Excel opens directly (a comma is its decimal mark).
const (
	Comma     = ','
	Semicolon = ';'
)

// Separator reads a format name: "" or "csv" is a comma, "excel" a
// semicolon; anything else is not a format (ok false).
func Separator(format string) (sep rune, ok bool) {
	switch format {
	case "", "csv":
		return Comma, true
	case "excel":
		return Semicolon, true
	}
	return 0, false
}

// Cell neutralises a cell that a spreadsheet would read as a formula
// (leading = + - @, or a tab or carriage return) by prefixing a quote.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Write renders rows (header first) as a CSV file with a byte-order mark,
// every cell escaped with Cell; sep is the separator.
func Write(rows [][]string, sep rune) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = sep
	for _, row := range rows {
		escaped := make([]string, len(row))
		for i, cell := range row {
			escaped[i] = Cell(cell)
		}
		if err := w.Write(escaped); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// Header names the columns in lang (catalogue keys "csv.<key>").
func Header(lang string, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = i18n.T(lang, "csv."+k)
	}
	return out
}

// YesNo writes a boolean as a word in lang.
func YesNo(lang string, b bool) string {
	if b {
		return i18n.T(lang, "csv.yes")
	}
	return i18n.T(lang, "csv.no")
}

// Time writes a time as a spreadsheet cell in zone, "07/12/2026 18:00";
// nil is an empty cell.
func Time(lang string, t *time.Time, zone string) string {
	if t == nil {
		return ""
	}
	return timefmt.Numeric(lang, *t, zone)
}
