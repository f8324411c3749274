package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/thidua/thidua/domain"
)

// syncBuffer is written by Run's goroutines and read by the test.
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

// waitFor polls until cond holds or the test's minute is up: a bound on a
// hang, not a timing under test.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("never %s", what)
		}
	}
}

// TestRunDemo runs serve as the thidua command and the bench do: with the
// defaults, an embedded log and --demo. It says where it listens, answers
// /readyz, opens the demo seasons with a token per role, holds its data
// directory against a second serve, and stops cleanly when ctx ends.
func TestRunDemo(t *testing.T) {
	cfg := DefaultConfig()
	cfg.Data, cfg.HTTPAddr, cfg.Demo = t.TempDir(), "127.0.0.1:0", true
	var logs, stdout syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- Run(ctx, cfg, slog.New(slog.NewJSONHandler(&logs, nil)), &stdout) }()

	waitFor(t, "printed the demo's tokens", func() bool { return strings.Contains(stdout.String(), "demo-tokens.sh") })
	var url string
	for _, line := range strings.Split(logs.String(), "\n") {
		var l struct{ Msg, HTTP string }
		if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "serving" {
			url = l.HTTP
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("no serving line with the address in the log:\n%s", logs.String())
	}
	waitFor(t, "ready", func() bool {
		res, err := http.Get(url + "/readyz")
		if err != nil {
			return false
		}
		res.Body.Close()
		return res.StatusCode == http.StatusOK
	})
	out := stdout.String()
	for _, want := range []string{domain.DemoSeasonID, domain.DemoSeason2025ID, "admin", "committee", "auditor", "unit cau-giay"} {
		if !strings.Contains(out, want) {
			t.Errorf("the demo's output lacks %q:\n%s", want, out)
		}
	}
	if sh, err := os.ReadFile(filepath.Join(cfg.Data, "demo-tokens.sh")); err != nil || !strings.Contains(string(sh), "ADMIN_TOKEN=thidua_admin_") {
		t.Errorf("demo-tokens.sh: %v %q", err, sh)
	}

	second := cfg
	second.Demo = false
	if err := Run(ctx, second, slog.New(slog.DiscardHandler), &syncBuffer{}); !errors.Is(err, ErrDataInUse) {
		t.Errorf("a second serve on the same data directory: %v, want ErrDataInUse", err)
	}

	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run after ctx ended: %v", err)
	}
	if !strings.Contains(logs.String(), `"msg":"stopped"`) {
		t.Errorf("no stopped line in the log:\n%s", logs.String())
	}
}
