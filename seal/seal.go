// Package seal holds the log's tamper evidence: the hash chain that links
// every event to its predecessor on the same subject, each season's
// RFC 6962 Merkle tree over its events in stream order, and the signed
// checkpoints that commit to a tree size and root (and, once the season is
// closed, to the hash of its final ranking).
//
// The tree and its hashing are golang.org/x/mod/sumdb/tlog's; checkpoints
// are signed notes (golang.org/x/mod/sumdb/note, Ed25519).
package seal

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"golang.org/x/mod/sumdb/tlog"
)

// ChainHash is what an event's prev holds for its predecessor: the hex
// SHA-256 of the predecessor's bytes exactly as stored.
func ChainHash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// LeafData is what the Merkle tree records for one event: its stream
// sequence, its subject and the ChainHash of its stored bytes (which the
// caller has already worked out for the chain), so that the signed root
// fixes where every event sits as well as what it says.
//
//	thidua-leaf/1 <seq> <subject> <hex sha256 of the stored bytes>\n
func LeafData(seq uint64, subject, chainHash string) []byte {
	b := make([]byte, 0, 128)
	b = append(b, "thidua-leaf/1 "...)
	b = strconv.AppendUint(b, seq, 10)
	b = append(b, ' ')
	b = append(b, subject...)
	b = append(b, ' ')
	b = append(b, chainHash...)
	return append(b, '\n')
}

// LeafHash is the RFC 6962 leaf hash of an event: SHA-256(0x00 || LeafData).
func LeafHash(seq uint64, subject, chainHash string) tlog.Hash {
	return tlog.RecordHash(LeafData(seq, subject, chainHash))
}

// RankingHash is the state root signed into a closed season's checkpoints:
// the hex SHA-256 of the final ranking's "units" array, byte for byte as
// GET /rankings?view=final serves it.
func RankingHash(units []byte) string {
	sum := sha256.Sum256(units)
	return hex.EncodeToString(sum[:])
}

// Tree is one season's Merkle tree, held in memory: the stored hashes of
// tlog's layout, about two per event.
type Tree struct {
	hashes []tlog.Hash
	size   int64
}

// Add appends a leaf.
func (t *Tree) Add(leaf tlog.Hash) error {
	hs, err := tlog.StoredHashesForRecordHash(t.size, leaf, t)
	if err != nil {
		return fmt.Errorf("tree: add leaf %d: %w", t.size, err)
	}
	t.hashes = append(t.hashes, hs...)
	t.size++
	return nil
}

// Size is the number of leaves.
func (t *Tree) Size() int64 { return t.size }

// Root is the tree hash of the first n leaves.
func (t *Tree) Root(n int64) (tlog.Hash, error) {
	if n < 0 || n > t.size {
		return tlog.Hash{}, fmt.Errorf("tree: size %d of %d", n, t.size)
	}
	return tlog.TreeHash(n, t)
}

// ReadHashes implements tlog.HashReader.
func (t *Tree) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		if x < 0 || x >= int64(len(t.hashes)) {
			return nil, fmt.Errorf("tree: no stored hash %d", x)
		}
		out[i] = t.hashes[x]
	}
	return out, nil
}
