package projections

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
)

// touchSet is what a season needs rescored at the next publish: every
// unit, or the units events named (domain.Touched), gathered over the
// batches folded since. A season with neither only moved its seq (or its
// awards, which every publish gives again).
type touchSet struct {
	all   bool
	units map[string]bool
}

func (t *touchSet) add(o domain.Touched) {
	t.all = t.all || o.All
	for _, u := range o.Units {
		if t.units == nil {
			t.units = map[string]bool{}
		}
		t.units[u] = true
	}
}

// seasonScores is what the projector keeps of a season between publishes
// so that an event costs the units it touched, not the season: each
// unit's score in each view, and its ranking row and sheet reply as last
// published, encoded. Ranking is then a sort of N small rows.
type seasonScores struct {
	fold  *liveFold // where sheets are scored from; nil for a frozen season
	info  json.RawMessage
	units map[string]bool
	views map[domain.View]*viewScores
}

type viewScores struct {
	prefix []byte // the sheet reply's opening: {"season":…,"view":…,
	units  map[string]*unitScore
	ranked json.RawMessage // the rankings' units array as last published
}

type unitScore struct {
	score domain.UnitScore // the row and ranking key; the sheet is src's
	src   sheetSource
	// rescored: score changed since the reply was last built.
	rescored bool
	// row is the ranked row last published, rowJSON its encoding; reply
	// the sheet reply.
	row     domain.Standing
	rowJSON []byte
	reply   *SheetJSON
}

// SheetJSON is a unit's score reply (SheetReply's encoding), scored and
// encoded when first read. A sheet lists every fact of its unit, so
// building one costs the unit's history: it is left to a reader who asks
// for it, never done by the loop that folds or the commit, and the read
// model keeps of every unit its ranked row only.
type SheetJSON struct {
	prefix []byte     // {"season":…,"view":…,
	body   *sheetBody // shared by the replies of one score whose rank moved
	row    []byte     // the standing

	mu sync.Mutex
	b  json.RawMessage // once built
}

type sheetBody struct {
	src sheetSource

	mu     sync.Mutex
	built  bool
	sheet  domain.Sheet
	fields []byte // the sheet's object without its braces, once encoded
}

// sheetSource is where a unit's sheet is scored when asked for: the fold
// the unit was ranked from, with the unit's version and the season's seq
// at that time.
type sheetSource struct {
	fold    *liveFold // nil for a season no fold moves on (a view as of a past seq)
	season  *domain.Season
	member  events.Member
	view    domain.View
	version uint64
	seq     uint64
}

// liveFold is the projector's fold as sheets read it: under its read lock,
// and, for a unit touched since it was ranked, replayed from the read
// model's events up to the point it was ranked at.
type liveFold struct {
	mu     *sync.RWMutex
	replay func(ctx context.Context, season string, seq uint64) (*domain.Season, error)
	// bodies reads back what the fold shed, outside its lock.
	bodies domain.Bodies
}

// Row is the unit's ranked row, as the rankings' units array holds it and
// the scores table stores it.
func (r *SheetJSON) Row() json.RawMessage { return r.row }

// Bytes is the reply, byte for byte json.Marshal(SheetReply{…}).
func (r *SheetJSON) Bytes(ctx context.Context) (json.RawMessage, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.b != nil {
		return r.b, nil
	}
	fields, err := r.body.encode(ctx)
	if err != nil {
		return nil, err
	}
	const mid = `,"standing":`
	b := make([]byte, 0, len(r.prefix)+len(fields)+len(mid)+len(r.row)+1)
	b = append(b, r.prefix...)
	b = append(b, fields...)
	b = append(b, mid...)
	b = append(b, r.row...)
	r.b = append(b, '}')
	return r.b, nil
}

// Sheet is the unit's sheet.
func (r *SheetJSON) Sheet(ctx context.Context) (domain.Sheet, error) {
	sb := r.body
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if err := sb.build(ctx); err != nil {
		return domain.Sheet{}, err
	}
	return sb.sheet, nil
}

func (sb *sheetBody) encode(ctx context.Context) ([]byte, error) {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	if sb.fields != nil {
		return sb.fields, nil
	}
	if err := sb.build(ctx); err != nil {
		return nil, err
	}
	b, err := json.Marshal(sb.sheet)
	if err != nil {
		return nil, err
	}
	sb.fields = b[1 : len(b)-1]
	return sb.fields, nil
}

// build scores the sheet once; a failure (a cancelled replay) is not kept.
func (sb *sheetBody) build(ctx context.Context) error {
	if sb.built {
		return nil
	}
	sh, err := sb.src.sheet(ctx)
	if err != nil {
		return err
	}
	sb.sheet, sb.built = sh, true
	return nil
}

