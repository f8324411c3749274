package projections

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// Log is what the projector needs of the event log.
type Log interface {
	Follow(ctx context.Context, fromSeq uint64, fn func(events.Stored) error) error
	ReadUntil(ctx context.Context, filter string, fromSeq uint64, fn func(events.Stored) error) error
	LastSeq(ctx context.Context) (uint64, error)
	// Missing lists the seqs the log no longer holds below its last.
	Missing(ctx context.Context) ([]uint64, error)
}

// IDInfo is what the read model remembers of every event id, for
// idempotency beyond the broker's deduplication window.
type IDInfo struct {
	Seq    uint64
	Hash   string
	Season string
	Unit   string
	Type   string
}

// Token is an API token as the read model knows it (hash only).
type Token struct {
	ID   string `json:"id"`
	Hash string `json:"-"`
	Role string `json:"role"`
	Unit string `json:"unit,omitempty"`
	// Cluster is the cluster a committee or auditor token is bound to;
	// "" is every cluster (tokens issued without one, and all older ones).
	Cluster   string `json:"cluster,omitempty"`
	IssuedBy  string `json:"issued_by"`
	IssuedAt  string `json:"issued_at"`
	RevokedBy string `json:"revoked_by,omitempty"`
	RevokedAt string `json:"revoked_at,omitempty"`
	// Holder and Position name the person the token was issued to.
	Holder   string `json:"holder,omitempty"`
	Position string `json:"position,omitempty"`
}

// Halt describes why the projector stopped.
type Halt struct {
	Seq    uint64 `json:"seq"`
	Reason string `json:"reason"`
	// Message is true when the message at Seq itself cannot be decoded
	// or applied: only then can the committee set it aside. Otherwise the
	// read model failed (a commit, say), and a restart resumes.
	Message bool `json:"message"`
	// Storage is true when the read model's disk was full: the projector
	// resumes by itself once a write fits again.
	Storage bool `json:"storage_full,omitempty"`
}

// Projector folds the log into the read model. Events and the checkpoint
// are committed in one SQLite transaction, so a restart or a redelivery is
// harmless: exactly-once comes from the transaction, not from the broker.
type Projector struct {
	path   string // of the read model, for its errors
	db     *sql.DB
	rdb    *sql.DB
	logger *slog.Logger

	// mu guards the folded state below; the loop holds it to write, the
	// write path holds it to read while it validates.
	mu      sync.RWMutex
	seasons map[string]*domain.Season
	// pending holds the ids folded and not yet committed, and others the
	// first seq of each id no season folds (tokens, set-aside records),
	// under idMu, taken after mu when both are. Where a season event's id
	// was folded, its season's fold says (domain.Season.Event): the
	// projector keeps no index of every id of its own.
	idMu    sync.Mutex
	pending map[string]IDInfo
	others  map[string]uint64
	// live is how sheets read the fold: they are scored when asked for.
	live *liveFold
	// tokens are written under mu and tokMu both, and read under tokMu.
	tokMu  sync.RWMutex
	tokens map[string]Token
	// seals holds each season's Merkle tree and how far it is signed;
	// heads the last event of every subject, which the next one chains to.
	seals map[string]*seasonSeal
	// wantRoots, during a restore only, lists the sizes of each season's
	// tree whose roots its stored checkpoints sign (seasonSeal.want).
	wantRoots map[string]map[int64]bool
	heads     map[string]Head
	// subjectsOf lists each season's subjects, in the order first seen.
	subjectsOf map[string][]string
	// folded is the last seq folded and committed; the published snapshot
	// can be behind it while a catch-up defers rescoring. dirty lists the
	// seasons folded since their snapshot and rows were last built, with
	// the units to rescore; scores keeps every season's unit scores and
	// encoded rows between publishes (only the loop touches it).
	folded uint64
	dirty  map[string]*touchSet
	scores map[string]*seasonScores
	// staged is the snapshot of the last batch staged, which the next one
	// builds on; stale is set while staged batches defer rescoring. Only
	// the loop touches them.
	staged *Snapshot
	stale  bool

	// lastDelay is how long the newest event of the last commit waited
	// between the log's timestamp and its commit here (nanoseconds): the
	// freshness metric. It is measured, never folded.
	lastDelay atomic.Int64

	// timelines caches encoded timelines by season and view, each valid
	// while its season is at the LastSeq it was computed at. restore
	// empties it: a rebuilt season may reach the same seq with other events.
	tlMu      sync.Mutex
	timelines map[timelineKey]timelineEntry

	// logEnd is the log's last seq when Reconcile last looked: until the
	// read model has reached it, it is catching up on a log it has not
	// seen whole, and nothing is offered for signing.
	logEnd atomic.Uint64

	snap    atomic.Pointer[Snapshot]
	changed atomic.Pointer[chan struct{}] // closed and replaced after each commit
	// foldedAt is the last seq folded into memory, committed or not: the
	// watermark writers wait on (they validate against the fold, and
	// what is folded is on the log). folds is closed and replaced when it
	// moves, and on every halt or loss.
	foldedAt atomic.Uint64
	folds    atomic.Pointer[chan struct{}]
	halt     atomic.Pointer[Halt]
	// loss is set once the log is found to lack or differ from what the
	// read model committed; compared once the log has been checked
	// against the copy at start.
	loss     atomic.Pointer[Loss]
	compared atomic.Bool
	expected uint64 // see ExpectAtLeast
	// setAside holds the seqs the committee set aside (under mu): a
	// replay skips them, seals them and lists them.
	setAside map[uint64]string
}

