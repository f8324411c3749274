package bench

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/thidua/thidua/events"
)

// templatesPerUnit is how many distinct facts each client cycles through.
const templatesPerUnit = 64

// ingest measures, per run: async JetStream publishes of the clients'
// bodies to their subjects under sync_always (baseline) against the same
// number of clients POSTing them through a real serve (product).
func (b *bench) ingest(ctx context.Context) error {
	perSeason := max(b.cfg.Units/b.cfg.Seasons, 1)
	for run := 1; run <= b.cfg.Runs; run++ {
		f := newFleet(b.cfg.Seed, "ingest", b.cfg.Clients, perSeason)
		tmpls := make([][][]byte, len(f.units))
		for i, u := range f.units {
			var err error
			if tmpls[i], err = u.templates(templatesPerUnit); err != nil {
				return err
			}
		}
		collect()
		base, err := b.ingestBaseline(ctx, f, tmpls)
		if err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseIngest, Name: "ingest.baseline", Label: "baseline: async publish", Unit: "events/s",
			Method: fmt.Sprintf("one publisher, JetStream async publish (≤ 4,000 in flight, no headers) of the clients' bodies to their %d unit subjects, embedded NATS with sync_always, in-process connection; acked messages ÷ time to the last ack", len(f.units))}, base)

		collect()
		syncRate, err := b.ingestSyncBaseline(ctx, f, tmpls)
		if err != nil {
			return fmt.Errorf("synchronous baseline: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseIngest, Name: "ingest.baseline-sync", Label: "baseline: one publish per client at a time", Unit: "events/s",
			Method: fmt.Sprintf("%d publishers (one per unit subject), each waiting for its JetStream ack before the next publish, as a POST waits for its event to be durable; embedded NATS with sync_always, in-process connection; acked messages ÷ time", len(f.units))}, syncRate)

		collect()
		prod, err := b.ingestProduct(ctx, f, tmpls, run)
		if err != nil {
			return fmt.Errorf("product: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseIngest, Name: "ingest.product", Label: "product: POST through serve", Unit: "events/s",
			Method: fmt.Sprintf("%d HTTP clients (one per unit, its own token) POSTing facts to a real serve (embedded NATS, sync_always): validation, OCC, Msg-Id; 201s ÷ time to the last reply", len(f.units))}, prod.rate)
		b.rep.ratio(Figure{Phase: PhaseIngest, Name: "ingest.ratio", Label: "ratio product ÷ baseline", Target: "≥ 0.50", Method: "per run, then median and spread"}, prod.rate, base)
		b.rep.ratio(Figure{Phase: PhaseIngest, Name: "ingest.ratio-sync", Label: "ratio product ÷ synchronous baseline",
			Method: "per run, then median and spread: what serve costs beyond waiting for durability"}, prod.rate, syncRate)
		b.rep.record(Figure{Phase: PhaseIngest, Name: "ingest.product-p50", Label: "product: POST latency p50", Unit: "ms",
			Method: "request sent → 201 read, over every POST of the run"}, prod.p50)
		b.rep.record(Figure{Phase: PhaseIngest, Name: "ingest.product-p99", Label: "product: POST latency p99", Unit: "ms",
			Method: "as above, 99th percentile"}, prod.p99)
		b.rep.check(fmt.Sprintf("ingest.all-created.run%d", run), prod.created > 0 && prod.lastSeq >= uint64(prod.created),
			"%d POSTs answered 201; the log's last seq is %d", prod.created, prod.lastSeq)
		b.progress("ingest run %d/%d: baseline %s events/s, product %s events/s", run, b.cfg.Runs, thousands(int64(base)), thousands(int64(prod.rate)))
	}
	return nil
}

// rawLog is a log server of its own for a baseline, in a scratch
// directory named for it.
func (b *bench) rawLog(ctx context.Context, name string) (*logServer, error) {
	dir, err := b.dir(name)
	if err != nil {
		return nil, err
	}
	return startLogServer(ctx, dir, true)
}

