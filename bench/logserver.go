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

	"github.com/thidua/thidua/events/natsstore"
	"github.com/thidua/thidua/projections"
)

// logServer is an embedded NATS holding a generated log. It listens on
// loopback so that child processes (serve, the replay child) read the very
// same stream; this process reads it in-process, as serve does.
type logServer struct {
	srv     *natsstore.Embedded
	nc      *natsstore.Conn
	raw     *natsstore.Raw // the baselines' plain JetStream
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
	if l.raw, err = natsstore.NewRaw(ctx, l.nc, natsstore.DefaultStream); err != nil {
		l.close()
		return nil, err
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
	last, err := publishAll(ctx, l.raw, g.Next)
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
func publishAll(ctx context.Context, raw *natsstore.Raw, next func() (Message, bool, error)) (uint64, error) {
	var mu sync.Mutex // seqs grows as acks come in on another goroutine
	var seqs []uint64 // the seq each message was made for, by publish index
	var first error
	var last uint64
	err := raw.PublishAsync(func() (string, []byte, bool, error) {
		m, ok, err := next()
		if err != nil || !ok {
			return "", nil, false, err
		}
		if m.Seq%10000 == 0 && ctx.Err() != nil {
			return "", nil, false, ctx.Err()
		}
		mu.Lock()
		seqs = append(seqs, m.Seq)
		mu.Unlock()
		last = m.Seq
		return m.Subject, m.Data, true, nil
	}, func(i int, seq uint64, err error) {
		mu.Lock()
		want := seqs[i]
		mu.Unlock()
		switch {
		case first != nil:
		case err != nil:
			first = fmt.Errorf("publish seq %d: %w", want, err)
		case seq != want:
			first = fmt.Errorf("message made for seq %d was stored at seq %d", want, seq)
		}
	})
	if err == nil {
		err = first
	}
	return last, err
}

// rawRead is the read baseline: an ordered consumer over filter with the
// product's pull buffer, every message taken and discarded. It returns how
// many it read and how long that took from the consumer's creation.
func rawRead(ctx context.Context, raw *natsstore.Raw, filter string) (uint64, time.Duration, error) {
	start := time.Now()
	n, err := raw.Read(ctx, filter)
	return n, time.Since(start), err
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