// Open opens (or creates) the read model at path and restores the folded
// state from it. The caller runs Run to follow the log. A read model that
// does not verify (a body edited, a copy that no longer hashes, a signed
// checkpoint's root the bodies no longer give) or a SQLite file that is
// not one any more fails with an *UntrustedError: the caller sets it
// aside (SetAside) and opens a new one, rebuilt from the log.
func Open(ctx context.Context, path string, logger *slog.Logger) (*Projector, error) {
	p, err := open(ctx, path, logger)
	if isCorrupt(err) {
		var ue *UntrustedError
		if !errors.As(err, &ue) {
			err = &UntrustedError{Path: path, Err: err}
		}
	}
	return p, err
}

func open(ctx context.Context, path string, logger *slog.Logger) (*Projector, error) {
	db, err := openDB(path)
	if err != nil {
		return nil, err
	}
	rdb, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open read model for reading: %w", err)
	}
	p := &Projector{db: db, rdb: rdb, logger: logger, path: path, setAside: map[uint64]string{}}
	p.live = &liveFold{mu: &p.mu, replay: p.seasonAt, bodies: eventBodies{rdb}}
	ch, fch := make(chan struct{}), make(chan struct{})
	p.changed.Store(&ch)
	p.folds.Store(&fch)
	if err := p.quickCheck(ctx); err != nil {
		p.Close()
		return nil, err
	}
	if v, err := getMeta(ctx, db, "schema"); err != nil {
		p.Close()
		return nil, fmt.Errorf("read model schema: %w", err)
	} else if v != "" && v != schemaVersion {
		logger.Warn("read model schema changed: rebuilding from the log", "have", v, "want", schemaVersion)
		if err := p.reset(ctx); err != nil {
			p.Close()
			return nil, err
		}
	}
	if err := setMeta(ctx, db, "schema", schemaVersion); err != nil {
		p.Close()
		return nil, fmt.Errorf("read model schema: %w", err)
	}
	if err := p.restore(ctx); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// Close closes the read model.
func (p *Projector) Close() error {
	return errors.Join(p.rdb.Close(), p.db.Close())
}

// reset empties the read model so that it is rebuilt from seq 1.
func (p *Projector) reset(ctx context.Context) error {
	for _, t := range []string{"events", "log_copy", "set_aside", "checkpoints", "seasons", "rankings", "scores", "tokens", "meta"} {
		if _, err := p.db.ExecContext(ctx, "DELETE FROM "+t); err != nil {
			return fmt.Errorf("reset read model: %w", err)
		}
	}
	return nil
}

