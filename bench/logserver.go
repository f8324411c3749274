package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/projections"
)

// readBuffer is the pull buffer of the baselines' ordered consumers: the
// same as the product's (natsstore), so a ratio shows the product's own
// work rather than a different read window.
const readBuffer = 5000

// logServer is an embedded NATS holding a generated log. It listens on
// loopback so that child processes (serve, the replay child) read the very
// same stream; this process reads it in-process, as serve does.
type logServer struct {
	srv     *natsstore.Embedded
	nc      *nats.Conn
	js      jetstream.JetStream
	store   *natsstore.Store
	url     string
	last    uint64
	spec    LoadSpec
	seasons []SeasonInfo
	revoked []string // seasons where finishYear revoked an award
	once    sync.Once
}

// startLogServer starts an embedded NATS on dir. The generated log is
// loaded without an fsync per message: how it was written does not change
// how it reads.
func startLogServer(ctx context.Context, dir string, syncAlways bool) (*logServer, error) {
	srv, err := natsstore.StartEmbedded(natsstore.EmbeddedConfig{Dir: dir, Listen: "127.0.0.1:0", SyncAlways: syncAlways})
	if err != nil {
		return nil, err
	}
	l := &logServer{srv: srv, url: srv.ClientURL()}
	if l.nc, err = natsstore.ConnectEmbedded(srv, "thidua-bench"); err != nil {
		l.close()
		return nil, err
	}
	if l.store, err = natsstore.Open(ctx, l.nc, natsstore.Config{}); err != nil {
		l.close()
		return nil, err
	}
	if l.js, err = jetstream.New(l.nc, jetstream.WithPublishAsyncTimeout(time.Minute)); err != nil {
		l.close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	return l, nil
}

func (l *logServer) close() {
	l.once.Do(func() {
		if l.nc != nil {
			l.nc.Close()
		}
		l.srv.Shutdown()
		l.srv.WaitForShutdown()
	})
}

// load generates a log into the empty stream and checks that every
// message got the sequence its chain fields were computed for.
func (l *logServer) load(ctx context.Context, spec LoadSpec) error {
	g, err := NewGenerator(spec)
	if err != nil {
		return err
	}
	l.spec, l.seasons = spec, g.Seasons()
	last, err := publishAll(ctx, l.js, g.Next)
	if err != nil {
		return err
	}
	stored, err := l.store.LastSeq(ctx)
	if err != nil {
		return err
	}
	if stored != last {
		return fmt.Errorf("the stream holds %d messages, %d were generated", stored, last)
	}
	l.last = last
	return nil
}

// publishAll publishes messages in order with async publishes and checks
// each acknowledged sequence against the one the message was made for.
func publishAll(ctx context.Context, js jetstream.JetStream, next func() (Message, bool, error)) (uint64, error) {
	type inflight struct {
		f   jetstream.PubAckFuture
		seq uint64
	}
	acks := make(chan inflight, 4096)
	checked := make(chan error, 1)
	go func() {
		var first error
		for p := range acks {
			select {
			case a := <-p.f.Ok():
				if a.Sequence != p.seq && first == nil {
					first = fmt.Errorf("message made for seq %d was stored at seq %d", p.seq, a.Sequence)
				}
			case err := <-p.f.Err():
				if first == nil {
					first = fmt.Errorf("publish seq %d: %w", p.seq, err)
				}
			}
		}
		checked <- first
	}()
	var last uint64
	var err error
	for err == nil {
		var m Message
		var ok bool
		if m, ok, err = next(); err != nil || !ok {
			break
		}
		if m.Seq%10000 == 0 && ctx.Err() != nil {
			err = ctx.Err()
			break
		}
		var f jetstream.PubAckFuture
		if f, err = js.PublishAsync(m.Subject, m.Data, jetstream.WithStallWait(time.Minute)); err != nil {
			err = fmt.Errorf("publish seq %d: %w", m.Seq, err)
			break
		}
		acks <- inflight{f, m.Seq}
		last = m.Seq
	}
	close(acks)
	if aerr := <-checked; err == nil {
		err = aerr
	}
	return last, err
}

// rawRead is the read baseline: an ordered consumer over filter with the
// product's pull buffer, every message taken and discarded. It returns how
// many it read and how long that took from the consumer's creation.
func rawRead(ctx context.Context, js jetstream.JetStream, filter string) (uint64, time.Duration, error) {
	stream, err := js.Stream(ctx, natsstore.DefaultStream)
	if err != nil {
		return 0, 0, fmt.Errorf("stream: %w", err)
	}
	start := time.Now()
	cons, err := stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return 0, 0, fmt.Errorf("ordered consumer: %w", err)
	}
	defer func() {
		if info := cons.CachedInfo(); info != nil {
			_ = js.DeleteConsumer(context.WithoutCancel(ctx), natsstore.DefaultStream, info.Name)
		}
	}()
	want := cons.CachedInfo().NumPending
	it, err := cons.Messages(jetstream.PullMaxMessages(readBuffer))
	if err != nil {
		return 0, 0, fmt.Errorf("consume: %w", err)
	}
	defer it.Stop()
	var n uint64
	for n < want {
		if _, err := it.Next(jetstream.NextContext(ctx)); err != nil {
			return n, 0, fmt.Errorf("read message %d of %d: %w", n+1, want, err)
		}
		n++
	}
	return n, time.Since(start), nil
}

// running is a projector following a log, as serve runs it.
type running struct {
	proj   *projections.Projector
	cancel context.CancelFunc
	done   chan struct{}
	err    error // Run's result, set before done closes
}

// startProjector opens a read model at path and runs its projector over log.
func startProjector(ctx context.Context, path string, log projections.Log) (*running, error) {
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	proj, err := projections.Open(ctx, path, quiet)
	if err != nil {
		return nil, err
	}
	runCtx, cancel := context.WithCancel(ctx)
	r := &running{proj: proj, cancel: cancel, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		r.err = proj.Run(runCtx, log)
	}()
	return r, nil
}

// waitFor waits until the read model has folded seq; it fails when the
// projector halts or stops first.
func (r *running) waitFor(ctx context.Context, seq uint64) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	waited := make(chan error, 1)
	go func() { waited <- r.proj.WaitFor(ctx, seq) }()
	select {
	case err := <-waited:
		return err
	case <-r.done:
		cancel()
		if err := <-waited; err == nil {
			return nil
		}
		return fmt.Errorf("projector stopped at seq %d before seq %d: %w", r.proj.Checkpoint(), seq, errors.Join(r.err, errors.New("run returned")))
	}
}

// waitLogged is waitFor with a progress line every interval, for the
// catch-ups that take minutes at national scale.
func (r *running) waitLogged(ctx context.Context, seq uint64, progress func(string, ...any), what string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				progress("%s: %d of %d", what, r.proj.Checkpoint(), seq)
			case <-ctx.Done():
				return
			}
		}
	}()
	return r.waitFor(ctx, seq)
}

// progressEvery is how often a long wait says how far it is.
const progressEvery = 15 * time.Second

// stop ends the projector and closes its read model.
func (r *running) stop() error {
	r.cancel()
	<-r.done
	return errors.Join(r.err, r.proj.Close())
}

// rankingsOf returns every season's rankings in a read model: "season view"
// → the rankings' units array, byte for byte as the API serves it.
func rankingsOf(snap *projections.Snapshot) map[string][]byte {
	out := map[string][]byte{}
	for id, ss := range snap.Seasons {
		for view, vs := range ss.Views {
			out[id+" "+string(view)] = vs.Units
		}
	}
	return out
}

func dbPath(dir, name string) string { return filepath.Join(dir, name+".db") }
