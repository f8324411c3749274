package projections

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// Snapshot is an immutable picture of the read model at one checkpoint,
// swapped in whole after each commit so readers never see half a batch and
// never take a lock.
type Snapshot struct {
	Checkpoint uint64
	Seasons    map[string]*SeasonSnap
}

// SeasonSnap is one season's pre-encoded replies.
type SeasonSnap struct {
	ID     string
	Seq    uint64 // the season's last event
	Opened bool
	Closed bool
	// Cluster and Year, as opened, for the list of seasons.
	Cluster events.Cluster
	Year    int
	Info    json.RawMessage // GET /seasons/{season}
	Views   map[domain.View]*ViewSnap
	Units   map[string]bool
	// sealed is the season's tree and heads at this snapshot, for the
	// notary; nil for a view as of a past seq.
	sealed *sealed
}

// ViewSnap is one view of a season.
type ViewSnap struct {
	Standings *domain.Standings
	Units     json.RawMessage       // the rankings' "units" array
	Awards    json.RawMessage       // the rankings' "awards": how each was decided
	Sheets    map[string]*SheetJSON // unit → score sheet reply
}

// SeasonInfo is the season as opened and amended, in season.opened's shape
// so that a client can open a new season from it.
type SeasonInfo struct {
	Season string `json:"season"`
	events.SeasonOpened
	Closed bool `json:"closed"`
}

// SheetReply is a unit's score reply.
type SheetReply struct {
	Season string      `json:"season"`
	View   domain.View `json:"view"`
	domain.Sheet
	Standing domain.Standing `json:"standing"`
}

// RankingsReply is the body of GET .../rankings.
type RankingsReply struct {
	Season string          `json:"season"`
	View   domain.View     `json:"view"`
	Seq    uint64          `json:"seq"`
	Units  json.RawMessage `json:"units"`
	// Awards says how each award was decided: a sibling of the signed
	// units, never inside them.
	Awards json.RawMessage `json:"awards,omitempty"`
}

// JSON writes the reply around the pre-encoded units without re-encoding
// them: json.Marshal would re-validate and copy them on every read. Season
// ids are [a-z0-9-] and views a fixed set, so they need no escaping.
func (r RankingsReply) JSON() []byte {
	b := r.head(make([]byte, 0, len(r.Units)+96))
	b = append(b, r.Units...)
	return append(r.tail(b), '}')
}

// tail writes the fields after units.
func (r RankingsReply) tail(b []byte) []byte {
	if len(r.Awards) == 0 {
		return b
	}
	b = append(b, `,"awards":`...)
	return append(b, r.Awards...)
}

func (r RankingsReply) head(b []byte) []byte {
	b = append(b, `{"season":"`...)
	b = append(b, r.Season...)
	b = append(b, `","view":"`...)
	b = append(b, r.View...)
	b = append(b, `","seq":`...)
	b = strconv.AppendUint(b, r.Seq, 10)
	return append(b, `,"units":`...)
}

// Len is the length of JSON().
func (r RankingsReply) Len() int {
	return len(r.head(make([]byte, 0, 96))) + len(r.Units) + len(r.tail(nil)) + 1
}

// WriteTo writes JSON() without assembling it: a 10,000-unit season's
// units are megabytes, and copying them for every GET cost a memmove and
// as much garbage per request (issue 5's rankings profile).
func (r RankingsReply) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, part := range [][]byte{r.head(make([]byte, 0, 96)), r.Units, append(r.tail(nil), '}')} {
		k, err := w.Write(part)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// scanEvents reads stored events with a query selecting seq, subject,
// time_ns, hash and body, in order, and hands each decoded to fn.
func scanEvents(ctx context.Context, db *sql.DB, query string, args []any, fn func(events.Stored, events.Record, string) error) error {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var m events.Stored
		var ns int64
		var hash string
		if err := rows.Scan(&m.Seq, &m.Subject, &ns, &hash, &m.Data); err != nil {
			return err
		}
		m.Time = time.Unix(0, ns).UTC()
		rec, err := decode(m)
		if err != nil {
			return fmt.Errorf("seq %d: %w", m.Seq, err)
		}
		if err := fn(m, rec, hash); err != nil {
			return fmt.Errorf("seq %d: %w", m.Seq, err)
		}
	}
	return rows.Err()
}