// restore rebuilds the in-memory fold from the events the read model holds.
func (p *Projector) restore(ctx context.Context) error {
	p.seasons = map[string]*domain.Season{}
	p.idMu.Lock()
	p.pending, p.others = map[string]IDInfo{}, map[string]uint64{}
	p.idMu.Unlock()
	p.tokMu.Lock()
	p.tokens = map[string]Token{}
	p.tokMu.Unlock()
	p.seals = map[string]*seasonSeal{}
	p.heads = map[string]Head{}
	p.subjectsOf = map[string][]string{}
	p.dirty = map[string]*touchSet{} // restore scores every season whole
	p.tlMu.Lock()
	p.timelines = map[timelineKey]timelineEntry{}
	p.tlMu.Unlock()
	cp, err := p.checkpointFromDB(ctx)
	if err != nil {
		return err
	}
	// The trees keep their right edge only: the roots the stored
	// checkpoints sign are taken on the way.
	if p.wantRoots, err = p.checkpointSizes(ctx); err != nil {
		return fmt.Errorf("restore read model: %w", err)
	}
	defer p.forgetRoots()
	// Token events are folded too, so the tokens table need not be read.
	if err := p.restoreEvents(ctx); err != nil {
		return fmt.Errorf("restore read model: %w", err)
	}
	if err := p.restoreCheckpoints(ctx); err != nil {
		return fmt.Errorf("restore read model: %w", err)
	}
	snap := &Snapshot{Checkpoint: cp, Seasons: map[string]*SeasonSnap{}}
	p.scores = map[string]*seasonScores{}
	for id, s := range p.seasons {
		sc := &seasonScores{fold: p.live}
		ss, _, err := sc.update(s, &touchSet{all: true})
		if err != nil {
			return fmt.Errorf("restore season %s: %w", id, err)
		}
		ss.sealed = p.sealPoint(id)
		snap.Seasons[id], p.scores[id] = ss, sc
	}
	if err := p.repairRows(ctx, snap); err != nil {
		return fmt.Errorf("restore read model: %w", err)
	}
	p.folded, p.dirty = cp, map[string]*touchSet{}
	p.idMu.Lock()
	clear(p.pending) // every id restored is in the events table
	p.idMu.Unlock()
	p.foldedAt.Store(cp)
	p.snap.Store(snap)
	p.staged, p.stale = snap, false
	return nil
}

// staleRows is the meta key set while a catch-up has committed events
// whose seasons' rankings rows it has not rewritten yet.
const staleRows = "stale_rows"

// repairRows rewrites every season's rows when a catch-up stopped while
// it deferred rescoring. A read model that is not marked is left alone:
// the audit opens a live one while its serve keeps writing.
func (p *Projector) repairRows(ctx context.Context, snap *Snapshot) error {
	v, err := getMeta(ctx, p.db, staleRows)
	if err != nil {
		return err
	}
	if v == "" {
		return nil
	}
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for id, ss := range snap.Seasons {
		if err := writeSeason(ctx, tx, id, ss); err != nil {
			return fmt.Errorf("season %s: %w", id, err)
		}
	}
	if err := setMeta(ctx, tx, staleRows, ""); err != nil {
		return err
	}
	return tx.Commit()
}

func (p *Projector) checkpointFromDB(ctx context.Context) (uint64, error) {
	return metaSeq(ctx, p.db, "checkpoint")
}

// metaSeq reads a seq kept in meta, 0 when unset.
func metaSeq(ctx context.Context, q querier, key string) (uint64, error) {
	v, err := getMeta(ctx, q, key)
	if err != nil || v == "" {
		return 0, err
	}
	seq, err := strconv.ParseUint(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("read model %s %q: %w", key, v, err)
	}
	return seq, nil
}

func decode(m events.Stored) (events.Record, error) {
	ev, payload, err := events.Decode(m.Data)
	if err != nil {
		return events.Record{}, err
	}
	return events.Record{Seq: m.Seq, Subject: m.Subject, Time: m.Time, Event: ev, Payload: payload}, nil
}

// touch is the set of units of a season to rescore at the next publish.
func (p *Projector) touch(season string) *touchSet {
	t := p.dirty[season]
	if t == nil {
		t = &touchSet{}
		p.dirty[season] = t
	}
	return t
}

