package storetest

import (
	"os"
	"testing"
)

// The suite runs in one of two modes:
//   - embedded (the default): the embedded FerretDB with its write lock, as
//     the service runs it;
//   - MongoDB mode (ENTRAIDE_TEST_MODE=mongodb, or MONGODB_TEST_URI set): no
//     write lock, so the store takes every branch it takes on MongoDB. With
//     MONGODB_TEST_URI the tests run against that MongoDB; without it,
//     against the embedded FerretDB, which then loses concurrent updates.
const (
	ModeEmbedded = "embedded"
	ModeMongoDB  = "mongodb"
)

// Mode returns the suite's mode.
func Mode() string {
	if os.Getenv("ENTRAIDE_TEST_MODE") == ModeMongoDB || os.Getenv("MONGODB_TEST_URI") != "" {
		return ModeMongoDB
	}
	return ModeEmbedded
}

// NeedsAtomicUpdates skips a test that relies on single-document updates
// being atomic under concurrency when nothing provides it: MongoDB mode on
// the embedded FerretDB, whose updates are read-modify-write without
// isolation (DESIGN.md). Against a real MongoDB and in embedded mode the
// test runs. Every test that calls it is listed in docs/decisions.md.
func NeedsAtomicUpdates(tb testing.TB) {
	tb.Helper()
	if Mode() == ModeMongoDB && os.Getenv("MONGODB_TEST_URI") == "" {
		tb.Skip("needs atomic single-document updates: FerretDB without the embedded write lock loses concurrent updates")
	}
}
