// Package seeds loads Entraide's demo data. Loading is idempotent: every
// record has a fixed id and is inserted only when absent.
package seeds

import (
	"context"
	"fmt"
	"time"

	"github.com/entraide/entraide/auth"
	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/store"
)

// DemoPassword is the password of every demo account. It is printed at
// start-up in development only.
const DemoPassword = "entraide-demo-2026"

// Account is a demo account to print.
type Account struct {
	Email string
	Role  models.Role
}

// demoUsers are the demo accounts, with fixed ids.
var demoUsers = []struct {
	id, email, name string
	role            models.Role
}{
	{"64b000000000000000000001", "admin@demo.entraide.fr", "Claire Admin", models.RoleAdmin},
	{"64b000000000000000000002", "benevole@demo.entraide.fr", "Amina Benali", models.RoleVolunteer},
	{"64b000000000000000000003", "asso@demo.entraide.fr", "Marc Durand", models.RoleOrganization},
}

// Accounts lists the demo accounts.
func Accounts() []Account {
	out := make([]Account, len(demoUsers))
	for i, u := range demoUsers {
		out[i] = Account{Email: u.email, Role: u.role}
	}
	return out
}

// Extra loaders add each feature's demo data (organisations, missions...).
type Loader func(ctx context.Context, st *store.Store, passwordHash string, now time.Time) error

// Load inserts the demo data that is missing and returns how many users it
// created.
func Load(ctx context.Context, st *store.Store, hasher *auth.Hasher, now time.Time, extra ...Loader) (int, error) {
	hash, err := hasher.Hash(ctx, DemoPassword)
	if err != nil {
		return 0, err
	}
	created := 0
	for _, d := range demoUsers {
		u := &models.User{
			ID: d.id, Email: d.email, Name: d.name, Role: d.role, PasswordHash: hash,
			Language: "fr", Status: models.UserActive, EmailConfirmed: true,
			CreatedAt: now, UpdatedAt: now,
		}
		ok, err := st.InsertUserIfAbsent(ctx, u, d.id)
		if err != nil {
			return created, fmt.Errorf("seed user %s: %w", d.email, err)
		}
		if ok {
			created++
		}
	}
	for _, load := range extra {
		if err := load(ctx, st, hash, now); err != nil {
			return created, err
		}
	}
	return created, recordLoad(ctx, st, now)
}

// recordLoad records in meta that demo data was loaded now. Loaders write
// without index stamps, so the time is what tells an index snapshot made
// before the load apart (see catalog.UseSnapshot); every caller gets it.
func recordLoad(ctx context.Context, st *store.Store, now time.Time) error {
	ds, err := st.Dataset(ctx)
	if err != nil {
		return err
	}
	if ds == nil {
		ds = &store.Dataset{Kind: store.DatasetDemo}
	}
	ds.At = now
	return st.SetDataset(ctx, *ds)
}