// fold applies one record, whose content hash is given, to the in-memory
// state (callers hold mu), and marks what it touched for rescoring. When
// it fails it has changed nothing.
func (p *Projector) fold(rec events.Record, hash string) error {
	ev := rec.Event
	other := true // no season folds it
	switch pl := rec.Payload.(type) {
	case *events.TokenIssued:
		p.tokMu.Lock()
		p.tokens[pl.ID] = Token{ID: pl.ID, Hash: pl.Hash, Role: pl.Role, Unit: pl.Unit, Cluster: pl.Cluster, IssuedBy: pl.IssuedBy, IssuedAt: ev.Recorded,
			Holder: pl.Holder, Position: pl.Position}
		p.tokMu.Unlock()
	case *events.TokenRevoked:
		p.tokMu.Lock()
		if t, ok := p.tokens[pl.ID]; ok && t.RevokedAt == "" {
			t.RevokedBy, t.RevokedAt = pl.RevokedBy, ev.Recorded
			p.tokens[pl.ID] = t
		}
		p.tokMu.Unlock()
	case *events.SeqSetAside:
		// An operational record, not a scoring event: the skip itself
		// happened at the seq it names. It is the season's latest event
		// all the same, as its tree says.
		p.passed(ev.Season, rec.Seq)
	default:
		if ev.Season == "" {
			return fmt.Errorf("event %s (%s) names no season", ev.ID, ev.Type)
		}
		s, ok := p.seasons[ev.Season]
		if !ok {
			s = domain.NewShedding(ev.Season, p.live.bodies)
		}
		touched, err := s.Fold(rec)
		if err != nil {
			return err
		}
		p.seasons[ev.Season] = s
		p.touch(ev.Season).add(touched)
		other = false
	}
	p.idMu.Lock()
	defer p.idMu.Unlock()
	if _, seen := p.others[ev.ID]; other && !seen {
		p.others[ev.ID] = rec.Seq
	}
	if _, dup := p.pending[ev.ID]; !dup {
		p.pending[ev.ID] = IDInfo{Seq: rec.Seq, Hash: hash, Season: ev.Season, Unit: ev.Unit, Type: ev.Type}
	}
	return nil
}

// committed forgets the pending ids of events now in the events table.
func (p *Projector) committed(ops []op) {
	p.idMu.Lock()
	defer p.idMu.Unlock()
	for _, o := range ops {
		if o.kind != opEvent {
			continue
		}
		if e, ok := p.pending[o.rec.Event.ID]; ok && e.Seq == o.m.Seq {
			delete(p.pending, o.rec.Event.ID)
		}
	}
}

// Checkpoint is the last stream sequence committed to the read model.
func (p *Projector) Checkpoint() uint64 { return p.snap.Load().Checkpoint }

// LastDelay is the freshness of the last commit: from the newest event's
// timestamp on the log to its commit in the read model.
func (p *Projector) LastDelay() time.Duration { return time.Duration(p.lastDelay.Load()) }

// Halted returns why the projector stopped, or nil while it runs.
func (p *Projector) Halted() *Halt { return p.halt.Load() }

// Snapshot returns the current immutable view of every season.
func (p *Projector) Snapshot() *Snapshot { return p.snap.Load() }

// Changed returns a channel closed at the next commit.
func (p *Projector) Changed() <-chan struct{} { return *p.changed.Load() }

// WaitFor blocks until the read model has folded in seq, the context ends,
// or the projector halts before reaching it.
func (p *Projector) WaitFor(ctx context.Context, seq uint64) error {
	for {
		ch := p.Changed()
		if p.Checkpoint() >= seq {
			return nil
		}
		if err := p.unreachable(); err != nil {
			return err
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("waiting for seq %d (at %d): %w", seq, p.Checkpoint(), ctx.Err())
		}
	}
}

// unreachable says why a wait can no longer be met: the log lost events,
// or the projector halted (its disk full, or an event it cannot fold).
func (p *Projector) unreachable() error {
	if err := p.Integrity(); err != nil {
		return err
	}
	if h := p.Halted(); h != nil && h.Storage {
		return &domain.Error{Code: domain.StorageFull, Message: fmt.Sprintf("the read model's disk is full (projector paused at seq %d): %s; it resumes once space is freed", h.Seq, h.Reason)}
	} else if h != nil {
		return fmt.Errorf("projector halted at seq %d: %s", h.Seq, h.Reason)
	}
	return nil
}

