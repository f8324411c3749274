package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore"
)

// rankWriters is how many units of the large season the background
// writer posts for, each with its own token.
const rankWriters = 16

// rankings measures, per run, GET rankings of a large season by many
// clients while a paced writer appends to it (product) against a bare
// net/http handler serving the same bytes to as many clients (baseline).
func (b *bench) rankings(ctx context.Context) error {
	for run := 1; run <= b.cfg.Runs; run++ {
		collect()
		prod, body, err := b.rankingsProduct(ctx, run)
		if err != nil {
			return fmt.Errorf("product: %w", err)
		}
		collect()
		base, err := b.rankingsBaseline(ctx, body)
		if err != nil {
			return fmt.Errorf("baseline: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.baseline-rps", Label: "baseline: bare handler", Unit: "req/s",
			Method: fmt.Sprintf("%d clients, each GET after the last, for %s, against a bare net/http handler on loopback writing the same %s bytes", b.cfg.Clients, b.cfg.Duration, thousands(int64(len(body))))}, base.rps)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.baseline-p50", Label: "baseline: latency p50", Unit: "ms", Method: "request sent → body read"}, base.p50)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.baseline-p99", Label: "baseline: latency p99", Unit: "ms", Method: "as above, 99th percentile"}, base.p99)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.product-rps", Label: "product: GET rankings", Unit: "req/s",
			Method: fmt.Sprintf("%d clients, each GET after the last, for %s: GET /api/v1/seasons/<season of %d units>/rankings?view=claimed (auditor token) on a real serve, while the writer appends", b.cfg.Clients, b.cfg.Duration, b.cfg.RankUnits)}, prod.rps)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.product-p50", Label: "product: latency p50", Unit: "ms", Method: "request sent → body read"}, prod.p50)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.product-p99", Label: "product: latency p99", Unit: "ms", Target: "≤ 5", Method: "as above, 99th percentile"}, prod.p99)
		b.rep.ratio(Figure{Phase: PhaseRankings, Name: "rankings.ratio", Label: "ratio product ÷ baseline (req/s)", Target: "≥ 0.50", Method: "per run, then median and spread"}, prod.rps, base.rps)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.writer-rate", Label: "product: writer's achieved rate", Unit: "events/s",
			Method: fmt.Sprintf("201s ÷ time of the background writer (%d units of the season, paced at %d events/s in all) during the reads", rankWriters, b.cfg.Rate)}, prod.writerRate)
		b.rep.record(Figure{Phase: PhaseRankings, Name: "rankings.writer-refused", Label: "product: writer's POSTs answered 503", Unit: "POSTs",
			Method: "writes the server gave up on (503 unavailable: the read model did not catch up within the write's 10 s bound) during the reads"}, float64(prod.writerRefused))
		b.progress("rankings run %d/%d: baseline %s req/s, product %s req/s (p99 %.2f ms), writer %s events/s, %d refused", run, b.cfg.Runs,
			thousands(int64(base.rps)), thousands(int64(prod.rps)), prod.p99, thousands(int64(prod.writerRate)), prod.writerRefused)
	}
	return nil
}

type readResult struct {
	rps, p50, p99 float64
	writerRate    float64
	writerRefused int // 503s the writer got
}

// bigSeason lays a season of n units on the log of a serve that has not
// started yet: its opening (too large to POST: it names every unit) and
// one fact per unit, chained as the ledger writes them.
func (b *bench) bigSeason(ctx context.Context, dataDir string, sg *seasonGen) error {
	nc, closeLog, err := b.env.OpenLog(dataDir)
	if err != nil {
		return err
	}
	defer closeLog()
	if _, err := natsstore.Open(ctx, nc, natsstore.Config{}); err != nil {
		return err
	}
	raw, err := natsstore.NewRaw(ctx, nc, natsstore.DefaultStream)
	if err != nil {
		return err
	}
	chain := NewChain()
	recorded := yearStart.Add(24 * time.Hour)
	step := 0
	var msgs []Message
	add := func(subject string, ev events.Event) error {
		m, err := chain.Append(subject, ev)
		msgs = append(msgs, m)
		return err
	}
	admin := events.Author{Role: events.RoleAdmin, Token: "admin"}
	ev, err := sg.event(recorded.Format(time.RFC3339Nano), step, events.TypeSeasonOpened, "", "", &sg.opened, nil, admin)
	if err != nil {
		return err
	}
	if err := add(events.CommitteeSubject(sg.id), ev); err != nil {
		return err
	}
	for i, u := range sg.units {
		step++
		f := u.nextFact(sg.rng, float64(i)/float64(len(sg.units)))
		at := recorded.Add(time.Duration(step) * time.Second).Format(time.RFC3339Nano)
		ev, err := sg.event(at, step, f.typ, u.id, f.date, f.payload, f.evidence, sg.unitAuthor(u))
		if err != nil {
			return err
		}
		if err := add(events.UnitSubject(sg.id, u.id), ev); err != nil {
			return err
		}
	}
	i := 0
	_, err = publishAll(ctx, raw, func() (Message, bool, error) {
		if i == len(msgs) {
			return Message{}, false, nil
		}
		i++
		return msgs[i-1], true, nil
	})
	return err
}

