package match

import "slices"

// topK keeps the k best items pushed into it, in a heap whose root is the worst kept item,
// so ranking n candidates costs n log k instead of sorting them all.
type topK[T any] struct {
	items  []T
	k      int
	better func(a, b *T) bool // whether a ranks before b; a strict total order
}

func newTopK[T any](k int, better func(a, b *T) bool) *topK[T] {
	return &topK[T]{items: make([]T, 0, min(k, 1024)), k: k, better: better}
}

// full reports whether k items are kept, so that a candidate must beat worst to enter.
// With k = 0 (a page past the last one) nothing is kept and there is no worst item to
// compare with: push drops everything, so full must not send callers to worst.
func (t *topK[T]) full() bool { return t.k > 0 && len(t.items) >= t.k }

// worst returns the lowest-ranked kept item; only valid when some are kept.
func (t *topK[T]) worst() *T { return &t.items[0] }

func (t *topK[T]) push(x T) {
	if t.k <= 0 {
		return
	}
	if len(t.items) < t.k {
		t.items = append(t.items, x)
		for i := len(t.items) - 1; i > 0; {
			p := (i - 1) / 2
			if !t.better(&t.items[p], &t.items[i]) {
				break
			}
			t.items[p], t.items[i] = t.items[i], t.items[p]
			i = p
		}
		return
	}
	if !t.better(&x, &t.items[0]) {
		return
	}
	t.items[0] = x
	for i, n := 0, len(t.items); ; {
		w, l, r := i, 2*i+1, 2*i+2
		if l < n && t.better(&t.items[w], &t.items[l]) {
			w = l
		}
		if r < n && t.better(&t.items[w], &t.items[r]) {
			w = r
		}
		if w == i {
			return
		}
		t.items[i], t.items[w] = t.items[w], t.items[i]
		i = w
	}
}

// sorted returns the kept items, best first.
func (t *topK[T]) sorted() []T {
	slices.SortFunc(t.items, func(a, b T) int {
		switch {
		case t.better(&a, &b):
			return -1
		case t.better(&b, &a):
			return 1
		}
		return 0
	})
	return t.items
}
