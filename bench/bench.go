// Package bench is thidua's benchmark harness (issue 5). In one run on one
// machine it measures raw baselines and the product's own paths side by
// side, and reports each product figure as a ratio of its baseline:
//
//   - replay: a fresh read model catching up over a generated national
//     load, against an ordered consumer reading the same stream; and the
//     audit of one season, against reading that season's subjects;
//   - ingest: POSTs through the HTTP API of a real serve, against async
//     JetStream publishes under the same sync policy;
//   - freshness: from a 201 to the event visible in the rankings and on
//     the live stream, against publish → ordered-consumer receive;
//   - rankings: GET rankings of a large season while events arrive,
//     against a bare net/http handler serving the same bytes;
//   - memory: peak RSS of serve holding the load and of replays of
//     different sizes.
//
// Every figure is repeated Config.Runs times and reported with its median
// and spread. Correctness checks ride along, so that a fast figure cannot
// come from work not done.
package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/seal"
)

// Phases, in the order they run.
const (
	PhaseReplay    = "replay"
	PhaseMemory    = "memory"
	PhaseIngest    = "ingest"
	PhaseFreshness = "freshness"
	PhaseRankings  = "rankings"
)

// Phases lists every phase.
func Phases() []string {
	return []string{PhaseReplay, PhaseMemory, PhaseIngest, PhaseFreshness, PhaseRankings}
}

// Config sizes a bench run.
type Config struct {
	Only      []string      `json:"only"` // phases to run; empty runs all
	Runs      int           `json:"runs"`
	Events    int           `json:"events"`
	Units     int           `json:"units"`
	Seasons   int           `json:"seasons"`
	Seed      uint64        `json:"seed"`
	Duration  time.Duration `json:"duration_ns"` // of each timed ingest, freshness and rankings measurement
	Rate      int           `json:"rate"`        // events/s of the paced writers (freshness, rankings)
	Clients   int           `json:"clients"`     // concurrent HTTP clients (ingest, rankings)
	RankUnits int           `json:"rank_units"`  // units of the rankings season
	// CPUProfileDir, if set, receives a CPU profile of each product
	// measurement: <phase>-run<N>.pprof, and a heap profile of each
	// replay child at its end: <figure>-run<N>.heap.pprof.
	CPUProfileDir string `json:"cpu_profile_dir,omitempty"`
	// Dir is where the scratch directory is made ("" for the system's
	// temporary directory); the scratch directory is removed at the end.
	Dir string `json:"dir,omitempty"`
	// Progress receives a line per step, so a long run shows it is alive.
	Progress io.Writer `json:"-"`
}

// DefaultConfig is issue 5's national scale.
func DefaultConfig() Config {
	return Config{Runs: 3, Events: 1_000_000, Units: 3300, Seasons: 400, Seed: 1, Duration: 10 * time.Second, Rate: 1000, Clients: 64, RankUnits: 10_000}
}

// Served is a running thidua serve.
type Served struct {
	URL  string       // base URL, e.g. http://127.0.0.1:41234
	Stop func() error // stops it and returns how it ended
}

// Env is what the bench needs of the command that runs it
// (cmd/thidua-bench), which says how serve is started: through package
// server, as thidua serve runs, so the bench drives the product exactly as
// it runs.
type Env struct {
	// Serve runs serve in this process on dataDir, with its
	// embedded NATS and the product's sync policy, and returns once it
	// listens.
	Serve func(ctx context.Context, dataDir, adminToken string) (*Served, error)
	// OpenLog connects to the embedded NATS that Serve would use in
	// dataDir, while no serve runs there, to lay down a log before it
	// starts.
	OpenLog func(dataDir string) (*natsstore.Conn, func(), error)
	// ServeProcess is serve as a child process against an external
	// NATS, listening on httpAddr.
	ServeProcess func(ctx context.Context, natsURL, dataDir, httpAddr, adminToken string) *exec.Cmd
	// ReplayProcess is a child process that replays the whole log at
	// natsURL into a fresh read model at dbPath and prints a ChildResult
	// as JSON; with heapPath set it writes its heap profile there at the end.
	ReplayProcess func(ctx context.Context, natsURL, dbPath, heapPath string) *exec.Cmd
}

// bench is one run of Run.
type bench struct {
	cfg  Config
	env  Env
	root string
	rep  *Report
	log  io.Writer
	// replayed is the read model's rankings after the last replay, for the
	// checks against the audit and against a serve holding the same log.
	replayed map[string][]byte
	// key verifies the checkpoints signed on the main log.
	key *seal.Verifier
}

// Run measures the selected phases and prints the table to out.
func Run(ctx context.Context, cfg Config, env Env, command string, out io.Writer) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	if cfg.Dir != "" {
		if err := os.MkdirAll(cfg.Dir, 0o750); err != nil {
			return nil, fmt.Errorf("bench: scratch directory: %w", err)
		}
	}
	root, err := os.MkdirTemp(cfg.Dir, "thidua-bench-")
	if err != nil {
		return nil, fmt.Errorf("bench: scratch directory: %w", err)
	}
	defer os.RemoveAll(root)
	if cfg.CPUProfileDir != "" {
		if err := os.MkdirAll(cfg.CPUProfileDir, 0o750); err != nil {
			return nil, fmt.Errorf("bench: profile directory: %w", err)
		}
	}
	b := &bench{cfg: cfg, env: env, root: root, log: cfg.Progress,
		rep: &Report{Started: time.Now().UTC(), Machine: machine(), Config: cfg, Command: command, Loads: []string{}, Figures: []*Figure{}, Checks: []Check{}}}
	b.header(out)
	err = b.phases(ctx)
	b.rep.WriteText(out)
	if err != nil {
		return b.rep, err
	}
	if failed := b.rep.Failed(); len(failed) > 0 {
		return b.rep, fmt.Errorf("bench: %d check(s) failed; the first: %s: %s", len(failed), failed[0].Name, failed[0].Detail)
	}
	return b.rep, nil
}