// WaitFolded blocks until seq is folded into memory (committed to SQLite
// and published or not), the context ends, or the projector stops before
// reaching it. Writers wait here, once: what they validate against is the
// fold, never a rescore or a commit.
func (p *Projector) WaitFolded(ctx context.Context, seq uint64) error {
	for {
		ch := *p.folds.Load()
		at := p.foldedAt.Load()
		if p.Halted() != nil {
			// A halted read model stands where it committed: what it folded
			// past that is not kept, and writes wait for it to resume.
			at = p.Checkpoint()
		}
		if at >= seq {
			return nil
		}
		if err := p.unreachable(); err != nil {
			return err
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("waiting for seq %d to be folded (at %d): %w", seq, p.foldedAt.Load(), ctx.Err())
		}
	}
}

// wake tells every waiter, on commits and on folds, to look again.
func (p *Projector) wake() {
	ch, fch := make(chan struct{}), make(chan struct{})
	close(*p.changed.Swap(&ch))
	close(*p.folds.Swap(&fch))
}

// WithSeason runs fn with the live folded season (nil if it has no events),
// holding the state still while fn runs. fn must not keep the pointer.
func (p *Projector) WithSeason(id string, fn func(*domain.Season) error) error {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return fn(p.seasons[id])
}

// LookupID returns what the fold knows of an event id: where it was first
// folded. A season's fold knows each id it folded for good, and pending
// says what is not committed yet; both are read while nothing is folded,
// so that no lookup misses an id on its way to the events table. An id may
// be reused in another season, so every season is asked.
func (p *Projector) LookupID(ctx context.Context, id string) (IDInfo, bool, error) {
	var seqs []uint64
	p.mu.RLock()
	for _, s := range p.seasons {
		if e, ok := s.Event(id); ok {
			seqs = append(seqs, e.Seq)
		}
	}
	p.idMu.Lock()
	e, pending := p.pending[id]
	if seq, ok := p.others[id]; ok {
		seqs = append(seqs, seq)
	}
	p.idMu.Unlock()
	p.mu.RUnlock()
	best, found := e, pending
	for _, seq := range seqs {
		if found && seq >= best.Seq {
			continue
		}
		var info IDInfo
		var got string
		err := p.rdb.QueryRowContext(ctx, `SELECT id, hash, season, unit, type FROM events WHERE seq = ?`, seq).
			Scan(&got, &info.Hash, &info.Season, &info.Unit, &info.Type)
		if errors.Is(err, sql.ErrNoRows) {
			continue // not committed yet: pending has it
		}
		if err != nil {
			return IDInfo{}, false, fmt.Errorf("look up event id %s: %w", id, err)
		}
		if got == id {
			info.Seq = seq
			best, found = info, true
		}
	}
	return best, found, nil
}

// Token returns a token by id. Every authenticated request asks, so it
// does not wait for mu, which a commit holds while it rescores.
func (p *Projector) Token(id string) (Token, bool) {
	p.tokMu.RLock()
	defer p.tokMu.RUnlock()
	t, ok := p.tokens[id]
	return t, ok
}

// Tokens lists every token the read model knows, by id.
func (p *Projector) Tokens() []Token {
	p.tokMu.RLock()
	defer p.tokMu.RUnlock()
	out := make([]Token, 0, len(p.tokens))
	for _, t := range p.tokens {
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b Token) int { return strings.Compare(a.ID, b.ID) })
	return out
}

// IsMember reports whether unit belongs to an opened season inside the
// scope: of any cluster for the zero scope, of its cluster for a bound one.
func (p *Projector) IsMember(unit string, sc domain.Scope) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	for _, s := range p.seasons {
		if s.Opened == nil || !sc.Covers(s.Opened.Cluster.ID) {
			continue
		}
		if _, ok := s.Member(unit); ok {
			return true
		}
	}
	return false
}

