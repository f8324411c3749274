// Package audit is the end-of-year audit of one season. From the season's
// log alone (and the committee's public key) it proves that no event was
// altered, dropped, inserted or reordered since it was acknowledged (hash
// chain, Merkle tree, signed checkpoints); replays every event into a
// scratch read model and checks the replayed final ranking against the
// signed state root (and against a live read model when there is one); and
// reports the rankings and every unit's points and corrections, as of the
// end or any point of the log, for a person (HTML) and a program (JSON).
package audit

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
)

// What a problem failed.
const (
	CheckFormat       = "format"        // the log file is not a log, or out of stream order
	CheckSubject      = "subject"       // a message is not where its content says it belongs
	CheckDecode       = "decode"        // an event does not decode
	CheckChain        = "chain"         // an event's prev does not match its predecessor
	CheckTree         = "tree"          // a signed root does not match the events
	CheckSignature    = "signature"     // a checkpoint's signature does not verify
	CheckCoverage     = "coverage"      // events that no signed checkpoint covers
	CheckClosed       = "closed"        // events after the close, or a close never signed
	CheckFinalRanking = "final-ranking" // the replayed final ranking is not the signed one
	CheckReplay       = "replay"        // an event cannot be replayed
	CheckLive         = "live"          // the live read model differs from the replay
	CheckOpen         = "open"          // the season's log does not end with its signed close
	CheckCut          = "cut"           // the log stops before a checkpoint known elsewhere
	CheckExpect       = "expect"        // the log is not the one the published result names
)

// Problem is one thing that did not verify, at the first place it shows.
type Problem struct {
	Seq     uint64 `json:"seq"`
	EventID string `json:"event_id,omitempty"`
	Subject string `json:"subject,omitempty"`
	Check   string `json:"check"`
	What    string `json:"what"`
}

// LogStats counts what the log holds.
type LogStats struct {
	Messages    int    `json:"messages"`
	Events      int    `json:"events"`
	Checkpoints int    `json:"checkpoints"`
	Subjects    int    `json:"subjects"`
	ChainLinks  int    `json:"chain_links"` // events whose prev matched their predecessor
	FirstSeq    uint64 `json:"first_seq"`
	LastSeq     uint64 `json:"last_seq"`
	Closed      uint64 `json:"closed_seq,omitempty"` // the season.closed event
}

// CheckpointResult is one checkpoint whose signature verified.
type CheckpointResult struct {
	Seq          uint64 `json:"seq"`
	Size         int64  `json:"size"`
	LastSeq      uint64 `json:"last_seq"` // the last event it covers
	Root         string `json:"root"`
	RootMatches  bool   `json:"root_matches"`
	FinalRanking string `json:"final_ranking,omitempty"`
	// RankingMatches is whether the replay's final ranking at LastSeq hashes
	// to FinalRanking; absent when the checkpoint carries none.
	RankingMatches *bool `json:"final_ranking_matches,omitempty"`
}

// Ranking is one view's ranking as replayed. Units is byte for byte the
// rankings API's "units"; SHA256 is its hash (seal.RankingHash).
type Ranking struct {
	View      domain.View       `json:"view"`
	SHA256    string            `json:"sha256"`
	Units     json.RawMessage   `json:"units"`
	Standings []domain.Standing `json:"-"`
	// Awards says how each award was decided: by rank, by ballot (with
	// the vote) or revoked (with the decision).
	Awards []domain.AwardBasis `json:"awards"`
}

