package projections

import (
	"hash/maphash"
	"math"
)

// idFilter says which ids the fold may have met: a scalable Bloom filter
// (a series of filters, each twice as large as the last, the newest taking
// the adds), so that a write with a new id, the common case, does not ask
// the events table. It never says no to an id it was given; it says maybe
// to about one unknown id in a hundred.
type idFilter struct {
	seed1, seed2 maphash.Seed
	parts        []*bloom
}

type bloom struct {
	bits     []uint64
	m        uint64 // bits
	capacity int
	n        int
}

const (
	idFilterFirst = 1 << 14 // ids the first filter holds
	idFilterK     = 7       // hashes per id: about 1 % false positives at capacity
)

func newIDFilter() *idFilter {
	return &idFilter{seed1: maphash.MakeSeed(), seed2: maphash.MakeSeed()}
}

func newBloom(capacity int) *bloom {
	// m = -n ln p / (ln 2)^2 with p = 1 %.
	m := uint64(math.Ceil(-float64(capacity) * math.Log(0.01) / (math.Ln2 * math.Ln2)))
	m = (m + 63) &^ 63
	return &bloom{bits: make([]uint64, m/64), m: m, capacity: capacity}
}

func (f *idFilter) hashes(id string) (uint64, uint64) {
	return maphash.String(f.seed1, id), maphash.String(f.seed2, id) | 1
}

func (f *idFilter) add(id string) {
	last := len(f.parts) - 1
	if last < 0 || f.parts[last].n >= f.parts[last].capacity {
		c := idFilterFirst
		if last >= 0 {
			c = 2 * f.parts[last].capacity
		}
		f.parts = append(f.parts, newBloom(c))
		last++
	}
	b := f.parts[last]
	h1, h2 := f.hashes(id)
	for i := range uint64(idFilterK) {
		bit := (h1 + i*h2) % b.m
		b.bits[bit/64] |= 1 << (bit % 64)
	}
	b.n++
}

func (f *idFilter) mayContain(id string) bool {
	h1, h2 := f.hashes(id)
	for _, b := range f.parts {
		in := true
		for i := range uint64(idFilterK) {
			bit := (h1 + i*h2) % b.m
			if b.bits[bit/64]&(1<<(bit%64)) == 0 {
				in = false
				break
			}
		}
		if in {
			return true
		}
	}
	return false
}
