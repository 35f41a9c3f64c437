package main

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Ways a commune gets its own coordinates, best first. Each is "direct": the point is
// the commune itself (or, for a commune nouvelle, the village that is its seat).
const (
	viaINSEE     = "insee"     // cities500 place carrying the commune's INSEE code
	viaMunicipal = "municipal" // Paris, Lyon or Marseille arrondissement by its number
	viaName      = "name"      // same name in the same department (or overseas territory)
	viaSeat      = "seat"      // a commune nouvelle located by one of its communes déléguées
)

// located is a commune's coordinates and how they were found.
type located struct {
	lat, lon float64
	via      string
}

// overseas maps the INSEE department codes of the DROM and COM to the ISO codes
// under which GeoNames files them.
var overseas = map[string]string{
	"971": "GP", "972": "MQ", "973": "GF", "974": "RE", "976": "YT",
	"975": "PM", "977": "BL", "978": "MF", "986": "WF", "987": "PF", "988": "NC",
}

// areaOf is the key within which names are compared: the department in metropolitan
// France, the whole territory overseas (GeoNames' admin2 does not match INSEE there).
func areaOf(country, dept string) string {
	if country == "FR" {
		return "FR:" + dept
	}
	return country
}

func deptArea(dept string) string {
	if c, ok := overseas[dept]; ok {
		return c
	}
	return areaOf("FR", dept)
}

// locator finds the coordinates of communes in the GeoNames places.
type locator struct {
	current   map[string]*commune   // communes actuelles and arrondissements municipaux
	delegated map[string][]*commune // communes déléguées/associées by the code of their commune
	byINSEE   map[string][]*geoPlace
	by500     map[string][]*geoPlace // area|name key, cities500
	byJSON    map[string][]*geoPlace // area|name key, cities.json
	byArea    map[string][]*geoPlace
	memo      map[string]*located
}

func newLocator(s *sources) *locator {
	l := &locator{
		current:   map[string]*commune{},
		delegated: map[string][]*commune{},
		byINSEE:   map[string][]*geoPlace{},
		by500:     map[string][]*geoPlace{},
		byJSON:    map[string][]*geoPlace{},
		byArea:    map[string][]*geoPlace{},
		memo:      map[string]*located{},
	}
	for i := range s.communes {
		c := &s.communes[i]
		switch c.Type {
		case typeCurrent, typeMunicipal:
			l.current[c.Code] = c
		default:
			l.delegated[c.ChefLieu] = append(l.delegated[c.ChefLieu], c)
		}
	}
	for _, ds := range l.delegated {
		// The seat shares its code with the commune nouvelle; try it first.
		sort.SliceStable(ds, func(i, j int) bool {
			return ds[i].Code == ds[i].ChefLieu && ds[j].Code != ds[j].ChefLieu
		})
	}
	for i := range s.places {
		p := &s.places[i]
		area := areaOf(p.Country, p.Admin2)
		key := area + "|" + normName(p.Name)
		l.byArea[area] = append(l.byArea[area], p)
		if !p.FromCities500 {
			l.byJSON[key] = append(l.byJSON[key], p)
			continue
		}
		l.by500[key] = append(l.by500[key], p)
		for _, code := range p.inseeCodes() {
			l.byINSEE[code] = append(l.byINSEE[code], p)
		}
	}
	return l
}

// inseeCodes are the INSEE commune codes GeoNames tags a place with: admin4 in France
// and the DROM, but admin1 or admin2 in the Pacific territories.
func (p *geoPlace) inseeCodes() []string {
	var out []string
	for _, c := range []string{p.Admin4, p.Admin1, p.Admin2} {
		if len(c) == 5 && (c == p.Admin4 || strings.HasPrefix(c, "98")) {
			out = append(out, c)
		}
	}
	return out
}

// best picks among places that may all be the commune: the one named like it, then an
// administrative seat (GeoNames PPLA*/PPLC), then the most populous.
func best(ps []*geoPlace, name string) *geoPlace {
	key := normName(name)
	score := func(p *geoPlace) int {
		s := 0
		if normName(p.Name) == key {
			s += 2
		}
		if strings.HasPrefix(p.FCode, "PPLA") || p.FCode == "PPLC" {
			s++
		}
		return s
	}
	var b *geoPlace
	for _, p := range ps {
		if b == nil || score(p) > score(b) || (score(p) == score(b) && p.Population > b.Population) {
			b = p
		}
	}
	return b
}

// byName finds a place called name in the department's area. A cities500 place tagged
// with the INSEE code of a current commune other than own is a hamlet of that commune,
// so it is skipped; cities.json (no codes) is used only for names cities500 lacks.
func (l *locator) byName(name, dept string, own ...string) *geoPlace {
	key := deptArea(dept) + "|" + normName(name)
	var ok []*geoPlace
	for _, p := range l.by500[key] {
		if p.Admin4 == "" || l.current[p.Admin4] == nil || slices.Contains(own, p.Admin4) {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 && len(l.by500[key]) == 0 {
		ok = l.byJSON[key]
	}
	if len(ok) == 0 {
		return nil
	}
	return best(ok, name)
}

// municipal finds "Paris 01 Louvre", "Lyon 01" or "Marseille 01" for an arrondissement
// municipal, whose INSEE name is "Paris 1er Arrondissement".
func (l *locator) municipal(c *commune) *geoPlace {
	parent := l.current[c.Parent]
	if parent == nil {
		return nil
	}
	rest := strings.TrimPrefix(c.Name, parent.Name+" ")
	end := strings.IndexFunc(rest+" ", func(r rune) bool { return r < '0' || r > '9' })
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return nil
	}
	prefix := fmt.Sprintf("%s %02d", normName(parent.Name), n)
	var ok []*geoPlace
	for _, p := range l.byArea[deptArea(c.Dept)] {
		if k := normName(p.Name); k == prefix || strings.HasPrefix(k, prefix+" ") {
			ok = append(ok, p)
		}
	}
	if len(ok) == 0 {
		return nil
	}
	return best(ok, c.Name)
}

// locate returns the commune's own coordinates, or nil when no source has them.
func (l *locator) locate(c *commune) *located {
	if r, ok := l.memo[c.Code]; ok {
		return r
	}
	r := l.find(c)
	l.memo[c.Code] = r
	return r
}

func (l *locator) find(c *commune) *located {
	at := func(p *geoPlace, via string) *located { return &located{p.Lat, p.Lon, via} }
	if ps := l.byINSEE[c.Code]; len(ps) > 0 {
		return at(best(ps, c.Name), viaINSEE)
	}
	if c.Type == typeMunicipal {
		if p := l.municipal(c); p != nil {
			return at(p, viaMunicipal)
		}
	}
	if p := l.byName(c.Name, c.Dept, c.Code, c.Parent); p != nil {
		return at(p, viaName)
	}
	for _, d := range l.delegated[c.Code] {
		if d.Code != c.Code && l.current[d.Code] == nil {
			if ps := l.byINSEE[d.Code]; len(ps) > 0 {
				return at(best(ps, d.Name), viaSeat)
			}
		}
		if p := l.byName(d.Name, c.Dept, c.Code, d.Code); p != nil {
			return at(p, viaSeat)
		}
	}
	return nil
}
