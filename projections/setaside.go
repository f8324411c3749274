package projections

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// A message the projector cannot decode or apply halts it; skipping it
// silently would change scores. The committee can record on the log, with
// a reason, that the seq is set aside (events.TypeSeqSetAside). The
// record comes after the message, so a projector halted at N looks ahead
// for one naming N, then replays from N skipping it: every replay of the
// same log does the same. The skipped message stays in the copy, in its
// season's Merkle tree and in its subject's chain, as it stays on the log.

// Skipped is a seq skipped by the committee's decision.
type Skipped struct {
	Seq     uint64 `json:"seq"`
	Subject string `json:"subject"`
	Reason  string `json:"reason"`
}

// SkipSeq tells a projector, before it folds anything, that seq is set
// aside: the audit's replay learns them from the log it verified.
func (p *Projector) SkipSeq(seq uint64, reason string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.setAside[seq] = reason
}

// SetAsides lists the seqs this read model skipped, in order.
func (p *Projector) SetAsides(ctx context.Context) ([]Skipped, error) {
	rows, err := p.rdb.QueryContext(ctx, `SELECT seq, subject, reason FROM set_aside ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("read set-aside seqs: %w", err)
	}
	defer rows.Close()
	out := []Skipped{}
	for rows.Next() {
		var s Skipped
		if err := rows.Scan(&s.Seq, &s.Subject, &s.Reason); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// insertSetAside stores that the committee set a message aside; take
// has put it in its subject's chain and its season's tree.
func insertSetAside(ctx context.Context, tx *sql.Tx, m events.Stored, reason string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO set_aside (seq, subject, reason) VALUES (?, ?, ?)`, m.Seq, m.Subject, reason); err != nil {
		return fmt.Errorf("store set-aside seq %d: %w", m.Seq, err)
	}
	return nil
}

// sealRaw records a message that is not folded in its subject's chain
// and, on a season's unit or committee subject, in the season's tree, as
// the audit does with every message on those subjects.
func (p *Projector) sealRaw(m events.Stored) {
	season, kind, _, ok := events.ParseSubject(m.Subject)
	if ok && kind == events.KindCheckpoint {
		return
	}
	h := Head{Subject: m.Subject, Seq: m.Seq, Hash: seal.ChainHash(m.Data)}
	p.setHead(h)
	if !ok {
		return
	}
	p.passed(season, m.Seq)
	p.sealOf(season).add(seal.LeafHash(m.Seq, m.Subject, h.Hash))
}

// passed moves a season's last seq past a message that is in its tree but
// not folded into it, so that its checkpoints name the tree's last event.
func (p *Projector) passed(season string, seq uint64) {
	if s := p.seasons[season]; s != nil {
		s.LastSeq = max(s.LastSeq, seq)
	}
}

// errFound stops the look-ahead at the record it looked for.
var errFound = errors.New("found")

// awaitSetAside follows the log after seq until a record sets seq aside,
// and returns its reason.
func (p *Projector) awaitSetAside(ctx context.Context, log Log, seq uint64) (string, error) {
	var reason string
	err := log.Follow(ctx, seq+1, func(m events.Stored) error {
		_, payload, err := events.Decode(m.Data)
		if sa, ok := payload.(*events.SeqSetAside); err == nil && ok && sa.Seq == seq {
			reason = sa.Reason
			return errFound
		}
		return nil
	})
	if errors.Is(err, errFound) {
		return reason, nil
	}
	return "", err
}

// restoreSetAsides loads the set-aside seqs with their messages, for
// restore to seal in order among the events.
func (p *Projector) restoreSetAsides(ctx context.Context) ([]events.Stored, error) {
	rows, err := p.db.QueryContext(ctx, `SELECT s.seq, s.reason, c.subject, c.data, c.header, c.hash
		FROM set_aside s LEFT JOIN log_copy c ON c.seq = s.seq ORDER BY s.seq`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []events.Stored
	for rows.Next() {
		var (
			m             events.Stored
			reason        string
			subject, hash *string
			data, header  []byte
		)
		if err := rows.Scan(&m.Seq, &reason, &subject, &data, &header, &hash); err != nil {
			return nil, err
		}
		if hash == nil || CopyHash(m.Seq, *subject, header, data) != *hash {
			return nil, p.untrusted(m.Seq, "the copy of the set-aside message does not verify")
		}
		m.Subject, m.Data = *subject, data
		p.setAside[m.Seq] = reason
		out = append(out, m)
	}
	return out, rows.Err()
}
