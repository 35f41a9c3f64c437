// Command table turns the output of `go test -bench` into the Markdown
// tables of docs/benchmarks.md: one table per package, one row per
// benchmark, one column per reported unit (latencies reported in µs are
// shown in ms, as in the document). Every other line is passed through, so
// that failures stay visible; a failure makes the command fail too.
//
//	go test -run '^$' -bench . -benchtime 1x ./match/ | go run ./bench/table
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "table:", err)
		os.Exit(1)
	}
}

// result is one benchmark line: its name and its values by unit.
type result struct {
	name   string
	values map[string]string
}

// table collects the results of one package.
type table struct {
	pkg     string
	units   []string
	results []result
}

var cpuSuffix = regexp.MustCompile(`-\d+$`)

// errFailed makes a failed benchmark fail the pipe it ends.
var errFailed = errors.New("a benchmark failed")

func run(in io.Reader, out io.Writer) error {
	failed := false
	var current *table
	flush := func() {
		if current != nil && len(current.results) > 0 {
			current.write(out)
		}
		current = nil
	}
	scanner := bufio.NewScanner(in)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		line := scanner.Text()
		fields := strings.Fields(line)
		switch {
		case strings.HasPrefix(line, "pkg: "):
			flush()
			current = &table{pkg: strings.TrimPrefix(line, "pkg: ")}
		case strings.HasPrefix(line, "Benchmark") && len(fields) >= 4 && current != nil:
			current.add(fields)
		case strings.HasPrefix(line, "ok ") || strings.HasPrefix(line, "PASS"):
			flush()
			fmt.Fprintln(out, line)
		case strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "--- FAIL"):
			flush()
			failed = true
			fmt.Fprintln(out, line)
		default:
			fmt.Fprintln(out, line)
		}
	}
	flush()
	if err := scanner.Err(); err != nil {
		return err
	}
	if failed {
		return errFailed
	}
	return nil
}

// add reads "BenchmarkName-2  N  value unit  value unit ...".
func (t *table) add(fields []string) {
	r := result{name: cpuSuffix.ReplaceAllString(strings.TrimPrefix(fields[0], "Benchmark"), ""), values: map[string]string{}}
	for i := 2; i+1 < len(fields); i += 2 {
		unit, value := fields[i+1], fields[i]
		if unit == "ns/op" && value == "0" {
			continue // latency benchmarks report percentiles instead
		}
		if !slices.Contains(t.units, unit) {
			t.units = append(t.units, unit)
		}
		r.values[unit] = value
	}
	t.results = append(t.results, r)
}

// columnOrder puts the latency columns in the document's order (go test
// sorts custom units by name); other units follow as they came.
var columnOrder = []string{"p50_µs", "p99_µs", "max_µs", "cpu_p50_µs", "cpu_p99_µs"}

func rank(unit string) int {
	if i := slices.Index(columnOrder, unit); i >= 0 {
		return i
	}
	return len(columnOrder)
}

func (t *table) write(out io.Writer) {
	slices.SortStableFunc(t.units, func(a, b string) int { return rank(a) - rank(b) })
	fmt.Fprintf(out, "\n%s\n\n| benchmark |", t.pkg)
	for _, unit := range t.units {
		fmt.Fprintf(out, " %s |", header(unit))
	}
	fmt.Fprint(out, "\n| --- |")
	for range t.units {
		fmt.Fprint(out, " --- |")
	}
	fmt.Fprintln(out)
	for _, r := range t.results {
		fmt.Fprintf(out, "| %s |", r.name)
		for _, unit := range t.units {
			fmt.Fprintf(out, " %s |", cell(unit, r.values[unit]))
		}
		fmt.Fprintln(out)
	}
	fmt.Fprintln(out)
}

func header(unit string) string {
	if name, ok := strings.CutSuffix(unit, "_µs"); ok {
		return strings.ReplaceAll(name, "_", " ")
	}
	return unit
}

func cell(unit, value string) string {
	if value == "" {
		return ""
	}
	if strings.HasSuffix(unit, "_µs") {
		if us, err := strconv.ParseFloat(value, 64); err == nil {
			return strconv.FormatFloat(us/1000, 'g', 3, 64) + " ms"
		}
	}
	return value
}
