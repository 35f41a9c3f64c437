package main

import (
	"fmt"
	"math"
	"sort"
)

// Fallbacks for a postcode whose main commune has no coordinates of its own, best first.
const (
	viaSibling = "sibling"        // another commune served by the same postcode
	viaEPCI    = "epci"           // population-weighted centre of the commune's EPCI
	viaArr     = "arrondissement" // same, over the department's arrondissement
	viaDept    = "department"     // same, over the department
	viaTerr    = "territory"      // most populous GeoNames place of an overseas territory
	viaFixed   = "fixed"          // a place no source has; see fixedPlaces
)

// fixedPlaces are postcodes of places that no package locates. Clipperton is an
// uninhabited atoll, absent from GeoNames' populated places; its position is public.
var fixedPlaces = map[string][2]float64{
	"98799": {10.3, -109.2167},
}

// row is one line of the output file.
type row struct {
	postcode   string
	city       string
	lat, lon   float64
	population int
	via        string
}

// link ties a postcode to a commune; extra links come from codes-postaux only.
type link struct {
	c     *commune
	extra bool
}

// linkPostcodes returns the communes served by each postcode. decoupage-administratif
// (La Poste's current list) is authoritative; codes-postaux only adds the postcodes it
// lacks (mostly special or military ones, still in use).
func linkPostcodes(s *sources, l *locator) map[string][]link {
	out := map[string][]link{}
	for i := range s.communes {
		c := &s.communes[i]
		if c.Type != typeCurrent && c.Type != typeMunicipal {
			continue
		}
		for _, pc := range c.Postcodes {
			out[pc] = append(out[pc], link{c: c})
		}
	}
	// Paris, Lyon and Marseille list their arrondissements' postcodes too: keep only the
	// arrondissement, which is both more precise and not counted twice for population.
	for pc, ls := range out {
		parents := map[string]bool{}
		for _, k := range ls {
			if k.c.Type == typeMunicipal {
				parents[k.c.Parent] = true
			}
		}
		kept := ls[:0]
		for _, k := range ls {
			if !parents[k.c.Code] {
				kept = append(kept, k)
			}
		}
		out[pc] = kept
	}
	extra := map[string][]link{}
	for _, e := range s.links {
		if _, ok := out[e.Postcode]; ok {
			continue
		}
		c := l.current[e.Commune]
		if c == nil {
			c = l.chefLieu(e.Commune)
		}
		if c == nil {
			c = &commune{Code: e.Commune, Name: e.Name, Type: typeCurrent, Dept: deptOf(e.Commune)}
		}
		extra[e.Postcode] = append(extra[e.Postcode], link{c: c, extra: true})
	}
	for pc, ls := range extra {
		out[pc] = ls
	}
	return out
}

// largest is the most populous cities500 place of an overseas territory, or nil.
func (l *locator) largest(area string) *geoPlace {
	var b *geoPlace
	for _, p := range l.byArea[area] {
		if p.FromCities500 && (b == nil || p.Population > b.Population) {
			b = p
		}
	}
	return b
}

// chefLieu is the current commune that absorbed a former commune, or nil.
func (l *locator) chefLieu(code string) *commune {
	for parent, ds := range l.delegated {
		for _, d := range ds {
			if d.Code == code {
				return l.current[parent]
			}
		}
	}
	return nil
}

// deptOf derives the department from an INSEE commune code (three digits overseas).
func deptOf(code string) string {
	if code[:2] == "97" || code[:2] == "98" {
		return code[:3]
	}
	return code[:2]
}

// centroids holds population-weighted sums of located communes per group key.
type centroids map[string]*[3]float64

func (m centroids) add(key string, lat, lon float64, pop int) {
	if key == "" {
		return
	}
	w := float64(max(pop, 1)) // uninhabited communes still count a little
	s := m[key]
	if s == nil {
		s = new([3]float64)
		m[key] = s
	}
	s[0] += lat * w
	s[1] += lon * w
	s[2] += w
}

