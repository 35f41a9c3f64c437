// Package service wires Entraide together: store, tokens, hasher, HTTP
// server and background workers. main and the multi-instance tests use it.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/handlers"
	"github.com/entraide/entraide/store"
)

// Service is one running instance.
type Service struct {
	Config   *config.Config
	Store    *store.Store
	Server   *handlers.Server
	Hasher   *auth.Hasher
	Log      *slog.Logger
	embedded *store.Embedded
	ownStore bool
}

// Options adjust how an instance is built; tests use them.
type Options struct {
	// Store, when set, is used instead of opening one from the config.
	Store *store.Store
	// Argon2 overrides the password hashing cost (tests use a cheap one).
	Argon2 *auth.Argon2Params
	Now    func() time.Time
}

// Open builds an instance: it opens the store, applies migrations and
// builds the HTTP server. It does not listen yet.
func Open(ctx context.Context, cfg *config.Config, log *slog.Logger, opts Options) (*Service, error) {
	svc := &Service{Config: cfg, Log: log}
	if opts.Store != nil {
		svc.Store = opts.Store
	} else if err := svc.openStore(ctx); err != nil {
		return nil, err
	}
	fail := func(err error) (*Service, error) {
		svc.Close(context.Background())
		return nil, err
	}
	applied, err := svc.Store.Migrate(ctx)
	if err != nil {
		return fail(fmt.Errorf("migrate: %w", err))
	}
	if applied > 0 {
		log.Info("index migrations applied", "count", applied)
	}
	params := auth.DefaultArgon2
	if opts.Argon2 != nil {
		params = *opts.Argon2
	}
	svc.Hasher = auth.NewHasher(params, cfg.HashWorkers)
	keys := []auth.Key{{ID: config.KeyID(cfg.JWTSecret), Secret: cfg.JWTSecret}}
	for _, old := range cfg.JWTOldSecrets {
		keys = append(keys, auth.Key{ID: config.KeyID(old), Secret: old})
	}
	tokens, err := auth.NewTokens(keys, "entraide", "entraide-api", opts.Now)
	if err != nil {
		return fail(err)
	}
	server, err := handlers.New(handlers.Deps{
		Config: cfg, Store: svc.Store, Tokens: tokens, Hasher: svc.Hasher, Logger: log, Now: opts.Now,
	})
	if err != nil {
		return fail(err)
	}
	svc.Server = server
	return svc, nil
}

func (svc *Service) openStore(ctx context.Context) error {
	cfg := svc.Config
	if !cfg.Embedded() {
		st, err := store.Connect(ctx, cfg.MongoURI, cfg.Database)
		if err != nil {
			return err
		}
		svc.Store, svc.ownStore = st, true
		return nil
	}
	emb, err := store.StartEmbedded(cfg.DataDir, nil)
	if err != nil {
		return err
	}
	st, err := emb.Connect(ctx, cfg.Database)
	if err != nil {
		_ = emb.Close()
		return err
	}
	svc.embedded, svc.Store, svc.ownStore = emb, st, true
	return nil
}

// Listen serves HTTP on the configured address until Shutdown.
func (svc *Service) Listen() error {
	err := svc.Server.App().Listen(svc.Config.Addr)
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return nil
}

// Shutdown stops in order: HTTP (drain requests), workers, store.
func (svc *Service) Shutdown(ctx context.Context) error {
	var errs []error
	if svc.Server != nil {
		errs = append(errs, svc.Server.Shutdown(ctx))
	}
	errs = append(errs, svc.Close(ctx))
	return errors.Join(errs...)
}

// Close releases the store if the service opened it.
func (svc *Service) Close(ctx context.Context) error {
	var errs []error
	if svc.ownStore && svc.Store != nil {
		errs = append(errs, svc.Store.Close(ctx))
	}
	if svc.embedded != nil {
		errs = append(errs, svc.embedded.Close())
	}
	return errors.Join(errs...)
}
