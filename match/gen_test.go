package match

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Synthetic data for tests and benchmarks: deterministic for a seed, with points clustered
// around French cities (weighted by population) and some spread over the whole country.

type city struct {
	name     string
	lat, lon float64
	weight   float64 // metropolitan population, thousands
}

var cities = []city{
	{"Paris", 48.8566, 2.3522, 10800}, {"Lyon", 45.7640, 4.8357, 2300}, {"Marseille", 43.2965, 5.3698, 1870},
	{"Toulouse", 43.6047, 1.4442, 1450}, {"Lille", 50.6292, 3.0573, 1510}, {"Bordeaux", 44.8378, -0.5792, 1360},
	{"Nice", 43.7102, 7.2620, 1000}, {"Nantes", 47.2184, -1.5536, 1000}, {"Strasbourg", 48.5734, 7.7521, 850},
	{"Montpellier", 43.6108, 3.8767, 800}, {"Rennes", 48.1173, -1.6778, 760}, {"Grenoble", 45.1885, 5.7245, 700},
	{"Rouen", 49.4432, 1.0999, 670}, {"Toulon", 43.1242, 5.9280, 630}, {"Nancy", 48.6921, 6.1844, 510},
	{"Metz", 49.1193, 6.1757, 390}, {"Saint-Étienne", 45.4397, 4.3872, 520}, {"Clermont-Ferrand", 45.7772, 3.0870, 500},
	{"Tours", 47.3941, 0.6848, 520}, {"Orléans", 47.9030, 1.9093, 450}, {"Avignon", 43.9493, 4.8055, 530},
	{"Angers", 47.4784, -0.5632, 440}, {"Caen", 49.1829, -0.3707, 470}, {"Dijon", 47.3220, 5.0415, 390},
	{"Brest", 48.3904, -4.4861, 320}, {"Le Mans", 48.0061, 0.1996, 350}, {"Reims", 49.2583, 4.0317, 330},
	{"Amiens", 49.8941, 2.2958, 300}, {"Limoges", 45.8336, 1.2611, 310}, {"Perpignan", 42.6887, 2.8948, 330},
	{"Besançon", 47.2378, 6.0241, 280}, {"Poitiers", 46.5802, 0.3404, 270}, {"Pau", 43.2951, -0.3708, 240},
	{"Bayonne", 43.4929, -1.4748, 310}, {"La Rochelle", 46.1603, -1.1511, 220}, {"Mulhouse", 47.7508, 7.3359, 280},
	{"Annecy", 45.8992, 6.1294, 230}, {"Valence", 44.9334, 4.8924, 190}, {"Nîmes", 43.8367, 4.3601, 260},
	{"Ajaccio", 41.9192, 8.7386, 90},
}

