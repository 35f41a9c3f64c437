package handlers

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecodeStrict feeds arbitrary bodies to the strict JSON decoder of
// every request type: it must never panic, and must either succeed or
// return a 4xx problem.
func FuzzDecodeStrict(f *testing.F) {
	for _, seed := range []string{`{"email":"a@b.c","password":"x"}`, `{"email":{"$ne":null}}`, `[]`, `{"a":1}{"b":2}`,
		`{"title":"x","shifts":[{"start":"2030-01-01T00:00:00Z","end":"2030-01-01T03:00:00Z","capacity":3}]}`, `{"name":"\u0000"}`, ``, `nul`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		targets := []any{&signupRequest{}, &loginRequest{}, &refreshRequest{}, &mePatchRequest{}, &orgRequest{},
			&missionRequest{}, &profileRequest{}, &reportRequest{}, &invitationRequest{}, &addShiftsRequest{}}
		for _, dst := range targets {
			err := decodeStrict(body, dst)
			if err == nil {
				continue
			}
			var p *Problem
			if !errors.As(err, &p) || p.Status < 400 || p.Status >= 500 {
				t.Fatalf("decode %T of %q: %v is not a 4xx problem", dst, body, err)
			}
		}
	})
}

// FuzzWriteCSV checks that no cell comes out starting with a formula
// character and that the output parses back to the same number of cells.
func FuzzWriteCSV(f *testing.F) {
	for _, seed := range []string{"=1+1", "+33 6", "-", "@SUM(A1)", "\tx", "plain", "a,b\"c\nd", ""} {
		f.Add(seed, "second")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		out, err := writeCSV([][]string{{"h1", "h2"}, {a, b}}, ',')
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(out), "\ufeff"))).ReadAll()
		if err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
		if len(rows) != 2 || len(rows[1]) != 2 {
			t.Fatalf("rows: %q", rows)
		}
		for _, cell := range rows[1] {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Fatalf("formula cell %q", cell)
			}
		}
	})
}
