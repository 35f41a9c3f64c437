package match

import "math/bits"

// bits128 is a set of up to 128 small integers (skills, languages).
type bits128 [2]uint64

func (b *bits128) set(i int) { b[i>>6] |= 1 << (uint(i) & 63) }

func (b bits128) has(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }

func (b bits128) and(o bits128) bits128 { return bits128{b[0] & o[0], b[1] & o[1]} }

func (b bits128) empty() bool { return b[0]|b[1] == 0 }

func (b bits128) intersects(o bits128) bool { return b[0]&o[0]|b[1]&o[1] != 0 }

func (b bits128) count() int { return bits.OnesCount64(b[0]) + bits.OnesCount64(b[1]) }

// first returns the lowest member, or -1 when b is empty.
func (b bits128) first() int {
	if b[0] != 0 {
		return bits.TrailingZeros64(b[0])
	}
	if b[1] != 0 {
		return 64 + bits.TrailingZeros64(b[1])
	}
	return -1
}

// bits256 is a query-side set of category indexes.
type bits256 [4]uint64

func (b *bits256) set(i int) { b[i>>6] |= 1 << (uint(i) & 63) }

func (b bits256) has(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }
