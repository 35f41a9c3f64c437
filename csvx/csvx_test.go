package csvx

import (
	"encoding/csv"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCellEscaping(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+33": "'+33", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "ok": "ok", "": ""} {
		if got := Cell(in); got != want {
			t.Fatalf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWriteExcel: the Excel variant has the byte-order mark and semicolons,
// and a cell holding the separator is quoted.
func TestWriteExcel(t *testing.T) {
	sep, ok := Separator("excel")
	if !ok || sep != Semicolon {
		t.Fatalf("excel: %q %v", sep, ok)
	}
	out, err := Write([][]string{{"Nom", "Ville"}, {"Dupont; fils", "=Lyon"}}, sep)
	if err != nil {
		t.Fatal(err)
	}
	if want := "\ufeffNom;Ville\n\"Dupont; fils\";'=Lyon\n"; string(out) != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	for _, f := range []string{"", "csv"} {
		if sep, ok := Separator(f); !ok || sep != Comma {
			t.Errorf("%q: %q %v", f, sep, ok)
		}
	}
	if _, ok := Separator("xlsx"); ok {
		t.Error("xlsx accepted")
	}
}

func TestWordsInLanguage(t *testing.T) {
	if YesNo("fr", true) == YesNo("en", true) || YesNo("fr", true) == YesNo("fr", false) {
		t.Errorf("yes/no words: %q %q %q", YesNo("fr", true), YesNo("en", true), YesNo("fr", false))
	}
	if h := Header("en", "title"); len(h) != 1 || h[0] == "" || h[0] == "csv.title" {
		t.Errorf("header %v", h)
	}
	if Time("fr", nil, "Europe/Paris") != "" {
		t.Error("nil time not empty")
	}
}

// FuzzWrite checks that no cell comes out starting with a formula
// character and that the output parses back to the same number of cells.
func FuzzWrite(f *testing.F) {
	for _, seed := range []string{"=1+1", "+33 6", "-", "@SUM(A1)", "\tx", "plain", "a,b\"c\nd", ""} {
		f.Add(seed, "second")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		out, err := Write([][]string{{"h1", "h2"}, {a, b}}, Comma)
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
