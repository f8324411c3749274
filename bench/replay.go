package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/thidua/thidua/audit"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/projections"
	"github.com/thidua/thidua/seal"
)

// mainLog generates the national load into an embedded NATS and finishes
// the year on it as the product would (see finishYear).
func (b *bench) mainLog(ctx context.Context) (*logServer, error) {
	dir, err := b.dir("log")
	if err != nil {
		return nil, err
	}
	l, err := startLogServer(ctx, dir, false)
	if err != nil {
		return nil, err
	}
	b.progress("generating and loading %d events (%d units, %d seasons)", b.cfg.Events, b.cfg.Units, b.cfg.Seasons)
	start := time.Now()
	if err := l.load(ctx, b.cfg.spec()); err != nil {
		l.close()
		return nil, fmt.Errorf("load the log: %w", err)
	}
	b.progress("loaded %d messages in %s; finishing the year (warm-up replay, revocations, signed checkpoints)", l.last, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	key, err := b.finishYear(ctx, l)
	if err != nil {
		l.close()
		return nil, fmt.Errorf("finish the year: %w", err)
	}
	b.progress("year finished in %s: the log holds %d messages", time.Since(start).Round(time.Millisecond), l.last)
	b.rep.Loads = append(b.rep.Loads, fmt.Sprintf("main log: %d messages (%d generated events, then award revocations and one signed checkpoint per season), %d units in %d seasons, seed %d",
		l.last, b.cfg.Events, b.cfg.Units, b.cfg.Seasons, b.cfg.Seed))
	b.key = key
	return l, nil
}

// finishYear does on the loaded log what a serve would have done: a read
// model catches up (which also warms the page cache for the measurements),
// the committee revokes an award in each block of ten seasons through the
// real ledger, and every season gets a signed checkpoint as the notary
// writes it. The audit then verifies the generated log whole.
func (b *bench) finishYear(ctx context.Context, l *logServer) (*seal.Verifier, error) {
	dir, err := b.dir("finish")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	r, err := startProjector(ctx, dbPath(dir, "read"), l.store)
	if err != nil {
		return nil, err
	}
	defer r.stop()
	if err := r.waitLogged(ctx, l.last, b.progress, "warm-up replay"); err != nil {
		return nil, err
	}
	tick := time.Date(year+1, 3, 1, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { tick = tick.Add(time.Minute); return tick }
	led := ledger.New(l.store, r.proj, clock)
	// One revocation in each block of ten seasons: in its first closed
	// season where someone holds an award.
	due := false
	for i, s := range l.seasons {
		due = due || i%10 == 0
		if !due || !s.Closing {
			continue
		}
		holder, award := awardHolder(r.proj.Snapshot().Seasons[s.ID].Views[domain.Final])
		if holder == "" {
			continue
		}
		due = false
		p := &events.AwardRevoked{Award: award, Reason: "Thu hồi do phát hiện vi phạm sau khi xét thi đua", DecisionNo: "7/QĐ-MTTQ"}
		ev, err := ledger.NewEvent(s.ID, s.ID+"-award-revoked", events.TypeAwardRevoked, holder, fmt.Sprintf("%d-03-15", year+1),
			events.Author{Role: events.RoleCommittee, Token: s.Committee}, p, nil)
		if err != nil {
			return nil, err
		}
		if _, _, err := led.AppendEvent(ctx, ev, p); err != nil {
			return nil, fmt.Errorf("revoke the %s of %s in %s: %w", award, holder, s.ID, err)
		}
		l.revoked = append(l.revoked, s.ID)
	}
	last, err := l.store.LastSeq(ctx)
	if err != nil {
		return nil, err
	}
	if err := r.waitFor(ctx, last); err != nil {
		return nil, err
	}
	signer, err := seal.LoadOrCreateKey(dir)
	if err != nil {
		return nil, err
	}
	for _, s := range l.seasons {
		cp, err := r.proj.NextCheckpoint(s.ID)
		if err != nil {
			return nil, err
		}
		msg, err := signer.Sign(cp)
		if err != nil {
			return nil, err
		}
		subject := events.CheckpointSubject(s.ID)
		expect, err := l.store.LastSubjectSeq(ctx, subject)
		if err != nil {
			return nil, err
		}
		if _, err := l.store.Append(ctx, subject, fmt.Sprintf("checkpoint-%s-%d", s.ID, cp.Size), msg, expect); err != nil {
			return nil, fmt.Errorf("sign %s: %w", s.ID, err)
		}
	}
	if l.last, err = l.store.LastSeq(ctx); err != nil {
		return nil, err
	}
	if err := r.waitFor(ctx, l.last); err != nil {
		return nil, err
	}
	b.progress("revoked %d awards, signed %d checkpoints", len(l.revoked), len(l.seasons))
	return seal.NewVerifier(signer.PublicKey())
}

// awardHolder is a unit holding the flag (or else a certificate) in a
// season's final view.
func awardHolder(final *projections.ViewSnap) (unit, award string) {
	if final == nil {
		return "", ""
	}
	for _, want := range []string{domain.AwardFlag, domain.AwardCertificate} {
		for _, row := range final.Standings.Units {
			if row.Award != nil && *row.Award == want {
				return row.Unit, want
			}
		}
	}
	return "", ""
}

// replay measures, per run: an ordered consumer reading the whole log
// (baseline) against a fresh read model catching up over it as serve
// rebuilds (product); then the audit of one season against reading that
// season's subjects.
func (b *bench) replay(ctx context.Context, l *logServer) error {
	// Audit a season with a revoked award when there is one: its log
	// runs past the close.
	season := l.seasons[0].ID
	if len(l.revoked) > 0 {
		season = l.revoked[0]
	}
	for run := 1; run <= b.cfg.Runs; run++ {
		collect()
		n, took, err := rawRead(ctx, l.raw, events.AllSubjects)
		if err != nil {
			return err
		}
		if n != l.last {
			return fmt.Errorf("the baseline read %d messages of %d", n, l.last)
		}
		base := float64(n) / took.Seconds()
		b.rep.record(Figure{Phase: PhaseReplay, Name: "replay.baseline", Label: "baseline: ordered consumer", Unit: "events/s",
			Method: fmt.Sprintf("JetStream ordered consumer (pull buffer %d, in-process connection) over all %d messages, each discarded; from consumer creation to the last message", natsstore.ReadBuffer, l.last)}, base)

		collect()
		var prod float64
		err = b.profile("replay", run, func() error {
			var err error
			prod, err = b.replayProduct(ctx, l, run)
			return err
		})
		if err != nil {
			return err
		}
		b.rep.record(Figure{Phase: PhaseReplay, Name: "replay.product", Label: "product: read model rebuild", Unit: "events/s",
			Method: "a fresh SQLite read model: projections.Open + Projector.Run over the same stream, as serve rebuilds, until Checkpoint() equals the stream's last seq"}, prod)
		b.rep.ratio(Figure{Phase: PhaseReplay, Name: "replay.ratio", Label: "ratio product ÷ baseline", Target: "≥ 0.35",
			Method: "per run, then median and spread"}, prod, base)
		b.progress("replay run %d/%d: baseline %s events/s, product %s events/s", run, b.cfg.Runs, thousands(int64(base)), thousands(int64(prod)))

		if err := b.auditSeason(ctx, l, season, run); err != nil {
			return err
		}
	}
	return nil
}

// replayProduct rebuilds a fresh read model over the whole log and keeps
// its rankings for the checks.
func (b *bench) replayProduct(ctx context.Context, l *logServer, run int) (float64, error) {
	dir, err := b.dir("replay")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	r, err := startProjector(ctx, dbPath(dir, "read"), l.store)
	if err != nil {
		return 0, err
	}
	if err := r.waitLogged(ctx, l.last, b.progress, fmt.Sprintf("replay run %d", run)); err != nil {
		r.stop()
		return 0, err
	}
	took := time.Since(start)
	cp := r.proj.Checkpoint()
	rankings := rankingsOf(r.proj.Snapshot())
	if err := r.stop(); err != nil {
		return 0, err
	}
	b.rep.check(fmt.Sprintf("replay.checkpoint.run%d", run), cp == l.last, "read model checkpoint %d, stream last seq %d", cp, l.last)
	if b.replayed != nil {
		same, detail := sameRankings(b.replayed, rankings)
		b.rep.check(fmt.Sprintf("replay.deterministic.run%d", run), same, "rankings of %d season views equal to run 1's: %s", len(rankings), detail)
	}
	b.replayed = rankings
	return float64(l.last) / took.Seconds(), nil
}

// sameRankings compares two sets of rankings and names the first difference.
func sameRankings(want, got map[string][]byte) (bool, string) {
	for k, w := range want {
		g, ok := got[k]
		if !ok {
			return false, k + " missing"
		}
		if !bytes.Equal(w, g) {
			return false, k + " differs"
		}
	}
	if len(got) != len(want) {
		return false, fmt.Sprintf("%d season views, want %d", len(got), len(want))
	}
	return true, "identical"
}

// auditSeason measures the year-end audit of one season (chain, tree,
// signatures, a replay into a scratch read model) against an ordered
// consumer reading the same season's subjects.
func (b *bench) auditSeason(ctx context.Context, l *logServer, season string, run int) error {
	collect()
	n, took, err := rawRead(ctx, l.raw, events.SeasonFilter(season))
	if err != nil {
		return err
	}
	base := float64(n) / took.Seconds()
	b.rep.record(Figure{Phase: PhaseReplay, Name: "audit.baseline", Label: "baseline: one season's subjects", Unit: "events/s",
		Method: fmt.Sprintf("ordered consumer filtered on %s (%d messages), each discarded", events.SeasonFilter(season), n)}, base)
	collect()
	var rep *audit.Report
	err = b.profile("audit", run, func() error {
		start := time.Now()
		var err error
		rep, err = audit.Run(ctx, func(ctx context.Context, fn func(events.Stored) error) error {
			return l.store.ReadUntil(ctx, events.SeasonFilter(season), 1, fn)
		}, audit.Options{Season: season, Source: "bench", Key: b.key, Open: true})
		took = time.Since(start)
		return err
	})
	if err != nil {
		return fmt.Errorf("audit %s: %w", season, err)
	}
	prod := float64(rep.Log.Messages) / took.Seconds()
	b.rep.record(Figure{Phase: PhaseReplay, Name: "audit.product", Label: "product: audit of one season", Unit: "events/s",
		Method: "audit.Run of that season from the stream: chain, Merkle tree, signatures, replay into a scratch read model, signed final ranking"}, prod)
	b.rep.ratio(Figure{Phase: PhaseReplay, Name: "audit.ratio", Label: "ratio product ÷ baseline", Method: "per run, then median and spread"}, prod, base)
	detail := fmt.Sprintf("%d events, %d checkpoints, %d chain links", rep.Log.Events, rep.Log.Checkpoints, rep.Log.ChainLinks)
	if !rep.OK {
		p := rep.Problems[0]
		detail = fmt.Sprintf("%d problem(s), the first at seq %d (%s): %s", len(rep.Problems), p.Seq, p.Check, p.What)
	}
	b.rep.check(fmt.Sprintf("audit.verifies.run%d", run), rep.OK, "season %s: %s", season, detail)
	matched := 0
	for _, rk := range rep.Rankings {
		if bytes.Equal(rk.Units, b.replayed[season+" "+string(rk.View)]) {
			matched++
		}
	}
	b.rep.check(fmt.Sprintf("audit.rankings-equal-replay.run%d", run), matched == len(rep.Rankings) && matched > 0,
		"%d of %d views of %s equal byte for byte in the audit's replay and the rebuilt read model", matched, len(rep.Rankings), season)
	return nil
}
