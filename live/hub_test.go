package live_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/events"
	"github.com/thidua/thidua/events/natsstore/natstest"
	"github.com/thidua/thidua/ledger"
	"github.com/thidua/thidua/live"
	"github.com/thidua/thidua/projections"
)

// world is a real log, projector and ledger with the demo season open, and
// a running hub.
type world struct {
	led *ledger.Ledger
	hub *live.Hub
	reg *prometheus.Registry
}

func start(t *testing.T, buffer int) *world {
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
	led := ledger.New(store, proj, time.Now)
	season := domain.DemoSeason()
	ev, _ := ledger.NewEvent(domain.DemoSeasonID, "open", events.TypeSeasonOpened, "", "", events.Author{Role: events.RoleAdmin}, &season, nil)
	if _, _, err := led.AppendEvent(ctx, ev, &season); err != nil {
		t.Fatal(err)
	}
	return &world{led: led, hub: hub, reg: reg}
}

// congress records one more ward congress of Hà Đông (17 wards), which
// raises its claimed total every time: a change on every append.
func (w *world) congress(t *testing.T, ward int) uint64 {
	t.Helper()
	body := fmt.Sprintf(`{"type":"congress.completed","unit":"ha-dong","date":"2024-04-01","data":{"level":"ward","ward":"p-%d","delegates":120},"evidence":[{"kind":"document","title":"Nghị quyết đại hội"}]}`, ward)
	r, _, err := w.led.Append(context.Background(), domain.DemoSeasonID, events.Author{Role: events.RoleUnit, Unit: "ha-dong", Token: "t"}, []byte(body))
	if err != nil {
		t.Fatal(err)
	}
	return r.Seq
}

type rankings struct {
	Season string `json:"season"`
	View   string `json:"view"`
	Seq    uint64 `json:"seq"`
	Units  []struct {
		Unit  string  `json:"unit"`
		Total float64 `json:"total"`
	} `json:"units"`
}

// parse checks a frame's SSE framing and returns its body.
func parse(t *testing.T, f live.Frame) rankings {
	t.Helper()
	s := string(f.Data)
	head := fmt.Sprintf("id: %d\nevent: rankings\ndata: ", f.Seq)
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, "\n\n") || strings.Count(s, "\n") != 4 {
		t.Fatalf("frame is not one SSE message with id %d: %q", f.Seq, s)
	}
	var r rankings
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(s, head), "\n\n")), &r); err != nil {
		t.Fatal(err)
	}
	if r.Seq != f.Seq {
		t.Fatalf("frame id %d, body seq %d", f.Seq, r.Seq)
	}
	return r
}

func total(r rankings, unit string) float64 {
	for _, u := range r.Units {
		if u.Unit == unit {
			return u.Total
		}
	}
	return -1
}

func next(t *testing.T, s *live.Subscription) live.Frame {
	t.Helper()
	select {
	case f := <-s.C():
		return f
	case <-s.Dropped():
		t.Fatal("subscription dropped")
	case <-time.After(10 * time.Second):
		t.Fatal("no frame within 10 s")
	}
	return live.Frame{}
}

func TestSubscriberSeesTheCurrentRankingThenEachChange(t *testing.T) {
	w := start(t, 8)
	sub := w.hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	defer w.hub.Unsubscribe(sub)
	first := parse(t, next(t, sub))
	if first.Season != domain.DemoSeasonID || first.View != "claimed" || total(first, "ha-dong") != 0 {
		t.Fatalf("first frame: %+v", first)
	}
	prev := first
	for ward := 1; ward <= 3; ward++ {
		seq := w.congress(t, ward)
		r := parse(t, next(t, sub))
		if r.Seq < seq {
			t.Fatalf("ward %d at seq %d: frame reflects seq %d", ward, seq, r.Seq)
		}
		if total(r, "ha-dong") <= total(prev, "ha-dong") {
			t.Fatalf("ward %d: total %v did not rise from %v", ward, total(r, "ha-dong"), total(prev, "ha-dong"))
		}
		prev = r
	}
}

// A fact that changes only the claimed view sends nothing to the verified
// view's watchers: a frame means the ranking changed.
func TestUnchangedViewSendsNothing(t *testing.T) {
	w := start(t, 8)
	verified := w.hub.Subscribe(domain.DemoSeasonID, domain.Verified)
	claimed := w.hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	defer w.hub.Unsubscribe(verified)
	defer w.hub.Unsubscribe(claimed)
	next(t, verified)
	next(t, claimed)
	seq := w.congress(t, 1)
	if r := parse(t, next(t, claimed)); r.Seq < seq {
		t.Fatalf("claimed frame at seq %d, want ≥ %d", r.Seq, seq)
	}
	select {
	case f := <-verified.C():
		t.Fatalf("verified view did not change, got a frame: %s", f.Data)
	case <-time.After(200 * time.Millisecond):
	}
}

// A subscriber that stops reading is dropped once its buffer is full, while
// one that reads keeps receiving every change to the end.
func TestSlowSubscriberIsDroppedOthersKeepReceiving(t *testing.T) {
	w := start(t, 2)
	slow := w.hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	fast := w.hub.Subscribe(domain.DemoSeasonID, domain.Claimed)
	defer w.hub.Unsubscribe(slow)
	defer w.hub.Unsubscribe(fast)

	got := make(chan rankings, 64)
	go func() {
		for {
			select {
			case f := <-fast.C():
				got <- parse(t, f)
			case <-fast.Dropped():
				close(got)
				return
			}
		}
	}()
	var last uint64
	for ward := 1; ward <= 10; ward++ {
		last = w.congress(t, ward)
	}
	select {
	case <-slow.Dropped():
	case <-time.After(10 * time.Second):
		t.Fatal("the slow subscriber was not dropped")
	}
	deadline := time.After(10 * time.Second)
	for {
		select {
		case r, ok := <-got:
			if !ok {
				t.Fatal("the reading subscriber was dropped")
			}
			if r.Seq >= last {
				if total(r, "ha-dong") != 3.52 { // 6 × 10/17, floored to the cent
					t.Fatalf("last frame: ha-dong %v, want 3.52", total(r, "ha-dong"))
				}
				if n := metric(t, w.reg, "thidua_live_dropped_total"); n != 1 {
					t.Fatalf("thidua_live_dropped_total = %v, want 1", n)
				}
				return
			}
		case <-deadline:
			t.Fatalf("the reading subscriber never saw seq %d", last)
		}
	}
}

func metric(t *testing.T, reg *prometheus.Registry, name string) float64 {
	t.Helper()
	mfs, err := reg.Gather()
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
