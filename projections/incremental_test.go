package projections_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/thidua/thidua/bench"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/projections"
)

// The 1,000-unit season takes minutes on two cores: it runs when asked
// (go test ./projections -run TestIncrementalEqualsFromScratch
// -equivalence.large), and with -equivalence.full every as-of view,
// stored row and target assignment of it is checked too.
var (
	largeEquivalence = flag.Bool("equivalence.large", false, "also check the generated season of 1,000 units")
	fullEquivalence  = flag.Bool("equivalence.full", false, "check every as-of seq, stored row and target of the 1,000-unit season (implies -equivalence.large)")
)

// reference is a season scored from scratch, independently of the
// projector: folded with domain.Season.Apply and scored whole with
// Season.Standings, encoded as the API's replies are specified.
type reference struct {
	info  []byte
	seq   uint64
	views map[domain.View]refView
}

type refView struct {
	units  []byte
	awards []byte // how each award was decided, beside the signed units
	st     *domain.Standings
	sheets map[string][]byte
}

func scoreFromScratch(t *testing.T, s *domain.Season) reference {
	t.Helper()
	ref := reference{seq: s.LastSeq, views: map[domain.View]refView{}}
	if s.Opened == nil {
		return ref
	}
	opened := *s.Opened
	opened.Rubric = s.Rubric
	cat := s.Catalogue
	opened.Catalogue = &cat
	info, err := json.Marshal(projections.SeasonInfo{Season: s.ID, SeasonOpened: opened, Closed: s.Closed != nil})
	if err != nil {
		t.Fatal(err)
	}
	ref.info = info
	for _, v := range []domain.View{domain.Claimed, domain.Verified, domain.Final} {
		st, err := s.Standings(v)
		if v == domain.Final && s.Closed == nil {
			if err == nil {
				t.Fatalf("season %s: a final view before closing", s.ID)
			}
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		rv := refView{st: st, sheets: map[string][]byte{}}
		if rv.units, err = json.Marshal(st.Units); err != nil {
			t.Fatal(err)
		}
		if rv.awards, err = json.Marshal(st.Awards); err != nil {
			t.Fatal(err)
		}
		for _, row := range st.Units {
			b, err := json.Marshal(projections.SheetReply{Season: s.ID, View: v, Sheet: st.Sheets[row.Unit], Standing: row})
			if err != nil {
				t.Fatal(err)
			}
			rv.sheets[row.Unit] = b
		}
		ref.views[v] = rv
	}
	return ref
}

// digest is one hash of everything a reference serves.
func (r reference) digest() [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%d\n%s\n", r.seq, r.info)
	for _, v := range slices.Sorted(maps.Keys(r.views)) {
		rv := r.views[v]
		fmt.Fprintf(h, "%s\n%s\n%s\n", v, rv.units, rv.awards)
		for _, u := range slices.Sorted(maps.Keys(rv.sheets)) {
			fmt.Fprintf(h, "%s %s\n", u, rv.sheets[u])
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

func snapDigest(ss *projections.SeasonSnap) [32]byte {
	r := reference{seq: ss.Seq, info: ss.Info, views: map[domain.View]refView{}}
	for v, vs := range ss.Views {
		sheets := map[string][]byte{}
		for u, sh := range vs.Sheets {
			sheets[u] = sheetBytes(sh)
		}
		r.views[v] = refView{units: vs.Units, awards: vs.Awards, sheets: sheets}
	}
	return r.digest()
}

// sameSeason compares a season as the projector publishes it with the
// reference: every view, its ranking bytes, its standings and every sheet.
func sameSeason(t *testing.T, at string, ss *projections.SeasonSnap, ref reference, structs bool) {
	t.Helper()
	if ss == nil {
		t.Fatalf("%s: the projector has no such season", at)
	}
	if ss.Seq != ref.seq || !bytes.Equal(ss.Info, ref.info) {
		t.Fatalf("%s: season seq %d info %s, want seq %d info %s", at, ss.Seq, ss.Info, ref.seq, ref.info)
	}
	if got, want := slices.Sorted(maps.Keys(ss.Views)), slices.Sorted(maps.Keys(ref.views)); !slices.Equal(got, want) {
		t.Fatalf("%s: views %v, want %v", at, got, want)
	}
	for v, rv := range ref.views {
		vs := ss.Views[v]
		if !bytes.Equal(vs.Units, rv.units) {
			t.Fatalf("%s, %s view: ranking\n%s\nwant\n%s", at, v, vs.Units, rv.units)
		}
		if !bytes.Equal(vs.Awards, rv.awards) {
			t.Fatalf("%s, %s view: awards\n%s\nwant\n%s", at, v, vs.Awards, rv.awards)
		}
		if len(vs.Sheets) != len(rv.sheets) {
			t.Fatalf("%s, %s view: %d sheets, want %d", at, v, len(vs.Sheets), len(rv.sheets))
		}
		for u, want := range rv.sheets {
			if got := sheetBytes(vs.Sheets[u]); !bytes.Equal(got, want) {
				t.Fatalf("%s, %s view, unit %s: sheet\n%s\nwant\n%s", at, v, u, got, want)
			}
		}
		if vs.Standings == nil || vs.Standings.View != v || vs.Standings.Ballot != rv.st.Ballot || len(vs.Standings.Units) != len(rv.st.Units) {
			t.Fatalf("%s, %s view: standings %+v", at, v, vs.Standings)
		}
		for i, row := range rv.st.Units {
			if vs.Standings.Units[i].Unit != row.Unit || vs.Standings.Units[i].Rank != row.Rank {
				t.Fatalf("%s, %s view: standing %d is %s rank %d, want %s rank %d", at, v, i, vs.Standings.Units[i].Unit, vs.Standings.Units[i].Rank, row.Unit, row.Rank)
			}
		}
		for u, sh := range rv.st.Sheets {
			if !structs {
				break // the replies above hold the same sheets, encoded
			}
			got, err := vs.Sheets[u].Sheet(context.Background())
			if err != nil {
				t.Fatalf("%s, %s view, unit %s: %v", at, v, u, err)
			}
			a, _ := json.Marshal(got)
			b, _ := json.Marshal(sh)
			if !bytes.Equal(a, b) {
				t.Fatalf("%s, %s view, unit %s: standings sheet differs", at, v, u)
			}
		}
	}
}

// sameRows compares the rows the read model committed for a season with
// what it publishes.
func sameRows(t *testing.T, at string, p *projections.Projector, ss *projections.SeasonSnap) {
	t.Helper()
	ctx := context.Background()
	rk, err := p.StoredRankings(ctx, ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	sh, err := p.StoredScores(ctx, ss.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rk) != len(ss.Views) {
		t.Fatalf("%s: %d rankings rows, %d views", at, len(rk), len(ss.Views))
	}
	n := 0
	for v, vs := range ss.Views {
		if !bytes.Equal(rk[string(v)], vs.Units) {
			t.Fatalf("%s, %s view: stored ranking differs from the published one", at, v)
		}
		for u, lazy := range vs.Sheets {
			if b := lazy.Row(); !bytes.Equal(sh[string(v)+"/"+u], b) {
				t.Fatalf("%s, %s view, unit %s: stored score\n%s\npublished\n%s", at, v, u, sh[string(v)+"/"+u], b)
			}
			n++
		}
	}
	if len(sh) != n {
		t.Fatalf("%s: %d stored scores, %d published", at, len(sh), n)
	}
}

type scenario struct {
	name string
	msgs []events.Stored
	// rowsEvery and asOfEvery space the checks of stored rows and of
	// as-of views (1: after every event); the published season is
	// checked after every event, but for targets assigned while a large
	// season opens (targetsEvery: the same path as any committee
	// decision about one unit, which the year has plenty of).
	rowsEvery, asOfEvery, targetsEvery int
	// lateEvery spaces the snapshots whose sheets are read only at the
	// end (0: none). A sheet whose unit was touched since is replayed
	// from the read model, which a season of 1,000 units makes slow.
	lateEvery int
}

func year2024Log(t *testing.T) []events.Stored {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "cmd", "thidua", "testdata", "oldlogs", "v1-2024-year-16b0d34", "season.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []events.Stored
	if err := logfile.Read(f, func(l logfile.Line) error { out = append(out, l.Stored()); return nil }); err != nil {
		t.Fatal(err)
	}
	return out
}

func generatedLog(t *testing.T, spec bench.LoadSpec) []events.Stored {
	t.Helper()
	g, err := bench.NewGenerator(spec)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var out []events.Stored
	for {
		m, ok, err := g.Next()
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return out
		}
		out = append(out, events.Stored{Seq: m.Seq, Subject: m.Subject, Data: m.Data, Time: base.Add(time.Duration(m.Seq) * time.Second)})
	}
}

// TestIncrementalEqualsFromScratch: after every event of the 2024 year, of
// a small national load (three seasons, one amending its rubric, one left
// open) and of a generated season of 1,000 units, the scores the projector
// publishes and commits equal a from-scratch rescore of the season: every
// view, its ranking bytes, every unit's sheet; and every as-of view the
// read model serves equals the from-scratch score at that seq. A second
// read model folds the same log in catch-up batches of random sizes that
// defer rescoring, and must publish the same.
func TestIncrementalEqualsFromScratch(t *testing.T) {
	scenarios := []func() scenario{
		func() scenario { return scenario{"year 2024", year2024Log(t), 1, 1, 1, 1} },
		func() scenario {
			return scenario{"three generated seasons", generatedLog(t, bench.LoadSpec{Units: 30, Seasons: 3, Events: 1500, Seed: 7}), 10, 20, 1, 60}
		},
		func() scenario {
			sc := scenario{"a generated season of 1,000 units", generatedLog(t, bench.LoadSpec{Units: 1000, Seasons: 1, Events: 6600, Seed: 3}), 250, 250, 250, 0}
			if *fullEquivalence {
				sc.rowsEvery, sc.asOfEvery, sc.targetsEvery, sc.lateEvery = 1, 1, 1, 1000
			}
			return sc
		},
	}
	for _, mk := range scenarios {
		sc := mk()
		t.Run(sc.name, func(t *testing.T) {
			if len(sc.msgs) > 5000 && !*largeEquivalence && !*fullEquivalence {
				t.Skip("long: run with -equivalence.large")
			}
			checkEquivalence(t, sc)
		})
	}
}

func checkEquivalence(t *testing.T, sc scenario) {
	ctx := context.Background()
	dir := t.TempDir()
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	p, err := projections.Open(ctx, filepath.Join(dir, "incremental.db"), logger)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	// late folds the same log, and its snapshots are read only at the
	// end, once the fold has moved on: a sheet is scored when first read,
	// from the live fold if nothing touched its unit since, else from the
	// read model's events up to where it was ranked.
	late, err := projections.Open(ctx, filepath.Join(dir, "late.db"), logger)
	if err != nil {
		t.Fatal(err)
	}
	defer late.Close()
	type lateSnap struct {
		at   string
		ss   *projections.SeasonSnap
		want [32]byte
	}
	var lates []lateSnap
	refs := map[string]*domain.Season{}
	digests := map[string]map[uint64][32]byte{} // season → seq → digest of the reference
	targets := 0
	for i, m := range sc.msgs {
		if err := p.Apply(ctx, []events.Stored{m}); err != nil {
			t.Fatalf("seq %d: %v", m.Seq, err)
		}
		if sc.lateEvery > 0 {
			if err := late.Apply(ctx, []events.Stored{m}); err != nil {
				t.Fatalf("seq %d: %v", m.Seq, err)
			}
		}
		if p.Checkpoint() != m.Seq {
			t.Fatalf("seq %d: checkpoint %d", m.Seq, p.Checkpoint())
		}
		if _, kind, _, _ := events.ParseSubject(m.Subject); kind == events.KindCheckpoint {
			continue
		}
		ev, payload, err := events.Decode(m.Data)
		if err != nil {
			t.Fatal(err)
		}
		if ev.Season == "" || ev.Type == events.TypeSeqSetAside {
			continue
		}
		s := refs[ev.Season]
		if s == nil {
			s = domain.NewSeason(ev.Season)
			refs[ev.Season] = s
		}
		if err := s.Apply(events.Record{Seq: m.Seq, Subject: m.Subject, Time: m.Time, Event: ev, Payload: payload}); err != nil {
			t.Fatal(err)
		}
		targets++
		if ev.Type == events.TypeTargetAssigned && targets%sc.targetsEvery != 0 {
			continue
		}
		ref := scoreFromScratch(t, s)
		at := fmt.Sprintf("after seq %d (%s %s)", m.Seq, ev.Type, ev.ID)
		ss := p.Snapshot().Seasons[ev.Season]
		check := i%sc.rowsEvery == 0 || i == len(sc.msgs)-1
		sameSeason(t, at, ss, ref, check)
		if digests[ev.Season] == nil {
			digests[ev.Season] = map[uint64][32]byte{}
		}
		digests[ev.Season][m.Seq] = ref.digest()
		if sc.lateEvery > 0 && i%sc.lateEvery == 0 {
			lates = append(lates, lateSnap{at, late.Snapshot().Seasons[ev.Season], digests[ev.Season][m.Seq]})
		}
		if check {
			sameRows(t, at, p, ss)
		}
		if i%1000 == 0 {
			t.Logf("%d of %d messages checked", i, len(sc.msgs))
		}
	}
	for _, l := range lates {
		if snapDigest(l.ss) != l.want {
			t.Fatalf("%s: sheets read after the fold moved on differ from the from-scratch score", l.at)
		}
	}
	// Every season at the end, rows included.
	for id, s := range refs {
		ss := p.Snapshot().Seasons[id]
		sameSeason(t, "at the end, season "+id, ss, scoreFromScratch(t, s), true)
		sameRows(t, "at the end, season "+id, p, ss)
	}
	// As of past seqs: the read model replays the season up to each.
	n := 0
	for id, bySeq := range digests {
		for _, seq := range slices.Sorted(maps.Keys(bySeq)) {
			n++
			if n%sc.asOfEvery != 0 && seq != p.Checkpoint() {
				continue
			}
			ss, err := p.SeasonAsOf(ctx, id, seq)
			if err != nil {
				t.Fatal(err)
			}
			if got := snapDigest(ss); got != bySeq[seq] {
				t.Fatalf("season %s as of seq %d differs from the from-scratch score at that seq", id, seq)
			}
		}
	}

	// The same log in catch-up batches that defer their rescoring, then
	// published: the same bytes.
	q, err := projections.Open(ctx, filepath.Join(dir, "catchup.db"), logger)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	rng := rand.New(rand.NewPCG(1, uint64(len(sc.msgs))))
	for i := 0; i < len(sc.msgs); {
		j := min(len(sc.msgs), i+1+rng.IntN(300))
		apply := q.ApplyDeferred
		if rng.IntN(3) == 0 || j == len(sc.msgs) {
			apply = q.Apply
		}
		if err := apply(ctx, sc.msgs[i:j]); err != nil {
			t.Fatal(err)
		}
		i = j
	}
	for id, s := range refs {
		ss := q.Snapshot().Seasons[id]
		sameSeason(t, "after catch-up batches, season "+id, ss, scoreFromScratch(t, s), true)
		sameRows(t, "after catch-up batches, season "+id, q, ss)
	}
}

// sheetBytes is a published sheet's reply; one that cannot be encoded
// reads as nil, which no reference equals.
func sheetBytes(sh *projections.SheetJSON) []byte {
	if sh == nil {
		return nil
	}
	b, err := sh.Bytes(context.Background())
	if err != nil {
		return nil
	}
	return b
}

// TestSheetOfAClosedReadModelIsUnavailable: a sheet whose unit was touched
// since it was ranked is replayed from the read model; when the read model
// cannot answer, the reader gets "unavailable" (503, retry), never a sheet
// scored from the fold as it stands now.
func TestSheetOfAClosedReadModelIsUnavailable(t *testing.T) {
	ctx := context.Background()
	msgs := year2024Log(t)
	p, err := projections.Open(ctx, filepath.Join(t.TempDir(), "read.db"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	half := len(msgs) / 2
	if err := p.Apply(ctx, msgs[:half]); err != nil {
		t.Fatal(err)
	}
	var old *projections.SeasonSnap
	for _, ss := range p.Snapshot().Seasons {
		old = ss
	}
	if err := p.Apply(ctx, msgs[half:]); err != nil {
		t.Fatal(err)
	}
	p.Close()
	unavailable := 0
	for _, vs := range old.Views {
		for unit, sh := range vs.Sheets {
			if _, err := sh.Bytes(ctx); err != nil {
				if code := domain.ErrorOf(err).Code; code != domain.Unavailable {
					t.Fatalf("sheet of %s: %v (code %s), want unavailable", unit, err, code)
				}
				unavailable++
			}
		}
	}
	if unavailable == 0 {
		t.Fatal("every sheet of the first half was read from the fold: no unit was touched since, and the test tests nothing")
	}
}
