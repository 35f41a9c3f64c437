package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
)

func loadConfig(getenv func(string) string) (*config.Config, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return nil, fmt.Errorf("configuration:\n%w", err)
	}
	if err := cfg.EnsureDevSecret(); err != nil {
		return nil, fmt.Errorf("jwt secret: %w", err)
	}
	return cfg, nil
}

func serve(ctx context.Context, getenv func(string) string, stdout, stderr io.Writer) error {
	started := time.Now()
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	log := newLogger(stderr, cfg.Production(), cfg.LogLevel)
	log.Info("starting", "config", cfg.String())
	for _, w := range cfg.Warnings() {
		log.Warn("configuration", "warning", w)
	}
	svc, err := service.Open(ctx, cfg, log, service.Options{Demo: cfg.Seed && !cfg.Production()})
	if err != nil {
		return err
	}
	svc.Start()
	errc := make(chan error, 1)
	go func() { errc <- svc.Listen() }()

	fmt.Fprintf(stdout, "Entraide is listening on http://%s (ready in %s)\n", cfg.Addr, time.Since(started).Round(time.Millisecond))
	if !cfg.Production() {
		printAccounts(ctx, svc, stdout)
	}
	select {
	case err := <-errc:
		svc.Close(context.Background())
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	return svc.Shutdown(shutdownCtx)
}

// printAccounts tells a developer how to log in: the demo accounts, or
// the synthetic ones when the database holds a synthetic data set.
func printAccounts(ctx context.Context, svc *service.Service, stdout io.Writer) {
	if ds, err := svc.Store.Dataset(ctx); err == nil && ds != nil && ds.Kind == store.DatasetSynthetic {
		fmt.Fprintf(stdout, "Synthetic data set: %d missions, %d volunteers (password %q):\n", ds.Missions, ds.Volunteers, seeds.DemoPassword)
		fmt.Fprintf(stdout, "  %-13s %s\n  %-13s %s\n  %-13s %s\n", "admin", seeds.SyntheticAdminEmail,
			"organization", seeds.SyntheticOrgEmail(1), "volunteer", seeds.SyntheticVolunteerEmail(1))
		return
	}
	fmt.Fprintf(stdout, "Demo accounts (password %q):\n", seeds.DemoPassword)
	for _, a := range seeds.Accounts() {
		fmt.Fprintf(stdout, "  %-13s %s\n", a.Role, a.Email)
	}
}
