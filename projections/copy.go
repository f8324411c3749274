package projections

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// The read model keeps a copy of every message it has committed (seq,
// subject, headers, bytes), in the same transaction as the projection.
// The log is the truth while it holds what it acknowledged; when it does
// not (a damaged block, a cluster that lost its tail), the copy is the
// proof of what was acknowledged and the source that `thidua repair`
// restores the log from. It is therefore never rebuilt away.

// CopyHash is the hash the copy records for a message: its seq, subject,
// headers and bytes. The storage time is left out: the log sets it, and a
// repaired log cannot reproduce it.
func CopyHash(seq uint64, subject string, header []byte, data []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "thidua-copy/1\n%d\n%s\n%d\n", seq, subject, len(header))
	h.Write(header)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// EncodeHeader is the canonical form of a message's headers in the copy:
// JSON with sorted keys, "{}" when there are none.
func EncodeHeader(h map[string][]string) []byte {
	if len(h) == 0 {
		return []byte("{}")
	}
	b, err := json.Marshal(h)
	if err != nil {
		// A map of strings always encodes.
		panic(fmt.Sprintf("encode headers: %v", err))
	}
	return b
}

func msgCopyHash(m events.Stored) string {
	return CopyHash(m.Seq, m.Subject, EncodeHeader(m.Header), m.Data)
}

func insertCopy(ctx context.Context, st *stmts, m events.Stored) error {
	header := EncodeHeader(m.Header)
	err := st.exec(ctx, `INSERT INTO log_copy (seq, subject, time_ns, header, data, hash) VALUES (?, ?, ?, ?, ?, ?)`,
		m.Seq, m.Subject, m.Time.UnixNano(), header, m.Data, CopyHash(m.Seq, m.Subject, header, m.Data))
	if err != nil {
		return fmt.Errorf("store the copy of seq %d: %w", m.Seq, err)
	}
	return nil
}

// SeqRange is an inclusive range of stream sequences.
type SeqRange struct {
	From uint64 `json:"from"`
	To   uint64 `json:"to"`
}

func (r SeqRange) String() string {
	if r.From == r.To {
		return strconv.FormatUint(r.From, 10)
	}
	return fmt.Sprintf("%d-%d", r.From, r.To)
}

// maxListed bounds the seqs a Loss lists one by one; the rest are counted.
const maxListed = 100

// Loss is what the log no longer holds, or holds otherwise, of what the
// read model committed: acknowledged events lost or edited.
type Loss struct {
	// Lost are seqs the copy holds and the log does not.
	Lost []SeqRange `json:"lost,omitempty"`
	// Changed are seqs whose message on the log differs from the copy
	// (the first maxListed of each list; More counts the rest).
	Changed []uint64 `json:"changed,omitempty"`
	More    int      `json:"more,omitempty"`
	// Checkpoint is the last seq the read model committed; LogLastSeq the
	// log's last seq when the loss was found.
	Checkpoint uint64 `json:"checkpoint"`
	LogLastSeq uint64 `json:"log_last_seq"`
	Reason     string `json:"reason"`
}

func (l *Loss) lost(from, to uint64) {
	if n := len(l.Lost); n > 0 && l.Lost[n-1].To+1 == from {
		l.Lost[n-1].To = to
		return
	}
	if len(l.Lost) < maxListed {
		l.Lost = append(l.Lost, SeqRange{from, to})
	} else {
		l.More++ // counted: the list is bounded
	}
}

func (l *Loss) changed(seq uint64) {
	if len(l.Changed) < maxListed {
		l.Changed = append(l.Changed, seq)
	} else {
		l.More++
	}
}

func (l *Loss) empty() bool { return len(l.Lost) == 0 && len(l.Changed) == 0 && l.More == 0 }

// describe sets Reason: which seqs, and what to do.
func (l *Loss) describe() {
	var parts []string
	if len(l.Lost) > 0 {
		rs := make([]string, len(l.Lost))
		for i, r := range l.Lost {
			rs[i] = r.String()
		}
		parts = append(parts, seqs(rs)+" missing from the log")
	}
	if len(l.Changed) > 0 {
		ss := make([]string, len(l.Changed))
		for i, s := range l.Changed {
			ss[i] = strconv.FormatUint(s, 10)
		}
		parts = append(parts, seqs(ss)+" on the log but not as acknowledged")
	}
	if l.More > 0 {
		parts = append(parts, fmt.Sprintf("and %d more", l.More))
	}
	l.Reason = fmt.Sprintf("the log lost acknowledged events: %s (read model at seq %d, log ends at %d); writes are refused until the log is repaired: stop the server and run thidua repair, which restores the log from the read model's copy",
		strings.Join(parts, "; "), l.Checkpoint, l.LogLastSeq)
}

