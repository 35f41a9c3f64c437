package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
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
	svc, err := service.Open(ctx, cfg, log, service.Options{})
	if err != nil {
		return err
	}
	if cfg.Seed && !cfg.Production() {
		first, err := svc.Store.MarkOnce(ctx, "demo-seeds", time.Now().UTC())
		if err != nil {
			svc.Close(context.Background())
			return fmt.Errorf("seeds: %w", err)
		}
		if first {
			n, err := seeds.Load(ctx, svc.Store, svc.Hasher, time.Now().UTC(), service.SeedLoaders()...)
			if err != nil {
				svc.Close(context.Background())
				return fmt.Errorf("seeds: %w", err)
			}
			log.Info("demo data loaded", "users", n)
			// The index was built before the demo data existed: rebuild the
			// index with the demo data so that it is searchable at once.
			if err := svc.Catalog.Load(ctx); err != nil {
				svc.Close(context.Background())
				return fmt.Errorf("index: %w", err)
			}
		}
	}
	svc.Start()
	errc := make(chan error, 1)
	go func() { errc <- svc.Listen() }()

	fmt.Fprintf(stdout, "Entraide is listening on http://%s (ready in %s)\n", cfg.Addr, time.Since(started).Round(time.Millisecond))
	if !cfg.Production() {
		fmt.Fprintf(stdout, "Demo accounts (password %q):\n", seeds.DemoPassword)
		for _, a := range seeds.Accounts() {
			fmt.Fprintf(stdout, "  %-13s %s\n", a.Role, a.Email)
		}
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
