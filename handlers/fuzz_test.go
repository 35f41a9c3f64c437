package handlers

import (
	"encoding/csv"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/models"
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

// FuzzParseSearch feeds arbitrary query strings to the search parameter
// parser: it must never panic, and errors must be validation errors naming
// a field (400s).
func FuzzParseSearch(f *testing.F) {
	for _, seed := range []string{"category=food_aid&near=13001&radius_km=20", "near=43.3,5.4&sort=distance", "q=%C3%A9picerie&page=2",
		"from=2030-01-01&to=2029-01-01", "radius_km=NaN", "near=91,181", "age=-1&per_page=999", "category=a,b,,c&skills=driving",
		"near=Saint-Denis", "q=maraude+paris+18e", "near=Marseille+3e"} {
		f.Add(seed)
	}
	app := fiber.New()
	s := &Server{gazetteer: geo.Default()}
	f.Fuzz(func(t *testing.T, query string) {
		fctx := &fasthttp.RequestCtx{}
		fctx.Request.SetRequestURI("/api/v1/missions?" + query)
		c := app.AcquireCtx(fctx)
		defer app.ReleaseCtx(c)
		req, err := s.parseSearch(queryValues(c))
		if err != nil {
			var verr *models.ValidationError
			var p *Problem
			if errors.As(err, &p) && p.Status == 400 && len(p.Fields) > 0 {
				return // an ambiguous place, with its candidates
			}
			if !errors.As(err, &verr) || len(verr.Fields) == 0 {
				t.Fatalf("%q: %v is not a validation error", query, err)
			}
			return
		}
		q := req.query
		if q.RadiusKm < 0 || q.RadiusKm > 200 || q.PerPage > 50 || q.Page < 1 {
			t.Fatalf("%q: out-of-range query accepted: %+v", query, q)
		}
	})
}