// ResolveAsOf turns an as_of parameter (a stream sequence or an RFC 3339
// instant) into a stream sequence: for an instant, the last event recorded
// at or before it.
func (p *Projector) ResolveAsOf(ctx context.Context, asOf string) (uint64, error) {
	if seq, err := strconv.ParseUint(asOf, 10, 64); err == nil {
		return seq, nil
	}
	t, err := time.Parse(time.RFC3339Nano, asOf)
	if err != nil {
		return 0, domain.Errorf(domain.Invalid, "as_of", "%q is neither a stream sequence nor an RFC 3339 instant", asOf)
	}
	var seq uint64
	if err := p.rdb.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM events WHERE time_ns <= ?`, t.UnixNano()).Scan(&seq); err != nil {
		return 0, fmt.Errorf("resolve as_of: %w", err)
	}
	return seq, nil
}

// SeasonAsOf replays a season's events up to seq (inclusive) from the read
// model and scores them: the view as it was at that point of the log.
func (p *Projector) SeasonAsOf(ctx context.Context, season string, seq uint64) (*SeasonSnap, error) {
	s, err := p.seasonAt(ctx, season, seq)
	if err != nil {
		return nil, err
	}
	return buildSeasonSnap(s)
}

// seasonAt folds a season's events up to seq from the read model.
func (p *Projector) seasonAt(ctx context.Context, season string, seq uint64) (*domain.Season, error) {
	s := domain.NewSeason(season)
	err := scanEvents(ctx, p.rdb, `SELECT seq, subject, time_ns, hash, body FROM events WHERE season = ? AND seq <= ? ORDER BY seq`,
		[]any{season, seq}, func(_ events.Stored, rec events.Record, _ string) error { return s.Apply(rec) })
	if err != nil {
		return nil, fmt.Errorf("replay season %s: %w", season, err)
	}
	return s, nil
}

// StoredEvent is an event as the log holds it, with where it sits.
type StoredEvent struct {
	Seq  uint64
	Body json.RawMessage
}

// MarshalJSON writes the stored envelope with its seq added in front,
// leaving the stored bytes as they are.
func (e StoredEvent) MarshalJSON() ([]byte, error) {
	if len(e.Body) < 2 || e.Body[0] != '{' {
		return nil, fmt.Errorf("stored event %d is not a JSON object", e.Seq)
	}
	out := append([]byte(`{"seq":`+strconv.FormatUint(e.Seq, 10)+`,`), e.Body[1:]...)
	return out, nil
}

// Events lists a season's events in stream order from fromSeq, optionally
// for one unit.
func (p *Projector) Events(ctx context.Context, season, unit string, fromSeq uint64, limit int) ([]StoredEvent, error) {
	q := `SELECT seq, body FROM events WHERE season = ? AND seq >= ?`
	args := []any{season, fromSeq}
	if unit != "" {
		q += ` AND unit = ?`
		args = append(args, unit)
	}
	q += ` ORDER BY seq LIMIT ?`
	args = append(args, limit)
	rows, err := p.rdb.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	defer rows.Close()
	out := []StoredEvent{}
	for rows.Next() {
		var e StoredEvent
		var body []byte
		if err := rows.Scan(&e.Seq, &body); err != nil {
			return nil, fmt.Errorf("list events: %w", err)
		}
		e.Body = body
		out = append(out, e)
	}
	return out, rows.Err()
}

// StoredRankings reads the rankings rows as committed, for the audit's
// comparison: view → the units array bytes.
func (p *Projector) StoredRankings(ctx context.Context, season string) (map[string][]byte, error) {
	return p.storedRows(ctx, `SELECT view, body FROM rankings WHERE season = ?`, season)
}

// StoredScores reads each unit's ranked row as committed: "view/unit" →
// bytes.
func (p *Projector) StoredScores(ctx context.Context, season string) (map[string][]byte, error) {
	return p.storedRows(ctx, `SELECT view || '/' || unit, body FROM scores WHERE season = ?`, season)
}

func (p *Projector) storedRows(ctx context.Context, q, season string) (map[string][]byte, error) {
	rows, err := p.db.QueryContext(ctx, q, season)
	if err != nil {
		return nil, fmt.Errorf("read stored rows: %w", err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var k string
		var b []byte
		if err := rows.Scan(&k, &b); err != nil {
			return nil, err
		}
		out[k] = b
	}
	return out, rows.Err()
}

// Ping checks that the read model's database answers.
func (p *Projector) Ping(ctx context.Context) error { return p.rdb.PingContext(ctx) }
