package store

import (
	"context"
	"os"
	"sync"
	"testing"
)

// mongoMode mirrors storetest.Mode, which this package cannot import.
func mongoMode() bool { return os.Getenv("ENTRAIDE_TEST_MODE") == "mongodb" }

// needsAtomicUpdates mirrors storetest.NeedsAtomicUpdates.
func needsAtomicUpdates(t *testing.T) {
	t.Helper()
	if mongoMode() {
		t.Skip("needs atomic single-document updates: FerretDB without the embedded write lock loses concurrent updates")
	}
}

var (
	internalOnce sync.Once
	internalEmb  *Embedded
	internalErr  error
	internalDir  string
)

// openInternal gives in-package tests a fresh database on one embedded
// server. (storetest cannot be imported here: it imports this package.)
func openInternal(t testing.TB) *Store {
	t.Helper()
	internalOnce.Do(func() {
		internalDir, internalErr = os.MkdirTemp("", "entraide-store-")
		if internalErr == nil {
			internalEmb, internalErr = StartEmbedded(internalDir, nil)
		}
	})
	if internalErr != nil {
		t.Fatal(internalErr)
	}
	connect := internalEmb.Connect
	if mongoMode() {
		connect = internalEmb.ConnectWithoutLock
	}
	st, err := connect(context.Background(), "internal_"+NewID())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = st.Drop(context.Background())
		_ = st.Close(context.Background())
	})
	return st
}
