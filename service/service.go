// Package service wires Entraide together: store, tokens, hasher, HTTP
// server and background workers. main and the multi-instance tests use it.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/entraide/entraide/applications"
	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/catalog"
	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/events"
	"github.com/entraide/entraide/geo"
	"github.com/entraide/entraide/handlers"
	"github.com/entraide/entraide/notify"
	"github.com/entraide/entraide/organizations"
	"github.com/entraide/entraide/privacy"
	"github.com/entraide/entraide/store"
	"github.com/entraide/entraide/watch"
)

// Service is one running instance.
type Service struct {
	Config  *config.Config
	Store   *store.Store
	Server  *handlers.Server
	Hasher  *auth.Hasher
	Log     *slog.Logger
	Notify  *notify.Service
	Catalog *catalog.Catalog
	// Applications and Privacy are the domains the background jobs run;
	// Events carries what one feature tells the others, wired here once.
	Applications *applications.Service
	Privacy      *privacy.Service
	Events       *events.Bus
	Outbox       *notify.Worker // tests drive it with RunOnce and their clock
	embedded     *store.Embedded
	ownStore     bool

	// Watch keeps in touch with isolated people (issue 15).
	Watch *watch.Service
	// Organizations holds the rules of organisations and their members.
	Organizations *organizations.Service

	workers      []Worker
	stopWorkers  context.CancelFunc
	workersGroup sync.WaitGroup
}

// Worker is a background loop (e-mail outbox, reminders, reconciliation,
// index polling). Run returns when ctx is cancelled.
type Worker struct {
	Name string
	Run  func(ctx context.Context)
}

// AddWorker registers a background loop; Start runs it.
func (svc *Service) AddWorker(w Worker) { svc.workers = append(svc.workers, w) }

// Start runs the background workers. Tests that drive jobs by hand with an
// injected clock do not call it.
func (svc *Service) Start() {
	if svc.stopWorkers != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	svc.stopWorkers = cancel
	for _, w := range svc.workers {
		svc.workersGroup.Add(1)
		go func() {
			defer svc.workersGroup.Done()
			svc.Log.Debug("worker started", "worker", w.Name)
			w.Run(ctx)
		}()
	}
}

// stop cancels the workers and waits for them, within ctx.
func (svc *Service) stop(ctx context.Context) {
	if svc.stopWorkers == nil {
		return
	}
	svc.stopWorkers()
	done := make(chan struct{})
	go func() { svc.workersGroup.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		svc.Log.Warn("workers did not stop in time")
	}
}

// IndexSnapshotFile is the matching index's snapshot, under the data
// directory: written at intervals and at shutdown, read at start-up.
const IndexSnapshotFile = "index.snapshot"

// CataloguePoll is how often an instance checks for other instances'
// changes to missions and profiles: they show within about this delay.
const CataloguePoll = time.Second

