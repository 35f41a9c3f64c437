package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.mongodb.org/mongo-driver/v2/mongo"
)

// Domain errors returned by the store; callers never see driver errors.
var (
	// ErrNotFound means no document matched, including someone else's.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict means a unique constraint or a condition refused the write.
	ErrConflict = errors.New("store: conflict")
	// ErrUnavailable means the database could not be reached in time.
	ErrUnavailable = errors.New("store: unavailable")
)

// mapErr turns driver errors into the store's domain errors.
func mapErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, mongo.ErrNoDocuments):
		return ErrNotFound
	case mongo.IsDuplicateKeyError(err):
		return ErrConflict
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled),
		mongo.IsTimeout(err), mongo.IsNetworkError(err),
		strings.Contains(err.Error(), "server selection"):
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	var cmdErr mongo.CommandError
	if errors.As(err, &cmdErr) && cmdErr.HasErrorLabel("NetworkError") {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}
