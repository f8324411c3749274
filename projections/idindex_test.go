package projections

import (
	"hash/maphash"
	"slices"
	"testing"
)

func hashOf(x *idIndex, id string) uint64 { return maphash.String(x.seed, id) }

// TestIDIndexCandidates: an id's first seq is always among its candidates,
// a repeat and a hash shared with another id included; an id never added
// has none.
func TestIDIndexCandidates(t *testing.T) {
	x := newIDIndex()
	x.add("a", 1)
	x.add("b", 2)
	x.add("a", 3) // a repeat: the first seq stays a candidate
	// Another id under a's hash, as a collision would put it.
	h := x.first[hashOf(x, "a")]
	x.first[hashOf(x, "c")] = h
	x.add("c", 4)
	cases := []struct {
		id   string
		want []uint64
	}{
		{"a", []uint64{1, 3}},
		{"b", []uint64{2}},
		{"c", []uint64{1, 4}},
		{"never", nil},
	}
	for _, c := range cases {
		t.Run(c.id, func(t *testing.T) {
			got := x.candidates(c.id)
			slices.Sort(got)
			if !slices.Equal(got, c.want) {
				t.Fatalf("candidates(%q) = %v, want %v", c.id, got, c.want)
			}
		})
	}
}
