package seal

import (
	"crypto/sha256"

	"golang.org/x/mod/sumdb/tlog"
)

// Edge is a Merkle tree kept by its right edge: the roots of its complete
// subtrees, one per 1-bit of its size, largest first. That is enough to add
// a leaf and to work out the root as the tree stands, in memory that grows
// with the logarithm of the size instead of with every event; a root at an
// earlier size must be taken while the tree passes it (Root, RootAt). The
// hashes are tlog's, so the roots are Tree's.
type Edge struct {
	size  int64
	peaks []tlog.Hash
}

// Add appends a leaf: each complete subtree it completes is merged.
func (e *Edge) Add(leaf tlog.Hash) {
	e.peaks = append(e.peaks, leaf)
	for n := e.size; n&1 == 1; n >>= 1 {
		k := len(e.peaks)
		e.peaks[k-2] = tlog.NodeHash(e.peaks[k-2], e.peaks[k-1])
		e.peaks = e.peaks[:k-1]
	}
	e.size++
}

// Size is the number of leaves.
func (e *Edge) Size() int64 { return e.size }

// Root is the tree hash of every leaf added: the complete subtrees folded
// from the right (RFC 6962's split at the largest power of two).
func (e *Edge) Root() tlog.Hash {
	if len(e.peaks) == 0 {
		return sha256.Sum256(nil) // RFC 6962's hash of the empty tree, as tlog's
	}
	h := e.peaks[len(e.peaks)-1]
	for i := len(e.peaks) - 2; i >= 0; i-- {
		h = tlog.NodeHash(e.peaks[i], h)
	}
	return h
}

// Clone is a copy that later leaves do not change: the tree as it stands,
// whose root can be asked for later.
func (e *Edge) Clone() Edge {
	return Edge{size: e.size, peaks: append([]tlog.Hash(nil), e.peaks...)}
}
