package projections

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// A read model is derived from the log, so it is checked as it is
// restored rather than trusted: every event's body must equal the copy's
// bytes at its seq, the copy row must hash to its recorded hash, the
// stored content hash (the one idempotency compares) must be the body's,
// and every signed checkpoint the read model holds must have the root its
// bodies give. An edited body cannot pass all four without the signing
// key. (The chain of prev hashes is the audit's to check: events written
// to the log without the ledger may not carry it.)

// UntrustedError is a read model that does not verify or does not open as
// SQLite: it cannot be served, and the log can rebuild it.
type UntrustedError struct {
	Path string
	Seq  uint64 // where it failed, 0 when not at one event
	Err  error
}

func (e *UntrustedError) Error() string {
	if e.Seq > 0 {
		return fmt.Sprintf("read model %s does not verify at seq %d: %v", e.Path, e.Seq, e.Err)
	}
	return fmt.Sprintf("read model %s cannot be trusted: %v", e.Path, e.Err)
}

func (e *UntrustedError) Unwrap() error { return e.Err }

func (p *Projector) untrusted(seq uint64, format string, args ...any) error {
	return &UntrustedError{Path: p.path, Seq: seq, Err: fmt.Errorf(format, args...)}
}

// quickCheck asks SQLite to check every page of the file (PRAGMA
// quick_check): a damaged page of rows that restore does not read
// (rankings, sheets) would otherwise surface only when a commit or a
// read reaches it.
func (p *Projector) quickCheck(ctx context.Context) error {
	rows, err := p.db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return err
		}
		if line != "ok" && len(problems) < 3 {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(problems) > 0 {
		return &UntrustedError{Path: p.path, Err: fmt.Errorf("SQLite quick_check: %s", strings.Join(problems, "; "))}
	}
	return nil
}

// isCorrupt reports SQLite's "database disk image is malformed" and "file
// is not a database".
func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// SetAside renames the read model at path (and its WAL files) out of the
// way, for inspection, and returns the new name of the main file.
func SetAside(path string, now time.Time) (string, error) {
	aside := path + ".set-aside-" + now.UTC().Format("20060102T150405.000000000Z")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		err := os.Rename(path+suffix, aside+suffix)
		if err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			return "", fmt.Errorf("set the read model aside: %w", err)
		}
	}
	return aside, nil
}

// restoreEvents folds the stored events, checking each against the copy.
func (p *Projector) restoreEvents(ctx context.Context) error {
	// Read first: the read model has one connection, which rows holds.
	pending, err := p.restoreSetAsides(ctx)
	if err != nil {
		return err
	}
	sealPending := func(below uint64) {
		for len(pending) > 0 && pending[0].Seq < below {
			p.sealRaw(pending[0])
			pending = pending[1:]
		}
	}
	rows, err := p.db.QueryContext(ctx, `SELECT e.seq, e.subject, e.time_ns, e.hash, e.body, c.subject, c.header, c.data, c.hash
		FROM events e LEFT JOIN log_copy c ON c.seq = e.seq ORDER BY e.seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			m               events.Stored
			ns              int64
			hash            string
			cSubject, cHash *string
			cHeader, cData  []byte
		)
		if err := rows.Scan(&m.Seq, &m.Subject, &ns, &hash, &m.Data, &cSubject, &cHeader, &cData, &cHash); err != nil {
			return err
		}
		m.Time = time.Unix(0, ns).UTC()
		switch {
		case cHash == nil:
			return p.untrusted(m.Seq, "the copy has no message at this seq")
		case *cSubject != m.Subject || !bytes.Equal(cData, m.Data):
			return p.untrusted(m.Seq, "the stored event differs from the copy of the message")
		case CopyHash(m.Seq, *cSubject, cHeader, cData) != *cHash:
			return p.untrusted(m.Seq, "the copy of the message no longer hashes to its recorded hash")
		}
		rec, err := decode(m)
		if err != nil {
			return p.untrusted(m.Seq, "the stored event does not decode: %v", err)
		}
		if events.ContentHash(rec.Event) != hash {
			return p.untrusted(m.Seq, "the stored event no longer hashes to its recorded content hash")
		}
		sealPending(m.Seq)
		if err := p.fold(rec, hash); err != nil {
			return fmt.Errorf("seq %d: %w", m.Seq, err)
		}
		if s := p.seasons[rec.Event.Season]; s != nil {
			s.Shed(m.Seq) // committed: the read model gives it back
		}
		p.seal(m, rec)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	sealPending(^uint64(0))
	return nil
}

// verifyCheckpoints checks every signed checkpoint the read model holds:
// its bytes are the copy's, and its root is the one the restored bodies
// give at its size.
func (p *Projector) verifyCheckpoints(ctx context.Context) error {
	rows, err := p.db.QueryContext(ctx, `SELECT k.seq, k.season, k.body, c.data, c.hash, c.subject, c.header
		FROM checkpoints k LEFT JOIN log_copy c ON c.seq = k.seq ORDER BY k.seq`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			seq             uint64
			season          string
			body, cData     []byte
			cHeader         []byte
			cHash, cSubject *string
		)
		if err := rows.Scan(&seq, &season, &body, &cData, &cHash, &cSubject, &cHeader); err != nil {
			return err
		}
		if cHash == nil || !bytes.Equal(body, cData) || CopyHash(seq, *cSubject, cHeader, cData) != *cHash {
			return p.untrusted(seq, "the stored checkpoint differs from the copy of the message")
		}
		cp, err := seal.ParseSigned(body)
		if err != nil {
			return p.untrusted(seq, "the stored checkpoint does not parse: %v", err)
		}
		ss := p.seals[season]
		if ss == nil || ss.tree.Size() < cp.Size {
			return p.untrusted(seq, "the checkpoint signs %d events of season %s, the read model holds fewer", cp.Size, season)
		}
		root, ok := ss.roots[cp.Size]
		switch {
		case cp.Size == 0:
			root, ok = (&seal.Edge{}).Root(), true
		case cp.Size == ss.tree.Size():
			root, ok = ss.tree.Root(), true
		}
		if !ok {
			return fmt.Errorf("no root of season %s was taken at size %d", season, cp.Size)
		}
		if root != cp.Root {
			return p.untrusted(seq, "the signed root of season %s at size %d is not the root of the stored events: one of them was changed", season, cp.Size)
		}
	}
	return rows.Err()
}

// CommittedSeq reads, as far as it can, how far the read model at path
// says it committed: from one that does not verify, the claim is still
// worth holding the log to (ExpectAtLeast). 0 when it cannot be read.
func CommittedSeq(ctx context.Context, path string) uint64 {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return 0
	}
	defer db.Close()
	seq, err := metaSeq(ctx, db, "checkpoint")
	if err != nil {
		return 0
	}
	return seq
}
