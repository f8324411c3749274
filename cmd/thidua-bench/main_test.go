package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/bench"
	"github.com/thidua/thidua/internal/cli"
)

// asThiduaBench makes this test binary act as the thidua-bench command, so
// that the bench's child processes (os.Executable in the child modes) run
// the code under test, race detector included, without a separate build.
const asThiduaBench = "GO_TEST_AS_THIDUA_BENCH"

func TestMain(m *testing.M) {
	if os.Getenv(asThiduaBench) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// syncBuffer is written by the bench's goroutines and read by the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestBenchSmoke runs thidua-bench whole at a tiny size, so that CI keeps
// it compiling and working. It asserts what the figures rest on, never a
// timing: every figure is there and positive, the replayed read model
// reached the stream's last seq, the audit verifies the generated log (chain,
// tree, signatures) and replays the same rankings, serve serves the rankings
// the replay rebuilt, and the scratch directory is gone afterwards.
func TestBenchSmoke(t *testing.T) {
	t.Setenv(asThiduaBench, "1") // for the children only: this process is past TestMain
	// A race-enabled child would wait a second at exit (ThreadSanitizer's
	// default); the bench starts four.
	t.Setenv("GORACE", strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	dir := t.TempDir()
	scratch := filepath.Join(dir, "scratch")
	profiles := filepath.Join(dir, "profiles")
	report := filepath.Join(dir, "bench.json")
	args := []string{"thidua-bench", "--runs", "1", "--events", "1500", "--units", "12", "--seasons", "3",
		"--duration", "200ms", "--rank-units", "50", "--clients", "8", "--rate", "200",
		"--dir", scratch, "--cpuprofile", profiles, "--json", report}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stdout, stderr syncBuffer
	err := run(ctx, args, noEnv, &stdout, &stderr)
	if err != nil {
		t.Fatalf("thidua-bench: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	var rep bench.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}

	// Latencies clamp at 0 when the live stream beats the 201 home, so
	// those may be 0; everything else is a rate, a size or a ratio of two.
	mayBeZero := map[string]bool{"freshness.sse-p50": true, "freshness.sse-p99": true}
	for _, name := range []string{
		"replay.baseline", "replay.product", "replay.ratio", "audit.baseline", "audit.product", "audit.ratio",
		"memory.serve", "memory.replay", "memory.replay-half-events", "memory.replay-half-units", "memory.events-growth", "memory.units-growth",
		"ingest.baseline", "ingest.product", "ingest.ratio", "ingest.product-p50", "ingest.product-p99",
		"freshness.baseline-p50", "freshness.baseline-p99", "freshness.rankings-p50", "freshness.rankings-p99",
		"freshness.sse-p50", "freshness.sse-p99", "freshness.rankings-ratio", "freshness.rate",
		"rankings.baseline-rps", "rankings.baseline-p50", "rankings.baseline-p99",
		"rankings.product-rps", "rankings.product-p50", "rankings.product-p99", "rankings.ratio", "rankings.writer-rate",
	} {
		f := rep.Find(name)
		switch {
		case f == nil:
			t.Errorf("figure %s missing", name)
		case len(f.Values) != 1:
			t.Errorf("figure %s has %d values, want one per run", name, len(f.Values))
		case f.Median < 0 || (f.Median == 0 && !mayBeZero[name]):
			t.Errorf("figure %s = %v", name, f.Median)
		case f.Method == "" || f.Unit == "":
			t.Errorf("figure %s says neither what it timed nor its unit", name)
		}
	}
	checks := map[string]bench.Check{}
	for _, c := range rep.Checks {
		checks[c.Name] = c
		if !c.OK {
			t.Errorf("check %s failed: %s", c.Name, c.Detail)
		}
	}
	for _, name := range []string{
		"replay.checkpoint.run1", "audit.verifies.run1", "audit.rankings-equal-replay.run1",
		"memory.served-rankings-equal-replay.run1", "memory.replay.checkpoint.run1",
		"memory.replay-half-events.checkpoint.run1", "memory.replay-half-units.checkpoint.run1",
		"ingest.all-created.run1", "freshness.all-on-live-stream.run1", "rankings.season-size.run1",
	} {
		if _, ok := checks[name]; !ok {
			t.Errorf("check %s missing", name)
		}
	}
	if want := strings.Join(args, " "); rep.Command != want {
		t.Errorf("the report says it ran %q, want %q", rep.Command, want)
	}
	if rep.Machine.Cores < 1 || rep.Machine.GoVersion == "" {
		t.Errorf("machine not described: %+v", rep.Machine)
	}
	out := stdout.String()
	for _, want := range []string{"machine:", "replay", "ratio product ÷ baseline", "Checks"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	for _, phase := range []string{"replay", "audit", "ingest", "freshness", "rankings"} {
		if st, err := os.Stat(filepath.Join(profiles, phase+"-run1.pprof")); err != nil || st.Size() == 0 {
			t.Errorf("no CPU profile of %s: %v", phase, err)
		}
	}
	if left, _ := os.ReadDir(scratch); len(left) != 0 {
		t.Errorf("the scratch directory was not removed: %v", left)
	}
}

// TestBenchFlags: bad sizes, unknown phases, stray arguments and child
// modes short of their flags are usage errors, before any work; so is an
// environment value that does not parse, naming its variable.
func TestBenchFlags(t *testing.T) {
	for name, c := range map[string]struct {
		args []string
		env  map[string]string
	}{
		"unknown phase":             {args: []string{"--only", "replay,nope"}},
		"no runs":                   {args: []string{"--runs", "0"}},
		"too few events":            {args: []string{"--events", "10"}},
		"fewer units than seasons":  {args: []string{"--units", "2", "--seasons", "3"}},
		"an argument":               {args: []string{"extra"}},
		"the old hidden mode":       {args: []string{"--child", "replay"}},
		"runs from the env":         {env: map[string]string{"THIDUA_RUNS": "abc"}},
		"child-serve without NATS":  {args: []string{childServe, "--data", "d", "--admin-token", "t"}},
		"child-serve argument":      {args: []string{childServe, "--nats-url", "nats://a", "--data", "d", "--admin-token", "t", "extra"}},
		"child-replay without NATS": {args: []string{childReplay, "--db", "read.db"}},
		"child-replay without db":   {args: []string{childReplay, "--nats-url", "nats://a"}},
	} {
		t.Run(name, func(t *testing.T) {
			env := func(k string) string { return c.env[k] }
			err := run(context.Background(), append([]string{"thidua-bench"}, c.args...), env, &syncBuffer{}, &syncBuffer{})
			if _, ok := err.(cli.UsageError); !ok {
				t.Errorf("%v: %v, want a usage error", c.args, err)
			}
			for k := range c.env {
				if err == nil || !strings.Contains(err.Error(), k) {
					t.Errorf("%v does not name %s", err, k)
				}
			}
		})
	}
}

// TestBenchHelp: --help says what the bench does and each flag, in
// Vietnamese and English, and is no failure; so for the child modes.
func TestBenchHelp(t *testing.T) {
	for _, mode := range []string{"", childServe, childReplay} {
		for _, h := range []string{"--help", "-h"} {
			t.Run(mode+" "+h, func(t *testing.T) {
				args := []string{"thidua-bench", h}
				name := "thidua-bench"
				if mode != "" {
					args = []string{"thidua-bench", mode, h}
					name += " " + mode
				}
				var errOut syncBuffer
				if err := run(context.Background(), args, noEnv, &syncBuffer{}, &errOut); err != nil {
					t.Fatalf("%v: %v", args, err)
				}
				help := errOut.String()
				if !strings.HasPrefix(help, name+" — ") || !strings.Contains(help, "Cờ / flags:") {
					t.Fatalf("no usage of %s printed: %q", name, help)
				}
				for _, line := range strings.Split(help, "\n") {
					if strings.HasPrefix(line, "    \t") && !strings.Contains(line, " / ") {
						t.Errorf("%s: a flag described in one language: %q", name, line)
					}
				}
				if mode == "" && !strings.Contains(help, "-cpuprofile") {
					t.Errorf("the bench's help lacks its flags:\n%s", help)
				}
			})
		}
	}
}
