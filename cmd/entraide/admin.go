package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/seeds"
	"github.com/entraide/entraide/service"
	"github.com/entraide/entraide/store"
)

// openQuiet opens the service without listening, for one-off commands.
func openQuiet(ctx context.Context, getenv func(string) string, stderr io.Writer) (*service.Service, error) {
	cfg, err := loadConfig(getenv)
	if err != nil {
		return nil, err
	}
	log := newLogger(stderr, cfg.Production(), "warn")
	return service.Open(ctx, cfg, log, service.Options{NoIndex: true})
}

func adminCommand(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "create" && args[0] != "suspend") {
		fmt.Fprint(stderr, usage)
		return errors.New("admin: want create or suspend")
	}
	action := args[0]
	fs := flag.NewFlagSet("admin "+action, flag.ContinueOnError)
	fs.SetOutput(stderr)
	email := fs.String("email", "", "the account's e-mail")
	name := fs.String("name", "Admin", "display name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	addr := models.NormalizeEmail(*email)
	if !models.ValidEmail(addr) {
		return fmt.Errorf("admin %s: --email %q is not a valid e-mail", action, *email)
	}
	svc, err := openQuiet(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer svc.Close(context.Background())
	now := time.Now().UTC()
	if action == "suspend" {
		u, err := svc.Store.UserByEmail(ctx, addr)
		if err != nil {
			return fmt.Errorf("admin suspend: %w", err)
		}
		if _, err := svc.Store.SetUserStatus(ctx, u.ID, models.UserSuspended, now); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "suspended %s\n", addr)
		return nil
	}

	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	var v models.Validator
	models.ValidatePassword(&v, "password", password, addr)
	cleanName := models.ValidateName(&v, "name", *name)
	if err := v.Err(); err != nil {
		return fmt.Errorf("admin create: %v", err)
	}
	hash, err := svc.Hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	u := &models.User{
		ID: store.NewID(), Email: addr, Name: cleanName, Role: models.RoleAdmin, PasswordHash: hash,
		Language: "fr", Status: models.UserActive, EmailConfirmed: true, CreatedAt: now, UpdatedAt: now,
	}
	if err := svc.Store.CreateUser(ctx, u); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return fmt.Errorf("admin create: an account with %s already exists", addr)
		}
		return err
	}
	fmt.Fprintf(stdout, "admin %s created (id %s)\n", addr, u.ID)
	return nil
}

// readPassword reads the first line of stdin, so that the password never
// appears in the process list or the shell history.
func readPassword(stdin io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	password := strings.TrimRight(line, "\r\n")
	if password == "" {
		return "", errors.New("admin create: give the password on standard input")
	}
	return password, nil
}

func seedCommand(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("seed", flag.ContinueOnError)
	fs.SetOutput(stderr)
	synthetic := fs.Bool("synthetic", false, "write a synthetic data set instead of the demo data")
	missions := fs.Int("missions", 1000, "synthetic missions")
	volunteers := fs.Int("volunteers", 10000, "synthetic volunteers")
	seed := fs.Uint64("seed", 2020, "random seed (the same seed gives the same data)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *missions < 0 || *volunteers < 0 || *missions > 10_000_000 || *volunteers > 100_000_000 {
		return errors.New("seed: --missions and --volunteers must be between 0 and 10 million and 100 million")
	}
	svc, err := openQuiet(ctx, getenv, stderr)
	if err != nil {
		return err
	}
	defer svc.Close(context.Background())
	now := time.Now().UTC()
	if *synthetic {
		hash, err := svc.Hasher.Hash(ctx, seeds.DemoPassword)
		if err != nil {
			return err
		}
		started := time.Now()
		counts, err := seeds.Synthetic(ctx, svc.Store, hash, now, seeds.SyntheticOptions{
			Missions: *missions, Volunteers: *volunteers, Seed: *seed, Progress: stderr})
		if err != nil {
			return fmt.Errorf("synthetic data: %w", err)
		}
		// The index is built here, once, and its snapshot written, so that
		// the first start after a seed is as quick as a restart.
		fmt.Fprintln(stderr, "building the matching index snapshot...")
		svc.Catalog.UseSnapshot(filepath.Join(svc.Config.DataDir, service.IndexSnapshotFile))
		if err := svc.Catalog.Load(ctx); err != nil {
			return fmt.Errorf("matching index: %w", err)
		}
		if err := svc.Catalog.SaveSnapshot(ctx, true); err != nil {
			return fmt.Errorf("matching index snapshot: %w", err)
		}
		printSynthetic(stdout, counts, time.Since(started))
		return nil
	}
	n, err := seeds.Load(ctx, svc.Store, svc.Hasher, now, service.SeedLoaders()...)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "demo data loaded: %d new users\n", n)
	return nil
}
