package projections

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/seal"
)

// A batch of log messages goes through the projector in three steps:
//
//   - take folds each message into memory as it arrives (under mu) and
//     moves the folded watermark, so that a writer validates against it at
//     once;
//   - stage, when the batch closes, rescores what the batch touched
//     against the fold as it stands at the batch's last seq (scoring reads
//     the fold, so no message is taken meanwhile) and readies the snapshot;
//   - commit writes the events, the changed rows and the checkpoint in one
//     SQLite transaction, then publishes the snapshot.
//
// While Run follows the log, commit runs in a goroutine of its own: the
// next batch is taken while one commits, and a writer never waits on
// SQLite. Batches are committed in the order they were staged.
type batch struct {
	ops   []op
	seen  int       // messages received, redeliveries included
	cp    uint64    // the last seq taken
	taken int       // messages taken (folded, set aside or recorded)
	bad   *Halt     // the message take stopped at, if one could not be folded
	last  time.Time // the log's time of the newest message received

	// Set by stage.
	publish bool
	next    *Snapshot
	seasons []stagedSeason
	stale   *string // the stale-rows mark to write, nil to leave it
}

type stagedSeason struct {
	ss *SeasonSnap
	d  seasonDelta
}

type opKind int

const (
	opEvent      opKind = iota // a folded event: its row and its copy
	opCheckpoint               // a signed checkpoint: its row and its copy
	opSkip                     // a seq the committee set aside: its row and its copy
)

// op is what commit writes for one message taken.
type op struct {
	kind opKind
	m    events.Stored
	rec  events.Record // opEvent
	hash string        // opEvent: the event's content hash
	// opCheckpoint: the season, the size it covers and whether it closes.
	season  string
	size    int64
	closing bool
	reason  string // opSkip
}

// newBatch is an empty batch that starts after what is folded.
func (p *Projector) newBatch() *batch {
	return &batch{cp: p.foldedAt.Load()}
}

// take folds msgs into memory and into b, and moves the folded watermark.
// It stops at a message it cannot fold (b.bad), which changes nothing; an
// error is a failure of the projector itself, which has halted.
func (p *Projector) take(b *batch, msgs []events.Stored) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, m := range msgs {
		if b.bad != nil {
			break
		}
		b.seen++
		b.last = m.Time
		if m.Seq <= b.cp {
			continue // a redelivery: already taken
		}
		if reason, ok := p.setAside[m.Seq]; ok {
			p.logger.Warn("seq set aside by the committee: skipped", "seq", m.Seq, "subject", m.Subject, "reason", reason)
			p.sealRaw(m)
			if season, _, _, ok := events.ParseSubject(m.Subject); ok && p.seasons[season] != nil {
				p.touch(season) // its seq moved
			}
			b.ops = append(b.ops, op{kind: opSkip, m: m, reason: reason})
		} else if season, kind, _, _ := events.ParseSubject(m.Subject); kind == events.KindCheckpoint {
			cp, err := seal.ParseSigned(m.Data)
			if err == nil && cp.Season != season {
				err = fmt.Errorf("checkpoint of season %s on subject %s", cp.Season, m.Subject)
			}
			if err != nil {
				b.bad = &Halt{Seq: m.Seq, Reason: "checkpoint: " + err.Error(), Message: true}
				break
			}
			p.signedUpTo(season, cp.Size)
			b.ops = append(b.ops, op{kind: opCheckpoint, m: m, season: season, size: cp.Size, closing: cp.Closing()})
		} else {
			// Fold first: an event that cannot be applied leaves nothing
			// behind, so a restart restores cleanly and halts at it again.
			var hash string
			rec, err := decode(m)
			if err == nil {
				hash = events.ContentHash(rec.Event)
				err = p.fold(rec, hash)
			}
			if err != nil {
				b.bad = &Halt{Seq: m.Seq, Reason: err.Error(), Message: true}
				break
			}
			p.seal(m, rec)
			b.ops = append(b.ops, op{kind: opEvent, m: m, rec: rec, hash: hash})
		}
		b.cp = m.Seq
		b.taken++
	}
	if b.cp > p.foldedAt.Load() {
		p.foldedAt.Store(b.cp)
		fch := make(chan struct{})
		close(*p.folds.Swap(&fch))
	}
	return nil
}

// stage closes b: unless deferSeasons (a catch-up, which leaves the
// rescoring to a later batch) it rescores the units the fold touched since
// the last staged batch and builds the snapshot commit publishes. Only the
// loop writes the fold, so nothing moves it while this reads.
func (p *Projector) stage(b *batch, deferSeasons bool) error {
	b.publish = !deferSeasons || b.bad != nil
	if !b.publish {
		// Marked on every deferred batch, not once: an audit that opened
		// this read model meanwhile may have repaired and unmarked it.
		mark := "1"
		b.stale, p.stale = &mark, true
		return nil
	}
	if p.stale {
		mark := ""
		b.stale, p.stale = &mark, false
	}
	next := &Snapshot{Checkpoint: b.cp, Seasons: make(map[string]*SeasonSnap, len(p.staged.Seasons)+len(p.dirty))}
	for id, ss := range p.staged.Seasons {
		next.Seasons[id] = ss
	}
	p.mu.RLock()
	for id, t := range p.dirty {
		sc := p.scores[id]
		if sc == nil {
			sc = &seasonScores{fold: p.live}
			p.scores[id] = sc
		}
		ss, d, err := sc.update(p.seasons[id], t)
		if err != nil {
			p.mu.RUnlock()
			return p.haltAt(Halt{Seq: b.cp, Reason: fmt.Sprintf("score season %s: %v", id, err)})
		}
		ss.sealed = p.sealPoint(id)
		b.seasons = append(b.seasons, stagedSeason{ss, d})
		next.Seasons[id] = ss
	}
	p.mu.RUnlock()
	p.mu.Lock()
	clear(p.dirty)
	p.mu.Unlock()
	p.staged, b.next = next, next
	return nil
}