func (b *bench) rankingsProduct(ctx context.Context, run int) (readResult, []byte, error) {
	dir, err := b.dir("rankings-serve")
	if err != nil {
		return readResult{}, nil, err
	}
	sg := newSeasonGen(b.cfg.Seed, 9999, fmt.Sprintf("rank-%d", year), 0, b.cfg.RankUnits, setupSteps(b.cfg.RankUnits)+12)
	if err := b.bigSeason(ctx, dir, sg); err != nil {
		return readResult{}, nil, fmt.Errorf("lay the season: %w", err)
	}
	a, s, err := b.startServe(ctx, dir)
	if err != nil {
		return readResult{}, nil, err
	}
	defer s.Stop()
	defer a.client.CloseIdleConnections()
	auditor, err := a.issue(ctx, events.RoleAuditor, "")
	if err != nil {
		return readResult{}, nil, err
	}
	path := "/api/v1/seasons/" + sg.id + "/rankings?view=claimed"
	st, body, err := a.do(ctx, http.MethodGet, path, auditor, nil)
	if err != nil {
		return readResult{}, nil, err
	}
	var reply struct {
		Units []json.RawMessage `json:"units"`
	}
	if st != http.StatusOK || json.Unmarshal(body, &reply) != nil {
		return readResult{}, nil, fmt.Errorf("GET rankings: %d %.200s", st, body)
	}
	b.rep.check(fmt.Sprintf("rankings.season-size.run%d", run), len(reply.Units) == b.cfg.RankUnits,
		"the rankings list %d units (%s bytes); the season has %d", len(reply.Units), thousands(int64(len(body))), b.cfg.RankUnits)

	// The background writer: a few units of the season, paced.
	writers := sg.units[:min(rankWriters, len(sg.units))]
	tokens := make([]string, len(writers))
	for i, u := range writers {
		if tokens[i], err = a.issue(ctx, events.RoleUnit, u.id); err != nil {
			return readResult{}, nil, err
		}
	}
	wctx, stopWriter := context.WithCancel(ctx)
	defer stopWriter()
	var written sync.WaitGroup
	wrote := make([]int, len(writers))
	refused := make([]int, len(writers))
	werrs := make([]error, len(writers))
	wstart := time.Now()
	for w, u := range writers {
		rng := newRNG(b.cfg.Seed, uint64(w))
		written.Add(1)
		go func() {
			defer written.Done()
			werrs[w] = pace(wctx, wstart, wstart.Add(24*time.Hour), w, len(writers), b.cfg.Rate, func(i int) error {
				body, err := inputBody(u.id+"-w-"+strconv.Itoa(i), u.id, u.nextFact(rng, 0.5))
				if err != nil {
					return err
				}
				if _, err := a.post(wctx, sg.id, tokens[w], body); err != nil {
					if wctx.Err() != nil {
						return nil // stopped while waiting for the reply
					}
					if errors.Is(err, errUnavailable) {
						refused[w]++ // the product's answer under this load: counted, not fatal
						return nil
					}
					return err
				}
				wrote[w]++
				return nil
			})
		}()
	}
	var prod readResult
	err = b.profile("rankings", run, func() error {
		var err error
		prod, err = readLoad(ctx, a.client, a.url+path, auditor, b.cfg.Clients, b.cfg.Duration)
		return err
	})
	stopWriter()
	written.Wait()
	wtook := time.Since(wstart)
	if err != nil {
		return readResult{}, nil, err
	}
	if err := errors.Join(werrs...); err != nil {
		return readResult{}, nil, fmt.Errorf("writer: %w", err)
	}
	total := 0
	for _, n := range wrote {
		total += n
	}
	prod.writerRate = float64(total) / wtook.Seconds()
	for _, n := range refused {
		prod.writerRefused += n
	}
	return prod, body, nil
}

// rankingsBaseline serves body from a bare handler on loopback to as many
// clients.
func (b *bench) rankingsBaseline(ctx context.Context, body []byte) (readResult, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return readResult{}, err
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		w.Write(body)
	}), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	client := newClient(b.cfg.Clients)
	defer client.CloseIdleConnections()
	return readLoad(ctx, client, "http://"+ln.Addr().String()+"/api/v1/seasons/x/rankings", "", b.cfg.Clients, b.cfg.Duration)
}

// readLoad has clients GET url back to back for d and returns the
// throughput and latency percentiles.
func readLoad(ctx context.Context, client *http.Client, url, token string, clients int, d time.Duration) (readResult, error) {
	lat := make([][]time.Duration, clients)
	errs := make([]error, clients)
	var wg sync.WaitGroup
	start := time.Now()
	deadline := start.Add(d)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
				if err != nil {
					errs[c] = err
					return
				}
				if token != "" {
					req.Header.Set("Authorization", "Bearer "+token)
				}
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					errs[c] = err
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil {
					errs[c] = err
					return
				}
				if resp.StatusCode != http.StatusOK {
					errs[c] = fmt.Errorf("GET %s: %s", url, resp.Status)
					return
				}
				lat[c] = append(lat[c], time.Since(t0))
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	if err := errors.Join(errs...); err != nil {
		return readResult{}, err
	}
	all := slices.Concat(lat...)
	slices.Sort(all)
	return readResult{rps: float64(len(all)) / took.Seconds(), p50: percentile(all, 50), p99: percentile(all, 99)}, nil
}