func (m centroids) at(key string) (lat, lon float64, ok bool) {
	s := m[key]
	if key == "" || s == nil {
		return 0, 0, false
	}
	return s[0] / s[2], s[1] / s[2], true
}

// buildRows joins postcodes to coordinates and populations, one row per postcode.
func buildRows(s *sources, l *locator) ([]row, error) {
	epciOf := map[string]string{}
	for _, e := range s.epcis {
		for _, m := range e.Members {
			epciOf[m.Code] = e.Code
		}
	}
	groupEPCI, groupArr, groupDept := centroids{}, centroids{}, centroids{}
	for i := range s.communes {
		c := &s.communes[i]
		if c.Type != typeCurrent {
			continue // arrondissements municipaux would count their city twice
		}
		if p := l.locate(c); p != nil {
			groupEPCI.add(epciOf[c.Code], p.lat, p.lon, c.Population)
			groupArr.add(c.Dept+"/"+c.Arr, p.lat, p.lon, c.Population)
			groupDept.add(c.Dept, p.lat, p.lon, c.Population)
		}
	}

	links := linkPostcodes(s, l)
	shares := map[string]int{} // number of postcodes over which a commune's population is split
	for _, ls := range links {
		for _, k := range ls {
			if !k.extra {
				shares[k.c.Code]++
			}
		}
	}

	var rows []row
	var missing []string
	for pc, ls := range links {
		sort.Slice(ls, func(i, j int) bool {
			if ls[i].c.Population != ls[j].c.Population {
				return ls[i].c.Population > ls[j].c.Population
			}
			return ls[i].c.Code < ls[j].c.Code
		})
		main := ls[0].c
		r := row{postcode: pc, city: main.Name}
		pop := 0.0
		for _, k := range ls {
			if !k.extra {
				pop += float64(k.c.Population) / float64(shares[k.c.Code])
			}
		}
		r.population = int(math.Round(pop))
		if !placeRow(&r, ls, l, epciOf, groupEPCI, groupArr, groupDept) {
			missing = append(missing, pc+" "+main.Name)
			continue
		}
		rows = append(rows, r)
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("%d postcodes without coordinates: %v", len(missing), missing)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].postcode < rows[j].postcode })
	return rows, nil
}

// placeRow sets the row's coordinates from its main commune, else the first fallback
// that applies. ls is sorted by population, main commune first.
func placeRow(r *row, ls []link, l *locator, epciOf map[string]string, groupEPCI, groupArr, groupDept centroids) bool {
	for i, k := range ls {
		if p := l.locate(k.c); p != nil {
			r.lat, r.lon, r.via = p.lat, p.lon, p.via
			if i > 0 {
				r.via = viaSibling
			}
			return true
		}
	}
	main := ls[0].c
	code := main.Code
	if main.Type == typeMunicipal {
		code = main.Parent // EPCI members are whole communes
	}
	var ok bool
	if r.lat, r.lon, ok = groupEPCI.at(epciOf[code]); ok {
		r.via = viaEPCI
		return true
	}
	if main.Arr != "" {
		if r.lat, r.lon, ok = groupArr.at(main.Dept + "/" + main.Arr); ok {
			r.via = viaArr
			return true
		}
	}
	if r.lat, r.lon, ok = groupDept.at(main.Dept); ok {
		r.via = viaDept
		return true
	}
	// Saint-Barthélemy and Saint-Martin are single-commune territories whose GeoNames
	// places are their towns (Gustavia, Marigot), not the commune's name.
	if p := l.largest(overseas[main.Dept]); p != nil {
		r.lat, r.lon, r.via = p.Lat, p.Lon, viaTerr
		return true
	}
	if p, ok := fixedPlaces[r.postcode]; ok {
		r.lat, r.lon, r.via = p[0], p[1], viaFixed
		return true
	}
	return false
}
