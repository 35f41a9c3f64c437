package match

import "testing"

// TestTopKOfZeroKeepsNothing: a page past the last one asks for no item;
// the heap must not claim to be full, or callers read a worst item that
// does not exist (an index out of range).
func TestTopKOfZeroKeepsNothing(t *testing.T) {
	top := newTopK(0, func(a, b *int) bool { return *a > *b })
	if top.full() {
		t.Fatal("an empty top-0 says it is full: callers would read its worst item")
	}
	top.push(3)
	if got := top.sorted(); len(got) != 0 {
		t.Fatalf("top-0 kept %v", got)
	}
}