// commit writes b in one transaction and publishes what stage built.
func (p *Projector) commit(ctx context.Context, b *batch) error {
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return p.haltOn(b.cp, "begin read model transaction: ", err)
	}
	defer tx.Rollback()
	st := &stmts{tx: tx}
	for _, o := range b.ops {
		var err error
		switch o.kind {
		case opEvent:
			err = p.insert(ctx, st, o.m, o.rec, o.hash)
		case opCheckpoint:
			err = insertCheckpoint(ctx, tx, o)
		case opSkip:
			err = insertSetAside(ctx, tx, o.m, o.reason)
		}
		if err == nil {
			err = insertCopy(ctx, st, o.m)
		}
		if err != nil {
			// Memory is now ahead of the file: roll back and halt; a
			// restart restores from what was committed.
			return p.haltOn(o.m.Seq, "", err)
		}
	}
	for _, s := range b.seasons {
		if err := writeSeasonDelta(ctx, st, s.ss.ID, s.ss, s.d); err != nil {
			return p.haltOn(b.cp, "store season "+s.ss.ID+": ", err)
		}
	}
	if err := setMeta(ctx, tx, "checkpoint", strconv.FormatUint(b.cp, 10)); err != nil {
		return p.haltOn(b.cp, "store checkpoint: ", err)
	}
	if b.stale != nil {
		if err := setMeta(ctx, tx, staleRows, *b.stale); err != nil {
			return p.haltOn(b.cp, "mark stale rows: ", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return p.haltOn(b.cp, "commit read model: ", err)
	}
	p.committed(b.ops)
	p.mu.Lock()
	p.shed(b)
	p.folded = b.cp
	if b.publish {
		p.snap.Store(b.next)
	}
	p.mu.Unlock()
	if !b.publish {
		return nil
	}
	if b.seen > 0 {
		p.lastDelay.Store(int64(time.Since(b.last)))
	}
	ch := make(chan struct{})
	close(*p.changed.Swap(&ch))
	if b.bad != nil {
		return p.haltAt(*b.bad)
	}
	return nil
}

// shed lets the seasons b folded into drop what the read model now gives
// back (domain.Season.Shed); callers hold mu. Events folded after b are
// not committed yet, and stay whole.
func (p *Projector) shed(b *batch) {
	var last string
	for _, o := range b.ops {
		if o.kind != opEvent || o.rec.Event.Season == last {
			continue
		}
		last = o.rec.Event.Season
		if s := p.seasons[last]; s != nil {
			s.Shed(b.cp)
		}
	}
}

// apply is Apply: take, stage and commit one batch in the caller's
// goroutine. With deferSeasons it commits the events and the checkpoint
// but leaves the touched seasons' rankings (rows and snapshot) to a later
// apply, and publishes nothing: readers keep the last complete snapshot,
// whose checkpoint says what it holds. Exactly once still holds: a restart
// rewrites every season's rows from the committed events.
func (p *Projector) apply(ctx context.Context, msgs []events.Stored, deferSeasons bool) error {
	if h := p.Halted(); h != nil {
		return &haltError{*h}
	}
	b := p.newBatch()
	if err := p.take(b, msgs); err != nil {
		return err
	}
	if b.bad != nil && b.taken == 0 {
		return p.haltAt(*b.bad)
	}
	if err := p.stage(b, deferSeasons); err != nil {
		return err
	}
	return p.commit(ctx, b)
}

// sealed is where a season's tree and subject heads stood when its
// snapshot was staged. The notary signs that point, never the fold as it
// stands: the fold may have run ahead of every published ranking.
type sealed struct {
	tree  seal.Edge // the tree then: its size, and its root when asked
	heads []Head    // unsorted
}

// sealPoint is the season's seal as folded now (callers hold mu).
func (p *Projector) sealPoint(season string) *sealed {
	ss := p.seals[season]
	if ss == nil {
		return nil
	}
	subjects := p.subjectsOf[season]
	out := &sealed{tree: ss.tree.Clone(), heads: make([]Head, len(subjects))}
	for i, s := range subjects {
		out.heads[i] = p.heads[s]
	}
	return out
}

// setHead records the last event of a subject (callers hold mu).
func (p *Projector) setHead(h Head) {
	if _, ok := p.heads[h.Subject]; !ok {
		if season, _, _, ok := events.ParseSubject(h.Subject); ok {
			p.subjectsOf[season] = append(p.subjectsOf[season], h.Subject)
		}
	}
	p.heads[h.Subject] = h
}

// stmts prepares each statement a transaction repeats once: a catch-up
// batch inserts thousands of rows with the same two, and preparing them
// row by row was a tenth of a replay. They close with the transaction.
type stmts struct {
	tx      *sql.Tx
	byQuery map[string]*sql.Stmt
}

func (s *stmts) exec(ctx context.Context, query string, args ...any) error {
	st := s.byQuery[query]
	if st == nil {
		var err error
		if st, err = s.tx.PrepareContext(ctx, query); err != nil {
			return err
		}
		if s.byQuery == nil {
			s.byQuery = map[string]*sql.Stmt{}
		}
		s.byQuery[query] = st
	}
	_, err := st.ExecContext(ctx, args...)
	return err
}
