package geo

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parse reads the gzip-compressed TSV written by tools/gazetteer: lines of
// postcode, city, lat, lon, population, sorted by postcode; lines starting with '#'
// are comments. It checks everything Lookup relies on, so a bad regeneration fails
// the tests instead of returning wrong places.
func parse(gz []byte) (*Gazetteer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, err
	}
	n := bytes.Count(data, []byte{'\n'})
	g := &Gazetteer{
		nameEnd: make([]uint32, 0, n),
		lat:     make([]int32, 0, n),
		lon:     make([]int32, 0, n),
		pop:     make([]uint32, 0, n),
	}
	var codes, names strings.Builder
	codes.Grow(5 * n)
	names.Grow(len(data) / 2) // names are roughly half of each line
	prev := ""
	for lineNo, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: %d fields, want 5", lineNo+1, len(f))
		}
		code, city := f[0], f[1]
		if !ValidPostcode(code) || code <= prev {
			return nil, fmt.Errorf("line %d: postcode %q invalid or out of order", lineNo+1, code)
		}
		if city == "" || !utf8.ValidString(city) {
			return nil, fmt.Errorf("line %d: bad city name", lineNo+1)
		}
		lat, err1 := fixed(f[2], 90)
		lon, err2 := fixed(f[3], 180)
		pop, err3 := strconv.ParseUint(f[4], 10, 32)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("line %d: bad lat, lon or population", lineNo+1)
		}
		prev = code
		codes.WriteString(code)
		names.WriteString(city)
		g.nameEnd = append(g.nameEnd, uint32(names.Len()))
		g.lat = append(g.lat, lat)
		g.lon = append(g.lon, lon)
		g.pop = append(g.pop, uint32(pop))
	}
	if len(g.pop) == 0 {
		return nil, fmt.Errorf("no places")
	}
	g.codes, g.names = codes.String(), names.String()
	return g, nil
}

// fixed parses decimal degrees within ±limit into fixed-point units.
func fixed(s string, limit float64) (int32, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.Abs(v) > limit {
		return 0, fmt.Errorf("bad coordinate %q", s)
	}
	return int32(math.Round(v * scale)), nil
}
