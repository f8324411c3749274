package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/thidua/thidua/events/natsstore"
)

// ChildResult is what the replay child reports.
type ChildResult struct {
	LastSeq    uint64  `json:"last_seq"`
	Checkpoint uint64  `json:"checkpoint"`
	Seconds    float64 `json:"seconds"`
	PeakRSSKiB int64   `json:"peak_rss_kib"` // VmHWM
}

// ChildReplay is the replay child: it replays the whole log at natsURL
// into a fresh read model at dbPath, exactly as the in-process replay
// does, and prints a ChildResult with its own peak RSS. Running it in its
// own process makes the RSS the replay's alone.
//
// heapPath, if set, receives a heap profile taken at the end, while the
// caught-up read model is still held: what the fold keeps.
func ChildReplay(ctx context.Context, natsURL, dbPath, heapPath string, out io.Writer) error {
	nc, err := natsstore.Dial(natsstore.DialConfig{URLs: natsURL, Name: "thidua-bench-replay"})
	if err != nil {
		return err
	}
	defer nc.Close()
	store, err := natsstore.Open(ctx, nc, natsstore.Config{})
	if err != nil {
		return err
	}
	last, err := store.LastSeq(ctx)
	if err != nil {
		return err
	}
	start := time.Now()
	r, err := startProjector(ctx, dbPath, store)
	if err != nil {
		return err
	}
	if err := r.waitFor(ctx, last); err != nil {
		r.stop()
		return err
	}
	res := ChildResult{LastSeq: last, Checkpoint: r.proj.Checkpoint(), Seconds: time.Since(start).Seconds()}
	if heapPath != "" {
		if err := writeHeapProfile(heapPath); err != nil {
			r.stop()
			return err
		}
	}
	if err := r.stop(); err != nil {
		return err
	}
	st, err := procStatus("self")
	if err != nil {
		return err
	}
	res.PeakRSSKiB = st.hwm
	return json.NewEncoder(out).Encode(res)
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	runtime.GC() // the profile shows what is live, not what awaits collection
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}

type status struct{ hwm, rss int64 } // KiB

// procStatus reads VmHWM (peak resident set) and VmRSS of a process.
func procStatus(pid string) (status, error) {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return status{}, fmt.Errorf("read the process status (Linux only): %w", err)
	}
	var st status
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		switch k {
		case "VmHWM":
			st.hwm = n
		case "VmRSS":
			st.rss = n
		}
	}
	if st.hwm == 0 {
		return status{}, fmt.Errorf("no VmHWM in /proc/%s/status", pid)
	}
	return st, nil
}

func mib(kib int64) float64 { return float64(kib) / 1024 }