// ingestBaseline publishes the clients' bodies as fast as the server acks
// them, for the phase's duration.
func (b *bench) ingestBaseline(ctx context.Context, f *fleet, tmpls [][][]byte) (float64, error) {
	l, err := b.rawLog(ctx, "ingest-raw")
	if err != nil {
		return 0, err
	}
	defer l.close()
	subjects := make([]string, len(f.units))
	for i, u := range f.units {
		subjects[i] = events.UnitSubject(u.season.id, u.state.id)
	}
	var n int
	var ackErr error
	start := time.Now()
	deadline := start.Add(b.cfg.Duration)
	i := 0
	perr := l.raw.PublishAsync(func() (string, []byte, bool, error) {
		if !time.Now().Before(deadline) {
			return "", nil, false, nil
		}
		c := i % len(subjects)
		body := withID(tmpls[c][(i/len(subjects))%len(tmpls[c])], f.units[c].state.id+"-"+strconv.Itoa(i))
		i++
		return subjects[c], body, true, nil
	}, func(_ int, _ uint64, err error) {
		if err == nil {
			n++
		} else if ackErr == nil {
			ackErr = err
		}
	})
	end := time.Now() // PublishAsync returns after the last ack
	if perr != nil {
		return 0, perr
	}
	if ackErr != nil {
		return 0, ackErr
	}
	return float64(n) / end.Sub(start).Seconds(), nil
}

// ingestSyncBaseline has one publisher per client publish its unit's
// bodies one at a time, each waiting for its ack, for the phase's
// duration: the bound of clients that each wait for durability.
func (b *bench) ingestSyncBaseline(ctx context.Context, f *fleet, tmpls [][][]byte) (float64, error) {
	l, err := b.rawLog(ctx, "ingest-raw-sync")
	if err != nil {
		return 0, err
	}
	defer l.close()
	counts := make([]int, len(f.units))
	errs := make([]error, len(f.units))
	start := time.Now()
	deadline := start.Add(b.cfg.Duration)
	var wg sync.WaitGroup
	for c, u := range f.units {
		wg.Add(1)
		go func() {
			defer wg.Done()
			subject := events.UnitSubject(u.season.id, u.state.id)
			for i := 0; time.Now().Before(deadline); i++ {
				body := withID(tmpls[c][i%len(tmpls[c])], u.state.id+"-sync-"+strconv.Itoa(i))
				if _, err := l.raw.Publish(ctx, subject, body); err != nil {
					errs[c] = err
					return
				}
				counts[c]++
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	n := 0
	for _, c := range counts {
		n += c
	}
	return float64(n) / took.Seconds(), nil
}

type ingestResult struct {
	rate, p50, p99 float64
	created        int
	lastSeq        uint64
}

// ingestProduct has every client POST its unit's facts for the phase's
// duration, each waiting for its reply before the next.
func (b *bench) ingestProduct(ctx context.Context, f *fleet, tmpls [][][]byte, run int) (ingestResult, error) {
	dir, err := b.dir("ingest-serve")
	if err != nil {
		return ingestResult{}, err
	}
	a, s, err := b.startServe(ctx, dir)
	if err != nil {
		return ingestResult{}, err
	}
	defer s.Stop()
	defer a.client.CloseIdleConnections()
	if err := f.open(ctx, a); err != nil {
		return ingestResult{}, err
	}
	lat := make([][]time.Duration, len(f.units))
	seqs := make([]uint64, len(f.units))
	errs := make([]error, len(f.units))
	var took time.Duration
	perr := b.profile("ingest", run, func() error {
		var wg sync.WaitGroup
		start := time.Now()
		deadline := start.Add(b.cfg.Duration)
		for c, u := range f.units {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; time.Now().Before(deadline); i++ {
					body := withID(tmpls[c][i%len(tmpls[c])], u.state.id+"-"+strconv.Itoa(i))
					t0 := time.Now()
					r, err := a.post(ctx, u.season.id, u.token, body)
					if err != nil {
						errs[c] = err
						return
					}
					lat[c] = append(lat[c], time.Since(t0))
					seqs[c] = max(seqs[c], r.Seq)
				}
			}()
		}
		wg.Wait()
		took = time.Since(start)
		return nil
	})
	if perr != nil {
		return ingestResult{}, perr
	}
	if err := errors.Join(errs...); err != nil {
		return ingestResult{}, err
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	return ingestResult{rate: float64(len(all)) / took.Seconds(), p50: percentile(all, 50), p99: percentile(all, 99),
		created: len(all), lastSeq: slices.Max(seqs)}, nil
}
