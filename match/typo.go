package match

import "hash/maphash"

// typoIndex finds the terms of the dictionary within one or two edits of a word, without
// comparing the word with every term: a deletion neighbourhood (the SymSpell method). Each
// term is filed under itself and under each string made by deleting one of its letters;
// a query looks up itself and its own deletions (one deletion for one edit, up to two for
// two edits) and checks the candidates found with a true edit distance. Two strings one
// edit apart always share such a key; two edits apart, they are found when at most one of
// the edits needs a deletion on the term's side (an extra, missing or swapped letter, or a
// wrong letter plus an extra one), which covers the usual typing slips.
//
// Keys are 64-bit hashes, so a collision only adds a candidate that the check drops.
// Only ASCII terms of three letters or more are filed: folded French words are ASCII, and
// shorter words are never corrected.
type typoIndex struct {
	seed maphash.Seed
	keys map[uint64][]*posting
}

func newTypoIndex() typoIndex {
	return typoIndex{seed: maphash.MakeSeed(), keys: make(map[uint64][]*posting)}
}

func typoFiled(term string) bool {
	if len(term) < 3 || len(term) > maxTokenBytes {
		return false
	}
	for i := 0; i < len(term); i++ {
		if term[i] >= 0x80 {
			return false
		}
	}
	return true
}

// deletions calls fn with s and every string made by deleting one byte of s, in buf.
func deletions(s string, buf []byte, fn func([]byte)) {
	fn(append(buf[:0], s...))
	for i := range len(s) {
		if i > 0 && s[i] == s[i-1] {
			continue // deleting either of a double letter gives the same string
		}
		b := append(buf[:0], s[:i]...)
		fn(append(b, s[i+1:]...))
	}
}

func (t *typoIndex) add(p *posting) {
	if !typoFiled(p.term) {
		return
	}
	var buf [maxTokenBytes]byte
	deletions(p.term, buf[:0], func(d []byte) {
		h := maphash.Bytes(t.seed, d)
		t.keys[h] = append(t.keys[h], p)
	})
}

func (t *typoIndex) remove(p *posting) {
	if !typoFiled(p.term) {
		return
	}
	var buf [maxTokenBytes]byte
	deletions(p.term, buf[:0], func(d []byte) {
		h := maphash.Bytes(t.seed, d)
		list := t.keys[h]
		for i, q := range list {
			if q == p {
				list = append(list[:i], list[i+1:]...)
				break
			}
		}
		if len(list) == 0 {
			delete(t.keys, h)
		} else {
			t.keys[h] = list
		}
	})
}

// lookup calls fn once for each term within maxEdits (1 or 2) of word, other than word
// itself, with its distance.
func (t *typoIndex) lookup(word string, maxEdits int, fn func(p *posting, edits int)) {
	if !typoFiled(word) || maxEdits <= 0 {
		return
	}
	var seen []*posting
	check := func(d []byte) {
		for _, p := range t.keys[maphash.Bytes(t.seed, d)] {
			if p.term == word || containsPosting(seen, p) {
				continue
			}
			seen = append(seen, p)
			if e := editDistance(word, p.term, maxEdits); e <= maxEdits {
				fn(p, e)
			}
		}
	}
	var buf, buf2 [maxTokenBytes]byte
	deletions(word, buf[:0], func(d []byte) {
		check(d)
		if maxEdits >= 2 && len(d) < len(word) {
			deletions(string(d), buf2[:0], check)
		}
	})
}

func containsPosting(list []*posting, p *posting) bool {
	for _, q := range list {
		if q == p {
			return true
		}
	}
	return false
}

// editDistance returns the optimal string alignment distance between a and b (insertions,
// deletions, substitutions, and transpositions of two neighbouring letters, each costing
// one), or limit+1 as soon as it is sure to exceed limit. Both are ASCII and short.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [3][maxTokenBytes + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
