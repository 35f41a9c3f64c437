// Package auth issues and verifies tokens and hashes passwords.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// Argon2Params are the argon2id cost parameters. See docs/benchmarks.md for
// the measured login latency and why these values.
type Argon2Params struct {
	Memory  uint32 // KiB
	Time    uint32
	Threads uint8
	KeyLen  uint32
}

// DefaultArgon2 follows OWASP's argon2id recommendation (19 MiB, 2 passes,
// 1 lane): about 25-30 ms on one core here, so a 2-core machine verifies
// some 70 logins per second while an offline attacker pays 19 MiB per guess.
var DefaultArgon2 = Argon2Params{Memory: 19 * 1024, Time: 2, Threads: 1, KeyLen: 32}

// Hasher hashes and verifies passwords through a bounded pool, so that a
// sign-up surge queues instead of starving every other request of CPU and
// memory.
type Hasher struct {
	params Argon2Params
	slots  chan struct{}
	dummy  string
}

// NewHasher returns a hasher allowing at most workers concurrent hashes.
func NewHasher(params Argon2Params, workers int) *Hasher {
	if workers < 1 {
		workers = 1
	}
	h := &Hasher{params: params, slots: make(chan struct{}, workers)}
	h.dummy = h.hash("entraide-dummy-password", make([]byte, 16))
	return h
}

// ErrMismatch is returned when a password does not match its hash.
var ErrMismatch = errors.New("auth: password mismatch")

// ErrBusy is returned when a hash waited in the queue for its whole
// context: the caller answers "try again" rather than an internal error.
// It wraps the context's error, so a caller that went away still reads as
// context.Canceled.
var ErrBusy = errors.New("auth: password hashing busy")

func (h *Hasher) acquire(ctx context.Context) error {
	select {
	case h.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w: %w", ErrBusy, ctx.Err())
	}
}

// Reserve takes one hashing slot until release is called, as a hash would:
// it lets a test (or an operator's drain) fill the queue deterministically.
func (h *Hasher) Reserve(ctx context.Context) (release func(), err error) {
	if err := h.acquire(ctx); err != nil {
		return nil, err
	}
	return h.release, nil
}

func (h *Hasher) release() { <-h.slots }

// Hash returns an encoded argon2id hash of password.
func (h *Hasher) Hash(ctx context.Context, password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	if err := h.acquire(ctx); err != nil {
		return "", err
	}
	defer h.release()
	return h.hash(password, salt), nil
}

func (h *Hasher) hash(password string, salt []byte) string {
	p := h.params
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.Memory, p.Time, p.Threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// Verify checks password against an encoded hash. An empty hash (unknown
// account) is checked against a dummy so that it costs the same time.
func (h *Hasher) Verify(ctx context.Context, password, encoded string) error {
	if encoded == "" {
		encoded = h.dummy
		// A full queue must answer an unknown account as it answers a
		// known one, or the 503 would tell which addresses have accounts.
		if err := h.verify(ctx, password, encoded); errors.Is(err, ErrBusy) {
			return err
		}
		return ErrMismatch
	}
	return h.verify(ctx, password, encoded)
}

func (h *Hasher) verify(ctx context.Context, password, encoded string) error {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return errors.New("auth: unknown hash format")
	}
	var version int
	var p Argon2Params
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return errors.New("auth: unsupported argon2 version")
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return errors.New("auth: bad argon2 parameters")
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return errors.New("auth: bad salt")
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil {
		return errors.New("auth: bad key")
	}
	if err := h.acquire(ctx); err != nil {
		return err
	}
	defer h.release()
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, uint32(len(want)))
	if subtle.ConstantTimeCompare(got, want) != 1 {
		return ErrMismatch
	}
	return nil
}
