package store

import (
	"context"
	"os"
	"sync"
	"testing"
)

var (
	internalOnce sync.Once
	internalEmb  *Embedded
	internalErr  error
	internalDir  string
)

// openInternal gives in-package tests a fresh database on one embedded
// server. (storetest cannot be imported here: it imports this package.)
func openInternal(t *testing.T) *Store {
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
	st, err := internalEmb.Connect(context.Background(), "internal_"+NewID())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = st.Drop(context.Background())
		_ = st.Close(context.Background())
	})
	return st
}
