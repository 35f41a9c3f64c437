package geo

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math"
	"strings"
	"testing"
)

func TestLookupSample(t *testing.T) {
	// Reference positions are the town centres, to within the tolerance: a postcode
	// is placed on its main commune's GeoNames point, never on a precise address.
	cases := []struct {
		postcode, city string
		lat, lon       float64
	}{
		{"75001", "Paris 1er Arrondissement", 48.862, 2.336},
		{"13001", "Marseille 1er Arrondissement", 43.300, 5.384},
		{"69001", "Lyon 1er Arrondissement", 45.767, 4.834},
		{"13100", "Aix-en-Provence", 43.529, 5.447},
		{"20000", "Ajaccio", 41.919, 8.738},
		{"20200", "Bastia", 42.700, 9.450},
		{"97110", "Pointe-à-Pitre", 16.241, -61.533},
		{"97200", "Fort-de-France", 14.607, -61.067},
		{"97300", "Cayenne", 4.933, -52.330},
		{"97400", "Saint-Denis", -20.882, 55.450},
		{"97600", "Mamoudzou", -12.780, 45.228},
	}
	g := Default()
	for _, c := range cases {
		p, ok := g.Lookup(c.postcode)
		if !ok {
			t.Errorf("Lookup(%s): not found", c.postcode)
			continue
		}
		if p.Postcode != c.postcode || p.City != c.city {
			t.Errorf("Lookup(%s) = %s %q, want %s %q", c.postcode, p.Postcode, p.City, c.postcode, c.city)
		}
		if d := DistanceKm(p.Point, Point{c.lat, c.lon}); d > 5 {
			t.Errorf("Lookup(%s) = %v, %.1f km from %v,%v", c.postcode, p.Point, d, c.lat, c.lon)
		}
		if p.Population <= 0 {
			t.Errorf("Lookup(%s): population %d", c.postcode, p.Population)
		}
	}
}

func TestLookupTrimsAndRejects(t *testing.T) {
	g := Default()
	if p, ok := g.Lookup(" 13001\t"); !ok || p.Postcode != "13001" {
		t.Errorf(`Lookup(" 13001\t") = %+v, %v`, p, ok)
	}
	for _, s := range []string{"00000", "99999", "75000", "1300", "130011", "13 001", "", "abcde", "１３００１"} {
		if p, ok := g.Lookup(s); ok {
			t.Errorf("Lookup(%q) = %+v, want not found", s, p)
		}
	}
}

// box is a latitude/longitude rectangle.
type box struct{ minLat, maxLat, minLon, maxLon float64 }

func (b box) has(p Point) bool {
	return p.Lat >= b.minLat && p.Lat <= b.maxLat && p.Lon >= b.minLon && p.Lon <= b.maxLon
}

// territories are generous boxes around each part of France, by postcode prefix;
// the first matching prefix applies, so longer prefixes come first.
// 971 includes Saint-Barthélemy and Saint-Martin, which kept Guadeloupe's postcodes.
var territories = []struct {
	prefix string
	box    box
}{
	{"20", box{41.3, 43.1, 8.5, 9.6}},          // Corsica
	{"971", box{15.8, 18.2, -63.2, -60.9}},     // Guadeloupe, Saint-Barthélemy, Saint-Martin
	{"972", box{14.3, 14.95, -61.3, -60.75}},   // Martinique
	{"973", box{2.1, 5.8, -54.7, -51.5}},       // Guyane
	{"974", box{-21.45, -20.8, 55.2, 55.9}},    // La Réunion
	{"975", box{46.7, 47.2, -56.5, -56.1}},     // Saint-Pierre-et-Miquelon
	{"976", box{-13.1, -12.6, 44.9, 45.35}},    // Mayotte
	{"986", box{-14.4, -13.1, -178.3, -176.0}}, // Wallis-et-Futuna
	{"98799", box{10.2, 10.4, -109.3, -109.1}}, // Clipperton
	{"987", box{-28.0, -7.8, -155.0, -134.0}},  // French Polynesia
	{"988", box{-23.0, -19.0, 163.0, 169.0}},   // New Caledonia
	{"", box{41.3, 51.1, -5.2, 9.6}},           // metropolitan France
}