var (
	genCategories = []string{"food-aid", "isolation", "childcare", "education", "health", "environment",
		"culture", "sport", "housing", "migrants", "digital", "emergency"}
	genSkills = []string{"driving", "cooking", "first-aid", "tutoring", "translation", "it-support",
		"phone-support", "handiwork", "gardening", "accounting", "legal-advice", "communication",
		"event-planning", "sewing", "music", "sports-coaching", "childcare-certified", "elderly-care",
		"logistics", "warehouse", "sorting", "distribution", "reception", "listening", "photography",
		"video", "web-design", "social-media", "fundraising", "writing", "proofreading", "data-entry",
		"mentoring", "job-coaching", "administrative-help", "nursing", "psychology", "carpentry",
		"painting", "plumbing"}
	genLanguages = []struct {
		code string
		p    float64
	}{{"en", 0.30}, {"ar", 0.10}, {"es", 0.08}, {"pt", 0.05}, {"it", 0.03}, {"de", 0.03}, {"ro", 0.02},
		{"tr", 0.02}, {"ru", 0.02}, {"uk", 0.02}, {"pl", 0.01}, {"zh", 0.01}, {"vi", 0.01}, {"wo", 0.01},
		{"bm", 0.01}, {"kab", 0.01}, {"ff", 0.005}, {"ln", 0.005}, {"ta", 0.003}, {"sw", 0.003}}
	genWords = []string{"bénévole", "épicerie", "solidaire", "solidarité", "aînés", "quartier",
		"accompagnement", "écoute", "hôpital", "français", "œuvre", "cœur", "été", "créneau", "réseau",
		"équipe", "accueil", "familles", "enfants", "devoirs", "soutien", "scolaire", "informatique",
		"numérique", "démarches", "administratives", "jardin", "partagé", "recyclage", "vêtements",
		"maraude", "sans-abri", "repas", "colis", "livraison", "pharmacie", "courses", "téléphone",
		"convivialité", "lecture", "atelier", "cuisine", "santé", "prévention", "réfugiés", "exilés",
		"traduction", "alphabétisation", "sport", "culture", "musée", "festival", "logement",
		"déménagement", "bricolage", "propreté", "nature", "forêt", "plage", "collecte", "tri", "entrepôt",
		"garçon", "fête", "noël", "mère", "père", "âge", "élève", "naïf", "ça", "déjà", "voilà"}
	genTitles = []string{"Distribution alimentaire à l'épicerie solidaire", "Collecte pour la banque alimentaire",
		"Appels de convivialité aux aînés isolés", "Visites à domicile de personnes âgées",
		"Garde d'enfants de soignants", "Aide aux devoirs après l'école", "Accueil des familles à l'hôpital",
		"Nettoyage de la plage", "Jardin partagé du quartier", "Atelier numérique pour seniors",
		"Maraude auprès des sans-abri", "Cours de français pour exilés", "Tri de vêtements au vestiaire",
		"Livraison de courses à domicile", "Fête de quartier", "Festival de musique : accueil du public",
		"EPICERIE SOCIALE : ACCUEIL", "Soutien scolaire en ligne", "Écoute téléphonique", "Déménagement solidaire"}
	genOrgs = []string{"Secours populaire", "Restos du cœur", "Croix-Rouge française", "Emmaüs",
		"Banque alimentaire", "Petits frères des pauvres", "Secours catholique", "Habitat et humanisme",
		"La Cimade", "France terre d'asile", "Mairie", "Centre communal d'action sociale"}
)

// genBase is the reference "now" of generated data: shifts spread over the 60 days after it.
var genBase = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

type generator struct {
	rng      *rand.Rand
	zipf     *rand.Zipf
	cumCity  []float64
	arena    []string // backing store for small string slices, to keep allocations few
	freeTags bool
}

func newGenerator(seed uint64) *generator {
	g := &generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), freeTags: true}
	g.zipf = rand.NewZipf(g.rng, 1.1, 2, uint64(len(genWords)-1))
	total := 0.0
	for _, c := range cities {
		total += c.weight
		g.cumCity = append(g.cumCity, total)
	}
	return g
}

// point returns a location: 80% around a city, 20% anywhere in metropolitan France.
// Coordinates are rounded to float32 so that the index and references compute the same.
func (g *generator) point() (float64, float64) {
	var lat, lon float64
	if g.rng.Float64() < 0.8 {
		x := g.rng.Float64() * g.cumCity[len(g.cumCity)-1]
		i := 0
		for g.cumCity[i] < x {
			i++
		}
		c := cities[i]
		sigma := 3 + math.Sqrt(c.weight)/10 // km
		lat = c.lat + g.rng.NormFloat64()*sigma/kmPerDegree
		lon = c.lon + g.rng.NormFloat64()*sigma/(kmPerDegree*math.Cos(c.lat*math.Pi/180))
	} else {
		lat, lon = 42.3+g.rng.Float64()*8.7, -4.7+g.rng.Float64()*12.9
	}
	return float64(float32(lat)), float64(float32(lon))
}

// pick returns up to n distinct names from list.
func (g *generator) pick(list []string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(g.arena) < n {
		g.arena = make([]string, 4096)
	}
	out := g.arena[:0:n]
	g.arena = g.arena[n:]
	for len(out) < n {
		name := list[g.rng.IntN(len(list))]
		dup := false
		for _, have := range out {
			dup = dup || have == name
		}
		if !dup {
			out = append(out, name)
		}
	}
	return out
}

func (g *generator) languages() []string {
	langs := []string{"fr"}
	for _, l := range genLanguages {
		if g.rng.Float64() < l.p {
			langs = append(langs, l.code)
		}
	}
	return langs
}

