// Package live pushes rankings to open pages as the read model commits.
//
// The projector's "committed up to seq N" signal is published on an
// in-process watermill bus; a watermill router handler (with panic recovery
// and Prometheus metrics) turns each commit into one pre-encoded SSE frame
// per watched season and view and hands it to every subscriber without
// waiting: a subscriber whose buffer is full is dropped, never waited for, so
// a slow browser cannot hold up the projector or the other browsers.
package live

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"

	"github.com/ThreeDotsLabs/watermill"
	"github.com/ThreeDotsLabs/watermill/components/metrics"
	"github.com/ThreeDotsLabs/watermill/message"
	"github.com/ThreeDotsLabs/watermill/message/router/middleware"
	"github.com/ThreeDotsLabs/watermill/pubsub/gochannel"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/thidua/thidua/domain"
	"github.com/thidua/thidua/projections"
)

// committedTopic carries "the read model has committed up to seq N".
const committedTopic = "thidua.committed"

// Source is what the hub reads: committed snapshots and the signal that a
// new one is in place. Uncommitted state never reaches it.
type Source interface {
	Snapshot() *projections.Snapshot
	Changed() <-chan struct{}
}

// Config tunes the hub; zero values take the defaults.
type Config struct {
	// Buffer is how many frames a subscriber may be behind before it is
	// dropped (default 8).
	Buffer int
	// Registerer receives the hub's and the router's metrics (optional).
	Registerer prometheus.Registerer
	Logger     *slog.Logger
}

// Frame is one SSE message, encoded once and shared by every subscriber.
type Frame struct {
	Seq  uint64
	Data []byte // "id: …\nevent: rankings\ndata: …\n\n"
}

// Subscription is one open page's feed of frames for a season and view.
type Subscription struct {
	key     key
	c       chan Frame
	dropped chan struct{}
	seq     uint64 // last frame handed over; guarded by the hub's mutex
}

// C delivers frames, newest state last.
func (s *Subscription) C() <-chan Frame { return s.c }

// Dropped is closed when the hub gave up on a subscriber that fell behind.
func (s *Subscription) Dropped() <-chan struct{} { return s.dropped }

type key struct {
	season string
	view   domain.View
}

// Hub fans committed rankings out to subscribers.
type Hub struct {
	src    Source
	buffer int
	logger *slog.Logger
	bus    *gochannel.GoChannel
	router *message.Router

	mu   sync.Mutex
	subs map[key]map[*Subscription]struct{}
	last map[key][]byte // units bytes of the last frame sent per key

	clients prometheus.Gauge
	drops   prometheus.Counter
	frames  prometheus.Counter
}

// New builds a hub; Run starts it.
func New(src Source, cfg Config) (*Hub, error) {
	if cfg.Buffer <= 0 {
		cfg.Buffer = 8
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	wlog := watermill.NewSlogLoggerWithLevelMapping(cfg.Logger, map[slog.Level]slog.Level{slog.LevelInfo: slog.LevelDebug})
	h := &Hub{
		src: src, buffer: cfg.Buffer, logger: cfg.Logger,
		// Publish blocks until the handler has taken the signal: commits
		// that arrive meanwhile coalesce into the next one (see feed).
		bus:  gochannel.NewGoChannel(gochannel.Config{BlockPublishUntilSubscriberAck: true}, wlog),
		subs: map[key]map[*Subscription]struct{}{},
		last: map[key][]byte{},
		clients: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "thidua_live_clients", Help: "Open live rankings streams.",
		}),
		drops: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_live_dropped_total", Help: "Live streams dropped because the client fell behind.",
		}),
		frames: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "thidua_live_frames_total", Help: "Rankings frames handed to live streams.",
		}),
	}
	router, err := message.NewRouter(message.RouterConfig{}, wlog)
	if err != nil {
		return nil, fmt.Errorf("live: router: %w", err)
	}
	if cfg.Registerer != nil {
		if err := registerAll(cfg.Registerer, h.clients, h.drops, h.frames); err != nil {
			return nil, err
		}
		metrics.NewPrometheusMetricsBuilder(cfg.Registerer, "thidua", "live").AddPrometheusRouterMetrics(router)
	}
	// Outermost first: a failed or panicking push is logged and the signal
	// acknowledged; the next commit pushes again from the newest snapshot,
	// so redelivering a stale signal would gain nothing.
	router.AddMiddleware(h.logAndAck, middleware.Recoverer)
	router.AddConsumerHandler("rankings", committedTopic, h.bus, h.push)
	h.router = router
	return h, nil
}

func registerAll(reg prometheus.Registerer, cs ...prometheus.Collector) error {
	for _, c := range cs {
		if err := reg.Register(c); err != nil {
			return fmt.Errorf("live: register metrics: %w", err)
		}
	}
	return nil
}

