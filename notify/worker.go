package notify

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/mail"
	"os"
	"strings"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// DefaultBackoff is the wait after each failed attempt; when it runs out
// the job fails for good (the sixth failure).
var DefaultBackoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour}

// How long finished jobs stay in the outbox: sent ones (without their
// data) a day, failed ones a month, to look into.
const (
	SentRetention   = 24 * time.Hour
	FailedRetention = 30 * 24 * time.Hour
)

// WorkerOptions configure a Worker; zero values take the defaults.
type WorkerOptions struct {
	ID          string          // distinguishes the instances holding leases; random by default
	Lease       time.Duration   // how long a claimed job is the worker's (5 min)
	SendTimeout time.Duration   // bound of one send (30 s; keep it below Lease)
	Interval    time.Duration   // pause between polls in Run (2 s)
	Batch       int             // jobs per RunOnce at most (100)
	Backoff     []time.Duration // DefaultBackoff
	DigestHour  int             // Paris hour after which the daily digest goes (7)
	Now         func() time.Time
	Logger      *slog.Logger
}

// Worker sends the outbox. Several workers, in one process or several
// (on MongoDB), share the outbox: each job is claimed by one at a time.
type Worker struct {
	svc    *Service
	sender Sender
	opts   WorkerOptions
	log    *slog.Logger

	lastDigest string // Paris date of the last digest run of this worker
	lastPurge  time.Time
}

// NewWorker builds a worker that sends the service's outbox with sender.
func (s *Service) NewWorker(sender Sender, opts WorkerOptions) *Worker {
	if opts.ID == "" {
		host, _ := os.Hostname()
		b := make([]byte, 4)
		_, _ = rand.Read(b)
		opts.ID = host + "-" + hex.EncodeToString(b)
	}
	if opts.Lease <= 0 {
		opts.Lease = 5 * time.Minute
	}
	if opts.SendTimeout <= 0 {
		opts.SendTimeout = 30 * time.Second
	}
	if opts.Interval <= 0 {
		opts.Interval = 2 * time.Second
	}
	if opts.Batch <= 0 {
		opts.Batch = 100
	}
	if len(opts.Backoff) == 0 {
		opts.Backoff = DefaultBackoff
	}
	if opts.DigestHour <= 0 {
		opts.DigestHour = 7
	}
	if opts.Now == nil {
		opts.Now = s.now
	}
	log := opts.Logger
	if log == nil {
		log = s.log
	}
	return &Worker{svc: s, sender: sender, opts: opts, log: log.With("worker", opts.ID)}
}

// MaxAttempts is how many times a job is tried before it fails for good.
func (w *Worker) MaxAttempts() int { return len(w.opts.Backoff) + 1 }

// RunOnce sends the jobs due at now, up to a batch, and reports how many
// it sent. It stops at the first store error.
func (w *Worker) RunOnce(ctx context.Context, now time.Time) (sent int, err error) {
	now = now.UTC()
	for range w.opts.Batch {
		if ctx.Err() != nil {
			return sent, ctx.Err()
		}
		job, err := w.svc.store.ClaimEmail(ctx, w.opts.ID, now, w.opts.Lease)
		if errors.Is(err, store.ErrNotFound) {
			return sent, nil
		}
		if err != nil {
			return sent, err
		}
		ok, err := w.deliver(ctx, job, now)
		if ok {
			sent++
		}
		if err != nil {
			return sent, err
		}
	}
	return sent, nil
}

// deliver sends one claimed job and records the outcome.
func (w *Worker) deliver(ctx context.Context, job *models.OutboxJob, now time.Time) (bool, error) {
	email, err := w.svc.Render(job.Lang, job.Template, job.Data)
	if err != nil {
		// A template that does not render will not render later either.
		w.log.Error("e-mail cannot be rendered", "job", job.ID, "template", job.Template, "error", err)
		return false, w.svc.store.RetryEmail(ctx, job.ID, w.opts.ID, "render: "+err.Error(), time.Time{})
	}
	sendCtx, cancel := context.WithTimeout(ctx, w.opts.SendTimeout)
	err = w.sender.Send(sendCtx, &Message{
		ID: job.ID + "@" + w.svc.domain(), From: w.svc.from, To: job.To,
		Subject: email.Subject, Text: email.Text, HTML: email.HTML, Date: now,
	})
	cancel()
	if err != nil {
		var next time.Time
		if job.Attempts < w.MaxAttempts() {
			next = now.Add(w.opts.Backoff[job.Attempts-1])
		}
		// Server answers name the problem, never the message's content.
		reason := truncate(err.Error(), 500)
		w.log.Warn("e-mail not sent", "job", job.ID, "template", job.Template, "attempt", job.Attempts,
			"retry_at", next, "error", reason)
		return false, w.svc.store.RetryEmail(ctx, job.ID, w.opts.ID, reason, next)
	}
	if err := w.svc.store.MarkEmailSent(ctx, job.ID, w.opts.ID, now); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			// The lease ran out mid-send and another worker took the job:
			// it may go twice, which beats never.
			w.log.Warn("e-mail lease lost while sending", "job", job.ID)
			return true, nil
		}
		return true, err
	}
	w.log.Debug("e-mail sent", "job", job.ID, "template", job.Template)
	return true, nil
}

// domain is the sender's domain, for Message-IDs.
func (s *Service) domain() string {
	if addr, err := mail.ParseAddress(s.from); err == nil {
		if _, domain, ok := strings.Cut(addr.Address, "@"); ok {
			return domain
		}
	}
	return "entraide.localhost"
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Run polls the outbox until ctx ends, sends the daily digest once a day
// after DigestHour (Paris time) and purges old jobs and tokens hourly.
func (w *Worker) Run(ctx context.Context) {
	ticker := time.NewTicker(w.opts.Interval)
	defer ticker.Stop()
	for {
		w.tick(ctx)
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func (w *Worker) tick(ctx context.Context) {
	now := w.opts.Now().UTC()
	if err := w.Digest(ctx, now); err != nil && ctx.Err() == nil {
		w.log.Error("daily digest failed", "error", err)
	}
	for ctx.Err() == nil {
		sent, err := w.RunOnce(ctx, now)
		if err != nil {
			if ctx.Err() == nil {
				w.log.Error("outbox run failed", "error", err)
			}
			return
		}
		if sent < w.opts.Batch {
			break
		}
	}
	if now.Sub(w.lastPurge) >= time.Hour {
		w.lastPurge = now
		jobs, err := w.svc.store.PurgeEmails(ctx, now.Add(-SentRetention), now.Add(-FailedRetention))
		if err == nil {
			_, err = w.svc.store.PurgeOneTimeTokens(ctx, now.Add(-24*time.Hour))
		}
		if err != nil && ctx.Err() == nil {
			w.log.Error("outbox purge failed", "error", err)
		} else if jobs > 0 {
			w.log.Info("old e-mail jobs purged", "count", jobs)
		}
	}
}

// Digest runs DigestOnce when the day's digest hour has passed and this
// worker has not run it today. It is what Run calls; tests call it with
// their clock.
func (w *Worker) Digest(ctx context.Context, now time.Time) error {
	local := now.In(paris)
	day := local.Format(time.DateOnly)
	if local.Hour() < w.opts.DigestHour || w.lastDigest == day {
		return nil
	}
	if _, err := w.svc.DigestOnce(ctx, now); err != nil {
		return err
	}
	w.lastDigest = day
	return nil
}
