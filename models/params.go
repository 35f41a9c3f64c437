package models

import (
	"errors"
	"strconv"
	"time"
)

// MaxPage bounds page numbers: 1,000 pages of 50 is more than any list a
// person reads, and a bound keeps skip arithmetic and scans small.
const MaxPage = 1000

// ParsePaging reads page and per_page (1-based) with get, which reads a
// query string or a form; per_page defaults to defaultSize and is at most
// maxSize. It reports the first bad one, as a field error, to v.
func ParsePaging(v *Validator, get func(string) string, defaultSize, maxSize int) (page, perPage int) {
	page, perPage = 1, defaultSize
	if raw := get("page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > MaxPage {
			v.Add("page", "page_range", MaxPage)
			return page, perPage
		}
		page = n
	}
	if raw := get("per_page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > maxSize {
			v.Add("per_page", "invalid_per_page", maxSize)
			return page, perPage
		}
		perPage = n
	}
	return page, perPage
}

// ParseTime reads an RFC 3339 time or a YYYY-MM-DD date; "" is the zero time.
func ParseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC(), nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, errors.New("invalid date")
}
