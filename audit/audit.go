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
	"github.com/thidua/thidua/events/logfile"
	"github.com/thidua/thidua/events/natsstore"
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
	// LiveCompared counts the rankings and sheets compared byte for byte
	// with a live read model (0 when there was none).
	LiveCompared int `json:"live_compared,omitempty"`
	// Files says whether the evidence files the events name were checked.
	Files FilesCheck `json:"files"`
}

// Source hands a season's messages to fn in stream order.
type Source func(ctx context.Context, fn func(natsstore.Msg) error) error

// Options of one audit.
type Options struct {
	Season string
	Source string         // how the report names where the log came from
	Key    *seal.Verifier // the committee's public key
	AsOf   string         // a stream sequence or RFC 3339 instant; "" for the end
	// Live, when set, is a live read model to compare with the replay.
	Live *projections.Projector
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
	rep := &Report{Season: opt.Season, Source: opt.Source, Key: opt.Key.Name(), AsOf: opt.AsOf, Problems: []Problem{}}
	var batch []natsstore.Msg
	flush := func() error {
		if len(batch) == 0 || scratch.Halted() != nil {
			return nil
		}
		err := scratch.Apply(ctx, batch)
		batch = batch[:0]
		if scratch.Halted() != nil {
			return nil // reported below
		}
		return err
	}
	err = src(ctx, func(m natsstore.Msg) error {
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
	rep.Problems = v.problems
	sort.SliceStable(rep.Problems, func(i, j int) bool { return rep.Problems[i].Seq < rep.Problems[j].Seq })
	rep.OK = len(rep.Problems) == 0
	return rep, nil
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
		rep.Rankings = append(rep.Rankings, Ranking{View: view, SHA256: seal.RankingHash(vs.Units), Units: vs.Units, Standings: vs.Standings.Units})
		rep.SheetsView = view
	}
	vs := ss.Views[rep.SheetsView]
	rep.Sheets = make([]domain.Sheet, 0, len(vs.Standings.Units))
	for _, row := range vs.Standings.Units {
		rep.Sheets = append(rep.Sheets, vs.Standings.Sheets[row.Unit])
	}
	return nil
}

// compareLive compares the live read model's rankings and sheets with the
// replay's, byte for byte, at the live model's checkpoint (or as of).
func compareLive(ctx context.Context, scratch *projections.Projector, opt Options, rep *Report, v *verifier) error {
	live := opt.Live
	at := live.Checkpoint()
	var want, got map[string][]byte
	var err error
	if opt.AsOf != "" {
		at = rep.Seq
		if want, err = asOfRows(ctx, live, opt.Season, at); err != nil {
			return err
		}
	} else if want, err = storedRows(ctx, live, opt.Season); err != nil {
		return err
	}
	if got, err = asOfRows(ctx, scratch, opt.Season, at); err != nil {
		return err
	}
	if len(want) == 0 {
		v.fail(at, "", "", CheckLive, "the live read model has no rankings for season %s", opt.Season)
		return nil
	}
	rep.LiveCompared = len(want)
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
			v.fail(at, "", "", CheckLive, "%s: only in the replay", k)
		case g == nil:
			v.fail(at, "", "", CheckLive, "%s: only in the live read model", k)
		case !bytes.Equal(w, g):
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			v.fail(at, "", "", CheckLive, "%s differs from byte %d: live %q, replay %q", k, i, excerpt(w, i), excerpt(g, i))
		}
	}
	return nil
}

// storedRows are the rankings and sheets a read model stores for a season.
func storedRows(ctx context.Context, p *projections.Projector, season string) (map[string][]byte, error) {
	r, err := p.StoredRankings(ctx, season)
	if err != nil {
		return nil, err
	}
	s, err := p.StoredSheets(ctx, season)
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

// asOfRows are a season's rankings and sheets replayed up to seq.
func asOfRows(ctx context.Context, p *projections.Projector, season string, seq uint64) (map[string][]byte, error) {
	ss, err := p.SeasonAsOf(ctx, season, seq)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for view, vs := range ss.Views {
		out["rankings "+string(view)] = vs.Units
		for unit, b := range vs.Sheets {
			out["score "+string(view)+"/"+unit] = b
		}
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
