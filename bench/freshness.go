package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/thidua/thidua/events"
)

// freshness measures, per run, at a paced rate: publish → ordered
// consumer receive (baseline) against 201 → the event visible in the
// rankings and on the live stream (product).
//
// Each unit alternately records a citizen dialogue and withdraws it, so
// every event changes its season's claimed ranking: the live stream only
// pushes a frame when the ranking changes, and an event that changed
// nothing would never show there.
func (b *bench) freshness(ctx context.Context) error {
	perSeason := max(b.cfg.Units/b.cfg.Seasons, 1)
	for run := 1; run <= b.cfg.Runs; run++ {
		f := newFleet(b.cfg.Seed, "fresh", b.cfg.Clients, perSeason)
		bodies, err := dialogues(f)
		if err != nil {
			return err
		}
		collect()
		base, err := b.freshnessBaseline(ctx, f, bodies)
		if err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.baseline-p50", Label: "baseline: publish → receive p50", Unit: "ms",
			Method: fmt.Sprintf("%d writers paced at %d events/s in all, synchronous JetStream publish (sync_always, in-process) → an ordered consumer receives it; from the publish call", len(f.units), b.cfg.Rate)}, base.p50)
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.baseline-p99", Label: "baseline: publish → receive p99", Unit: "ms", Method: "as above, 99th percentile"}, base.p99)

		collect()
		prod, err := b.freshnessProduct(ctx, f, bodies, run)
		if err != nil {
			return fmt.Errorf("product: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.rankings-p50", Label: "product: 201 → in rankings p50", Unit: "ms",
			Method: fmt.Sprintf("%d units paced at %d events/s in all, POST through serve; from reading the 201 to the reply of GET rankings?min_seq=<its seq> (served once the read model holds it)", len(f.units), b.cfg.Rate)}, prod.rankP50)
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.rankings-p99", Label: "product: 201 → in rankings p99", Unit: "ms", Target: "≤ 20",
			Method: "as above, 99th percentile"}, prod.rankP99)
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.sse-p50", Label: "product: 201 → on live stream p50", Unit: "ms",
			Method: "from reading the 201 to the first SSE frame (rankings/stream, one per season) whose id ≥ its seq; a frame that came before the 201 counts 0"}, prod.sseP50)
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.sse-p99", Label: "product: 201 → on live stream p99", Unit: "ms", Target: "≤ 20",
			Method: "as above, 99th percentile"}, prod.sseP99)
		b.rep.ratio(Figure{Phase: PhaseFreshness, Name: "freshness.rankings-ratio", Label: "ratio rankings p99 ÷ baseline p99",
			Method: "per run (latencies: above 1 is slower than the broker)"}, prod.rankP99, base.p99)
		b.rep.record(Figure{Phase: PhaseFreshness, Name: "freshness.rate", Label: "product: achieved rate", Unit: "events/s",
			Method: fmt.Sprintf("201s ÷ the phase's duration (asked: %d events/s)", b.cfg.Rate)}, prod.rate)
		b.progress("freshness run %d/%d: baseline p99 %.2f ms, rankings p99 %.2f ms, live stream p99 %.2f ms", run, b.cfg.Runs, base.p99, prod.rankP99, prod.sseP99)
	}
	return nil
}

// dialogueBodies are a unit's alternating events: a citizen dialogue
// (template, id added per event) and its retraction (made per event).
type dialogueBodies struct {
	fact []byte
}

func dialogues(f *fleet) ([]dialogueBodies, error) {
	out := make([]dialogueBodies, len(f.units))
	for i, u := range f.units {
		fct := fact{typ: events.TypeActivityHeld, date: dayOf(200), payload: &events.ActivityHeld{Kind: "citizen_dialogue", Title: activityTitle("citizen_dialogue")}}
		fct.evidence = evidence(u.rng, u.state.id, 0, fct.date)
		b, err := inputBody("", u.state.id, fct)
		if err != nil {
			return nil, err
		}
		out[i].fact = b
	}
	return out, nil
}

// body is a unit's i-th event: even steps hold a dialogue, odd steps
// withdraw the one before.
func (d dialogueBodies) body(unit string, i int) ([]byte, error) {
	id := unit + "-fresh-" + strconv.Itoa(i)
	if i%2 == 0 {
		return withID(d.fact, id), nil
	}
	data, err := json.Marshal(&events.Retraction{Target: unit + "-fresh-" + strconv.Itoa(i-1), Reason: "Nhập nhầm, rút lại"})
	if err != nil {
		return nil, err
	}
	return json.Marshal(events.Input{ID: id, Type: events.TypeFactRetracted, Unit: unit, Data: data})
}

type freshResult struct {
	p50, p99                         float64
	rankP50, rankP99, sseP50, sseP99 float64
	rate                             float64
}

