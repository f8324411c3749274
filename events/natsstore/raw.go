package natsstore

import (
	"context"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Conn is a connection to the log's NATS server, from Dial or
// ConnectEmbedded, to hand to Open and OpenFiles. It is NATS's own type:
// callers hold and close it but only natsstore speaks NATS through it.
type Conn = nats.Conn

// ReadBuffer is the pull buffer of every ordered consumer, the adapter's
// and Raw's alike, so that a baseline's ratio shows the product's own work
// rather than a different read window.
const ReadBuffer = readBuffer

// Raw is plain JetStream on the log's stream: publishes without a Msg-Id
// or an expected sequence, reads that convert nothing. It exists for the
// bench's baselines, which measure the adapter's and the product's cost
// against the bare server; the product never writes with it.
type Raw struct {
	js     jetstream.JetStream
	stream jetstream.Stream
}

// NewRaw opens the stream named stream (it must exist: Open creates it).
func NewRaw(ctx context.Context, nc *Conn, stream string) (*Raw, error) {
	js, err := jetstream.New(nc, jetstream.WithPublishAsyncTimeout(time.Minute))
	if err != nil {
		return nil, fmt.Errorf("natsstore: jetstream: %w", err)
	}
	s, err := js.Stream(ctx, stream)
	if err != nil {
		return nil, fmt.Errorf("natsstore: stream %s: %w", stream, err)
	}
	return &Raw{js: js, stream: s}, nil
}

// Publish publishes data on subject and waits for its ack: the stored seq.
func (r *Raw) Publish(ctx context.Context, subject string, data []byte) (uint64, error) {
	ack, err := r.js.Publish(ctx, subject, data)
	if err != nil {
		return 0, fmt.Errorf("natsstore: raw publish to %s: %w", subject, err)
	}
	return ack.Sequence, nil
}

// PublishAsync publishes what next returns, as fast as the server acks,
// until next says there is no more (ok false) or fails. acked is called
// from one goroutine, in publish order, with each message's index and its
// stored seq or its error. PublishAsync returns once every ack is in, with
// next's error or the first publish error.
func (r *Raw) PublishAsync(next func() (subject string, data []byte, ok bool, err error), acked func(i int, seq uint64, err error)) error {
	type inflight struct {
		f jetstream.PubAckFuture
		i int
	}
	acks := make(chan inflight, 8192)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for p := range acks {
			select {
			case a := <-p.f.Ok():
				acked(p.i, a.Sequence, nil)
			case err := <-p.f.Err():
				acked(p.i, 0, err)
			}
		}
	}()
	var err error
	for i := 0; ; i++ {
		subject, data, ok, nerr := next()
		if nerr != nil || !ok {
			err = nerr
			break
		}
		f, perr := r.js.PublishAsync(subject, data, jetstream.WithStallWait(time.Minute))
		if perr != nil {
			err = fmt.Errorf("natsstore: raw publish %d to %s: %w", i, subject, perr)
			break
		}
		acks <- inflight{f, i}
	}
	close(acks)
	<-done
	return err
}

// Read takes and drops every message on filter that the stream holds when
// it is called, through an ordered consumer with the adapter's pull
// buffer, and returns how many it read.
func (r *Raw) Read(ctx context.Context, filter string) (uint64, error) {
	cons, err := r.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return 0, fmt.Errorf("natsstore: ordered consumer: %w", err)
	}
	defer func() {
		if info := cons.CachedInfo(); info != nil {
			_ = r.js.DeleteConsumer(context.WithoutCancel(ctx), info.Stream, info.Name)
		}
	}()
	want := cons.CachedInfo().NumPending
	it, err := cons.Messages(jetstream.PullMaxMessages(readBuffer))
	if err != nil {
		return 0, fmt.Errorf("natsstore: consume: %w", err)
	}
	defer it.Stop()
	var n uint64
	for n < want {
		if _, err := it.Next(jetstream.NextContext(ctx)); err != nil {
			return n, fmt.Errorf("natsstore: read message %d of %d: %w", n+1, want, err)
		}
		n++
	}
	return n, nil
}

// Watch calls fn, from one goroutine, with the seq of every message on
// filter and the time an ordered consumer received it, until stop is
// called; stop returns once fn is no longer called.
func (r *Raw) Watch(ctx context.Context, filter string, fn func(seq uint64, at time.Time)) (stop func(), err error) {
	cons, err := r.stream.OrderedConsumer(ctx, jetstream.OrderedConsumerConfig{FilterSubjects: []string{filter}})
	if err != nil {
		return nil, fmt.Errorf("natsstore: ordered consumer: %w", err)
	}
	it, err := cons.Messages(jetstream.PullMaxMessages(readBuffer))
	if err != nil {
		return nil, fmt.Errorf("natsstore: consume: %w", err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			m, err := it.Next()
			if err != nil {
				return // stopped
			}
			at := time.Now()
			if meta, err := m.Metadata(); err == nil {
				fn(meta.Sequence.Stream, at)
			}
		}
	}()
	return func() { it.Stop(); <-done }, nil
}