// Report is the audit's result.
type Report struct {
	Season string `json:"season"`
	Source string `json:"source"`
	Key    string `json:"key"`
	// OK is true when nothing failed; Problems are in log order, the first
	// is the first bad place.
	OK          bool               `json:"ok"`
	Problems    []Problem          `json:"problems"`
	Log         LogStats           `json:"log"`
	Checkpoints []CheckpointResult `json:"checkpoints"`
	// Replayed counts the events folded into the scratch read model: all of
	// them, or those before the one that could not be replayed.
	Replayed int `json:"replayed"`
	// The rankings and sheets are as of Seq: the end of the log, or AsOf.
	AsOf       string         `json:"as_of,omitempty"`
	Seq        uint64         `json:"seq"`
	Rankings   []Ranking      `json:"rankings"`
	SheetsView domain.View    `json:"sheets_view,omitempty"`
	Sheets     []domain.Sheet `json:"sheets"`
	// People are Options.People: token id → the person it was issued to.
	People map[string]string `json:"people,omitempty"`
	// SignedClose is true when the season's log ends with its signed
	// close: closed, and the last checkpoint signs every event and the
	// final ranking. Only then does an OK audit prove the final result;
	// otherwise it proves the log up to its end, and fails unless the
	// audit was asked for an open season.
	SignedClose bool `json:"signed_close"`
	// Size and Root are the season's Merkle tree over every event of the
	// log: what a published result cites (--expect-size, --expect-root).
	Size int64  `json:"size"`
	Root string `json:"root,omitempty"`
	// Proves says in one sentence what an OK audit proves.
	Proves string `json:"proves"`
	// SetAside lists the seqs the committee set aside on this log: the
	// replay skipped them, and what else failed at them is not a problem.
	SetAside []SetAside `json:"set_aside"`
	// ProblemsMore counts the problems past the first MaxProblems listed.
	ProblemsMore int `json:"problems_more,omitempty"`
	// LiveCompared counts the rankings and sheets compared byte for byte
	// with a live read model (0 when there was none): its stored rows and
	// what its server serves, each counted.
	LiveCompared int `json:"live_compared,omitempty"`
	// Files says whether the evidence files the events name were checked.
	Files FilesCheck `json:"files"`
}

// SetAside is a seq the committee set aside, with the record that says so.
type SetAside struct {
	Seq       uint64 `json:"seq"`
	Reason    string `json:"reason"`
	By        string `json:"by"`
	RecordSeq uint64 `json:"record_seq"` // the seq.set_aside event
}

// Source hands a season's messages to fn in stream order, from the start
// each time it is called.
type Source func(ctx context.Context, fn func(events.Stored) error) error

// Options of one audit.
type Options struct {
	Season string
	Source string         // how the report names where the log came from
	Key    *seal.Verifier // the committee's public key
	AsOf   string         // a stream sequence or RFC 3339 instant; "" for the end
	// Live, when set, is a live read model to compare with the replay.
	Live *projections.Projector
	// People names the holders of tokens by token id ("Nguyễn Thị Hoa —
	// Phó Chủ tịch …"), so that the report names who recorded each fact
	// and decision; events record the token id only. The token events are
	// on the log's access subject, outside a season's export: the command
	// fills this from a live read model when it has one.
	People map[string]string
	// Open accepts a season whose log does not end with its signed close
	// (the audit then proves the log so far, and says so).
	Open bool
	// ExpectSize and ExpectRoot, when set, bind the audit to a published
	// result: the season's tree must have that many events and that root.
	ExpectSize int64
	ExpectRoot string
	// Files, when set, holds the season's evidence files, each named by
	// its SHA-256 (thidua export --files); nil leaves them unchecked.
	Files fs.FS
	// Progress gets a line every ProgressEvery events (default 25,000).
	Progress      io.Writer
	ProgressEvery int
}

// replayBatch is how many events share one scratch transaction.
const replayBatch = 5000

