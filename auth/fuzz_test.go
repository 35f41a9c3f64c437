package auth

import (
	"testing"
	"time"
)

// FuzzVerify feeds arbitrary strings to the token verifier: it must never
// panic and never accept anything it did not sign.
func FuzzVerify(f *testing.F) {
	tokens, err := NewTokens([]Key{{ID: "k1", Secret: []byte("0123456789abcdef0123456789abcdef")}}, "entraide", "entraide-api", nil)
	if err != nil {
		f.Fatal(err)
	}
	valid, err := tokens.Issue("64b000000000000000000001", "volunteer", nil, 0)
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{valid, "", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", valid + "x", valid[:len(valid)-2]} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		// The only tokens ever signed with this key are for this subject and
		// role, so anything accepted must carry exactly those claims.
		claims, err := tokens.Verify(raw)
		if err == nil && (claims.Subject != "64b000000000000000000001" || claims.Role != "volunteer" || claims.Ver != 0) {
			t.Fatalf("accepted a token it did not sign: %q (%+v)", raw, claims)
		}
	})
}

func TestVerifyRejectsExpired(t *testing.T) {
	now := time.Now()
	clock := func() time.Time { return now }
	tokens, err := NewTokens([]Key{{ID: "k1", Secret: []byte("0123456789abcdef0123456789abcdef")}}, "entraide", "entraide-api", clock)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := tokens.Issue("u", "volunteer", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tokens.Verify(raw); err != nil {
		t.Fatalf("fresh token refused: %v", err)
	}
	now = now.Add(AccessTTL + time.Minute)
	if _, err := tokens.Verify(raw); err == nil {
		t.Fatal("expired token accepted")
	}
}
