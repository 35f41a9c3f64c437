package ratelimit

import (
	"testing"
	"time"

	"github.com/entraide/entraide/config"
)

func TestWindowCountsPerKey(t *testing.T) {
	start := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	w := New("login", config.Rate{Count: 2, Window: time.Minute}, true)
	for i := 0; i < 2; i++ {
		if ok, _ := w.Allow("a", start); !ok {
			t.Fatalf("event %d refused", i+1)
		}
	}
	ok, wait := w.Allow("a", start.Add(15*time.Second))
	if ok || wait != 45*time.Second {
		t.Fatalf("third event: ok %v, wait %v; want refused, 45s", ok, wait)
	}
	if ok, _ := w.Allow("b", start.Add(15*time.Second)); !ok {
		t.Error("another key shares the budget")
	}
	if ok, _ := w.Allow("a", start.Add(time.Minute)); !ok {
		t.Error("a new window still refuses")
	}
}

func TestWindowForgetsEndedWindows(t *testing.T) {
	start := time.Date(2030, 1, 1, 12, 0, 0, 0, time.UTC)
	w := New("reports", config.Rate{Count: 5, Window: time.Minute}, true)
	for _, k := range []string{"a", "b", "c"} {
		w.Allow(k, start)
	}
	w.Allow("d", start.Add(2*time.Minute))
	if n := w.Len(); n != 1 {
		t.Errorf("keys kept: %d, want 1", n)
	}
}

func TestDisabledWindowAllowsAll(t *testing.T) {
	w := New("off", config.Rate{Count: 1, Window: time.Minute}, false)
	now := time.Now()
	for i := 0; i < 10; i++ {
		if ok, _ := w.Allow("a", now); !ok {
			t.Fatal("a disabled window refused")
		}
	}
	if w.Name() != "off" {
		t.Errorf("name %q", w.Name())
	}
}
