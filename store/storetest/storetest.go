// Package storetest starts one embedded store per test binary and gives
// each test its own database, dropped when the test ends.
package storetest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/entraide/entraide/store"
)

var (
	once     sync.Once
	embedded *store.Embedded
	dataDir  string
	startErr error
	counter  atomic.Int64
)

// Embedded returns the process-wide embedded server, starting it once.
func Embedded(tb testing.TB) *store.Embedded {
	tb.Helper()
	once.Do(func() {
		dataDir, startErr = os.MkdirTemp("", "entraide-test-")
		if startErr != nil {
			return
		}
		embedded, startErr = store.StartEmbedded(dataDir, nil)
	})
	if startErr != nil {
		tb.Fatalf("start embedded store: %v", startErr)
	}
	return embedded
}

// Open returns a migrated store on a fresh database for this test.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	st := Connect(tb, DatabaseName(tb))
	if _, err := st.Migrate(context.Background()); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	tb.Cleanup(func() {
		_ = st.Drop(context.Background())
		_ = st.Close(context.Background())
	})
	return st
}

// Connect opens another store on database name, as a second process
// would, in the suite's mode (see Mode). The caller closes it.
func Connect(tb testing.TB, name string) *store.Store {
	tb.Helper()
	ctx := context.Background()
	var (
		st  *store.Store
		err error
	)
	switch Mode() {
	case ModeMongoDB:
		if uri := os.Getenv("MONGODB_TEST_URI"); uri != "" {
			st, err = store.Connect(ctx, uri, name)
		} else {
			st, err = Embedded(tb).ConnectWithoutLock(ctx, name)
		}
	default:
		st, err = Embedded(tb).Connect(ctx, name)
	}
	if err != nil {
		tb.Fatalf("connect: %v", err)
	}
	return st
}

// DatabaseName returns a unique database name for a test.
func DatabaseName(tb testing.TB) string {
	clean := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return '_'
	}, tb.Name())
	if len(clean) > 40 {
		clean = clean[:40]
	}
	return fmt.Sprintf("t%d_%s", counter.Add(1), clean)
}

// Shutdown stops the embedded server; call it from TestMain after m.Run.
func Shutdown() {
	if embedded != nil {
		_ = embedded.Close()
	}
	if dataDir != "" {
		_ = os.RemoveAll(dataDir)
	}
}
