package bench

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	mrand "math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/thidua/thidua/events"
)

// api is a client of a running serve.
type api struct {
	url    string
	admin  string
	client *http.Client
}

// newClient is an HTTP client that keeps a connection per concurrent
// client: the default keeps two per host, and the others would pay a TCP
// handshake per request.
func newClient(conns int) *http.Client {
	return &http.Client{Transport: &http.Transport{
		MaxIdleConns: 2 * conns, MaxIdleConnsPerHost: 2 * conns, IdleConnTimeout: time.Minute, DisableCompression: true,
	}}
}

func randomToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return "thidua_admin_bench-" + hex.EncodeToString(b), nil
}

// do sends a request and reads the whole reply.
func (a *api) do(ctx context.Context, method, path, token string, body []byte) (int, []byte, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.url+path, rd)
	if err != nil {
		return 0, nil, err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// waitReady waits until /readyz says the read model has caught up with
// the log, or the server exits.
func (a *api) waitReady(ctx context.Context, exited <-chan error) error {
	// Poll often at first, then less: a long catch-up should not be slowed
	// by its own readiness probe.
	pause := 10 * time.Millisecond
	for {
		st, body, err := a.do(ctx, http.MethodGet, "/readyz", "", nil)
		if err == nil && st == http.StatusOK {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		select {
		case err := <-exited:
			return fmt.Errorf("serve exited before it was ready (%v): %s", err, body)
		case <-time.After(pause):
			pause = min(2*pause, 500*time.Millisecond)
		}
	}
}

// appended is the 201 reply.
// errUnavailable is a 503: the server could not take the write in time.
var errUnavailable = errors.New("503 unavailable")

type appended struct {
	ID  string `json:"id"`
	Seq uint64 `json:"seq"`
}

// post appends one event and wants a 201.
func (a *api) post(ctx context.Context, season, token string, body []byte) (appended, error) {
	st, reply, err := a.do(ctx, http.MethodPost, "/api/v1/seasons/"+season+"/events", token, body)
	if err != nil {
		return appended{}, err
	}
	if st == http.StatusServiceUnavailable {
		return appended{}, fmt.Errorf("POST an event to %s: %w: %s", season, errUnavailable, reply)
	}
	if st != http.StatusCreated {
		return appended{}, fmt.Errorf("POST an event to %s: %d %s", season, st, reply)
	}
	var r appended
	if err := json.Unmarshal(reply, &r); err != nil {
		return appended{}, fmt.Errorf("201 reply %q: %w", reply, err)
	}
	return r, nil
}

func (a *api) issue(ctx context.Context, role, unit string) (string, error) {
	body, _ := json.Marshal(map[string]string{"role": role, "unit": unit})
	st, reply, err := a.do(ctx, http.MethodPost, "/api/v1/tokens", a.admin, body)
	if err != nil {
		return "", err
	}
	if st != http.StatusCreated {
		return "", fmt.Errorf("issue a %s token: %d %s", role, st, reply)
	}
	var r struct {
		Token string `json:"token"`
	}
	if err := json.Unmarshal(reply, &r); err != nil {
		return "", err
	}
	return r.Token, nil
}

// rankingsSeq reads a season's rankings and the seq they reflect.
func (a *api) rankingsSeq(ctx context.Context, season, token string, minSeq uint64) (uint64, error) {
	st, body, err := a.do(ctx, http.MethodGet, fmt.Sprintf("/api/v1/seasons/%s/rankings?view=claimed&min_seq=%d", season, minSeq), token, nil)
	if err != nil {
		return 0, err
	}
	if st != http.StatusOK {
		return 0, fmt.Errorf("GET rankings of %s: %d %s", season, st, body)
	}
	var r struct {
		Seq uint64 `json:"seq"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return 0, err
	}
	return r.Seq, nil
}

// startServe runs serve in this process on a fresh data directory and
// waits until it is ready.
func (b *bench) startServe(ctx context.Context, dataDir string) (*api, *Served, error) {
	admin, err := randomToken()
	if err != nil {
		return nil, nil, err
	}
	s, err := b.env.Serve(ctx, dataDir, admin)
	if err != nil {
		return nil, nil, fmt.Errorf("start serve: %w", err)
	}
	a := &api{url: s.URL, admin: admin, client: newClient(b.cfg.Clients + 16)}
	if err := a.waitReady(ctx, nil); err != nil {
		s.Stop()
		return nil, nil, err
	}
	return a, s, nil
}

// fleet is a set of seasons whose units post through the API, one client
// per unit.
type fleet struct {
	seasons []*seasonGen
	units   []*fleetUnit
}

type fleetUnit struct {
	season *seasonGen
	state  *unitState
	rng    *mrand.Rand
	token  string
}

// newFleet makes n units in seasons of the main load's size (units per
// season), named with prefix.
func newFleet(seed uint64, prefix string, n, perSeason int) *fleet {
	f := &fleet{}
	perSeason = max(perSeason, 1)
	for i := 0; len(f.units) < n; i++ {
		size := min(perSeason, n-len(f.units))
		s := newSeasonGen(seed, 1000+i, fmt.Sprintf("%s-%04d-%d", prefix, i+1, year), len(f.units), size, setupSteps(size)+12)
		f.seasons = append(f.seasons, s)
		for _, u := range s.units {
			f.units = append(f.units, &fleetUnit{season: s, state: u, rng: mrand.New(mrand.NewPCG(seed, uint64(len(f.units))))})
		}
	}
	return f
}

// open opens the fleet's seasons through the API and gives each unit a
// token of its own.
func (f *fleet) open(ctx context.Context, a *api) error {
	for _, s := range f.seasons {
		data, err := json.Marshal(&s.opened)
		if err != nil {
			return err
		}
		body, err := json.Marshal(events.Input{ID: s.id + "-opened", Type: events.TypeSeasonOpened, Data: data})
		if err != nil {
			return err
		}
		if _, err := a.post(ctx, s.id, a.admin, body); err != nil {
			return fmt.Errorf("open %s: %w", s.id, err)
		}
	}
	for _, u := range f.units {
		tok, err := a.issue(ctx, events.RoleUnit, u.state.id)
		if err != nil {
			return err
		}
		u.token = tok
	}
	return nil
}

// templates are a unit's facts encoded without an id; withID makes a
// distinct event of each.
func (u *fleetUnit) templates(n int) ([][]byte, error) {
	out := make([][]byte, n)
	for i := range out {
		b, err := inputBody("", u.state.id, u.state.nextFact(u.rng, float64(i)/float64(n)))
		if err != nil {
			return nil, err
		}
		out[i] = b
	}
	return out, nil
}

// pace calls fn at a steady rate shared by n workers until the deadline
// or the context ends: worker w's i-th call is due at start + (w + i·n)/rate.
// A late call goes at once, so that the rate holds on average.
func pace(ctx context.Context, start, deadline time.Time, w, n, rate int, fn func(i int) error) error {
	interval := time.Duration(float64(n) / float64(rate) * float64(time.Second))
	offset := time.Duration(float64(w) / float64(rate) * float64(time.Second))
	for i := 0; ; i++ {
		due := start.Add(offset + time.Duration(i)*interval)
		if !due.Before(deadline) {
			return nil
		}
		if d := time.Until(due); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return nil
			}
		}
		if ctx.Err() != nil {
			return nil
		}
		if err := fn(i); err != nil {
			return err
		}
	}
}

// frames records when each frame of an SSE stream arrived.
type frames struct {
	mu    sync.Mutex
	seqs  []uint64
	times []time.Time
	first chan struct{}
}

func newFrames() *frames { return &frames{first: make(chan struct{})} }

func (f *frames) add(seq uint64, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.seqs) == 0 {
		close(f.first)
	}
	f.seqs = append(f.seqs, seq)
	f.times = append(f.times, at)
}

// firstCovering is when the first frame with an id of at least seq
// arrived: from then on the page showed a state that includes seq.
func (f *frames) firstCovering(seq uint64) (time.Time, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	i, _ := slices.BinarySearch(f.seqs, seq)
	if i == len(f.seqs) {
		return time.Time{}, false
	}
	return f.times[i], true
}

func (f *frames) last() uint64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.seqs) == 0 {
		return 0
	}
	return f.seqs[len(f.seqs)-1]
}

// readSSE follows a season's live rankings and records each frame's id
// (the read model's checkpoint when it was pushed) and arrival time.
func (a *api) readSSE(ctx context.Context, season, token string, f *frames) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.url+"/api/v1/seasons/"+season+"/rankings/stream?view=claimed", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("live stream of %s: %d %s", season, resp.StatusCode, b)
	}
	br := bufio.NewReaderSize(resp.Body, 1<<16)
	var id uint64
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		switch {
		case strings.HasPrefix(line, "id: "):
			id, _ = strconv.ParseUint(strings.TrimSpace(line[4:]), 10, 64)
		case line == "\n" && id > 0:
			f.add(id, time.Now())
			id = 0
		}
	}
}