// Run audits a season. Verification failures are in the report; the error
// is for an audit that could not run.
func Run(ctx context.Context, src Source, opt Options) (*Report, error) {
	if opt.Key == nil {
		return nil, errors.New("audit: a public key is required")
	}
	dir, err := os.MkdirTemp("", "thidua-audit-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	scratch, err := projections.Open(ctx, filepath.Join(dir, "replay.db"), quiet)
	if err != nil {
		return nil, err
	}
	defer scratch.Close()

	every := cmp.Or(opt.ProgressEvery, 25000)
	progress := opt.Progress
	if progress == nil {
		progress = io.Discard
	}
	v := newVerifier(opt.Season, opt.Key)
	rep := &Report{Season: opt.Season, Source: opt.Source, Key: opt.Key.Name(), AsOf: opt.AsOf, Problems: []Problem{}, People: opt.People}
	var batch []events.Stored
	flush := func() error {
		if scratch.Halted() != nil {
			batch = batch[:0] // nothing more is replayed: hold nothing
			return nil
		}
		if len(batch) == 0 {
			return nil
		}
		err := scratch.Apply(ctx, batch)
		batch = batch[:0]
		if scratch.Halted() != nil {
			return nil // reported below
		}
		return err
	}
	err = src(ctx, func(m events.Stored) error {
		if !v.add(m) {
			return nil
		}
		if batch = append(batch, m); len(batch) == replayBatch {
			if err := flush(); err != nil {
				return err
			}
		}
		if n := v.stats.Events; n%every == 0 {
			fmt.Fprintf(progress, "  … %d sự kiện đã kiểm / events checked (seq %d)\n", n, m.Seq)
		}
		return nil
	})
	var fe *logfile.FormatError
	whole := true
	switch {
	case errors.As(err, &fe):
		v.fail(fe.Seq, "", "", CheckFormat, "line %d: %s", fe.Line, fe.Msg)
		whole = false // what follows the bad line was not read
	case err != nil:
		return nil, fmt.Errorf("read the log: %w", err)
	}
	if err := flush(); err != nil {
		return nil, fmt.Errorf("replay: %w", err)
	}
	if len(v.setAside) > 0 {
		// The records come after the seqs they set aside: replay again,
		// skipping them from the start, as the server did.
		if scratch, err = replayAround(ctx, src, opt.Season, filepath.Join(dir, "replay2.db"), v.setAside); err != nil {
			return nil, err
		}
		defer scratch.Close()
	}
	fmt.Fprintf(progress, "  %d sự kiện đã kiểm / events checked\n", v.stats.Events)
	rep.Replayed = v.stats.Events
	if h := scratch.Halted(); h != nil {
		v.fail(h.Seq, "", "", CheckReplay, "the event cannot be replayed: %s", h.Reason)
		rep.Replayed = 0
		for _, l := range v.leaves {
			if l.seq < h.Seq {
				rep.Replayed++
			}
		}
	}
	if whole {
		v.finish()
	}
	rep.Files = v.checkFiles(opt.Files)
	rep.Log = v.stats
	if scratch.Halted() == nil {
		if err := finalRankings(ctx, scratch, v, rep); err != nil {
			return nil, err
		}
		if err := rankingsAt(ctx, scratch, opt, rep, v); err != nil {
			return nil, err
		}
		if opt.Live != nil {
			if err := compareLive(ctx, scratch, opt, rep, v); err != nil {
				return nil, err
			}
		}
	}
	if err := bind(ctx, v, opt, rep); err != nil {
		return nil, err
	}
	rep.SetAside = []SetAside{}
	for _, sa := range v.setAside {
		rep.SetAside = append(rep.SetAside, sa)
	}
	sort.Slice(rep.SetAside, func(i, j int) bool { return rep.SetAside[i].Seq < rep.SetAside[j].Seq })
	v.problems = slices.DeleteFunc(v.problems, func(p Problem) bool {
		_, aside := v.setAside[p.Seq]
		return aside
	})
	rep.Problems = v.problems
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Seq < rep.Problems[j].Seq })
	rep.ProblemsMore = v.more
	if len(rep.Problems) > MaxProblems {
		rep.ProblemsMore += len(rep.Problems) - MaxProblems
		rep.Problems = rep.Problems[:MaxProblems]
	}
	rep.OK = len(rep.Problems) == 0
	return rep, nil
}