// memory measures peak RSS: of a serve child holding the main log once
// caught up, and of the replay child over logs of two sizes in events
// (same units) and two sizes in units (same events).
func (b *bench) memory(ctx context.Context, l *logServer) error {
	for run := 1; run <= b.cfg.Runs; run++ {
		rss, err := b.serveChild(ctx, l, run)
		if err != nil {
			return fmt.Errorf("serve child: %w", err)
		}
		b.rep.record(Figure{Phase: PhaseMemory, Name: "memory.serve", Label: "serve holding the log", Unit: "MiB", Target: "≤ 256",
			Method: fmt.Sprintf("VmHWM of a serve child process (`thidua-bench child-serve --nats-url`: thidua serve's start-up and defaults) over the main log (%d messages), read once /readyz says it has caught up", l.last)}, rss)
		b.progress("memory run %d/%d: serve %.1f MiB", run, b.cfg.Runs, rss)
	}
	c := b.cfg
	points := []struct {
		name, label string
		spec        LoadSpec
	}{
		{"memory.replay", "replay", c.spec()},
		{"memory.replay-half-events", "replay, half the events", LoadSpec{Units: c.Units, Seasons: c.Seasons, Events: c.Events / 2, Seed: c.Seed}},
		{"memory.replay-half-units", "replay, half the units", LoadSpec{Units: c.Units / 2, Seasons: c.Seasons, Events: c.Events, Seed: c.Seed}},
	}
	peaks := map[string][]float64{}
	for i, p := range points {
		log := l
		if i > 0 {
			dir, err := b.dir("memory-log")
			if err != nil {
				return err
			}
			if log, err = startLogServer(ctx, dir, false); err != nil {
				return err
			}
			b.progress("loading %d events, %d units in %d seasons for the %s", p.spec.Events, p.spec.Units, p.spec.Seasons, p.label)
			if err := log.load(ctx, p.spec); err != nil {
				log.close()
				return err
			}
			b.rep.Loads = append(b.rep.Loads, fmt.Sprintf("%s: %d messages, %d units in %d seasons (generated year only)", p.label, log.last, p.spec.Units, p.spec.Seasons))
		}
		for run := 1; run <= c.Runs; run++ {
			// A serve child's notary may have signed checkpoints onto the
			// log since it was loaded: the child must reach today's end.
			want, err := log.store.LastSeq(ctx)
			if err != nil {
				if i > 0 {
					log.close()
				}
				return err
			}
			res, err := b.replayChild(ctx, log, p.name, run)
			if err != nil {
				if i > 0 {
					log.close()
				}
				return fmt.Errorf("replay child (%s): %w", p.label, err)
			}
			v := mib(res.PeakRSSKiB)
			peaks[p.name] = append(peaks[p.name], v)
			b.rep.record(Figure{Phase: PhaseMemory, Name: p.name, Label: p.label, Unit: "MiB",
				Method: fmt.Sprintf("VmHWM of the replay child (`thidua-bench child-replay`: a fresh read model over the whole log, %d messages, %d units) at the end", log.last, p.spec.Units)}, v)
			b.rep.check(fmt.Sprintf("%s.checkpoint.run%d", p.name, run), res.Checkpoint == want, "replay child checkpoint %d, stream last seq %d", res.Checkpoint, want)
			b.progress("memory run %d/%d: %s %.1f MiB (%.1f s)", run, c.Runs, p.label, v, res.Seconds)
		}
		if i > 0 {
			log.close()
		}
	}
	for run := range c.Runs {
		full := peaks["memory.replay"][run]
		b.rep.ratio(Figure{Phase: PhaseMemory, Name: "memory.events-growth", Label: "replay growth with events", Target: "≈ 1 (flat)",
			Method: "replay RSS at all events ÷ at half the events, same units: 1 = flat, 2 = proportional to events"}, full, peaks["memory.replay-half-events"][run])
		b.rep.ratio(Figure{Phase: PhaseMemory, Name: "memory.units-growth", Label: "replay growth with units",
			Method: "replay RSS at all units ÷ at half the units, same events: 2 = proportional to units"}, full, peaks["memory.replay-half-units"][run])
	}
	return nil
}

// replayChild runs the replay child over a log.
// With CPU profiles asked for, it also writes the child's heap profile,
// named for the figure (name) and the run.
func (b *bench) replayChild(ctx context.Context, l *logServer, name string, run int) (ChildResult, error) {
	dir, err := b.dir("replay-child")
	if err != nil {
		return ChildResult{}, err
	}
	defer os.RemoveAll(dir)
	heap := ""
	if b.cfg.CPUProfileDir != "" {
		heap = filepath.Join(b.cfg.CPUProfileDir, fmt.Sprintf("%s-run%d.heap.pprof", name, run))
	}
	cmd := b.env.ReplayProcess(ctx, l.url, dbPath(dir, "read"), heap)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return ChildResult{}, fmt.Errorf("%w: %s", err, tail(stderr.String()))
	}
	var res ChildResult
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return ChildResult{}, fmt.Errorf("replay child printed %q: %w", tail(stdout.String()), err)
	}
	return res, nil
}

