// Package livetest starts, for a test, the real pieces a live stream stands
// on: an embedded NATS log, a running projector over a temp SQLite, a
// ledger and a running live hub. No fakes.
package livetest

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/live"
	"github.com/thidua/thidua/projections"
)

// Stack is the running pieces; everything stops when the test ends.
type Stack struct {
	Store     *natsstore.Store
	Projector *projections.Projector
	Ledger    *ledger.Ledger
	Hub       *live.Hub
	Registry  *prometheus.Registry // the hub's metrics
}

// Start runs the stack with the hub's frame buffer (0: the default).
func Start(t *testing.T, buffer int) *Stack {
	t.Helper()
	dir := t.TempDir()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	store := natstest.Start(t, filepath.Join(dir, "nats"))
	proj, err := projections.Open(context.Background(), filepath.Join(dir, "read.db"), quiet)
	if err != nil {
		t.Fatal(err)
	}
	reg := prometheus.NewRegistry()
	hub, err := live.New(proj, live.Config{Buffer: buffer, Registerer: reg, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	projDone, hubDone := make(chan error, 1), make(chan error, 1)
	go func() { projDone <- proj.Run(ctx, store) }()
	go func() { hubDone <- hub.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-hubDone; err != nil {
			t.Errorf("hub: %v", err)
		}
		<-projDone
		proj.Close()
	})
	return &Stack{Store: store, Projector: proj, Ledger: ledger.New(store, proj, time.Now), Hub: hub, Registry: reg}
}

// Metric reads a counter or gauge of the hub's registry.
func (s *Stack) Metric(t *testing.T, name string) float64 {
	t.Helper()
	mfs, err := s.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == name {
			m := mf.GetMetric()[0]
			if c := m.GetCounter(); c != nil {
				return c.GetValue()
			}
			return m.GetGauge().GetValue()
		}
	}
	t.Fatalf("no metric %s", name)
	return 0
}