// replayAround replays the season's events into a new scratch read model
// that skips the seqs set aside.
func replayAround(ctx context.Context, src Source, season, path string, aside map[uint64]SetAside) (*projections.Projector, error) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	p, err := projections.Open(ctx, path, quiet)
	if err != nil {
		return nil, err
	}
	for seq, sa := range aside {
		p.SkipSeq(seq, sa.Reason)
	}
	var batch []events.Stored
	flush := func() error {
		if p.Halted() != nil {
			batch = batch[:0]
			return nil
		}
		if len(batch) == 0 {
			return nil
		}
		err := p.Apply(ctx, batch)
		batch = batch[:0]
		if p.Halted() != nil {
			return nil // reported by the caller
		}
		return err
	}
	err = src(ctx, func(m events.Stored) error {
		if s, kind, _, ok := events.ParseSubject(m.Subject); !ok || s != season || kind == events.KindCheckpoint {
			return nil // what the verifier does not replay
		}
		if batch = append(batch, m); len(batch) == replayBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	var fe *logfile.FormatError
	if err != nil && !errors.As(err, &fe) {
		p.Close()
		return nil, fmt.Errorf("replay around the seqs set aside: %w", err)
	}
	return p, nil
}

// MaxProblems bounds the problems a report lists; the rest are counted.
const MaxProblems = 100

// bind states what the audit proves and checks what it was bound to: a
// signed close at the end of the log (unless opt.Open), the checkpoints
// the live read model knows of, and a published size and root.
func bind(ctx context.Context, v *verifier, opt Options, rep *Report) error {
	rep.Size = v.tree.Size()
	if rep.Size > 0 {
		root, err := v.tree.Root(rep.Size)
		if err != nil {
			return err
		}
		rep.Root = root.String()
	}
	rep.SignedClose = v.signedClose()
	end := rep.Log.LastSeq
	if rep.SignedClose {
		final := v.signed[len(v.signed)-1].cp.FinalRanking
		rep.Proves = fmt.Sprintf("the log of season %s ends with its signed close: %d events, root %s, final ranking sha256 %s", opt.Season, rep.Size, rep.Root, final)
	} else {
		rep.Proves = fmt.Sprintf("season %s is not closed in this log: the audit covers its %d events up to seq %d (root %s), not a final result", opt.Season, rep.Size, end, rep.Root)
		if !opt.Open {
			v.fail(end, "", "", CheckOpen, "the log does not end with the season's signed close; audit an open season with --open")
		}
	}
	if opt.Live != nil {
		known, err := opt.Live.Checkpoints(ctx, opt.Season)
		if err != nil {
			return err
		}
		for _, c := range known {
			if c.Size > rep.Size {
				v.fail(end, "", "", CheckCut, "the log stops at %d events, before the checkpoint of %d events the read model holds at seq %d", rep.Size, c.Size, c.Seq)
				break
			}
		}
	}
	if opt.ExpectSize > 0 && rep.Size != opt.ExpectSize {
		v.fail(end, "", "", CheckExpect, "the log has %d events, the published result %d", rep.Size, opt.ExpectSize)
	}
	if opt.ExpectRoot != "" && rep.Root != opt.ExpectRoot {
		v.fail(end, "", "", CheckExpect, "the log's root is %s, the published result's %s", rep.Root, opt.ExpectRoot)
	}
	return nil
}

// finalRankings checks every signed final ranking against the replay at
// the size it was signed at, and lists the checkpoints.
func finalRankings(ctx context.Context, scratch *projections.Projector, v *verifier, rep *Report) error {
	rep.Checkpoints = []CheckpointResult{}
	for _, sc := range v.signed {
		res := CheckpointResult{Seq: sc.seq, Size: sc.cp.Size, LastSeq: sc.cp.Seq, Root: sc.cp.Root.String(), RootMatches: sc.ok, FinalRanking: sc.cp.FinalRanking}
		if sc.ok && sc.cp.Closing() {
			ss, err := scratch.SeasonAsOf(ctx, v.season, sc.cp.Seq)
			if err != nil {
				return err
			}
			got := ""
			if final := ss.Views[domain.Final]; final != nil {
				got = seal.RankingHash(final.Units)
			}
			match := got == sc.cp.FinalRanking
			res.RankingMatches = &match
			switch {
			case got == "":
				v.fail(sc.seq, "", "", CheckFinalRanking, "the checkpoint signs a final ranking, but the replayed season is not closed at seq %d", sc.cp.Seq)
			case !match:
				v.fail(sc.seq, "", "", CheckFinalRanking, "the checkpoint signs the final ranking %s, but replaying the log up to seq %d gives %s", short(sc.cp.FinalRanking), sc.cp.Seq, short(got))
			}
		}
		rep.Checkpoints = append(rep.Checkpoints, res)
	}
	return nil
}

// rankingsAt fills the report's rankings and sheets, as of the end of the
// log or opt.AsOf.
func rankingsAt(ctx context.Context, scratch *projections.Projector, opt Options, rep *Report, v *verifier) error {
	ss := scratch.Snapshot().Seasons[opt.Season]
	if opt.AsOf != "" {
		seq, err := scratch.ResolveAsOf(ctx, opt.AsOf)
		if err != nil {
			return err
		}
		if ss, err = scratch.SeasonAsOf(ctx, opt.Season, seq); err != nil {
			return err
		}
		rep.Seq = seq
	} else if ss != nil {
		rep.Seq = ss.Seq
	}
	if ss == nil || !ss.Opened {
		v.fail(rep.Seq, "", "", CheckReplay, "the log does not open season %s by seq %d", opt.Season, rep.Seq)
		return nil
	}
	rep.Rankings = []Ranking{}
	for _, view := range []domain.View{domain.Claimed, domain.Verified, domain.Final} {
		vs := ss.Views[view]
		if vs == nil {
			continue
		}
		rep.Rankings = append(rep.Rankings, Ranking{View: view, SHA256: seal.RankingHash(vs.Units), Units: vs.Units, Standings: vs.Standings.Units, Awards: vs.Standings.Awards})
		rep.SheetsView = view
	}
	vs := ss.Views[rep.SheetsView]
	rep.Sheets = make([]domain.Sheet, 0, len(vs.Standings.Units))
	for _, row := range vs.Standings.Units {
		sh, err := vs.Sheets[row.Unit].Sheet(ctx)
		if err != nil {
			return fmt.Errorf("score %s: %w", row.Unit, err)
		}
		rep.Sheets = append(rep.Sheets, sh)
	}
	return nil
}

// compareLive compares the live read model with the replay, byte for
// byte, at the live model's checkpoint (or as of): both its stored rows
// (rankings and each unit's ranked row) and what its server would serve
// (rankings and sheets), the snapshot restored from its events. (A read
// model whose events do not verify does not open at all.)
func compareLive(ctx context.Context, scratch *projections.Projector, opt Options, rep *Report, v *verifier) error {
	live := opt.Live
	at := live.Checkpoint()
	if opt.AsOf != "" {
		at = rep.Seq
	}
	replay, err := scratch.SeasonAsOf(ctx, opt.Season, at)
	if err != nil {
		return err
	}
	got, err := servedShape(ctx, replay)
	if err != nil {
		return err
	}
	if opt.AsOf != "" {
		ss, err := live.SeasonAsOf(ctx, opt.Season, at)
		if err != nil {
			return err
		}
		want, err := servedShape(ctx, ss)
		if err != nil {
			return err
		}
		compareRows(v, at, "", want, got, rep)
		return nil
	}
	stored, err := storedRows(ctx, live, opt.Season)
	if err != nil {
		return err
	}
	compareRows(v, at, "stored ", stored, storedShape(replay), rep)
	served, err := servedShape(ctx, live.Snapshot().Seasons[opt.Season])
	if err != nil {
		return err
	}
	compareRows(v, at, "served ", served, got, rep)
	return nil
}

// compareRows reports every row where want (the live model's) and got
// (the replay's) differ; label says which of the live model's rows.
func compareRows(v *verifier, at uint64, label string, want, got map[string][]byte, rep *Report) {
	if len(want) == 0 {
		v.fail(at, "", "", CheckLive, "the live read model has no %srankings for season %s", label, rep.Season)
		return
	}
	rep.LiveCompared += len(want)
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		w, g := want[k], got[k]
		switch {
		case w == nil:
			v.fail(at, "", "", CheckLive, "%s%s: only in the replay", label, k)
		case g == nil:
			v.fail(at, "", "", CheckLive, "%s%s: only in the live read model", label, k)
		case !bytes.Equal(w, g):
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			v.fail(at, "", "", CheckLive, "%s%s differs from byte %d: live %q, replay %q", label, k, i, excerpt(w, i), excerpt(g, i))
		}
	}
}