func (b *bench) phases(ctx context.Context) error {
	if b.want(PhaseReplay) || b.want(PhaseMemory) {
		l, err := b.mainLog(ctx)
		if err != nil {
			return err
		}
		defer l.close()
		if b.want(PhaseReplay) {
			if err := b.replay(ctx, l); err != nil {
				return fmt.Errorf("replay: %w", err)
			}
		}
		if b.want(PhaseMemory) {
			if err := b.memory(ctx, l); err != nil {
				return fmt.Errorf("memory: %w", err)
			}
		}
		l.close()
	}
	if b.want(PhaseIngest) {
		if err := b.ingest(ctx); err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	if b.want(PhaseFreshness) {
		if err := b.freshness(ctx); err != nil {
			return fmt.Errorf("freshness: %w", err)
		}
	}
	if b.want(PhaseRankings) {
		if err := b.rankings(ctx); err != nil {
			return fmt.Errorf("rankings: %w", err)
		}
	}
	return nil
}

// Validate checks a configuration before any work.
func (c Config) Validate() error {
	for _, p := range c.Only {
		if !slices.Contains(Phases(), p) {
			return fmt.Errorf("bench: unknown phase %q (phases: %s)", p, strings.Join(Phases(), ","))
		}
	}
	switch {
	case c.Runs < 1:
		return errors.New("bench: --runs must be at least 1")
	case c.Duration <= 0:
		return errors.New("bench: --duration must be positive")
	case c.Rate < 1:
		return errors.New("bench: --rate must be at least 1")
	case c.Clients < 1:
		return errors.New("bench: --clients must be at least 1")
	case c.RankUnits < 1:
		return errors.New("bench: --rank-units must be at least 1")
	}
	specs := []LoadSpec{c.spec()}
	if len(c.Only) == 0 || slices.Contains(c.Only, PhaseMemory) {
		// The memory phase also replays half the events and half the units.
		specs = append(specs, LoadSpec{Units: c.Units, Seasons: c.Seasons, Events: c.Events / 2}, LoadSpec{Units: c.Units / 2, Seasons: c.Seasons, Events: c.Events})
	}
	for _, s := range specs {
		if _, err := NewGenerator(s); err != nil {
			return err
		}
	}
	return nil
}

func (c Config) spec() LoadSpec {
	return LoadSpec{Units: c.Units, Seasons: c.Seasons, Events: c.Events, Seed: c.Seed}
}

func (b *bench) want(phase string) bool {
	return len(b.cfg.Only) == 0 || slices.Contains(b.cfg.Only, phase)
}

func (b *bench) progress(format string, args ...any) {
	fmt.Fprintf(b.log, "bench %s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

func (b *bench) header(out io.Writer) {
	m := b.rep.Machine
	fmt.Fprintf(out, "thidua-bench — %s\n", b.rep.Started.Format(time.RFC3339))
	fmt.Fprintf(out, "machine: %s, %d cores, GOMAXPROCS %d, %s, %s, memory %s\n", m.CPU, m.Cores, m.GOMAXPROCS, m.GoVersion, m.OS, m.MemTotal)
	c := b.cfg
	fmt.Fprintf(out, "load: %d events, %d units in %d seasons (seed %d); %d run(s); timed phases %s each, paced writers at %d events/s, %d clients, rankings season of %d units\n",
		c.Events, c.Units, c.Seasons, c.Seed, c.Runs, c.Duration, c.Rate, c.Clients, c.RankUnits)
	fmt.Fprintf(out, "command: %s\n", b.rep.Command)
}

// profile runs fn under a CPU profile when profiles are asked for.
func (b *bench) profile(phase string, run int, fn func() error) error {
	if b.cfg.CPUProfileDir == "" {
		return fn()
	}
	path := filepath.Join(b.cfg.CPUProfileDir, fmt.Sprintf("%s-run%d.pprof", phase, run))
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	err = fn()
	pprof.StopCPUProfile()
	if cerr := f.Close(); cerr != nil && err == nil {
		err = fmt.Errorf("cpu profile: %w", cerr)
	}
	return err
}

// collect collects garbage before a measurement, so that one measurement
// does not pay for the last one's heap.
func collect() { runtime.GC() }

// dir makes a fresh directory under the scratch root.
func (b *bench) dir(name string) (string, error) {
	d := filepath.Join(b.root, name)
	if err := os.RemoveAll(d); err != nil {
		return "", err
	}
	if err := os.MkdirAll(d, 0o750); err != nil {
		return "", fmt.Errorf("scratch %s: %w", name, err)
	}
	return d, nil
}
