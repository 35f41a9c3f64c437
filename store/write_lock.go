package store

import (
	"context"
	"fmt"
)

// WriteLock serializes writes on the embedded store (FerretDB loses
// concurrent updates, DESIGN.md). Unlike a mutex, a wait for it is bounded
// by the caller's context: a request that cannot get the lock within its
// budget fails fast with ErrUnavailable (a 503 with Retry-After) instead of
// queueing behind a background job, and a job whose context ends stops
// waiting. Holders keep it for one document write (or one key's
// read-check-write), never across a scan.
type WriteLock struct {
	ch chan struct{}
}

// NewWriteLock returns a free write lock.
func NewWriteLock() *WriteLock {
	return &WriteLock{ch: make(chan struct{}, 1)}
}

// Acquire takes the lock, or returns ErrUnavailable when ctx ends first
// (an already ended context never takes it). The caller releases it with
// the returned function.
func (l *WriteLock) Acquire(ctx context.Context) (func(), error) {
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("%w: write lock: %w", ErrUnavailable, err)
	}
	select {
	case l.ch <- struct{}{}:
		return l.release, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("%w: write lock: %w", ErrUnavailable, ctx.Err())
	}
}

func (l *WriteLock) release() { <-l.ch }

func noUnlock() {}

// lock serializes a write on the embedded store within ctx's deadline
// (see WriteLock) and is a no-op on MongoDB.
func (s *Store) lock(ctx context.Context) (func(), error) {
	if s.writeMu == nil {
		return noUnlock, nil
	}
	return s.writeMu.Acquire(ctx)
}
