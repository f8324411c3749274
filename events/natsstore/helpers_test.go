package natsstore

import (
	"context"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// testTimeout guards against a hung test; it is not a performance threshold.
const testTimeout = 30 * time.Second

func testContext(tb testing.TB) context.Context {
	tb.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), testTimeout)
	tb.Cleanup(cancel)
	return ctx
}

// startServer runs an embedded server on dir until the test ends.
func startServer(tb testing.TB, dir string, syncAlways bool) *Embedded {
	tb.Helper()
	srv, err := StartEmbedded(EmbeddedConfig{Dir: dir, SyncAlways: syncAlways})
	if err != nil {
		tb.Fatalf("StartEmbedded: %v", err)
	}
	tb.Cleanup(func() { stopServer(srv) })
	return srv
}

func stopServer(srv interface {
	Shutdown()
	WaitForShutdown()
}) {
	srv.Shutdown()
	srv.WaitForShutdown()
}

func connect(tb testing.TB, srv *Embedded) *nats.Conn {
	tb.Helper()
	nc, err := ConnectEmbedded(srv, tb.Name())
	if err != nil {
		tb.Fatalf("ConnectEmbedded: %v", err)
	}
	tb.Cleanup(nc.Close)
	return nc
}

func jetStream(tb testing.TB, nc *nats.Conn) jetstream.JetStream {
	tb.Helper()
	js, err := jetstream.New(nc)
	if err != nil {
		tb.Fatalf("jetstream.New: %v", err)
	}
	return js
}

// newStore starts a fresh server and opens the default stream on it.
func newStore(tb testing.TB) (*Store, jetstream.JetStream) {
	tb.Helper()
	return newStoreSync(tb, false)
}

func newStoreSync(tb testing.TB, syncAlways bool) (*Store, jetstream.JetStream) {
	tb.Helper()
	srv := startServer(tb, tb.TempDir(), syncAlways)
	nc := connect(tb, srv)
	st, err := Open(testContext(tb), nc, Config{})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	return st, jetStream(tb, nc)
}

// mustAppend appends with the subject's current last seq and returns the new seq.
func mustAppend(tb testing.TB, st *Store, subject, id, data string) uint64 {
	tb.Helper()
	ctx := testContext(tb)
	last, err := st.LastSubjectSeq(ctx, subject)
	if err != nil {
		tb.Fatalf("LastSubjectSeq(%s): %v", subject, err)
	}
	ack, err := st.Append(ctx, subject, id, []byte(data), last)
	if err != nil {
		tb.Fatalf("Append(%s, %s): %v", subject, id, err)
	}
	if ack.Duplicate {
		tb.Fatalf("Append(%s, %s): unexpected duplicate of seq %d", subject, id, ack.Seq)
	}
	return ack.Seq
}
