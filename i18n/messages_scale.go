package i18n

func init() {
	for k, v := range scaleCatalogue {
		catalogue[k] = v
	}
}

// scaleCatalogue holds the messages of answers under load.
var scaleCatalogue = map[string][2]string{
	"detail.busy": {"Le service est très sollicité en ce moment. Réessayez dans quelques secondes.", "The service is very busy right now. Try again in a few seconds."},
}
