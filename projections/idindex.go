package projections

import "hash/maphash"

// idIndex finds where an id was first folded without holding the ids: a
// 64-bit hash of each id points to the seq of the first id folded with
// that hash, 16 bytes an id where a map of ids held the id, its hash and
// names. An id whose hash was taken (a repeat of the same id, or, about
// once in 10^13 pairs, another id) is also listed by itself in more. A
// seq found is confirmed against the id the events table holds there.
type idIndex struct {
	seed  maphash.Seed
	first map[uint64]uint64
	more  map[string]uint64
}

func newIDIndex() *idIndex {
	return &idIndex{seed: maphash.MakeSeed(), first: map[uint64]uint64{}, more: map[string]uint64{}}
}

func (x *idIndex) add(id string, seq uint64) {
	h := maphash.String(x.seed, id)
	if _, taken := x.first[h]; !taken {
		x.first[h] = seq
		return
	}
	if _, ok := x.more[id]; !ok {
		x.more[id] = seq
	}
}

// candidates are the seqs that may hold id's first fold: none for an id
// never folded, the common case of a new write.
func (x *idIndex) candidates(id string) []uint64 {
	var out []uint64
	if seq, ok := x.first[maphash.String(x.seed, id)]; ok {
		out = append(out, seq)
	}
	if seq, ok := x.more[id]; ok {
		out = append(out, seq)
	}
	return out
}