func (h *Hub) logAndAck(next message.HandlerFunc) message.HandlerFunc {
	return func(msg *message.Message) ([]*message.Message, error) {
		out, err := next(msg)
		if err != nil {
			h.logger.Error("live rankings push failed", "seq", msg.Metadata.Get("seq"), "err", err)
		}
		return out, nil
	}
}

// Run feeds commits to the router until ctx ends.
func (h *Hub) Run(ctx context.Context) error {
	routerDone := make(chan error, 1)
	go func() { routerDone <- h.router.Run(ctx) }()
	select {
	case <-h.router.Running():
	case err := <-routerDone:
		return fmt.Errorf("live: router: %w", err)
	}
	err := h.feed(ctx)
	h.router.Close()
	if rerr := <-routerDone; rerr != nil && err == nil {
		err = fmt.Errorf("live: router: %w", rerr)
	}
	h.bus.Close()
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

// feed publishes one signal per commit it sees; commits made while a push
// runs are folded into the next signal, as the push reads the newest
// snapshot anyway.
func (h *Hub) feed(ctx context.Context) error {
	var sent uint64
	for {
		changed := h.src.Changed()
		if seq := h.src.Snapshot().Checkpoint; seq > sent {
			msg := message.NewMessage(watermill.NewUUID(), []byte(strconv.FormatUint(seq, 10)))
			msg.Metadata.Set("seq", strconv.FormatUint(seq, 10))
			msg.SetContext(ctx)
			if err := h.bus.Publish(committedTopic, msg); err != nil {
				return fmt.Errorf("live: publish commit %d: %w", seq, err)
			}
			sent = seq
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// push sends the newest committed rankings to the subscribers of every
// season and view whose ranking changed since the last frame.
func (h *Hub) push(*message.Message) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	snap := h.src.Snapshot()
	for k, subs := range h.subs {
		vs := viewOf(snap, k)
		if vs == nil || bytes.Equal(vs.Units, h.last[k]) {
			continue
		}
		h.last[k] = vs.Units
		f := frame(snap.Checkpoint, k, vs)
		for s := range subs {
			h.send(s, f)
		}
	}
	return nil
}

// send hands a frame over without blocking, or drops the subscriber.
// Callers hold h.mu.
func (h *Hub) send(s *Subscription, f Frame) {
	if f.Seq <= s.seq {
		return // it already has this state or a newer one
	}
	select {
	case s.c <- f:
		s.seq = f.Seq
		h.frames.Inc()
	default:
		h.remove(s)
		close(s.dropped)
		h.drops.Inc()
		h.logger.Info("live stream dropped: client too slow", "season", s.key.season, "view", s.key.view, "behind", len(s.c))
	}
}

func viewOf(snap *projections.Snapshot, k key) *projections.ViewSnap {
	if ss := snap.Seasons[k.season]; ss != nil {
		return ss.Views[k.view]
	}
	return nil
}

func frame(seq uint64, k key, vs *projections.ViewSnap) Frame {
	body := projections.RankingsReply{Season: k.season, View: k.view, Seq: seq, Units: vs.Units, Awards: vs.Awards}.JSON()
	b := make([]byte, 0, len(body)+48)
	b = append(b, "id: "...)
	b = strconv.AppendUint(b, seq, 10)
	b = append(b, "\nevent: rankings\ndata: "...)
	b = append(b, body...) // JSON from encoding/json has no raw newlines
	b = append(b, "\n\n"...)
	return Frame{Seq: seq, Data: b}
}

// Subscribe opens a feed of a season's view; its first frame, the current
// ranking, is already waiting when the view exists.
func (h *Hub) Subscribe(season string, view domain.View) *Subscription {
	s := &Subscription{key: key{season, view}, c: make(chan Frame, h.buffer), dropped: make(chan struct{})}
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.subs[s.key] == nil {
		h.subs[s.key] = map[*Subscription]struct{}{}
	}
	h.subs[s.key][s] = struct{}{}
	h.clients.Inc()
	snap := h.src.Snapshot()
	if vs := viewOf(snap, s.key); vs != nil {
		if _, ok := h.last[s.key]; !ok {
			// First watcher of this view: pushes compare against what it got.
			// (With watchers already there, last must stay as they saw it.)
			h.last[s.key] = vs.Units
		}
		h.send(s, frame(snap.Checkpoint, s.key, vs))
	}
	return s
}

// Unsubscribe ends a feed; it is safe after the hub dropped it.
func (h *Hub) Unsubscribe(s *Subscription) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.remove(s)
}

func (h *Hub) remove(s *Subscription) {
	subs := h.subs[s.key]
	if _, ok := subs[s]; !ok {
		return
	}
	delete(subs, s)
	h.clients.Dec()
	if len(subs) == 0 {
		delete(h.subs, s.key)
		delete(h.last, s.key)
	}
}