// servedShape is what a server answers of a season snapshot: its
// rankings and its sheets, by row name.
func servedShape(ctx context.Context, ss *projections.SeasonSnap) (map[string][]byte, error) {
	out := map[string][]byte{}
	if ss == nil {
		return out, nil
	}
	for view, vs := range ss.Views {
		out["rankings "+string(view)] = vs.Units
		for unit, sh := range vs.Sheets {
			b, err := sh.Bytes(ctx)
			if err != nil {
				return nil, fmt.Errorf("encode the %s score of %s: %w", view, unit, err)
			}
			out["score "+string(view)+"/"+unit] = b
		}
	}
	return out, nil
}

// storedShape is what a read model stores of a season snapshot: its
// rankings and each unit's ranked row, by row name.
func storedShape(ss *projections.SeasonSnap) map[string][]byte {
	out := map[string][]byte{}
	if ss == nil {
		return out
	}
	for view, vs := range ss.Views {
		out["rankings "+string(view)] = vs.Units
		for unit, sh := range vs.Sheets {
			out["score "+string(view)+"/"+unit] = sh.Row()
		}
	}
	return out
}

// storedRows are the rankings and unit rows a read model stores for a
// season.
func storedRows(ctx context.Context, p *projections.Projector, season string) (map[string][]byte, error) {
	r, err := p.StoredRankings(ctx, season)
	if err != nil {
		return nil, err
	}
	s, err := p.StoredScores(ctx, season)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for k, b := range r {
		out["rankings "+k] = b
	}
	for k, b := range s {
		out["score "+k] = b
	}
	return out, nil
}

func excerpt(b []byte, i int) string {
	lo, hi := max(0, i-40), min(len(b), i+40)
	return string(b[lo:hi])
}

// WriteJSON writes the report for a program.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
