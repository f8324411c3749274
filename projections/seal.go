package projections

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
	"golang.org/x/mod/sumdb/tlog"
)

// Head is the last event on a subject: the next one records its Seq and
// Hash as prev_seq and prev.
type Head = seal.Head

// seasonSeal is a season's Merkle tree, kept by its right edge, and how
// far checkpoints on the log cover it.
type seasonSeal struct {
	tree   seal.Edge
	signed int64 // the largest size a checkpoint on the log covers
	// While a restore verifies the stored checkpoints, want lists the
	// sizes they sign and roots the roots taken as the tree passed them;
	// both are nil otherwise.
	want  map[int64]bool
	roots map[int64]tlog.Hash
}

// add appends a leaf, taking the root if a checkpoint being verified
// signs this size.
func (ss *seasonSeal) add(leaf tlog.Hash) {
	ss.tree.Add(leaf)
	if n := ss.tree.Size(); ss.want[n] {
		ss.roots[n] = ss.tree.Root()
	}
}

// sealOf is a season's seal, made at its first event (callers hold mu).
func (p *Projector) sealOf(season string) *seasonSeal {
	ss, ok := p.seals[season]
	if !ok {
		ss = &seasonSeal{}
		if want := p.wantRoots[season]; want != nil {
			ss.want, ss.roots = want, map[int64]tlog.Hash{}
		}
		p.seals[season] = ss
	}
	return ss
}

// seal records a folded event in its subject's chain and, for a season's
// event, in the season's tree (callers hold mu). The bytes are hashed once,
// for both.
func (p *Projector) seal(m events.Stored, rec events.Record) {
	h := Head{Subject: m.Subject, Seq: m.Seq, Hash: seal.ChainHash(m.Data)}
	p.setHead(h)
	if season := rec.Event.Season; season != "" {
		p.sealOf(season).add(seal.LeafHash(m.Seq, m.Subject, h.Hash))
	}
}

// insertCheckpoint stores a signed checkpoint found on the log. Its
// signature is the audit's to check; take has told the notary how far the
// season is signed.
func insertCheckpoint(ctx context.Context, tx *sql.Tx, o op) error {
	closing := 0
	if o.closing {
		closing = 1
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO checkpoints (seq, season, size, closing, body) VALUES (?, ?, ?, ?, ?)`,
		o.m.Seq, o.season, o.size, closing, o.m.Data); err != nil {
		return fmt.Errorf("store checkpoint: %w", err)
	}
	return nil
}

func (p *Projector) signedUpTo(season string, size int64) {
	ss := p.sealOf(season)
	ss.signed = max(ss.signed, size)
}

// checkpointSizes lists, per season, the sizes the stored checkpoints
// sign: the roots a restore takes on its way for verifyCheckpoints.
func (p *Projector) checkpointSizes(ctx context.Context) (map[string]map[int64]bool, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT season, size FROM checkpoints`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[int64]bool{}
	for rows.Next() {
		var season string
		var size int64
		if err := rows.Scan(&season, &size); err != nil {
			return nil, err
		}
		if out[season] == nil {
			out[season] = map[int64]bool{}
		}
		out[season][size] = true
	}
	return out, rows.Err()
}

// forgetRoots ends what checkpointSizes began, once a restore is over.
func (p *Projector) forgetRoots() {
	p.wantRoots = nil
	for _, ss := range p.seals {
		ss.want, ss.roots = nil, nil
	}
}

// restoreCheckpoints verifies the stored checkpoints and records how far
// each season is signed; restore calls it with wantRoots read.
func (p *Projector) restoreCheckpoints(ctx context.Context) error {
	if err := p.verifyCheckpoints(ctx); err != nil {
		return err
	}
	// How far each season is signed: the sizes were read for the roots.
	for season, sizes := range p.wantRoots {
		for size := range sizes {
			p.signedUpTo(season, size)
		}
	}
	return nil
}

// SubjectHead is the last event folded on a subject (zero if none).
func (p *Projector) SubjectHead(subject string) Head {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.heads[subject]
}

// Unsigned lists the seasons with events that no checkpoint covers.
func (p *Projector) Unsigned() ([]seal.Status, error) {
	if err := p.Integrity(); err != nil {
		return nil, err // nothing is written to a log that lost events
	}
	if h := p.Halted(); h != nil {
		return nil, fmt.Errorf("projector halted at seq %d", h.Seq)
	}
	if p.Checkpoint() < p.logEnd.Load() {
		// Catching up: the checkpoints already on the log may be ahead;
		// signing a season's prefix now would add one the log does not need.
		return nil, nil
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	// What is published, not the fold, which may be ahead of it: a
	// checkpoint signs a tree with the ranking readers see beside it.
	snap := p.snap.Load()
	var out []seal.Status
	for id, ss := range p.seals {
		sn := snap.Seasons[id]
		if sn == nil || sn.sealed == nil {
			continue
		}
		if size := sn.sealed.tree.Size(); size > ss.signed {
			out = append(out, seal.Status{Season: id, Size: size, Signed: ss.signed, Closed: sn.Closed})
		}
	}
	return out, nil
}

// NextCheckpoint is the checkpoint of a season as last published,
// unsigned: its tree size and root, the last event of each of its
// subjects, and for a closed season the hash of the final ranking at that
// size.
func (p *Projector) NextCheckpoint(season string) (seal.Checkpoint, error) {
	if h := p.Halted(); h != nil {
		return seal.Checkpoint{}, fmt.Errorf("projector halted at seq %d", h.Seq)
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	ss, snap := p.seals[season], p.snap.Load().Seasons[season]
	if ss == nil || snap == nil || snap.sealed == nil || snap.sealed.tree.Size() == 0 {
		return seal.Checkpoint{}, fmt.Errorf("season %s has no events", season)
	}
	cp := seal.Checkpoint{Season: season, Size: snap.sealed.tree.Size(), Root: snap.sealed.tree.Root(), Seq: snap.Seq, Heads: slices.Clone(snap.sealed.heads)}
	slices.SortFunc(cp.Heads, func(a, b seal.Head) int { return strings.Compare(a.Subject, b.Subject) })
	if final := snap.Views[domain.Final]; final != nil {
		cp.FinalRanking = seal.RankingHash(final.Units)
	}
	return cp, nil
}

func snapSeq(ss *SeasonSnap) uint64 {
	if ss == nil {
		return 0
	}
	return ss.Seq
}

// SignedCheckpoint is a checkpoint as the log holds it.
type SignedCheckpoint struct {
	Seq     uint64 `json:"seq"`
	Size    int64  `json:"size"`
	Closing bool   `json:"closing"`
	Note    string `json:"note"`
}

// Checkpoints lists a season's signed checkpoints in stream order.
func (p *Projector) Checkpoints(ctx context.Context, season string) ([]SignedCheckpoint, error) {
	rows, err := p.rdb.QueryContext(ctx, `SELECT seq, size, closing, body FROM checkpoints WHERE season = ? ORDER BY seq`, season)
	if err != nil {
		return nil, fmt.Errorf("read checkpoints: %w", err)
	}
	defer rows.Close()
	out := []SignedCheckpoint{}
	for rows.Next() {
		var c SignedCheckpoint
		var body []byte
		if err := rows.Scan(&c.Seq, &c.Size, &c.Closing, &body); err != nil {
			return nil, fmt.Errorf("read checkpoints: %w", err)
		}
		c.Note = string(body)
		out = append(out, c)
	}
	return out, rows.Err()
}
