package geo

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Errors returned by Resolve and ParsePoint; their messages are safe to show to users.
var (
	// ErrUnknownPostcode means the input is not a postcode of the gazetteer.
	ErrUnknownPostcode = errors.New("unknown French postcode")
	// ErrBadPoint means the input is not a "lat,lon" pair of decimal degrees in range.
	ErrBadPoint = errors.New(`invalid point: want "lat,lon" in decimal degrees`)
)

// ValidPostcode reports whether s is exactly five ASCII digits.
func ValidPostcode(s string) bool {
	if len(s) != 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParsePoint parses "lat,lon" in decimal degrees, such as "48.8566, 2.3522".
func ParsePoint(s string) (Point, error) {
	latS, lonS, ok := strings.Cut(s, ",")
	if !ok {
		return Point{}, fmt.Errorf("%w: no comma in %s", ErrBadPoint, quote(s))
	}
	lat, err := decimal(latS, 90)
	if err != nil {
		return Point{}, fmt.Errorf("%w: latitude %s", ErrBadPoint, err)
	}
	lon, err := decimal(lonS, 180)
	if err != nil {
		return Point{}, fmt.Errorf("%w: longitude %s", ErrBadPoint, err)
	}
	return Point{Lat: lat, Lon: lon}, nil
}

// maxDecimal bounds a coordinate's length: 3 digits, a point and 15 decimals is
// already more than float64 holds, and it keeps pathological input cheap.
const maxDecimal = 24

// decimal parses a plain decimal number within ±limit. It accepts only an optional
// sign, digits and one decimal point, so the exponents, hexadecimal floats, "NaN" and
// "Inf" that strconv.ParseFloat would take are refused.
func decimal(s string, limit float64) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxDecimal {
		return 0, fmt.Errorf("%s is empty or too long", quote(s))
	}
	body := strings.TrimLeft(s[:1], "+-") + s[1:]
	intPart, frac, hasDot := strings.Cut(body, ".")
	if intPart == "" || !digits(intPart) || (hasDot && (frac == "" || !digits(frac))) {
		return 0, fmt.Errorf("%s is not a decimal number", quote(s))
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > limit {
		return 0, fmt.Errorf("%s is out of range ±%g", quote(s), limit)
	}
	return v, nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// quote shows user input in an error safely: quoted, control characters escaped,
// and cut short so a huge input does not make a huge message.
func quote(s string) string {
	const limit = 32
	if len(s) > limit {
		cut := limit
		for cut > 0 && !isRuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	return strconv.Quote(s)
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Resolve turns a postcode ("13001") or a point ("43.3,5.4") into a position.
// Errors wrap ErrUnknownPostcode or ErrBadPoint, which callers map to a 400.
func (g *Gazetteer) Resolve(s string) (Point, error) {
	s = strings.TrimSpace(s)
	if strings.Contains(s, ",") {
		return ParsePoint(s)
	}
	if p, ok := g.Lookup(s); ok {
		return p.Point, nil
	}
	if !ValidPostcode(s) {
		return Point{}, fmt.Errorf(`%w: %s is neither a 5-digit postcode nor a "lat,lon" point`, ErrUnknownPostcode, quote(s))
	}
	return Point{}, fmt.Errorf("%w: %s", ErrUnknownPostcode, s)
}

// earthRadiusKm is the mean Earth radius (IUGG).
const earthRadiusKm = 6371.0088

// DistanceKm returns the great-circle (haversine) distance between two points.
func DistanceKm(a, b Point) float64 {
	const rad = math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	// Rounding can push h a hair above 1 for antipodal points; Asin would give NaN.
	return 2 * earthRadiusKm * math.Asin(math.Sqrt(math.Min(1, h)))
}
