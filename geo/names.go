package geo

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// NamedPlace is a place a person can name: a commune (all its postcodes together), an
// arrondissement of Paris, Lyon or Marseille, a postcode, or an overseas department or
// island. RadiusKm is the search radius that suits it (0: the caller's default).
type NamedPlace struct {
	Name       string // as shown: "Marseille 3e Arrondissement", "Saint-Denis"
	Postcode   string // its main postcode
	Department string // "13", "2A", "974"
	Point
	Population int
	RadiusKm   float64
}

// nameEntry is a commune (or arrondissement, or region) under a normalised name.
type nameEntry struct {
	place NamedPlace
	// arrondissements of Paris, Lyon and Marseille by number, pointing into entries.
	arr map[int]int
}

// nameIndex finds places by name; it is built once from the gazetteer.
type nameIndex struct {
	entries []nameEntry
	byName  map[string][]int // normalised name → entries
	keys    []string         // every normalised name, sorted, for suggestions
}

var arrondissementName = regexp.MustCompile(`^(.*) (\d+)(er|e) arrondissement$`)

// regions are places people name that are not communes: the overseas departments and
// islands, with a radius that covers them.
var regions = []NamedPlace{
	{Name: "La Réunion", Postcode: "97400", Department: "974", Point: Point{-21.13, 55.53}, RadiusKm: 70},
	{Name: "Martinique", Postcode: "97200", Department: "972", Point: Point{14.64, -61.02}, RadiusKm: 60},
	{Name: "Guadeloupe", Postcode: "97110", Department: "971", Point: Point{16.18, -61.55}, RadiusKm: 70},
	{Name: "Guyane", Postcode: "97300", Department: "973", Point: Point{4.94, -52.33}, RadiusKm: 150},
	{Name: "Mayotte", Postcode: "97600", Department: "976", Point: Point{-12.82, 45.15}, RadiusKm: 40},
	{Name: "Corse", Postcode: "20000", Department: "2A", Point: Point{42.15, 9.09}, RadiusKm: 120},
}

var regionAliases = map[string]string{"reunion": "la reunion", "ile de la reunion": "la reunion"}

// placeNames returns the index of place names, built on first use.
func (g *Gazetteer) placeNames() *nameIndex {
	g.namesOnce.Do(func() { g.nameIx = buildNames(g) })
	return g.nameIx
}

// Department returns the department of a postcode: its first two digits, three overseas,
// and 2A/2B for Corsica.
func Department(postcode string) string {
	switch {
	case len(postcode) < 3:
		return postcode
	case strings.HasPrefix(postcode, "97") || strings.HasPrefix(postcode, "98"):
		return postcode[:3]
	case strings.HasPrefix(postcode, "20"):
		if postcode < "20200" {
			return "2A"
		}
		return "2B"
	}
	return postcode[:2]
}

func buildNames(g *Gazetteer) *nameIndex {
	ix := &nameIndex{byName: map[string][]int{}}
	type groupKey struct{ name, dep string }
	groups := map[groupKey][]int{} // postcodes of one commune
	var order []groupKey
	arrs := map[string]map[int]int{} // city → arrondissement → entry
	for i := range g.Len() {
		p := g.place(i)
		if p.Population == 0 {
			continue // special postcodes (businesses, post boxes)
		}
		dep := Department(p.Postcode)
		name := NormalizeName(p.City)
		if m := arrondissementName.FindStringSubmatch(name); m != nil {
			n, _ := strconv.Atoi(m[2])
			entry := len(ix.entries)
			ix.entries = append(ix.entries, nameEntry{place: NamedPlace{Name: p.City, Postcode: p.Postcode,
				Department: dep, Point: p.Point, Population: p.Population}})
			if arrs[m[1]] == nil {
				arrs[m[1]] = map[int]int{}
			}
			arrs[m[1]][n] = entry
			name = m[1]
		}
		k := groupKey{name, dep}
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	for _, k := range order {
		codes := groups[k]
		// The commune's point is its postcode nearest the middle of all of them (for
		// Marseille, the 1st arrondissement rather than the most populous).
		var middle Point
		pop := 0
		for _, i := range codes {
			p := g.place(i)
			middle.Lat += p.Lat / float64(len(codes))
			middle.Lon += p.Lon / float64(len(codes))
			pop += p.Population
		}
		best := g.place(codes[0])
		for _, i := range codes[1:] {
			if p := g.place(i); DistanceKm(p.Point, middle) < DistanceKm(best.Point, middle) {
				best = p
			}
		}
		name := best.City
		if m := arrondissementName.FindStringSubmatch(NormalizeName(name)); m != nil {
			name = strings.TrimSuffix(strings.TrimSuffix(name, " Arrondissement"), " "+m[2]+m[3])
		}
		e := nameEntry{place: NamedPlace{Name: name, Postcode: best.Postcode, Department: k.dep, Point: best.Point, Population: pop}}
		if a := arrs[k.name]; a != nil && Department(best.Postcode) == k.dep {
			e.arr = a
		}
		ix.add(k.name, e)
	}
	for _, r := range regions {
		ix.add(NormalizeName(r.Name), nameEntry{place: r})
	}
	for alias, name := range regionAliases {
		ix.byName[alias] = append(ix.byName[alias], ix.byName[name]...)
	}
	for k := range ix.byName {
		ix.keys = append(ix.keys, k)
	}
	sort.Strings(ix.keys)
	return ix
}

func (ix *nameIndex) add(name string, e nameEntry) {
	ix.byName[name] = append(ix.byName[name], len(ix.entries))
	ix.entries = append(ix.entries, e)
}

// NormalizeName folds a place name the way people type it: lower case, no accents, words
// separated by single spaces (hyphens and apostrophes are spaces), and "st"/"ste" spelt
// "saint"/"sainte".
func NormalizeName(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		if f, ok := foldRune[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		switch w {
		case "st":
			words[i] = "saint"
		case "ste":
			words[i] = "sainte"
		}
	}
	return strings.Join(words, " ")
}

var foldRune = map[rune]string{
	'à': "a", 'â': "a", 'ä': "a", 'á': "a", 'ç': "c", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'î': "i", 'ï': "i", 'í': "i", 'ô': "o", 'ö': "o", 'ó': "o", 'ù': "u", 'û': "u", 'ü': "u", 'ú': "u",
	'ÿ': "y", 'œ': "oe", 'æ': "ae", 'ñ': "n",
}