// Batching: during catch-up many events share one transaction; when live,
// a short timer bounds how long an event waits for company.
const (
	maxBatch   = 5000
	flushAfter = time.Millisecond
	// maxDeferred bounds how many catch-up batches may pass before the
	// snapshot is published again, so that a log that never drains still
	// shows progress.
	maxDeferred = 20
)

// Run follows the log from checkpoint+1 and commits until ctx ends. An
// event it cannot decode or apply halts it at that sequence, loudly:
// skipping would corrupt scores silently. The halt is visible through
// Halted (and /readyz) until the committee sets the seq aside with a
// record on the log (setaside.go); Run then resumes, skipping it.
func (p *Projector) Run(ctx context.Context, log Log) error {
	for {
		if err := p.runOnce(ctx, log); err != nil || ctx.Err() != nil {
			return err
		}
		h := p.Halted()
		if h != nil && h.Storage {
			if err := p.awaitRoom(ctx); err != nil {
				return nil // stopped while waiting
			}
			continue
		}
		if h == nil || !h.Message || p.Lost() != nil {
			return nil
		}
		reason, err := p.awaitSetAside(ctx, log, h.Seq)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("look for a set-aside of seq %d: %w", h.Seq, err)
		}
		p.mu.Lock()
		p.setAside[h.Seq] = reason
		p.mu.Unlock()
		p.halt.Store(nil)
		p.logger.Warn("the committee set the halting seq aside: resuming", "seq", h.Seq, "reason", reason)
	}
}

