package service

import (
	"context"
	"fmt"
	"time"

	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/store"
)

// SeedLoaders returns each feature's demo data loader, in order.
func SeedLoaders() []seeds.Loader {
	return []seeds.Loader{seeds.LoadOrganizations}
}

// loadDemo loads the demo data on the first start, before the index is
// built so that it is built once. A database that holds a synthetic data
// set never gets the demo data on top: its figures would be skewed.
func (svc *Service) loadDemo(ctx context.Context) error {
	ds, err := svc.Store.Dataset(ctx)
	if err != nil {
		return err
	}
	if ds != nil && ds.Kind == store.DatasetSynthetic {
		svc.Log.Info("demo data not loaded: the database holds a synthetic data set",
			"missions", ds.Missions, "volunteers", ds.Volunteers)
		return nil
	}
	now := time.Now().UTC()
	first, err := svc.Store.MarkOnce(ctx, "demo-seeds", now)
	if err != nil || !first {
		return err
	}
	n, err := seeds.Load(ctx, svc.Store, svc.Hasher, now, SeedLoaders()...)
	if err != nil {
		return fmt.Errorf("seeds: %w", err)
	}
	svc.Log.Info("demo data loaded", "users", n)
	return nil
}