// Options adjust how an instance is built; tests use them.
type Options struct {
	// Store, when set, is used instead of opening one from the config.
	Store *store.Store
	// Argon2 overrides the password hashing cost (tests use a cheap one).
	Argon2 *auth.Argon2Params
	Now    func() time.Time
	// Demo loads the demo data on the first start (development).
	Demo bool
	// NoIndex skips building the matching index: one-off commands
	// (seed, admin) do not search.
	NoIndex bool
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
	if err := svc.Store.Backfill(ctx, time.Now().UTC()); err != nil {
		return fail(fmt.Errorf("backfill key documents: %w", err))
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
	svc.Notify, err = notify.New(svc.Store, notify.Options{BaseURL: cfg.BaseURL, From: cfg.MailFrom, Logger: log, Now: opts.Now})
	if err != nil {
		return fail(err)
	}
	sender, mailTo, err := notify.NewSender(cfg.SMTPURL, cfg.DataDir)
	if err != nil {
		return fail(fmt.Errorf("e-mail: %w", err))
	}
	if cfg.SMTPURL == "" && cfg.Production() {
		log.Warn("SMTP_URL is not set: e-mails are written to files, not sent", "to", mailTo)
	} else {
		log.Info("e-mail delivery", "to", mailTo)
	}
	svc.Outbox = svc.Notify.NewWorker(sender, notify.WorkerOptions{Logger: log, Now: opts.Now})
	svc.AddWorker(Worker{Name: "outbox", Run: svc.Outbox.Run})
	if opts.Demo {
		if err := svc.loadDemo(ctx); err != nil {
			return fail(err)
		}
	}
	svc.Catalog = catalog.New(svc.Store, log, opts.Now)
	if !opts.NoIndex {
		svc.Catalog.UseSnapshot(filepath.Join(cfg.DataDir, IndexSnapshotFile))
		if err := svc.Catalog.Load(ctx); err != nil {
			return fail(fmt.Errorf("build the matching index: %w", err))
		}
	}
	svc.AddWorker(Worker{Name: "catalogue-poll", Run: func(ctx context.Context) { svc.Catalog.Run(ctx, CataloguePoll) }})
	if !opts.NoIndex {
		svc.AddWorker(Worker{Name: "index-snapshot", Run: func(ctx context.Context) {
			if err := svc.Catalog.VerifyAfterCrash(ctx); err != nil && ctx.Err() == nil {
				log.Error("index verification after an unclean shutdown failed", "error", err)
			}
			svc.Catalog.RunSnapshots(ctx, catalog.SnapshotEvery)
		}})
	}
	svc.Events = &events.Bus{}
	svc.Applications = &applications.Service{Store: svc.Store, Notify: svc.Notify, Catalog: svc.Catalog, Log: log, Now: opts.Now}
	svc.Privacy = &privacy.Service{Store: svc.Store, Notify: svc.Notify, Events: svc.Events, Log: log, Now: opts.Now}
	svc.Watch = watch.New(svc.Store, svc.Notify, watch.Options{Logger: log, Now: opts.Now})
	svc.Organizations = &organizations.Service{Store: svc.Store, Apps: svc.Applications, Events: svc.Events,
		Gazetteer: geo.Default(), BaseURL: cfg.BaseURL, Log: log, Now: opts.Now}
	svc.wireEvents()
	server, err := handlers.New(handlers.Deps{
		Config: cfg, Store: svc.Store, Tokens: tokens, Hasher: svc.Hasher, Logger: log, Now: opts.Now,
		Notify: svc.Notify, Catalog: svc.Catalog,
		Applications: svc.Applications, Privacy: svc.Privacy, Events: svc.Events, Watch: svc.Watch,
		Gazetteer: geo.Default(), Organizations: svc.Organizations,
	})
	if err != nil {
		return fail(err)
	}
	svc.Server = server
	svc.AddWorker(Worker{Name: "auto-close", Run: every(time.Minute, func(ctx context.Context) {
		if _, err := svc.Applications.CloseEndedMissions(ctx); err != nil {
			jobFailed(ctx, log, "auto-close failed", err)
		}
	})})
	// Places are recounted soon after start-up and hourly, each time in
	// two looks PlaceDriftGrace apart (see ReconcilePlaces).
	svc.AddWorker(Worker{Name: "places-reconcile", Run: everyAfter(2*time.Minute, time.Hour, func(ctx context.Context) {
		for pass := range 2 {
			if _, err := svc.Applications.ReconcilePlaces(ctx); err != nil {
				jobFailed(ctx, log, "places reconciliation failed", err)
			}
			if pass == 0 {
				select {
				case <-ctx.Done():
					return
				case <-time.After(2 * applications.PlaceDriftGrace):
				}
			}
		}
	})})
	svc.AddWorker(Worker{Name: "waitlist-offers", Run: every(time.Minute, func(ctx context.Context) {
		if _, err := svc.Applications.ExpireOffers(ctx); err != nil {
			jobFailed(ctx, log, "waitlist offer expiry failed", err)
		}
	})})
	// Every way a place frees up offers it at once (a release, a raised
	// capacity, a waitlisted application that finds room, a recount), so
	// the sweep of every waiting list is only a safety net (a crash
	// between two writes). It reads each waitlisted shift: thousands of
	// key reads at a large size, too many for every minute, and nothing
	// to hurry for after a restart.
	svc.AddWorker(Worker{Name: "waitlist-sweep", Run: everyAfter(5*time.Minute, 15*time.Minute, func(ctx context.Context) {
		if _, err := svc.Applications.FillWaitlists(ctx); err != nil {
			jobFailed(ctx, log, "waitlist fill failed", err)
		}
	})})
	svc.AddWorker(Worker{Name: "application-reminders", Run: every(5*time.Minute, func(ctx context.Context) {
		if _, err := svc.Applications.RemindPendingApplications(ctx); err != nil {
			jobFailed(ctx, log, "pending application reminders failed", err)
		}
		if _, err := svc.Applications.ReleaseUnanswered(ctx); err != nil {
			jobFailed(ctx, log, "unanswered application release failed", err)
		}
		if _, err := svc.Applications.RemindShifts(ctx); err != nil {
			jobFailed(ctx, log, "shift reminders failed", err)
		}
	})})
	// Privacy retention (docs/privacy.md): daily, and once soon after
	// start-up.
	svc.AddWorker(Worker{Name: "privacy-retention", Run: everyAfter(6*time.Minute, 24*time.Hour, func(ctx context.Context) {
		if _, err := svc.Privacy.WarnInactiveAccounts(ctx); err != nil {
			jobFailed(ctx, log, "inactivity warnings failed", err)
		}
		if _, err := svc.Privacy.AnonymizeInactiveAccounts(ctx); err != nil {
			jobFailed(ctx, log, "inactive account anonymisation failed", err)
		}
		if _, err := svc.Privacy.PurgeOldMessages(ctx); err != nil {
			jobFailed(ctx, log, "old message purge failed", err)
		}
	})})
	// Watch lists and call logs are deleted a set time after their
	// programme ends (docs/privacy.md), checked daily.
	svc.AddWorker(Worker{Name: "watch-retention", Run: everyAfter(8*time.Minute, 24*time.Hour, func(ctx context.Context) {
		if _, err := svc.Watch.PurgeEnded(ctx); err != nil {
			jobFailed(ctx, log, "watch retention failed", err)
		}
	})})
	// The admins' queues are lists written after their records; a crash in
	// between would hide an organisation, a report or a mission from every
	// admin. Checked every six hours, first half an hour after start.
	svc.AddWorker(Worker{Name: "queue-heal", Run: everyAfter(30*time.Minute, 6*time.Hour, func(ctx context.Context) {
		healed, err := svc.Store.HealQueueLists(ctx)
		if err != nil {
			jobFailed(ctx, log, "queue lists check failed", err)
			return
		}
		if healed > 0 {
			log.Warn("queue entries restored after a crash", "count", healed)
		}
	})})
	svc.AddWorker(Worker{Name: "response-times", Run: everyAfter(4*time.Minute, time.Hour, func(ctx context.Context) {
		if _, err := svc.Applications.UpdateResponseTimes(ctx); err != nil {
			jobFailed(ctx, log, "response times failed", err)
		}
	})})
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
	svc.stop(ctx)
	// After the workers, so that no poll runs while the records are read.
	if svc.Catalog != nil && svc.Server != nil {
		if err := svc.Catalog.SaveSnapshot(ctx, true); err != nil {
			svc.Log.Warn("index snapshot not written at shutdown", "error", err)
		}
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

// every runs job now and then at each interval until ctx ends.
// everyAfter is every with the first run first after start-up. The jobs
// that scan a collection on the embedded store (reconciliation, retention,
// response times) start a few minutes apart and after the first requests:
// a restart is when clients are waiting (a deploy, a crash), and right after
// one every scan at once took the request paths' CPU (docs/benchmarks.md,
// "Routes at S after the context-aware write lock").
func everyAfter(first, interval time.Duration, job func(ctx context.Context)) func(ctx context.Context) {
	return func(ctx context.Context) {
		select {
		case <-ctx.Done():
			return
		case <-time.After(first):
		}
		every(interval, job)(ctx)
	}
}

// jobFailed logs a job's failure; one cut short by the shutdown (its
// context ended) is not an error, and the next start runs it again.
func jobFailed(ctx context.Context, log *slog.Logger, msg string, err error) {
	if ctx.Err() != nil {
		log.Info(msg+" (stopped by the shutdown)", "error", err)
		return
	}
	log.Error(msg, "error", err)
}

func every(interval time.Duration, job func(ctx context.Context)) func(ctx context.Context) {
	return func(ctx context.Context) {
		ticker := time.NewTicker(interval)
		defer ticker.Stop()
		for {
			job(ctx)
			select {
			case <-ctx.Done():
				return
			case <-ticker.C:
			}
		}
	}
}
