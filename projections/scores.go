package projections

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/thidua/thidua/domain"
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
	score domain.UnitScore
	// rescored: score changed since the reply was last built.
	rescored bool
	// row is the ranked row last published, rowJSON its encoding; reply
	// the sheet reply.
	row     domain.Standing
	rowJSON []byte
	reply   *SheetJSON
}

// SheetJSON is a unit's score reply (SheetReply's encoding), encoded when
// first read. A sheet lists every fact of its unit, so encoding one costs
// the unit's history: it is left to a reader who asks for it, never done
// by the loop that folds or the commit.
// What it encodes is immutable once scored.
type SheetJSON struct {
	prefix []byte     // {"season":…,"view":…,
	body   *sheetBody // shared by the replies of one score whose rank moved
	row    []byte     // the standing
	once   sync.Once
	b      json.RawMessage
	err    error
}

type sheetBody struct {
	sheet  domain.Sheet
	once   sync.Once
	fields []byte // the sheet's object without its braces
	err    error
}

// Row is the unit's ranked row, as the rankings' units array holds it and
// the scores table stores it.
func (r *SheetJSON) Row() json.RawMessage { return r.row }

// Bytes is the reply, byte for byte json.Marshal(SheetReply{…}).
func (r *SheetJSON) Bytes() (json.RawMessage, error) {
	r.once.Do(func() {
		fields, err := r.body.encode()
		if err != nil {
			r.err = err
			return
		}
		const mid = `,"standing":`
		b := make([]byte, 0, len(r.prefix)+len(fields)+len(mid)+len(r.row)+1)
		b = append(b, r.prefix...)
		b = append(b, fields...)
		b = append(b, mid...)
		b = append(b, r.row...)
		r.b = append(b, '}')
	})
	return r.b, r.err
}

func (sb *sheetBody) encode() ([]byte, error) {
	sb.once.Do(func() {
		b, err := json.Marshal(sb.sheet)
		if err != nil {
			sb.err = err
			return
		}
		sb.fields = b[1 : len(b)-1]
	})
	return sb.fields, sb.err
}

// seasonDelta is what a publish changed of a season's rows.
type seasonDelta struct {
	info   bool // the season's own row (else its seq only)
	ranked map[domain.View]bool
	sheets map[domain.View][]string // units whose row or sheet changed
}

// buildSeasonSnap scores a season from scratch (as of a past seq, and
// at restore).
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
		score, err := s.ScoreUnit(mem, v)
		if err != nil {
			return err
		}
		us := vc.units[m]
		if us == nil {
			us = &unitScore{}
			vc.units[m] = us
		}
		us.score, us.rescored = score, true
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
		body = &sheetBody{sheet: us.score.Sheet}
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
func writeSeasonDelta(ctx context.Context, tx *sql.Tx, id string, ss *SeasonSnap, d seasonDelta) error {
	if d.info {
		return writeSeason(ctx, tx, id, ss)
	}
	closed := 0
	if ss.Closed {
		closed = 1
	}
	if _, err := tx.ExecContext(ctx, `UPDATE seasons SET seq = ?, closed = ? WHERE season = ?`, ss.Seq, closed, id); err != nil {
		return err
	}
	for view, v := range ss.Views {
		if !d.ranked[view] {
			if _, err := tx.ExecContext(ctx, `UPDATE rankings SET seq = ? WHERE season = ? AND view = ?`, ss.Seq, id, string(view)); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, `INSERT INTO rankings (season, view, seq, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view) DO UPDATE SET seq = excluded.seq, body = excluded.body`,
			id, string(view), ss.Seq, []byte(v.Units)); err != nil {
			return err
		}
		for _, unit := range d.sheets[view] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO scores (season, view, unit, body) VALUES (?, ?, ?, ?) ON CONFLICT (season, view, unit) DO UPDATE SET body = excluded.body`,
				id, string(view), unit, []byte(v.Sheets[unit].Row())); err != nil {
				return fmt.Errorf("store the score of %s/%s: %w", view, unit, err)
			}
		}
	}
	return nil
}
