package seal

import (
	"strconv"
	"testing"
)

// TestEdgeRootIsTheTreeRoot: after every leaf, the edge's root is the
// whole tree's root at that size, RFC 6962's for the first sizes; a clone
// keeps its root while the edge grows.
func TestEdgeRootIsTheTreeRoot(t *testing.T) {
	var tree Tree
	var edge Edge
	var leaves [][]byte
	if r, _ := tree.Root(0); edge.Root() != r {
		t.Fatalf("empty: edge root %s, tree root %s", edge.Root(), r)
	}
	var clones []Edge
	for n := 1; n <= 300; n++ {
		h := ChainHash([]byte(strconv.Itoa(n)))
		seq, subject := uint64(n*2), "thidua.ev.s.unit.u"
		if err := tree.Add(LeafHash(seq, subject, h)); err != nil {
			t.Fatal(err)
		}
		edge.Add(LeafHash(seq, subject, h))
		if n <= 40 {
			leaves = append(leaves, LeafData(seq, subject, h))
			if want := mth(leaves); edge.Root() != want {
				t.Fatalf("size %d: edge root %s, RFC 6962 gives %s", n, edge.Root(), want)
			}
		}
		want, err := tree.Root(int64(n))
		if err != nil {
			t.Fatal(err)
		}
		if edge.Size() != int64(n) || edge.Root() != want {
			t.Fatalf("size %d: edge of size %d has root %s, the tree's is %s", n, edge.Size(), edge.Root(), want)
		}
		if n%37 == 0 {
			clones = append(clones, edge.Clone())
		}
	}
	for _, c := range clones {
		want, _ := tree.Root(c.Size())
		if c.Root() != want {
			t.Errorf("clone at size %d: root %s after the edge grew, want %s", c.Size(), c.Root(), want)
		}
	}
}
