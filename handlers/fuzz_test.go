package handlers

import (
	"errors"
	"testing"
)

// FuzzDecodeStrict feeds arbitrary bodies to the strict JSON decoder of
// every request type: it must never panic, and must either succeed or
// return a 4xx problem.
func FuzzDecodeStrict(f *testing.F) {
	for _, seed := range []string{`{"email":"a@b.c","password":"x"}`, `{"email":{"$ne":null}}`, `[]`, `{"a":1}{"b":2}`,
		`{"title":"x","shifts":[{"start":"2030-01-01T00:00:00Z","end":"2030-01-01T03:00:00Z","capacity":3}]}`, `{"name":"\u0000"}`, ``, `nul`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		targets := []any{&signupRequest{}, &loginRequest{}, &refreshRequest{}, &mePatchRequest{}, &orgRequest{},
			&missionRequest{}, &profileRequest{}, &reportRequest{}, &invitationRequest{}, &addShiftsRequest{}}
		for _, dst := range targets {
			err := decodeStrict(body, dst)
			if err == nil {
				continue
			}
			var p *Problem
			if !errors.As(err, &p) || p.Status < 400 || p.Status >= 500 {
				t.Fatalf("decode %T of %q: %v is not a 4xx problem", dst, body, err)
			}
		}
	})
}
