package store

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

// Embedded is an in-process FerretDB server (SQLite handler) speaking the
// MongoDB wire protocol. It listens on a Unix socket inside a fresh 0700
// directory so that no other user can reach it, and it hands out stores that
// share one write lock: FerretDB updates are read-modify-write without
// isolation, so concurrent writers would lose updates.
type Embedded struct {
	config  ferretdb.Config
	uri     string
	sock    string
	sockDir string
	// sqliteDir holds one SQLite file per database.
	sqliteDir string
	writeMu   *WriteLock

	mu     sync.Mutex // guards the running server
	cancel context.CancelFunc
	done   chan struct{}
}

// StartEmbedded starts the embedded server with its data under dataDir.
func StartEmbedded(dataDir string, logger *slog.Logger) (*Embedded, error) {
	dbDir := filepath.Join(dataDir, "db")
	if err := os.MkdirAll(dbDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory: %w", err)
	}
	// Unix socket paths are limited to ~108 bytes, so the socket lives in a
	// short private temporary directory rather than under dataDir.
	sockDir, err := os.MkdirTemp("", "entraide-db-")
	if err != nil {
		return nil, fmt.Errorf("create socket directory: %w", err)
	}
	if err := os.Chmod(sockDir, 0o700); err != nil {
		os.RemoveAll(sockDir)
		return nil, err
	}
	sock := filepath.Join(sockDir, "ferretdb.sock")
	if logger == nil {
		// FerretDB logs every refused command at WARN with the whole
		// message; only its errors are worth the noise.
		logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	}
	absDB, err := filepath.Abs(dbDir)
	if err != nil {
		os.RemoveAll(sockDir)
		return nil, err
	}
	e := &Embedded{
		config: ferretdb.Config{
			Listener:  ferretdb.ListenerConfig{Unix: sock},
			Handler:   "sqlite",
			SQLiteURL: "file:" + absDB + "/",
			Logger:    logger,
		},
		uri:       "mongodb://" + url.PathEscape(sock) + "/",
		writeMu:   NewWriteLock(),
		sock:      sock,
		sockDir:   sockDir,
		sqliteDir: absDB,
	}
	if err := e.Start(); err != nil {
		os.RemoveAll(sockDir)
		return nil, err
	}
	return e, nil
}

// Start runs the server (again, after Stop) on the same socket, so that
// connected stores reconnect by themselves.
func (e *Embedded) Start() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel != nil {
		return nil
	}
	cfg := e.config
	server, err := ferretdb.New(&cfg)
	if err != nil {
		return fmt.Errorf("start embedded store: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = server.Run(ctx)
	}()
	e.cancel, e.done = cancel, done
	if err := waitForSocket(e.sock, 10*time.Second); err != nil {
		cancel()
		<-done
		e.cancel, e.done = nil, nil
		return err
	}
	return nil
}

// Stop stops the server, as an outage would; Start brings it back.
func (e *Embedded) Stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.cancel == nil {
		return
	}
	e.cancel()
	select {
	case <-e.done:
	case <-time.After(10 * time.Second):
	}
	_ = os.Remove(e.sock)
	e.cancel, e.done = nil, nil
}

func waitForSocket(path string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path); err == nil {
			return nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return fmt.Errorf("embedded store did not start within %s", limit)
}

// Connect opens a store on database dbName of the embedded server.
func (e *Embedded) Connect(ctx context.Context, dbName string) (*Store, error) {
	st, err := connect(ctx, e.uri, dbName, e.writeMu)
	if err == nil {
		st.sqliteDir = e.sqliteDir
	}
	return st, err
}

// ConnectWithoutLock opens a store on database dbName that does not
// serialize its writes, so that it takes every branch a MongoDB store takes.
// Tests use it to exercise the MongoDB path ("MongoDB mode"); it loses
// concurrent updates, which is why the service never uses it.
func (e *Embedded) ConnectWithoutLock(ctx context.Context, dbName string) (*Store, error) {
	st, err := connect(ctx, e.uri, dbName, nil)
	if err == nil {
		st.sqliteDir = e.sqliteDir
	}
	return st, err
}

// Close stops the embedded server and removes its socket.
func (e *Embedded) Close() error {
	e.Stop()
	return os.RemoveAll(e.sockDir)
}
