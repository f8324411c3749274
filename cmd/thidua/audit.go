package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"

	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/projections"
)

// audit replays a season's log from the start into a scratch read model and
// checks that it reproduces the live read model's rankings and score sheets
// byte for byte.
func audit(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := newFlags("audit", getenv, stderr)
	season := fs.str("season", "", "season id")
	data := fs.str("data", "", "data directory of a stopped thidua serve (embedded store)")
	natsURL := fs.str("nats-url", "", "a live NATS JetStream holding the log")
	dbPath := fs.str("db", "", "the live read model to compare with (default DATA/thidua.db)")
	asOf := fs.str("as-of", "", "replay only up to this stream sequence or RFC 3339 instant")
	if err := fs.parse(args); err != nil {
		return err
	}
	if *season == "" || (*data == "") == (*natsURL == "") {
		return usageError("audit needs --season and exactly one of --data DIR or --nats-url URL")
	}
	live := *dbPath
	if live == "" && *data != "" {
		live = filepath.Join(*data, "thidua.db")
	}
	if live == "" {
		return usageError("with --nats-url, give --db with the live read model to compare with")
	}
	if _, err := os.Stat(live); err != nil {
		return fmt.Errorf("live read model: %w", err)
	}
	store, closeLog, err := openLog(ctx, *data, *natsURL)
	if err != nil {
		return err
	}
	defer closeLog()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	liveModel, err := projections.Open(ctx, live, quiet)
	if err != nil {
		return err
	}
	defer liveModel.Close()

	upTo := liveModel.Checkpoint()
	if *asOf != "" {
		if upTo, err = liveModel.ResolveAsOf(ctx, *asOf); err != nil {
			return err
		}
	}
	scratchDir, err := os.MkdirTemp("", "thidua-audit-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratchDir)
	scratch, err := projections.Open(ctx, filepath.Join(scratchDir, "replay.db"), quiet)
	if err != nil {
		return err
	}
	defer scratch.Close()

	fmt.Fprintf(stdout, "Kiểm toán mùa %s / audit of season %s: replaying the log up to seq %d\n", *season, *season, upTo)
	var batch []natsstore.Msg
	replayed := 0
	errPastAsOf := errors.New("past the as-of point")
	err = store.ReadUntil(ctx, natsstore.SeasonFilter(*season), 1, func(m natsstore.Msg) error {
		if m.Seq > upTo {
			return errPastAsOf
		}
		batch = append(batch, m)
		replayed++
		if len(batch) == 5000 {
			err := scratch.Apply(ctx, batch)
			batch = batch[:0]
			return err
		}
		return nil
	})
	if err == nil || errors.Is(err, errPastAsOf) {
		err = nil
		if len(batch) > 0 {
			err = scratch.Apply(ctx, batch)
		}
	}
	if h := scratch.Halted(); h != nil {
		return auditFailed(fmt.Sprintf("FAIL: event at seq %d cannot be applied: %s", h.Seq, h.Reason))
	}
	if err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	fmt.Fprintf(stdout, "  %d events replayed\n", replayed)

	var want, got map[string][]byte
	if *asOf == "" && upTo == liveModel.Checkpoint() {
		if want, err = storedAll(ctx, liveModel, *season); err != nil {
			return err
		}
	} else {
		ss, err := liveModel.SeasonAsOf(ctx, *season, upTo)
		if err != nil {
			return err
		}
		want = snapRows(ss)
	}
	if got, err = storedAll(ctx, scratch, *season); err != nil {
		return err
	}
	if len(want) == 0 {
		return auditFailed("FAIL: the live read model has no rankings for season " + *season)
	}
	bad := compareRows(want, got, stdout)
	if bad > 0 {
		return auditFailed(fmt.Sprintf("FAIL: %d of %d rankings and score sheets differ from the live read model", bad, len(want)))
	}
	fmt.Fprintf(stdout, "OK: %d rankings and score sheets reproduced byte for byte\n", len(want))
	return nil
}

func storedAll(ctx context.Context, p *projections.Projector, season string) (map[string][]byte, error) {
	r, err := p.StoredRankings(ctx, season)
	if err != nil {
		return nil, err
	}
	s, err := p.StoredSheets(ctx, season)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for k, v := range r {
		out["rankings "+k] = v
	}
	for k, v := range s {
		out["score "+k] = v
	}
	return out, nil
}

func snapRows(ss *projections.SeasonSnap) map[string][]byte {
	out := map[string][]byte{}
	for view, vs := range ss.Views {
		out["rankings "+string(view)] = vs.Units
		for unit, b := range vs.Sheets {
			out["score "+string(view)+"/"+unit] = b
		}
	}
	return out
}

func compareRows(want, got map[string][]byte, out io.Writer) int {
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		w, g := want[k], got[k]
		switch {
		case w == nil:
			fmt.Fprintf(out, "  DIFF %s: only in the replay\n", k)
		case g == nil:
			fmt.Fprintf(out, "  DIFF %s: missing from the replay\n", k)
		case !bytes.Equal(w, g):
			i := 0
			for i < len(w) && i < len(g) && w[i] == g[i] {
				i++
			}
			fmt.Fprintf(out, "  DIFF %s at byte %d: live %q vs replay %q\n", k, i, excerpt(w, i), excerpt(g, i))
		default:
			continue
		}
		bad++
	}
	return bad
}

func excerpt(b []byte, i int) string {
	lo, hi := max(0, i-40), min(len(b), i+40)
	return string(b[lo:hi])
}
