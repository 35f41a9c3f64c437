package i18n

// pageWordsCatalogue holds the words pages use instead of internal codes:
// times and their zones, states, roles, exports.
var pageWordsCatalogue = map[string][2]string{
	"mission.times_in": {"Horaires indiqués en %s.", "Times are given in %s."},
}

func init() {
	for k, v := range pageWordsCatalogue {
		if _, dup := catalogue[k]; dup {
			panic("i18n: key " + k + " is defined twice")
		}
		catalogue[k] = v
	}
}