func (b *bench) freshnessBaseline(ctx context.Context, f *fleet, bodies []dialogueBodies) (freshResult, error) {
	dir, err := b.dir("fresh-raw")
	if err != nil {
		return freshResult{}, err
	}
	l, err := startLogServer(ctx, dir, true)
	if err != nil {
		return freshResult{}, err
	}
	defer l.close()
	var mu sync.Mutex
	received := map[uint64]time.Time{}
	stop, err := l.raw.Watch(ctx, events.AllSubjects, func(seq uint64, at time.Time) {
		mu.Lock()
		received[seq] = at
		mu.Unlock()
	})
	if err != nil {
		return freshResult{}, err
	}
	sent := make([]map[uint64]time.Time, len(f.units))
	errs := make([]error, len(f.units))
	var wg sync.WaitGroup
	start := time.Now().Add(20 * time.Millisecond)
	deadline := start.Add(b.cfg.Duration)
	for w, u := range f.units {
		sent[w] = map[uint64]time.Time{}
		subject := events.UnitSubject(u.season.id, u.state.id)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[w] = pace(ctx, start, deadline, w, len(f.units), b.cfg.Rate, func(i int) error {
				body, err := bodies[w].body(u.state.id, i)
				if err != nil {
					return err
				}
				t0 := time.Now()
				seq, err := l.raw.Publish(ctx, subject, body)
				if err != nil {
					return err
				}
				sent[w][seq] = t0
				return nil
			})
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		stop()
		return freshResult{}, err
	}
	var lat []time.Duration
	wait := time.Now().Add(5 * time.Second)
	for _, m := range sent {
		for seq, t0 := range m {
			for {
				mu.Lock()
				at, ok := received[seq]
				mu.Unlock()
				if ok {
					lat = append(lat, at.Sub(t0))
					break
				}
				if time.Now().After(wait) {
					stop()
					return freshResult{}, fmt.Errorf("the ordered consumer never received seq %d", seq)
				}
				time.Sleep(time.Millisecond)
			}
		}
	}
	stop()
	slices.Sort(lat)
	return freshResult{p50: percentile(lat, 50), p99: percentile(lat, 99)}, nil
}

// sample is one event of the product run.
type sample struct {
	season int
	seq    uint64
	t201   time.Time
	rank   time.Duration
}

func (b *bench) freshnessProduct(ctx context.Context, f *fleet, bodies []dialogueBodies, run int) (freshResult, error) {
	dir, err := b.dir("fresh-serve")
	if err != nil {
		return freshResult{}, err
	}
	a, s, err := b.startServe(ctx, dir)
	if err != nil {
		return freshResult{}, err
	}
	defer s.Stop()
	defer a.client.CloseIdleConnections()
	if err := f.open(ctx, a); err != nil {
		return freshResult{}, err
	}
	// One live stream per season, open before the first write.
	sseCtx, stopSSE := context.WithCancel(ctx)
	defer stopSSE()
	streams := make([]*frames, len(f.seasons))
	seasonOf := map[*seasonGen]int{}
	sseErr := make(chan error, len(f.seasons))
	for i, sg := range f.seasons {
		seasonOf[sg] = i
		streams[i] = newFrames()
		go func() { sseErr <- a.readSSE(sseCtx, sg.id, a.admin, streams[i]) }()
	}
	for i := range streams {
		select {
		case <-streams[i].first:
		case err := <-sseErr:
			return freshResult{}, fmt.Errorf("live stream: %w", err)
		case <-time.After(10 * time.Second):
			return freshResult{}, fmt.Errorf("no first frame on the live stream of %s", f.seasons[i].id)
		}
	}
	samples := make([][]sample, len(f.units))
	errs := make([]error, len(f.units))
	var took time.Duration
	perr := b.profile("freshness", run, func() error {
		var wg sync.WaitGroup
		start := time.Now().Add(20 * time.Millisecond)
		deadline := start.Add(b.cfg.Duration)
		for w, u := range f.units {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[w] = pace(ctx, start, deadline, w, len(f.units), b.cfg.Rate, func(i int) error {
					body, err := bodies[w].body(u.state.id, i)
					if err != nil {
						return err
					}
					r, err := a.post(ctx, u.season.id, u.token, body)
					if err != nil {
						return err
					}
					t201 := time.Now()
					seq, err := a.rankingsSeq(ctx, u.season.id, u.token, r.Seq)
					if err != nil {
						return err
					}
					if seq < r.Seq {
						return fmt.Errorf("rankings at seq %d after min_seq=%d", seq, r.Seq)
					}
					samples[w] = append(samples[w], sample{season: seasonOf[u.season], seq: r.Seq, t201: t201, rank: time.Since(t201)})
					return nil
				})
			}()
		}
		wg.Wait()
		took = time.Since(start)
		return nil
	})
	if perr != nil {
		return freshResult{}, perr
	}
	if err := errors.Join(errs...); err != nil {
		return freshResult{}, err
	}
	all := slices.Concat(samples...)
	// Let the live streams catch up with the last writes, then stop them.
	lastOf := make([]uint64, len(f.seasons))
	for _, sm := range all {
		lastOf[sm.season] = max(lastOf[sm.season], sm.seq)
	}
	wait := time.Now().Add(5 * time.Second)
	for i, fr := range streams {
		for fr.last() < lastOf[i] && time.Now().Before(wait) {
			time.Sleep(5 * time.Millisecond)
		}
	}
	stopSSE()
	var rank, sse []time.Duration
	missing := 0
	for _, sm := range all {
		rank = append(rank, sm.rank)
		at, ok := streams[sm.season].firstCovering(sm.seq)
		if !ok {
			missing++
			continue
		}
		sse = append(sse, max(at.Sub(sm.t201), 0))
	}
	b.rep.check(fmt.Sprintf("freshness.all-on-live-stream.run%d", run), missing == 0 && len(all) > 0,
		"%d of %d events reached the live stream (5 s allowed after the last write)", len(all)-missing, len(all))
	slices.Sort(rank)
	slices.Sort(sse)
	return freshResult{rankP50: percentile(rank, 50), rankP99: percentile(rank, 99), sseP50: percentile(sse, 50), sseP99: percentile(sse, 99),
		rate: float64(len(all)) / took.Seconds()}, nil
}
