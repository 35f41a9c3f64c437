package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/entraide/entraide/models"
)

// A write that cannot get the embedded write lock within its context's
// deadline fails with ErrUnavailable (a 503) instead of waiting behind the
// holder, and writes go through again once the lock is free.
func TestWriteLockRespectsTheCallersDeadline(t *testing.T) {
	if mongoMode() {
		t.Skip("MongoDB mode has no write lock")
	}
	st := openInternal(t)
	unlock, err := st.lock(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	job := &models.OutboxJob{ID: NewID(), To: "a@example.org", Status: models.OutboxPending}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	err = st.EnqueueEmail(ctx, job)
	cancel()
	if !errors.Is(err, ErrUnavailable) {
		unlock()
		t.Fatalf("write while the lock is held: got %v, want ErrUnavailable", err)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.EnqueueEmail(done, job); !errors.Is(err, ErrUnavailable) {
		unlock()
		t.Fatalf("write with an ended context: got %v, want ErrUnavailable", err)
	}
	unlock()
	ctx, cancel = context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := st.EnqueueEmail(ctx, job); err != nil {
		t.Fatalf("write once the lock is free: %v", err)
	}
}

// The lock itself, in both modes: held, a waiter gives up with its context.
func TestWriteLockGivesUpWithTheContext(t *testing.T) {
	l := NewWriteLock()
	unlock, err := l.Acquire(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := l.Acquire(ctx); !errors.Is(err, ErrUnavailable) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want ErrUnavailable wrapping the deadline", err)
	}
	unlock()
	again, err := l.Acquire(context.Background())
	if err != nil {
		t.Fatalf("free lock: %v", err)
	}
	again()
}