// seqs names a list of seqs and ranges as a sentence's subject.
func seqs(list []string) string {
	if len(list) == 1 && !strings.Contains(list[0], "-") {
		return "seq " + list[0] + " is"
	}
	return "seqs " + strings.Join(list, ", ") + " are"
}

// Lost returns what the log lost of the acknowledged events, or nil while
// the two copies agree.
func (p *Projector) Lost() *Loss { return p.loss.Load() }

// Integrity is nil while the log holds every acknowledged event; else an
// error with code log_lost_events that names the seqs. Every write asks
// first: a log that lost events would give an acknowledged seq to a new
// event, and a forgotten id would be appended twice.
func (p *Projector) Integrity() error {
	l := p.loss.Load()
	if l == nil {
		return nil
	}
	return &domain.Error{Code: domain.LogLostEvents, Message: l.Reason}
}

// lose records a loss (the first one found stands) and wakes every waiter.
func (p *Projector) lose(l *Loss) error {
	if l.Reason == "" {
		l.describe()
	}
	if p.loss.CompareAndSwap(nil, l) {
		p.logger.Error("the log lost acknowledged events: writes refused, the read model and its copy are kept",
			"lost", l.Lost, "changed", l.Changed, "checkpoint", l.Checkpoint, "log_last_seq", l.LogLastSeq)
		p.wake()
	}
	return p.Integrity()
}

// Appended is told the seq the log gave a new write of event id. A seq
// the read model already holds for another event is one that was
// acknowledged to someone else: the log lost its tail, and the write must
// not be acknowledged. (The projector may fold the write before its
// writer hears the ack: then the seq holds that very id.)
func (p *Projector) Appended(ctx context.Context, seq uint64, id string) error {
	if err := p.Integrity(); err != nil {
		return err
	}
	cp := p.foldedAt.Load()
	if seq > cp {
		return nil // not folded yet: the fold will meet it in order
	}
	info, _, err := p.LookupID(ctx, id)
	if err != nil {
		return err
	}
	if info.Seq != seq {
		l := &Loss{Checkpoint: cp, LogLastSeq: seq}
		l.lost(seq, cp)
		return p.lose(l)
	}
	return nil
}

// Copy is the read model's copy of the log, opened on its own (by repair)
// or over the projector's reading connection.
type Copy struct {
	db  *sql.DB
	end uint64 // the last seq the read model committed
}

// CopyError says why a copy does not verify.
type CopyError struct {
	Seq    uint64
	Reason string
}

func (e *CopyError) Error() string {
	return fmt.Sprintf("the read model's copy does not verify at seq %d: %s", e.Seq, e.Reason)
}

// OpenCopy opens the copy in the read model at path, read-only.
func OpenCopy(ctx context.Context, path string) (*Copy, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return nil, fmt.Errorf("open read model %s: %w", path, err)
	}
	c := &Copy{db: db}
	v, err := getMeta(ctx, db, "schema")
	if err == nil && v != schemaVersion {
		err = fmt.Errorf("schema %q, want %q: it holds no copy of the log", v, schemaVersion)
	}
	if err == nil {
		c.end, err = metaSeq(ctx, db, "checkpoint")
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("read model %s: %w", path, err)
	}
	return c, nil
}

// Close closes a copy opened by OpenCopy.
func (c *Copy) Close() error { return c.db.Close() }

// End is the last seq the read model committed: the copy holds 1..End.
func (c *Copy) End() uint64 { return c.end }

