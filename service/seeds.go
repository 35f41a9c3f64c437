package service

import "github.com/entraide/entraide/seeds"

// SeedLoaders returns each feature's demo data loader, in order.
func SeedLoaders() []seeds.Loader {
	return []seeds.Loader{seeds.LoadOrganizations}
}
