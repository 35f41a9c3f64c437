package i18n

func init() {
	for k, v := range securityDomainCatalogue {
		catalogue[k] = v
	}
}

// securityDomainCatalogue holds the messages of mission revisions,
// organisation identity changes, account deletion and abuse limits.
var securityDomainCatalogue = map[string][2]string{
	"detail.no_pending_revision": {"Cette mission n'a pas de modification en attente de relecture.", "This mission has no change waiting for review."},
}