func (src sheetSource) sheet(ctx context.Context) (domain.Sheet, error) {
	s := src.season
	if src.fold != nil {
		if sh, ok, err := src.fromFold(); ok || err != nil {
			return sh, err
		}
		var err error
		if s, err = src.fold.replay(ctx, s.ID, src.seq); err != nil {
			if ctx.Err() != nil {
				return domain.Sheet{}, err
			}
			// The read model's file, not the request: a reader may retry.
			return domain.Sheet{}, &domain.Error{Code: domain.Unavailable, Message: fmt.Sprintf("score %s as of seq %d: %v", src.member.ID, src.seq, err)}
		}
	}
	sc, err := s.ScoreUnit(src.member, src.view)
	return sc.Sheet, err
}

// fromFold scores the sheet from the live fold while nothing folded since
// touched the unit (ok false otherwise). The unit's shed events are read
// back between two looks at the fold, without holding it: the fold goes on
// meanwhile, and what it folds either leaves the unit as it was or moves
// its version, and the sheet is then replayed instead.
func (src sheetSource) fromFold() (domain.Sheet, bool, error) {
	s, unit := src.season, src.member.ID
	src.fold.mu.RLock()
	if s.Version(unit) != src.version {
		src.fold.mu.RUnlock()
		return domain.Sheet{}, false, nil
	}
	seqs := s.ShedOf(unit)
	src.fold.mu.RUnlock()
	have, err := src.fold.bodies.Records(s.ID, seqs)
	if err != nil {
		return domain.Sheet{}, false, &domain.Error{Code: domain.Unavailable, Message: fmt.Sprintf("read back the sheet of %s: %v", unit, err)}
	}
	src.fold.mu.RLock()
	defer src.fold.mu.RUnlock()
	if s.Version(unit) != src.version {
		return domain.Sheet{}, false, nil
	}
	sc, err := s.ScoreUnitFrom(src.member, src.view, have)
	return sc.Sheet, true, err
}

// seasonDelta is what a publish changed of a season's rows.
type seasonDelta struct {
	info   bool // the season's own row (else its seq only)
	ranked map[domain.View]bool
	sheets map[domain.View][]string // units whose row or sheet changed
}

// buildSeasonSnap scores a season from scratch that no fold moves on: a
// view as of a past seq.
func buildSeasonSnap(s *domain.Season) (*SeasonSnap, error) {
	ss, _, err := new(seasonScores).update(s, &touchSet{all: true})
	return ss, err
}

// update rescores the touched units of s (every unit the first time),
// re-ranks every view from the kept scores and returns the season's new
// snapshot and what changed since the last one.
func (sc *seasonScores) update(s *domain.Season, t *touchSet) (*SeasonSnap, seasonDelta, error) {
	all := t.all || sc.views == nil
	d := seasonDelta{info: all, ranked: map[domain.View]bool{}, sheets: map[domain.View][]string{}}
	ss := &SeasonSnap{ID: s.ID, Seq: s.LastSeq, Views: map[domain.View]*ViewSnap{}, Units: sc.units}
	if s.Opened == nil {
		ss.Units = map[string]bool{}
		return ss, d, nil
	}
	ss.Opened, ss.Closed = true, s.Closed != nil
	ss.Cluster, ss.Year = s.Opened.Cluster, s.Opened.Year
	if all {
		opened := *s.Opened
		opened.Rubric = s.Rubric
		cat := s.Catalogue // in force, the default filling what the season left out
		opened.Catalogue = &cat
		info, err := json.Marshal(SeasonInfo{Season: s.ID, SeasonOpened: opened, Closed: ss.Closed})
		if err != nil {
			return nil, d, err
		}
		sc.info = info
		sc.units = map[string]bool{}
		for _, m := range s.Members() {
			sc.units[m.ID] = true
		}
		ss.Units = sc.units
		if sc.views == nil {
			sc.views = map[domain.View]*viewScores{}
		}
	}
	ss.Info = sc.info
	views := []domain.View{domain.Claimed, domain.Verified}
	if ss.Closed {
		views = append(views, domain.Final)
	}
	for _, v := range views {
		vs, ranked, sheets, err := sc.view(s, v, all, t.units)
		if err != nil {
			return nil, d, err
		}
		ss.Views[v] = vs
		d.ranked[v], d.sheets[v] = ranked, sheets
	}
	return ss, d, nil
}