// serveChild starts serve as a child process over the main log,
// waits until it has caught up, reads its peak RSS and checks that it
// serves the rankings the replay rebuilt.
func (b *bench) serveChild(ctx context.Context, l *logServer, run int) (float64, error) {
	dir, err := b.dir("serve-child")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	admin, err := randomToken()
	if err != nil {
		return 0, err
	}
	cmd := b.env.ServeProcess(ctx, l.url, dir, "127.0.0.1:0", admin)
	logs := newServeLog()
	cmd.Stdout, cmd.Stderr = io.Discard, logs
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}
	defer stop()
	var url string
	select {
	case url = <-logs.url:
	case err := <-exited:
		stopped = true
		return 0, fmt.Errorf("serve exited before listening: %v: %s", err, logs.tail())
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	a := &api{url: url, admin: admin, client: newClient(4)}
	defer a.client.CloseIdleConnections()
	if err := a.waitReady(ctx, exited); err != nil {
		stopped = true
		return 0, fmt.Errorf("%w: %s", err, logs.tail())
	}
	st, err := procStatus(strconv.Itoa(cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	if b.replayed != nil {
		same, detail, err := b.servedRankings(ctx, a)
		if err != nil {
			return 0, err
		}
		b.rep.check(fmt.Sprintf("memory.served-rankings-equal-replay.run%d", run), same, "%s", detail)
	}
	return mib(st.hwm), nil
}

// servedRankings compares every season's rankings as served with those the
// replay rebuilt.
func (b *bench) servedRankings(ctx context.Context, a *api) (bool, string, error) {
	for key, want := range b.replayed {
		season, view, _ := strings.Cut(key, " ")
		st, body, err := a.do(ctx, http.MethodGet, "/api/v1/seasons/"+season+"/rankings?view="+view, a.admin, nil)
		if err != nil {
			return false, "", err
		}
		if st != http.StatusOK {
			return false, fmt.Sprintf("GET rankings of %s: %d %s", key, st, body), nil
		}
		var r struct {
			Units json.RawMessage `json:"units"`
		}
		if err := json.Unmarshal(body, &r); err != nil {
			return false, "", fmt.Errorf("rankings of %s: %w", key, err)
		}
		if !bytes.Equal(r.Units, want) {
			return false, fmt.Sprintf("rankings of %s differ between serve and the replay", key), nil
		}
	}
	return true, fmt.Sprintf("all %d season views served byte for byte as the replay rebuilt them", len(b.replayed)), nil
}

// serveLog reads serve's JSON log: it finds the line that says where it
// listens and keeps the last lines for error messages.
type serveLog struct {
	mu    sync.Mutex
	buf   []byte
	lines []string
	url   chan string
	found bool
}

func newServeLog() *serveLog { return &serveLog{url: make(chan string, 1)} }

func (s *serveLog) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf = append(s.buf, p...)
	for {
		i := bytes.IndexByte(s.buf, '\n')
		if i < 0 {
			break
		}
		line := string(s.buf[:i])
		s.buf = s.buf[i+1:]
		s.lines = append(s.lines, line)
		if len(s.lines) > 20 {
			s.lines = s.lines[1:]
		}
		var rec struct {
			Msg  string `json:"msg"`
			HTTP string `json:"http"`
		}
		if !s.found && json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "serving" && rec.HTTP != "" {
			s.found = true
			s.url <- rec.HTTP
		}
	}
	return len(p), nil
}

func (s *serveLog) tail() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.lines, "\n")
}

// ServeLog returns a writer for serve's log and a channel that receives the
// base URL serve listens on once it says so.
func ServeLog() (io.Writer, <-chan string, func() string) {
	s := newServeLog()
	return s, s.url, s.tail
}

func tail(s string) string {
	sc := bufio.NewScanner(strings.NewReader(s))
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > 10 {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}