// Each delivers the copy's messages in seq order. Every row must hash to
// its recorded hash and the seqs must run from 1 to End without a gap;
// otherwise it stops with a *CopyError.
func (c *Copy) Each(ctx context.Context, fn func(events.Stored) error) error {
	rows, err := c.db.QueryContext(ctx, `SELECT seq, subject, time_ns, header, data, hash FROM log_copy WHERE seq <= ? ORDER BY seq`, c.end)
	if err != nil {
		return fmt.Errorf("read the copy: %w", err)
	}
	defer rows.Close()
	var want uint64 = 1
	for rows.Next() {
		var (
			m           events.Stored
			ns          int64
			header      []byte
			hash        string
			headerValue map[string][]string
		)
		if err := rows.Scan(&m.Seq, &m.Subject, &ns, &header, &m.Data, &hash); err != nil {
			return fmt.Errorf("read the copy: %w", err)
		}
		switch {
		case m.Seq != want:
			return &CopyError{Seq: want, Reason: fmt.Sprintf("the copy has no seq %d (next is %d)", want, m.Seq)}
		case CopyHash(m.Seq, m.Subject, header, m.Data) != hash:
			return &CopyError{Seq: m.Seq, Reason: "its bytes no longer hash to the recorded hash"}
		}
		if err := json.Unmarshal(header, &headerValue); err != nil {
			return &CopyError{Seq: m.Seq, Reason: "headers: " + err.Error()}
		}
		m.Time, m.Header = time.Unix(0, ns).UTC(), headerValue
		if err := fn(m); err != nil {
			return err
		}
		want++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read the copy: %w", err)
	}
	if want != c.end+1 {
		return &CopyError{Seq: want, Reason: fmt.Sprintf("the copy ends at seq %d, the read model at %d", want-1, c.end)}
	}
	return nil
}

// Reader reads the log in stream order.
type Reader interface {
	ReadUntil(ctx context.Context, filter string, fromSeq uint64, fn func(events.Stored) error) error
}

// errCompared stops the comparison once the log passes the copy's end.
var errCompared = errors.New("compared")

// Compare reads the log from its start up to End and compares every
// message with the copy: a seq the log lacks, or holds with other bytes
// or headers, is a loss; nil when they agree. last is the log's last
// seq. The log's own state cannot be trusted for this: after a flipped
// byte it still counts the message it no longer delivers.
func (c *Copy) Compare(ctx context.Context, log Reader, last uint64) (*Loss, error) {
	cp := c.end
	l := &Loss{Checkpoint: cp, LogLastSeq: last}
	if cp == 0 {
		return nil, nil
	}
	rows, err := c.db.QueryContext(ctx, `SELECT seq, hash FROM log_copy WHERE seq <= ? ORDER BY seq`, cp)
	if err != nil {
		return nil, fmt.Errorf("read the copy: %w", err)
	}
	defer rows.Close()
	var (
		seq  uint64
		hash string
		more = true
	)
	advance := func() error {
		if more = rows.Next(); more {
			return rows.Scan(&seq, &hash)
		}
		return rows.Err()
	}
	if err := advance(); err != nil {
		return nil, fmt.Errorf("read the copy: %w", err)
	}
	// Copy rows the log skipped are lost; a contiguous run is one range.
	skip := func(below uint64) error {
		for more && seq < below {
			l.lost(seq, seq)
			if err := advance(); err != nil {
				return err
			}
		}
		return nil
	}
	err = log.ReadUntil(ctx, events.AllSubjects, 1, func(m events.Stored) error {
		if m.Seq > cp {
			return errCompared
		}
		if err := skip(m.Seq); err != nil {
			return err
		}
		if more && seq == m.Seq {
			if msgCopyHash(m) != hash {
				l.changed(m.Seq)
			}
			return advance()
		}
		// A seq the copy does not hold below its end: the copy is
		// contiguous, so the log has a message the read model never saw.
		l.changed(m.Seq)
		return nil
	})
	if err != nil && !errors.Is(err, errCompared) {
		return nil, fmt.Errorf("compare the log with the copy: %w", err)
	}
	if err := skip(cp + 1); err != nil {
		return nil, fmt.Errorf("read the copy: %w", err)
	}
	if l.empty() {
		return nil, nil
	}
	l.describe()
	return l, nil
}

// compareWithLog compares the log with the copy the projector committed.
func (p *Projector) compareWithLog(ctx context.Context, log Log, last uint64) (*Loss, error) {
	return (&Copy{db: p.rdb, end: p.foldedSeq()}).Compare(ctx, log, last)
}