func (p *Projector) runOnce(ctx context.Context, log Log) error {
	if err := p.Reconcile(ctx, log); err != nil {
		if ctx.Err() != nil {
			return nil // stopped before it began
		}
		return err
	}
	if p.Lost() != nil {
		// Following a log that lost events would fold new ones at seqs
		// already acknowledged: keep the read model as it is.
		<-ctx.Done()
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	msgs := make(chan events.Stored, maxBatch)
	followErr := make(chan error, 1)
	go func() {
		followErr <- log.Follow(ctx, p.foldedSeq()+1, func(m events.Stored) error {
			select {
			case msgs <- m:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	c := p.startCommitter(ctx)
	defer c.close()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	buf := make([]events.Stored, 0, maxBatch)
	for {
		// A full batch, or one stopped at a bad message, takes no more
		// until it is shipped.
		in := msgs
		if c.open != nil && (c.open.seen >= maxBatch || c.open.bad != nil) {
			in = nil
		}
		select {
		case m := <-in:
			// Take what else is queued under the same lock.
			buf = append(buf[:0], m)
			room := maxBatch
			if c.open != nil {
				room -= c.open.seen
			}
			for len(buf) < room && len(msgs) > 0 {
				buf = append(buf, <-msgs)
			}
			if c.open == nil {
				c.open = p.newBatch()
				timer.Reset(flushAfter)
			}
			if err := p.take(c.open, buf); err != nil {
				return p.stop(err)
			}
			if c.open.seen >= maxBatch || c.open.bad != nil {
				if err := c.shipIfIdle(len(msgs) > 0); err != nil {
					return p.stop(err)
				}
			}
		case <-timer.C:
			if len(msgs) > 0 {
				// Behind the log: fill the batch rather than commit a
				// millisecond's worth.
				timer.Reset(flushAfter)
				continue
			}
			if err := c.shipIfIdle(false); err != nil {
				return p.stop(err)
			}
		case err := <-c.done:
			// What gathered while that batch committed goes at once.
			c.busy = false
			if err != nil {
				return p.stop(err)
			}
			if err := c.shipIfIdle(len(msgs) > 0); err != nil {
				return p.stop(err)
			}
		case err := <-followErr:
			if ctx.Err() != nil {
				return nil
			}
			var gap *events.GapError
			if !errors.As(err, &gap) {
				return fmt.Errorf("follow the log: %w", err)
			}
			// Commit what came before the gap (Follow sent it before its
			// error), then stop there.
			for len(msgs) > 0 {
				if c.open == nil {
					c.open = p.newBatch()
				}
				if c.open.seen >= maxBatch {
					if err := c.settle(); err != nil {
						return p.stop(err)
					}
					continue
				}
				if err := p.take(c.open, []events.Stored{<-msgs}); err != nil {
					return p.stop(err)
				}
			}
			if err := c.settle(); err != nil {
				return p.stop(err)
			}
			l := &Loss{Checkpoint: p.foldedSeq(), LogLastSeq: gap.Got}
			l.lost(gap.Want, gap.Got-1)
			p.lose(l)
			<-ctx.Done()
			return nil
		case <-ctx.Done():
			return nil
		}
	}
}

// committer commits the batches the loop ships, one at a time, in a
// goroutine of its own, while the loop takes the next batch.
type committer struct {
	p    *Projector
	jobs chan *batch
	done chan error
	open *batch // taken, not shipped
	busy bool   // a shipped batch is committing
	// deferred counts the batches shipped since the snapshot was last
	// published.
	deferred int
}

func (p *Projector) startCommitter(ctx context.Context) *committer {
	c := &committer{p: p, jobs: make(chan *batch), done: make(chan error, 1)}
	// A commit under way finishes even when ctx ends: the loop waits for
	// it, so that a stop never cuts a transaction short.
	cctx := context.WithoutCancel(ctx)
	go func() {
		for b := range c.jobs {
			c.done <- p.commit(cctx, b)
		}
	}()
	return c
}

// shipIfIdle stages the open batch and hands it to the committer, unless
// the committer is busy (the batch then keeps gathering until it is done)
// or nothing is open. behind says more messages are already queued: a
// catch-up, whose rescoring waits (see maxDeferred).
func (c *committer) shipIfIdle(behind bool) error {
	if c.busy || c.open == nil {
		return nil
	}
	b := c.open
	c.open = nil
	if b.bad != nil && b.taken == 0 {
		return c.p.haltAt(*b.bad)
	}
	// Rescoring every touched season after each batch of a catch-up would
	// cost more than folding (a national log touches hundreds of seasons
	// per batch), so it waits for the queue to drain, or for maxDeferred
	// batches.
	catchUp := behind && b.bad == nil && c.deferred < maxDeferred
	if err := c.p.stage(b, catchUp); err != nil {
		return err
	}
	if catchUp {
		c.deferred++
	} else {
		c.deferred = 0
	}
	c.busy = true
	c.jobs <- b
	return nil
}

// settle ships the open batch and waits until everything shipped is
// committed.
func (c *committer) settle() error {
	for c.busy || c.open != nil {
		if c.busy {
			c.busy = false
			if err := <-c.done; err != nil {
				return err
			}
		}
		if err := c.shipIfIdle(false); err != nil {
			return err
		}
	}
	return nil
}

// close commits what was taken, unless the projector halted, and stops
// the goroutine: what is folded in memory is then what is committed, for
// a Run that starts again.
func (c *committer) close() {
	if c.p.Halted() == nil {
		_ = c.settle() // a failure halts the projector, which says why
	}
	if c.busy {
		<-c.done
		c.busy = false
	}
	close(c.jobs)
}

func (p *Projector) stop(err error) error {
	var h *haltError
	if errors.As(err, &h) {
		return nil
	}
	return err
}

// Reconcile compares the log with the read model's copy of every message
// it committed, once, before anything reads or validates against the
// projector (Run calls it again, harmlessly). A log that ends before the
// read model's checkpoint, skips a seq or holds other bytes lost
// acknowledged events: the read model is the proof of them and is kept,
// never rebuilt from the damaged log; Lost and Integrity then say which
// seqs, and every write is refused until the log is repaired.
func (p *Projector) Reconcile(ctx context.Context, log Log) error {
	last, err := log.LastSeq(ctx)
	if err != nil {
		return fmt.Errorf("read the log's last sequence: %w", err)
	}
	p.logEnd.Store(last)
	if p.compared.Load() || p.Lost() != nil {
		return nil
	}
	l, err := p.compareWithLog(ctx, log, last)
	if err != nil {
		return err
	}
	// What the log itself says it lost, beyond the read model's end too:
	// a rebuilt read model has no copy to compare with.
	missing, err := log.Missing(ctx)
	if err != nil {
		return err
	}
	if len(missing) > 0 || p.expected > last {
		if l == nil {
			l = &Loss{Checkpoint: p.foldedSeq(), LogLastSeq: last}
		}
		for _, seq := range missing {
			if seq > l.Checkpoint {
				l.lost(seq, seq)
			}
		}
		if p.expected > max(last, l.Checkpoint) {
			l.lost(max(last, l.Checkpoint)+1, p.expected)
		}
		l.Reason = ""
	}
	p.compared.Store(true)
	if l != nil && !l.empty() {
		p.lose(l)
	}
	return nil
}

// ExpectAtLeast tells a rebuilt read model how far the one it replaces
// had committed (the one set aside): a log that ends before that lost
// acknowledged events, though no copy is left to name them by content.
// Call it before Reconcile.
func (p *Projector) ExpectAtLeast(seq uint64) { p.expected = seq }

type haltError struct{ h Halt }

func (e *haltError) Error() string { return fmt.Sprintf("halted at seq %d: %s", e.h.Seq, e.h.Reason) }

// Apply commits a batch of consecutive log messages: their rows, the
// recomputed rankings of every season they touch and the checkpoint, in one
// transaction, and publishes the new snapshot. The replay of the audit
// uses it too.
func (p *Projector) Apply(ctx context.Context, batch []events.Stored) error {
	return p.apply(ctx, batch, false)
}

// foldedSeq is the last seq folded and committed, published or not.
func (p *Projector) foldedSeq() uint64 {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.folded
}

// haltOn halts on a failure of the read model: what failed, and whether
// it was for lack of space.
func (p *Projector) haltOn(seq uint64, what string, err error) error {
	return p.haltAt(Halt{Seq: seq, Reason: what + err.Error(), Storage: isFull(err)})
}

func (p *Projector) haltAt(h Halt) error {
	p.halt.Store(&h)
	p.logger.Error("projector halted: an event could not be applied; fix the cause and restart", "seq", h.Seq, "reason", h.Reason)
	p.wake()
	return &haltError{h}
}

func (p *Projector) insert(ctx context.Context, st *stmts, m events.Stored, rec events.Record, hash string) error {
	ev := rec.Event
	tx := st.tx
	if err := st.exec(ctx, `INSERT INTO events (seq, id, season, unit, type, subject, time_ns, hash, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		m.Seq, ev.ID, ev.Season, ev.Unit, ev.Type, m.Subject, m.Time.UnixNano(), hash, m.Data); err != nil {
		return fmt.Errorf("store event: %w", err)
	}
	switch pl := rec.Payload.(type) {
	case *events.TokenIssued:
		_, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, hash, role, unit, cluster, issued_by, issued_at, issued_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			pl.ID, pl.Hash, pl.Role, pl.Unit, pl.Cluster, pl.IssuedBy, ev.Recorded, m.Seq)
		if err != nil {
			return fmt.Errorf("store token: %w", err)
		}
	case *events.TokenRevoked:
		_, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at = ''`, pl.RevokedBy, ev.Recorded, pl.ID)
		if err != nil {
			return fmt.Errorf("revoke token: %w", err)
		}
	}
	return nil
}

func writeSeason(ctx context.Context, tx *sql.Tx, id string, ss *SeasonSnap) error {
	closed := 0
	if ss.Closed {
		closed = 1
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO seasons (season, seq, closed, body) VALUES (?, ?, ?, ?) ON CONFLICT (season) DO UPDATE SET seq = excluded.seq, closed = excluded.closed, body = excluded.body`,
		id, ss.Seq, closed, []byte(ss.Info)); err != nil {
		return err
	}
	for view, v := range ss.Views {
		if _, err := tx.ExecContext(ctx, `INSERT INTO rankings (season, view, seq, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view) DO UPDATE SET seq = excluded.seq, body = excluded.body`,
			id, string(view), ss.Seq, []byte(v.Units)); err != nil {
			return err
		}
		for unit, sheet := range v.Sheets {
			if _, err := tx.ExecContext(ctx, `INSERT INTO scores (season, view, unit, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view, unit) DO UPDATE SET body = excluded.body`,
				id, string(view), unit, []byte(sheet.Row())); err != nil {
				return err
			}
		}
	}
	return nil
}