func TestEveryPlaceInsideFrance(t *testing.T) {
	g := Default()
	places := g.Places()
	if len(places) != g.Len() || len(places) < 6000 {
		t.Fatalf("Places() has %d entries, Len() %d; want the same, over 6000", len(places), g.Len())
	}
	seen := map[string]int{}
	total := 0
	for i, p := range places {
		if i > 0 && places[i-1].Postcode >= p.Postcode {
			t.Fatalf("Places() not sorted at %s", p.Postcode)
		}
		if !ValidPostcode(p.Postcode) || p.City == "" || p.Population < 0 {
			t.Errorf("bad place %+v", p)
		}
		total += p.Population
		for _, tr := range territories {
			if strings.HasPrefix(p.Postcode, tr.prefix) {
				if !tr.box.has(p.Point) {
					t.Errorf("%s %s at %v is outside the box of prefix %q", p.Postcode, p.City, p.Point, tr.prefix)
				}
				seen[tr.prefix]++
				break
			}
		}
	}
	for _, tr := range territories {
		if seen[tr.prefix] == 0 {
			t.Errorf("no postcode with prefix %q", tr.prefix)
		}
	}
	// The populations are split from INSEE's legal populations: about 68 to 70 million.
	if total < 65e6 || total > 72e6 {
		t.Errorf("total population %d, want about 69 million", total)
	}
}

