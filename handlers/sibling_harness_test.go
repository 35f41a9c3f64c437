package handlers_test

import (
	"context"
	"io"
	"log/slog"

	"github.com/entraide/entraide/config"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store/storetest"
)

// sibling starts a second service instance on the same database as e, as a
// second process would on MongoDB (in one test process: the embedded store
// serves one process, see DESIGN.md). It shares e's clock.
func (e *env) sibling() *env {
	t := e.t
	t.Helper()
	st := storetest.Connect(t, e.store.DatabaseName())
	vars := map[string]string{"ENTRAIDE_ENV": "test", "ENTRAIDE_JWT_SECRET": testSecret, "ENTRAIDE_RATE_LIMIT": "off", "ENTRAIDE_DATA": t.TempDir()}
	cfg, err := config.Load(func(k string) string { return vars[k] })
	if err != nil {
		t.Fatal(err)
	}
	log := watchPanics(t, slog.NewTextHandler(io.Discard, nil))
	svc, err := service.Open(context.Background(), cfg, log, service.Options{Store: st, Argon2: &cheapArgon2, Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = svc.Shutdown(context.Background())
		_ = st.Close(context.Background())
	})
	return &env{t: t, svc: svc, store: st, clock: e.clock}
}