func (g *generator) mission(i int) Mission {
	r := g.rng
	city := cities[r.IntN(len(cities))]
	m := Mission{
		ID: fmt.Sprintf("m%07d", i), OrgID: fmt.Sprintf("o%05d", r.IntN(5000)),
		OrgName:  genOrgs[r.IntN(len(genOrgs))] + " " + city.name,
		Title:    genTitles[r.IntN(len(genTitles))],
		Category: genCategories[r.IntN(len(genCategories))],
		Postcode: fmt.Sprintf("%05d", 1000+r.IntN(94000)), City: city.name,
		Skills:      g.pick(genSkills, r.IntN(4)),
		Remote:      r.Float64() < 0.2,
		Urgent:      r.Float64() < 0.05,
		PublishedAt: genBase.Add(-time.Duration(r.IntN(30*24)) * time.Hour),
	}
	// Word frequencies follow Zipf's law, as in real text: a few words are everywhere,
	// most are rare.
	words := make([]byte, 0, 400)
	for range 30 + r.IntN(30) {
		words = append(append(words, genWords[g.zipf.Uint64()]...), ' ')
	}
	m.Description = string(words)
	if g.freeTags && r.Float64() < 0.1 {
		m.Skills = append(m.Skills, "tag-"+genWords[r.IntN(len(genWords))])
	}
	switch x := r.Float64(); {
	case x < 0.7:
		m.Languages = []string{"fr"}
	case x < 0.9:
		m.Languages = []string{"fr", genLanguages[r.IntN(len(genLanguages))].code}
	}
	if !m.Remote || r.Float64() < 0.3 {
		m.Lat, m.Lon = g.point()
		m.HasLocation = true
	}
	switch x := r.Float64(); {
	case x < 0.2:
		m.MinAge = 16
	case x < 0.4:
		m.MinAge = 18
	}
	m.RequiresVetting = r.Float64() < 0.05
	for j := range 1 + r.IntN(6) {
		start := genBase.Add(time.Duration(r.IntN(60*24))*time.Hour - 48*time.Hour).Truncate(time.Hour)
		capacity := 1 + r.IntN(10)
		taken := r.IntN(capacity + 1)
		if r.Float64() < 0.5 {
			taken = r.IntN(max(capacity/2, 1))
		}
		m.Shifts = append(m.Shifts, Shift{ID: fmt.Sprintf("s%d", j), Start: start,
			End: start.Add(time.Duration(2+r.IntN(3)) * time.Hour), Capacity: capacity, Taken: taken})
	}
	return m
}

func (g *generator) missions(n int) []Mission {
	out := make([]Mission, n)
	for i := range out {
		out[i] = g.mission(i)
	}
	return out
}

func (g *generator) volunteer(i int) Volunteer {
	r := g.rng
	v := Volunteer{
		ID:         fmt.Sprintf("%024x", i+1),
		Skills:     g.pick(genSkills, r.IntN(5)),
		Categories: g.pick(genCategories, r.IntN(4)),
		Languages:  g.languages(),
		RadiusKm:   []int{0, 5, 10, 10, 15, 20, 20, 30, 50, 100, 200}[r.IntN(11)],
		Remote:     r.Float64() < 0.3,
		Vetted:     r.Float64() < 0.2,
		Visible:    r.Float64() < 0.7,
		Alerts:     r.Float64() < 0.5,
	}
	if r.Float64() < 0.95 {
		v.Lat, v.Lon = g.point()
		v.HasLocation = true
	}
	if r.Float64() < 0.9 {
		for range 2 + r.IntN(7) {
			v.Availability = v.Availability.With(time.Weekday(r.IntN(7)), Slot(r.IntN(3)))
		}
	}
	if r.Float64() < 0.95 {
		v.BirthDate = time.Date(1945+r.IntN(65), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
	}
	return v
}

func (g *generator) volunteers(n int) []Volunteer {
	out := make([]Volunteer, n)
	for i := range out {
		out[i] = g.volunteer(i)
	}
	return out
}

func genConfig() Config { return Config{Skills: genSkills, Categories: genCategories} }