func TestParsePoint(t *testing.T) {
	good := map[string]Point{
		"48.8566,2.3522":     {48.8566, 2.3522},
		" 43.2965 , 5.3698 ": {43.2965, 5.3698},
		"-20.88,55.45":       {-20.88, 55.45},
		"+90,-180":           {90, -180},
		"0,0":                {0, 0},
		"-12.7806,45.2279":   {-12.7806, 45.2279},
		"16.2411,-61.5331":   {16.2411, -61.5331},
		"4.9333,-52.33":      {4.9333, -52.33},
		"10.123456789,1.0":   {10.123456789, 1},
		"00048.5,002.0":      {48.5, 2},
	}
	for s, want := range good {
		got, err := ParsePoint(s)
		if err != nil || got != want {
			t.Errorf("ParsePoint(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	bad := []string{
		"", ",", "48.8", "48.8,", ",2.3", "48.8;2.3", "48.8 2.3", "1,2,3",
		"90.0001,0", "-90.5,0", "0,180.5", "0,-181",
		"NaN,0", "0,NaN", "Inf,0", "0,-Inf", "+Inf,1", "infinity,0",
		"1e1,2", "0x1p-2,0", "1_0,2", "--1,2", "+-1,2", ".5,2", "5.,2", "1.2.3,4",
		"a,b", "48,8,2,3", "４８.８,２.３", strings.Repeat("1", 100) + ",2",
	}
	for _, s := range bad {
		if p, err := ParsePoint(s); !errors.Is(err, ErrBadPoint) {
			t.Errorf("ParsePoint(%q) = %v, %v; want ErrBadPoint", s, p, err)
		}
	}
}

func TestResolve(t *testing.T) {
	g := Default()
	p, err := g.Resolve(" 75001 ")
	if err != nil || DistanceKm(p, Point{48.862, 2.336}) > 5 {
		t.Errorf("Resolve(75001) = %v, %v", p, err)
	}
	if p, err := g.Resolve("43.3,5.4"); err != nil || p != (Point{43.3, 5.4}) {
		t.Errorf("Resolve(43.3,5.4) = %v, %v", p, err)
	}
	for _, s := range []string{"00000", "99999", "", "Paris", "75 001"} {
		_, err := g.Resolve(s)
		if !errors.Is(err, ErrUnknownPostcode) {
			t.Errorf("Resolve(%q) error %v, want ErrUnknownPostcode", s, err)
		}
	}
	_, err = g.Resolve("99999")
	if err == nil || !strings.Contains(err.Error(), "99999") {
		t.Errorf("Resolve(99999) error %q should name the postcode", err)
	}
	if _, err := g.Resolve("91,2"); !errors.Is(err, ErrBadPoint) {
		t.Errorf("Resolve(91,2) error %v, want ErrBadPoint", err)
	}
	long := strings.Repeat("x", 10000)
	if _, err := g.Resolve(long); err == nil || len(err.Error()) > 200 {
		t.Errorf("Resolve(10000 x) error is %d bytes, want it short", len(err.Error()))
	}
}

func TestDistanceKm(t *testing.T) {
	g := Default()
	paris, _ := g.Lookup("75001")
	marseille, _ := g.Lookup("13001")
	if d := DistanceKm(paris.Point, marseille.Point); math.Abs(d-660) > 10 {
		t.Errorf("Paris–Marseille = %.1f km, want about 660", d)
	}
	if d := DistanceKm(marseille.Point, paris.Point); math.Abs(d-DistanceKm(paris.Point, marseille.Point)) > 1e-9 {
		t.Errorf("distance is not symmetric")
	}
	if d := DistanceKm(paris.Point, paris.Point); d != 0 {
		t.Errorf("distance to itself = %v", d)
	}
	if d := DistanceKm(Point{0, 0}, Point{0, 180}); math.Abs(d-math.Pi*earthRadiusKm) > 1e-6 {
		t.Errorf("half the equator = %v", d)
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestParseRejectsCorruptData(t *testing.T) {
	bad := map[string][]byte{
		"not gzip":       []byte("75001\tParis\t48.8\t2.3\t1\n"),
		"empty":          gz("# only a comment\n"),
		"fields":         gz("75001\tParis\t48.8\t2.3\n"),
		"postcode":       gz("7500A\tParis\t48.8\t2.3\t1\n"),
		"order":          gz("75002\tParis\t48.8\t2.3\t1\n75001\tParis\t48.8\t2.3\t1\n"),
		"duplicate":      gz("75001\tParis\t48.8\t2.3\t1\n75001\tParis\t48.8\t2.3\t1\n"),
		"city":           gz("75001\t\t48.8\t2.3\t1\n"),
		"latitude":       gz("75001\tParis\t91\t2.3\t1\n"),
		"longitude":      gz("75001\tParis\t48.8\tNaN\t1\n"),
		"population":     gz("75001\tParis\t48.8\t2.3\t-1\n"),
		"truncated gzip": gz("75001\tParis\t48.8\t2.3\t1\n")[:20],
	}
	for name, data := range bad {
		if _, err := parse(data); err == nil {
			t.Errorf("%s: parse accepted corrupt data", name)
		}
	}
	g, err := parse(gz("# header\n01000\tBourg\t46.2\t5.2\t10\n75001\tParis\t48.8\t2.3\t20\n"))
	if err != nil || g.Len() != 2 {
		t.Fatalf("parse: %v", err)
	}
	if p, ok := g.Lookup("75001"); !ok || p.City != "Paris" || p.Population != 20 || p.Point != (Point{48.8, 2.3}) {
		t.Errorf("Lookup(75001) = %+v, %v", p, ok)
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"75001", " 13001 ", "00000", "48.85,2.35", "-90,180", "NaN,1",
		"1e308,1", ",", "", "97600", "9760", "4.9,-52.3,", "\x00", "é,à"} {
		f.Add(s)
	}
	g := Default()
	f.Fuzz(func(t *testing.T, s string) {
		p, err := g.Resolve(s)
		if err != nil {
			if !errors.Is(err, ErrUnknownPostcode) && !errors.Is(err, ErrBadPoint) {
				t.Fatalf("Resolve(%q): unexpected error %v", s, err)
			}
			return
		}
		if math.IsNaN(p.Lat) || math.IsNaN(p.Lon) || math.Abs(p.Lat) > 90 || math.Abs(p.Lon) > 180 {
			t.Fatalf("Resolve(%q) = %v, out of range", s, p)
		}
	})
}