// view rescores one view and re-ranks it; ranked says whether the units
// array changed, sheets lists the units whose reply did.
func (sc *seasonScores) view(s *domain.Season, v domain.View, all bool, touched map[string]bool) (*ViewSnap, bool, []string, error) {
	vc := sc.views[v]
	if vc == nil {
		prefix, err := replyPrefix(s.ID, v)
		if err != nil {
			return nil, false, nil, err
		}
		vc = &viewScores{prefix: prefix, units: map[string]*unitScore{}}
		sc.views[v] = vc
		all = true
	}
	members := s.Members()
	rescore := func(m string) error {
		mem, ok := s.Member(m)
		if !ok {
			return nil // not a member: nothing of it is ranked
		}
		score, err := s.RankUnit(mem, v)
		if err != nil {
			return err
		}
		us := vc.units[m]
		if us == nil {
			us = &unitScore{}
			vc.units[m] = us
		}
		us.score, us.rescored = score, true
		us.src = sheetSource{fold: sc.fold, season: s, member: mem, view: v, version: s.Version(m), seq: s.LastSeq}
		return nil
	}
	if all {
		for _, m := range members {
			if err := rescore(m.ID); err != nil {
				return nil, false, nil, err
			}
		}
	} else {
		for m := range touched {
			if err := rescore(m); err != nil {
				return nil, false, nil, err
			}
		}
	}
	scores := make([]*domain.UnitScore, 0, len(members))
	for _, m := range members {
		scores = append(scores, &vc.units[m.ID].score)
	}
	st := s.Rank(v, scores)
	out := &ViewSnap{Standings: st, Sheets: make(map[string]*SheetJSON, len(st.Units))}
	// How each award was decided: a few entries, given again every time.
	awards, err := json.Marshal(st.Awards)
	if err != nil {
		return nil, false, nil, err
	}
	out.Awards = awards
	var changed []string
	size := 2
	for i, row := range st.Units {
		us := vc.units[row.Unit]
		if us.rescored || us.reply == nil || !sameRanking(us.row, row) {
			if err := us.encode(vc.prefix, row); err != nil {
				return nil, false, nil, err
			}
			changed = append(changed, row.Unit)
		}
		out.Sheets[row.Unit] = us.reply
		size += len(us.rowJSON)
		if i > 0 {
			size++
		}
	}
	if st.Units == nil {
		out.Units = json.RawMessage("null") // as json.Marshal writes a nil slice
	} else {
		b := make([]byte, 0, size)
		b = append(b, '[')
		for i, row := range st.Units {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, vc.units[row.Unit].rowJSON...)
		}
		out.Units = append(b, ']')
	}
	ranked := !bytes.Equal(out.Units, vc.ranked)
	vc.ranked = out.Units
	return out, ranked, changed, nil
}

// encode writes the unit's ranked row and readies its sheet reply: a rank
// that moved re-encodes the row and shares the sheet's encoding.
func (us *unitScore) encode(prefix []byte, row domain.Standing) error {
	rowJSON, err := json.Marshal(row)
	if err != nil {
		return err
	}
	var body *sheetBody
	if us.rescored || us.reply == nil {
		body = &sheetBody{src: us.src}
	} else {
		body = us.reply.body
	}
	us.row, us.rowJSON, us.rescored = row, rowJSON, false
	us.reply = &SheetJSON{prefix: prefix, body: body, row: rowJSON}
	return nil
}

// replyPrefix is how SheetReply's encoding opens, before the sheet's
// fields.
func replyPrefix(season string, v domain.View) ([]byte, error) {
	s, err := json.Marshal(season)
	if err != nil {
		return nil, err
	}
	vb, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	b := append([]byte(`{"season":`), s...)
	b = append(b, `,"view":`...)
	b = append(b, vb...)
	return append(b, ','), nil
}

// sameRanking: the same score ranked to the same place and award.
func sameRanking(a, b domain.Standing) bool {
	if a.Rank != b.Rank || (a.Award == nil) != (b.Award == nil) || (a.Revoked == nil) != (b.Revoked == nil) {
		return false
	}
	if a.Award != nil && *a.Award != *b.Award {
		return false
	}
	return a.Revoked == nil || *a.Revoked == *b.Revoked
}

// writeSeasonDelta writes what a publish changed of a season's rows: the
// season's row (or its seq), each view's ranking when it changed (else its
// seq) and the sheets whose reply changed.
func writeSeasonDelta(ctx context.Context, st *stmts, id string, ss *SeasonSnap, d seasonDelta) error {
	if d.info {
		return writeSeason(ctx, st.tx, id, ss)
	}
	closed := 0
	if ss.Closed {
		closed = 1
	}
	if err := st.exec(ctx, `UPDATE seasons SET seq = ?, closed = ? WHERE season = ?`, ss.Seq, closed, id); err != nil {
		return err
	}
	for view, v := range ss.Views {
		if !d.ranked[view] {
			if err := st.exec(ctx, `UPDATE rankings SET seq = ? WHERE season = ? AND view = ?`, ss.Seq, id, string(view)); err != nil {
				return err
			}
		} else if err := st.exec(ctx, `INSERT INTO rankings (season, view, seq, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view) DO UPDATE SET seq = excluded.seq, body = excluded.body`,
			id, string(view), ss.Seq, []byte(v.Units)); err != nil {
			return err
		}
		for _, unit := range d.sheets[view] {
			if err := st.exec(ctx, `INSERT INTO scores (season, view, unit, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view, unit) DO UPDATE SET body = excluded.body`,
				id, string(view), unit, []byte(v.Sheets[unit].Row())); err != nil {
				return fmt.Errorf("store the score of %s/%s: %w", view, unit, err)
			}
		}
	}
	return nil
}
